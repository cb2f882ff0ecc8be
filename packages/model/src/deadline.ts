import { z } from 'zod'
import { Span } from './span.js'

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('ISO 8601 calendar date, YYYY-MM-DD')

/** The variants of a deadline, with the span schema the caller needs (a task row's may be null). */
function deadlineOf<S extends z.ZodType>(span: S) {
  const base = { text: z.string().describe('the deadline as written'), span }
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('date'), ...base, date: IsoDate, alsoOngoing: z.boolean() }),
    z.object({
      kind: z.literal('period'),
      ...base,
      date: IsoDate.describe('end of the period'),
      from: IsoDate.nullable().describe('start of the period, when the text names one'),
      alsoOngoing: z.boolean(),
    }),
    z.object({ kind: z.literal('ongoing'), ...base }),
    z.object({ kind: z.literal('unspecified'), ...base }),
  ])
}

/**
 * When a measure is due.
 * - `date`: a point in time with month or day precision (2022年6月底前 → 2022-06-30);
 * - `period`: a year, half year, quarter or range (2022年 → 2022-12-31, the end of the period);
 * - `ongoing`: 长期坚持 / 持续推进 / 常态化 / 定期开展 / 动态调整 …, no end;
 * - `unspecified`: a deadline statement that names no time we can read.
 * `alsoOngoing` marks compound phrases such as 2022年6月底完成清理并长期坚持.
 */
export const Deadline = deadlineOf(Span)
export type Deadline = z.infer<typeof Deadline>
export type DeadlineKind = Deadline['kind']

/**
 * A deadline as a 任务清单 row holds it: a {@link Deadline} whose span is null when the row was read
 * from an imported table rather than generated from a measure.
 */
export const TaskDeadline = deadlineOf(Span.nullable().describe('span in the normalised text; null for an imported row'))
export type TaskDeadline = z.infer<typeof TaskDeadline>
