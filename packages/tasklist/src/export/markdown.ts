import { COLUMN_HEADERS, cellOptions, cellText } from '../columns.js'
import type { TaskTable } from '../columns.js'

/** Options of {@link writeMarkdown}. */
export interface MarkdownOptions {
  /** Put the table's title (when it has one) above the table as a `#` heading. Default `true`. */
  title?: boolean
}

/**
 * Escape one cell for a GitHub table: `\` and `|` are backslash-escaped (an unescaped `|`
 * would end the cell) and line breaks become `<br>` (a table row is one line).
 * @param text - the cell text
 * @returns the cell as written between pipes
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\r\n|\r|\n/g, '<br>')
}

/**
 * Write a 任务清单 as a GitHub-flavoured Markdown table of `table.columns`, optionally under its
 * title. Markdown is not evaluated, so formula-like cells are left as they are.
 * The input is not mutated.
 *
 * @param table - the table
 * @param options - see {@link MarkdownOptions}
 * @returns the Markdown text, ending with a newline
 */
export function writeMarkdown(table: TaskTable, options: MarkdownOptions = {}): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const lines = [
    line(table.columns.map((column) => COLUMN_HEADERS[column])),
    line(table.columns.map(() => '---')),
    ...table.rows.map((row) => line(table.columns.map((column) => escapeMarkdownCell(cellText(row, column, cellOptions(table)))))),
  ]
  const heading = (options.title ?? true) && table.title ? [`# ${table.title}`, ''] : []
  return [...heading, ...lines].join('\n') + '\n'
}
