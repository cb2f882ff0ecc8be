import { z } from 'zod'
import { Span } from './span.js'

/**
 * One row of a 任务清单: 序号, 所属专项, 改革方向, 升级措施, 牵头单位, 责任单位, 完成时限.
 * Generated rows carry the span of the measure they came from; imported rows carry the
 * line of the table they were read from.
 */
export const TaskRow = z.object({
  seq: z.number().int().positive(),
  specialty: z.string().nullable(),
  direction: z.string().nullable(),
  measure: z.string(),
  leadUnits: z.array(z.string()),
  units: z.string().describe('责任单位 as a 任务清单 writes it'),
  deadline: z.string().describe('完成时限 for display, e.g. 2022年12月 or 持续推进; empty when none'),
  deadlineDate: z.string().nullable().describe('ISO date of the deadline, null when none or ongoing'),
  span: Span.nullable().describe('span of the source measure in the normalised text'),
  measureId: z.string().nullable(),
  line: z.number().int().positive().nullable().describe('line (or row) of the imported table'),
})
export type TaskRow = z.infer<typeof TaskRow>
