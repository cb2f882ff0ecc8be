import { z } from 'zod'
import { Span } from './span.js'

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('ISO 8601 calendar date, YYYY-MM-DD')

const base = {
  text: z.string().describe('the deadline as written'),
  span: Span,
}

const DateDeadlineSchema = z.object({ kind: z.literal('date'), ...base, date: IsoDate, alsoOngoing: z.boolean() })
/** A point in time with month or day precision: 2022年6月底前 → `date` 2022-06-30. */
export interface DateDeadline extends z.output<typeof DateDeadlineSchema> {}

const PeriodDeadlineSchema = z.object({
  kind: z.literal('period'),
  ...base,
  date: IsoDate.describe('end of the period'),
  from: IsoDate.nullable().describe('start of the period, when the text names one'),
  alsoOngoing: z.boolean(),
})
/** A year, half year, quarter or range: 2022年 → `date` 2022-12-31, the end of the period. */
export interface PeriodDeadline extends z.output<typeof PeriodDeadlineSchema> {}

const OngoingDeadlineSchema = z.object({ kind: z.literal('ongoing'), ...base })
/** 长期坚持 / 持续推进 / 常态化 …: no end, no date. */
export interface OngoingDeadline extends z.output<typeof OngoingDeadlineSchema> {}

const UnspecifiedDeadlineSchema = z.object({ kind: z.literal('unspecified'), ...base })
/** A deadline statement that names no time we can read: no date. */
export interface UnspecifiedDeadline extends z.output<typeof UnspecifiedDeadlineSchema> {}

/**
 * When a measure is due: a {@link DateDeadline}, {@link PeriodDeadline}, {@link OngoingDeadline}
 * or {@link UnspecifiedDeadline}, told apart by `kind`; only the first two have a `date`
 * (`d.kind === 'date' && d.date`). `alsoOngoing` marks compound phrases such as
 * 2022年6月底完成清理并长期坚持.
 */
export type Deadline = DateDeadline | PeriodDeadline | OngoingDeadline | UnspecifiedDeadline
export const Deadline: z.ZodType<Deadline> = z.discriminatedUnion('kind', [
  DateDeadlineSchema,
  PeriodDeadlineSchema,
  OngoingDeadlineSchema,
  UnspecifiedDeadlineSchema,
])
export type DeadlineKind = Deadline['kind']
