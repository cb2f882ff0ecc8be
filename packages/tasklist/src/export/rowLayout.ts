import { cellOptions, cellText } from '../columns.js'
import type { TaskTable } from '../columns.js'
import { wrappedLines } from './layout.js'
import { verticalMerges } from './merge.js'
import type { MergeRange } from './merge.js'
import { pageBreaks } from './page.js'

/**
 * Font size × this = the height of one printed line, in points. Excel, WPS and Word draw 宋体
 * lines about 1.3 font sizes apart; LibreOffice, which substitutes Noto CJK where 宋体 is
 * missing, about 1.4. Rows are sized for the taller, so no program cuts text off.
 */
export const LINE_HEIGHT = 1.45

/** Vertical padding of a cell (top and bottom together), in points. */
export const CELL_PADDING = 5

/** Share of a page the paginator fills, leaving room for the printing program's own rounding. */
export const PAGE_FILL = 0.96

/**
 * Height in points of a cell showing `text` wrapped to `widthPt` at `fontSize`.
 * @param text - the cell text
 * @param widthPt - usable width of the cell (padding removed), in points
 * @param fontSize - font size in points
 */
export function textHeight(text: string, widthPt: number, fontSize: number): number {
  const lines = wrappedLines(text, widthPt / fontSize)
  // In long cells the estimate can fall a line short of the program's own line breaking (seen
  // on seed 002 in LibreOffice): one spare line keeps their last line from being cut off.
  return (lines + (lines >= 6 ? 1 : 0)) * fontSize * LINE_HEIGHT + CELL_PADDING
}

/** Options of {@link layoutRows}. */
export interface RowLayoutOptions {
  /** Usable text width of each column of `table.columns` (padding removed), in points. */
  widths: readonly number[]
  /** Font size in points. */
  fontSize: number
  /** Break pages between rows and restart merges on each page. */
  paginate: boolean
  /** Height available to body rows on the first page, in points (unscaled). */
  firstPage: number
  /** Height available to body rows on later pages, in points (unscaled). */
  otherPages: number
}

/** The laid-out body of a 任务清单. */
export interface RowLayout {
  /** Height of each body row, in whole points. */
  heights: number[]
  /** Rows that begin a printed page (see `pageBreaks`); empty when not paginating. */
  breaks: number[]
  /** Vertical merges, split at `breaks`. */
  merges: MergeRange[]
}

/**
 * Lay out the body rows of a 任务清单 for printing: each row is as tall as its tallest unmerged
 * cell, rows under a merge grow evenly until the merged text fits, and (when paginating) pages
 * break between whole rows with merges restarting on each page. Splitting a merge can make a
 * row taller, so this repeats until the page breaks settle. The input is not mutated.
 *
 * @param table - the table
 * @param options - see {@link RowLayoutOptions}
 * @returns heights, page breaks and merges
 */
export function layoutRows(table: TaskTable, options: RowLayoutOptions): RowLayout {
  let breaks: number[] = []
  let merges = verticalMerges(table)
  let heights = rowHeights(table, merges, options)
  if (!options.paginate) return { heights, breaks, merges }
  for (let pass = 0; pass < 5; pass++) {
    const next = pageBreaks(heights, options)
    if (pass > 0 && next.join() === breaks.join()) break
    breaks = next
    merges = verticalMerges(table, { breaks })
    heights = rowHeights(table, merges, options)
  }
  return { heights, breaks, merges }
}

function rowHeights(table: TaskTable, merges: readonly MergeRange[], options: RowLayoutOptions): number[] {
  const { widths, fontSize } = options
  const merged = new Set(merges.flatMap((m) => range(m.first, m.last).map((row) => `${m.column}:${row}`)))
  const minimum = fontSize * LINE_HEIGHT + CELL_PADDING
  const heights = table.rows.map((row, index) =>
    table.columns.reduce((height, column, c) => {
      if (merged.has(`${column}:${index}`)) return height
      return Math.max(height, textHeight(cellText(row, column, cellOptions(table)), widths[c] ?? fontSize, fontSize))
    }, minimum),
  )
  for (const merge of merges) {
    const row = table.rows[merge.first]
    if (row === undefined) continue
    const width = widths[table.columns.indexOf(merge.column)] ?? fontSize
    const need = textHeight(cellText(row, merge.column, cellOptions(table)), width, fontSize)
    const rows = range(merge.first, merge.last)
    const have = rows.reduce((sum, i) => sum + (heights[i] ?? 0), 0)
    if (need <= have) continue
    for (const i of rows) heights[i] = (heights[i] ?? 0) + (need - have) / rows.length
  }
  return heights.map((h) => Math.ceil(h))
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}
