import { z } from 'zod'
import { Span } from './span.js'

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('ISO 8601 calendar date, YYYY-MM-DD')

/** The variant schemas of a deadline, with the span schema the caller needs (a task row's may be null). */
function variantsOf<S extends z.ZodType>(span: S) {
  const base = { text: z.string().describe('the deadline as written'), span }
  return {
    date: z.object({ kind: z.literal('date'), ...base, date: IsoDate, alsoOngoing: z.boolean() }),
    period: z.object({
      kind: z.literal('period'),
      ...base,
      date: IsoDate.describe('end of the period'),
      from: IsoDate.nullable().describe('start of the period, when the text names one'),
      alsoOngoing: z.boolean(),
    }),
    ongoing: z.object({ kind: z.literal('ongoing'), ...base }),
    unspecified: z.object({ kind: z.literal('unspecified'), ...base }),
  }
}

const measureVariants = variantsOf(Span)

/** A point in time with month or day precision: 2022年6月底前 → `date` 2022-06-30. */
export interface DateDeadline extends z.output<typeof measureVariants.date> {}
/** A year, half year, quarter or range: 2022年 → `date` 2022-12-31, the end of the period. */
export interface PeriodDeadline extends z.output<typeof measureVariants.period> {}
/** 长期坚持 / 持续推进 / 常态化 / 定期开展 / 动态调整 …: no end, no date. */
export interface OngoingDeadline extends z.output<typeof measureVariants.ongoing> {}
/** A deadline statement that names no time we can read: no date. */
export interface UnspecifiedDeadline extends z.output<typeof measureVariants.unspecified> {}

/**
 * When a measure is due: a {@link DateDeadline}, {@link PeriodDeadline}, {@link OngoingDeadline}
 * or {@link UnspecifiedDeadline}, told apart by `kind`; only the first two have a `date`
 * (`d.kind === 'date' && d.date`). `alsoOngoing` marks compound phrases such as
 * 2022年6月底完成清理并长期坚持.
 */
export type Deadline = DateDeadline | PeriodDeadline | OngoingDeadline | UnspecifiedDeadline
export const Deadline: z.ZodType<Deadline> = z.discriminatedUnion('kind', [
  measureVariants.date,
  measureVariants.period,
  measureVariants.ongoing,
  measureVariants.unspecified,
])
export type DeadlineKind = Deadline['kind']

const taskVariants = variantsOf(Span.nullable().describe('span in the normalised text; null for an imported row'))
const TaskDeadlineSchema = z.discriminatedUnion('kind', [
  taskVariants.date,
  taskVariants.period,
  taskVariants.ongoing,
  taskVariants.unspecified,
])
/**
 * A deadline as a 任务清单 row holds it: a {@link Deadline} whose span is null when the row was read
 * from an imported table rather than generated from a measure.
 */
export type TaskDeadline = z.output<typeof TaskDeadlineSchema>
export const TaskDeadline: z.ZodType<TaskDeadline> = TaskDeadlineSchema
