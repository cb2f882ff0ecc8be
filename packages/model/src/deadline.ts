import { z } from 'zod'
import { Span } from './span.js'

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('ISO 8601 calendar date, YYYY-MM-DD')

const base = {
  text: z.string().describe('the deadline as written'),
  span: Span,
}

/**
 * When a measure is due.
 * - `date`: a point in time with month or day precision (2022年6月底前 → 2022-06-30);
 * - `period`: a year, half year, quarter or range (2022年 → 2022-12-31, the end of the period);
 * - `ongoing`: 长期坚持 / 持续推进 / 常态化 …, no end;
 * - `unspecified`: a deadline statement that names no time we can read.
 * `alsoOngoing` marks compound phrases such as 2022年6月底完成清理并长期坚持.
 */
export const Deadline = z.discriminatedUnion('kind', [
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
export type Deadline = z.infer<typeof Deadline>
export type DeadlineKind = Deadline['kind']
