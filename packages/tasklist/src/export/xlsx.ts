import ExcelJS from 'exceljs'
import { COLUMN_HEADERS, cellOptions, cellText } from '../columns.js'
import type { TaskColumn, TaskTable } from '../columns.js'
import { columnPixels, columnWidths } from './layout.js'
import { PAGE_MARGINS, PRINTABLE_HEIGHT, PRINTABLE_WIDTH } from './page.js'
import { CELL_PADDING, LINE_HEIGHT, PAGE_FILL, layoutRows, textHeight } from './rowLayout.js'

/** Options of {@link writeXlsx}. */
export interface XlsxOptions {
  /** Worksheet name. Default `任务清单`. */
  sheetName?: string
  /**
   * Font of every cell. Default `宋体` (SimSun): the table font of Chinese government documents,
   * present on every Chinese Windows and Office install; LibreOffice substitutes a CJK serif
   * (Noto Serif CJK) where it is missing.
   */
  font?: string
  /** Body and header font size in points. Default `10.5` (五号). */
  fontSize?: number
  /** Title font size in points. Default `16` (三号). */
  titleFontSize?: number
  /**
   * Break pages between whole rows and restart merged cells on each page, so every printed page
   * shows its 所属专项 and 改革方向 (as hand-made 任务清单 do). Default `true`. With `false` the
   * printing program breaks pages and a merge may cross a page break.
   */
  paginate?: boolean
  /** Creation and modification date written into the workbook. Default 2000-01-01T00:00:00Z, for reproducible files. */
  date?: Date
}

/** Horizontal padding of a cell (both sides), in pixels. */
const CELL_PADDING_PX = 12
/** GB2312 charset, so Excel picks the Chinese face of the font. */
const CHARSET_GB2312 = 134

const CENTRED: ReadonlySet<TaskColumn> = new Set(['seq', 'specialty', 'direction', 'lead', 'deadline'])

/** Usable text width in points of a column `width` Excel units wide. */
function textWidth(width: number): number {
  return ((columnPixels(width) - CELL_PADDING_PX) * 3) / 4
}

/**
 * Write a 任务清单 as an Excel workbook ready to print: one sheet with the title merged across
 * the columns, the header row (repeated on every printed page and frozen on screen), one row per
 * task with wrapped, vertically centred text and thin borders, equal 所属专项 / 改革方向 cells
 * merged (see `verticalMerges`), A4 landscape fitted to the page width, and page numbers in
 * the footer. Row heights are set from the text length, since printing programs do not size
 * wrapped or merged rows reliably. Every text cell is a string cell, never a formula.
 * The input is not mutated.
 *
 * @param table - the table; `table.columns` are the columns written, in order
 * @param options - see {@link XlsxOptions}
 * @returns the .xlsx file bytes
 */
export async function writeXlsx(table: TaskTable, options: XlsxOptions = {}): Promise<Uint8Array> {
  const font = options.font ?? '宋体'
  const fontSize = options.fontSize ?? 10.5
  const titleFontSize = options.titleFontSize ?? 16
  const columns = table.columns
  const widths = columnWidths(columns)

  const workbook = new ExcelJS.Workbook()
  const date = options.date ?? new Date(Date.UTC(2000, 0, 1))
  workbook.creator = 'policykb'
  workbook.created = date
  workbook.modified = date

  const hasTitle = table.title !== null && table.title.trim() !== ''
  const headerRow = hasTitle ? 2 : 1
  const sheet = workbook.addWorksheet(options.sheetName ?? '任务清单', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { ...PAGE_MARGINS },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
  })
  sheet.columns = widths.map((width) => ({ width }))

  const border = { style: 'thin' as const, color: { argb: 'FF000000' } }
  const borders = { top: border, left: border, bottom: border, right: border }
  const cellFont = { name: font, size: fontSize, charset: CHARSET_GB2312 }

  // Title.
  const tableWidthPx = widths.reduce((sum, w) => sum + columnPixels(w), 0)
  let titleHeight = 0
  if (hasTitle) {
    const title = sheet.getRow(1)
    title.getCell(1).value = table.title
    title.getCell(1).font = { ...cellFont, size: titleFontSize, bold: true }
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    titleHeight = Math.ceil(textHeight(table.title ?? '', ((tableWidthPx - CELL_PADDING_PX) * 3) / 4, titleFontSize) + 12)
    title.height = titleHeight
    if (columns.length > 1) sheet.mergeCells(1, 1, 1, columns.length)
  }

  // Header.
  const header = sheet.getRow(headerRow)
  const headerHeight = Math.ceil(
    columns.reduce(
      (h, column, c) => Math.max(h, textHeight(COLUMN_HEADERS[column], textWidth(widths[c] ?? 10), fontSize)),
      fontSize * LINE_HEIGHT + CELL_PADDING,
    ) + 4,
  )
  header.height = headerHeight
  columns.forEach((column, c) => {
    const cell = header.getCell(c + 1)
    cell.value = COLUMN_HEADERS[column]
    cell.font = { ...cellFont, bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = borders
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } }
  })

  // Body layout: fit-to-width shrinks the page content by `scale`, so a page holds
  // PRINTABLE_HEIGHT / scale points of unscaled rows.
  const scale = Math.min(1, Math.floor((PRINTABLE_WIDTH / (tableWidthPx * 0.75)) * 100) / 100)
  const pageRoom = (PRINTABLE_HEIGHT * PAGE_FILL) / scale
  const { heights, breaks, merges } = layoutRows(table, {
    widths: widths.map(textWidth),
    fontSize,
    paginate: options.paginate ?? true,
    firstPage: pageRoom - titleHeight - headerHeight,
    otherPages: pageRoom - headerHeight,
  })

  table.rows.forEach((row, index) => {
    const sheetRow = sheet.getRow(headerRow + 1 + index)
    sheetRow.height = heights[index] ?? fontSize * LINE_HEIGHT + CELL_PADDING
    columns.forEach((column, c) => {
      const cell = sheetRow.getCell(c + 1)
      // Strings are written as string cells (never `{ formula }`), so `=...` stays text.
      cell.value = column === 'seq' ? row.seq : cellText(row, column, cellOptions(table))
      cell.font = cellFont
      cell.alignment = { horizontal: CENTRED.has(column) ? 'center' : 'left', vertical: 'middle', wrapText: true }
      cell.border = borders
    })
  })
  for (const index of breaks) sheet.getRow(headerRow + index).addPageBreak()
  for (const merge of merges) {
    const c = columns.indexOf(merge.column) + 1
    sheet.mergeCells(headerRow + 1 + merge.first, c, headerRow + 1 + merge.last, c)
  }

  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}
