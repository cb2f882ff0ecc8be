import type { TaskColumn } from '../columns.js'

/**
 * Page-layout estimates shared by the xlsx and docx writers: column widths and how many lines a
 * wrapped cell takes. Spreadsheet programs (LibreOffice especially) do not reliably size rows of
 * merged or wrapped cells when printing, so the xlsx writer sets every row height itself from
 * these estimates; they err on the side of too tall.
 */

/**
 * Widths of the short columns, in Excel width units (one unit ≈ the width of `0` in the
 * workbook's default 11pt font: 7px at 96 dpi in Excel). 升级措施 and 责任单位 share the rest
 * of {@link TABLE_WIDTH}, two to one.
 */
export const COLUMN_WIDTHS: Record<Exclude<TaskColumn, 'measure' | 'units'>, number> = {
  seq: 6,
  // fits a six-character specialty (办理建筑许可) on one line
  specialty: 12,
  direction: 15,
  lead: 13,
  deadline: 13,
}

/**
 * Total table width in Excel width units: the printable width of landscape A4 (see `page.ts`)
 * in Excel, so fit-to-width keeps 10.5pt text at about 10.5pt there.
 */
export const TABLE_WIDTH = 139

/**
 * Widths of `columns`, in order, in Excel width units.
 * @param columns - the columns shown
 * @param total - total width the columns share; default {@link TABLE_WIDTH}
 * @returns one width per column; 升级措施 and 责任单位 share what the other columns leave of
 *   `total` two to one (升级措施 at least 40, 责任单位 at least 16)
 */
export function columnWidths(columns: readonly TaskColumn[], total: number = TABLE_WIDTH): number[] {
  const flexible = (column: TaskColumn) => column === 'measure' || column === 'units'
  const fixed = columns.reduce((sum, column) => sum + (flexible(column) ? 0 : COLUMN_WIDTHS[column]), 0)
  const rest = total - fixed
  const shares = { measure: columns.includes('units') ? (rest * 2) / 3 : rest, units: columns.includes('measure') ? rest / 3 : rest }
  return columns.map((column) => {
    if (column === 'measure') return Math.max(40, Math.round(shares.measure))
    if (column === 'units') return Math.max(16, Math.round(shares.units))
    return COLUMN_WIDTHS[column]
  })
}

/** Pixels (96 dpi) of a column `width` units wide, as Excel computes it for a 7px digit. */
export function columnPixels(width: number): number {
  return Math.trunc(width * 7 + 5)
}

/** Characters that may not begin a line (CJK line-breaking rules, 避头). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』”’】〕…—%,.;:?!)]}·'])
/** Characters that may not end a line (避尾). */
const NO_LINE_END = new Set([...'（《「『“‘【〔([{'])

/**
 * Width of one character in ems: 0.55 for ASCII (half-width Latin and digits in CJK fonts are
 * about half an em), 1 for everything else. Curly quotes and dashes count as full width, as CJK
 * fonts draw them in Chinese text, which errs towards too many lines rather than too few.
 */
export function charEms(char: string): number {
  return (char.codePointAt(0) ?? 0) < 0x80 ? 0.55 : 1
}

/**
 * How many lines `text` takes when wrapped to `widthEms`: each paragraph (split at line
 * breaks) wraps greedily; ASCII words and numbers (`2022`, `Ukey`) stay whole; a character that
 * may not begin a line pulls the previous character down with it, as CJK line breaking does.
 * @param text - the cell text
 * @param widthEms - the usable line width, in ems of the cell font
 * @returns at least 1
 */
export function wrappedLines(text: string, widthEms: number): number {
  let lines = 0
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    lines += paragraphLines(paragraph, Math.max(widthEms, 1))
  }
  return Math.max(lines, 1)
}

function paragraphLines(paragraph: string, width: number): number {
  const tokens = paragraph.match(/[A-Za-z0-9.%]+|[\s\S]/gu) ?? []
  let lines = 1
  let used = 0
  let last: string | undefined
  for (const token of tokens) {
    const ems = [...token].reduce((sum, char) => sum + charEms(char), 0)
    if (used + ems <= width + 1e-9) {
      used += ems
    } else if (ems > width) {
      // A word longer than a line breaks anywhere.
      lines += Math.ceil((used + ems) / width - 1e-9) - 1
      used = (used + ems) % width
    } else if (NO_LINE_START.has(token) && last !== undefined) {
      lines += 1
      used = [...last].reduce((sum, char) => sum + charEms(char), 0) + ems
    } else if (last !== undefined && NO_LINE_END.has(last)) {
      lines += 1
      used = charEms(last) + ems
    } else {
      lines += 1
      used = ems
    }
    last = token
  }
  return lines
}
