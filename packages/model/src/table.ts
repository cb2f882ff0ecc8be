import { z } from 'zod'
import { Span } from './span.js'

/** One row of an embedded table, with the span of its line in the normalised text. */
const TableRowSchema = z.object({ cells: z.array(z.string()), span: Span })
/** One row of an embedded table, with the span of its line in the normalised text. */
export interface TableRow extends z.output<typeof TableRowSchema> {}
export const TableRow: z.ZodType<TableRow> = TableRowSchema

/**
 * A table embedded in the text as tab-separated lines. Header rows repeated on every printed
 * page are folded into one table (`headerRepeats` counts them).
 */
const TableSchema = z.object({
  header: z.array(z.string()),
  rows: z.array(TableRow),
  headerRepeats: z.number().int().nonnegative(),
  kind: z.enum(['tasklist', 'indicators', 'other']),
  part: z.number().int().nullable().describe('attachment number of the part holding the table'),
  title: z.string().nullable().describe('the line just above the table, when it reads as a caption'),
  span: Span,
})
/**
 * A table embedded in the text as tab-separated lines. Header rows repeated on every printed
 * page are folded into one table (`headerRepeats` counts them).
 */
export interface Table extends z.output<typeof TableSchema> {}
export const Table: z.ZodType<Table> = TableSchema
