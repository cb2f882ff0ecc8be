import { COLUMN_HEADERS, cellOptions, cellText } from '../columns.js'
import type { TaskTable } from '../columns.js'
import { csvSafe } from './safeCell.js'

/** Options of {@link writeCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads the file as UTF-8. Default `true`. */
  bom?: boolean
}

/**
 * Quote one CSV field as RFC 4180 requires: fields holding `"`, `,`, CR or LF are wrapped in
 * double quotes, with inner quotes doubled.
 * @param field - the field text
 * @returns the field as written in the file
 */
export function quoteCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field
}

/**
 * Write a 任务清单 as CSV: the Chinese column headers of `table.columns`, then one record per
 * row, CRLF after every record (RFC 4180), and formula-like cells prefixed with `'`
 * (see `csvSafe`). The title is not written: a CSV has only the table. The input is not mutated.
 *
 * @param table - the table
 * @param options - see {@link CsvOptions}
 * @returns the file text; encode it as UTF-8 (the BOM is the leading `\uFEFF`)
 */
export function writeCsv(table: TaskTable, options: CsvOptions = {}): string {
  const records = [
    table.columns.map((column) => COLUMN_HEADERS[column]),
    ...table.rows.map((row) => table.columns.map((column) => csvSafe(cellText(row, column, cellOptions(table))))),
  ]
  const body = records.map((fields) => fields.map(quoteCsvField).join(',') + '\r\n').join('')
  return (options.bom ?? true) ? `\uFEFF${body}` : body
}
