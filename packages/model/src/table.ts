import { z } from 'zod'
import { Span } from './span.js'

/** One row of an embedded table, with the span of its line in the normalised text. */
export const TableRow = z.object({ cells: z.array(z.string()), span: Span })
export type TableRow = z.infer<typeof TableRow>

/**
 * A table embedded in the text as tab-separated lines. Header rows repeated on every printed
 * page are folded into one table (`headerRepeats` counts them).
 */
export const Table = z.object({
  header: z.array(z.string()),
  rows: z.array(TableRow),
  headerRepeats: z.number().int().nonnegative(),
  kind: z.enum(['tasklist', 'indicators', 'other']),
  part: z.number().int().nullable().describe('attachment number of the part holding the table'),
  title: z.string().nullable().describe('the line just above the table, when it reads as a caption'),
  span: Span,
})
export type Table = z.infer<typeof Table>
