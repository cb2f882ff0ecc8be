import type { TaskTable } from '../columns.js'
import { writeCsv } from './csv.js'
import type { CsvOptions } from './csv.js'
import { writeDocx } from './docx.js'
import type { DocxOptions } from './docx.js'
import { writeJson } from './json.js'
import { writeMarkdown } from './markdown.js'
import type { MarkdownOptions } from './markdown.js'
import { writeXlsx } from './xlsx.js'
import type { XlsxOptions } from './xlsx.js'

export { writeCsv, quoteCsvField } from './csv.js'
export type { CsvOptions } from './csv.js'
export { writeDocx } from './docx.js'
export type { DocxOptions } from './docx.js'
export { writeJson, toJsonRows } from './json.js'
export type { TaskRowJson } from './json.js'
export { writeMarkdown, escapeMarkdownCell } from './markdown.js'
export type { MarkdownOptions } from './markdown.js'
export { writeXlsx } from './xlsx.js'
export type { XlsxOptions } from './xlsx.js'
export { verticalMerges, mergeRoles } from './merge.js'
export type { MergeColumn, MergeRange, MergeOptions } from './merge.js'
export { csvSafe, isFormulaLike, FORMULA_TRIGGERS } from './safeCell.js'

/** The file formats a 任务清单 can be written as. */
export const EXPORT_FORMATS = ['xlsx', 'docx', 'csv', 'md', 'json'] as const
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Options of {@link writeTaskTable}: each writer takes the options meant for it. */
export type ExportOptions = XlsxOptions & DocxOptions & CsvOptions & MarkdownOptions

/**
 * Write a 任务清单 in one of {@link EXPORT_FORMATS}. The input is not mutated.
 * @param table - the table
 * @param format - `xlsx` or `docx` give file bytes; `csv`, `md` and `json` give text (encode as UTF-8)
 * @param options - passed to the format's writer; options of other formats are ignored
 * @returns the file: a `Uint8Array` for xlsx and docx, a string for the text formats
 */
export function writeTaskTable(table: TaskTable, format: 'xlsx' | 'docx', options?: ExportOptions): Promise<Uint8Array>
export function writeTaskTable(table: TaskTable, format: 'csv' | 'md' | 'json', options?: ExportOptions): Promise<string>
export function writeTaskTable(
  table: TaskTable,
  format: ExportFormat,
  options?: ExportOptions,
): Promise<Uint8Array | string>
export async function writeTaskTable(
  table: TaskTable,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<Uint8Array | string> {
  switch (format) {
    case 'xlsx':
      return writeXlsx(table, options)
    case 'docx':
      return writeDocx(table, options)
    case 'csv':
      return writeCsv(table, options)
    case 'md':
      return writeMarkdown(table, options)
    case 'json':
      return writeJson(table)
    default:
      throw new Error(`Cannot \`writeTaskTable\` as ${JSON.stringify(format)}: use one of ${EXPORT_FORMATS.join(', ')}`)
  }
}
