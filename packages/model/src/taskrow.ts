import { z } from 'zod'
import { TaskDeadline } from './deadline.js'
import { Span } from './span.js'
import { TaskUnit } from './unit.js'

/**
 * One row of a 任务清单: 序号, 所属专项, 改革方向, 升级措施, 牵头单位, 责任单位, 完成时限.
 * Units and the deadline are data, not display text: the exporters write the cells from them
 * (role words, the deadline as written or normalised). Generated rows carry the span of the
 * measure they came from; imported rows carry the line of the table they were read from.
 */
export const TaskRow = z.object({
  seq: z.number().int().positive(),
  specialty: z.string().nullable(),
  direction: z.string().nullable(),
  measure: z.string(),
  leadUnits: z.array(TaskUnit).describe('牵头单位: the units the row names as lead'),
  units: z.array(TaskUnit).describe('every unit of the row, lead included, in document order'),
  deadline: TaskDeadline.nullable().describe('完成时限; null when none'),
  deadlineDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .describe('ISO date the row falls due (end of a period), null when none, ongoing or unspecified'),
  span: Span.nullable().describe('span of the source measure in the normalised text'),
  measureId: z.string().nullable(),
  line: z.number().int().positive().nullable().describe('line (or row) of the imported table'),
})
export type TaskRow = z.infer<typeof TaskRow>
