import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx'
import { COLUMN_HEADERS, cellOptions, cellText } from '../columns.js'
import type { TaskColumn, TaskTable } from '../columns.js'
import { columnWidths } from './layout.js'
import { mergeRoles } from './merge.js'
import { PAGE_MARGINS, PRINTABLE_HEIGHT } from './page.js'
import { LINE_HEIGHT, layoutRows, textHeight } from './rowLayout.js'

/** Options of {@link writeDocx}. */
export interface DocxOptions {
  /**
   * East Asian font of all text. Default `宋体` (SimSun), the table font of Chinese government
   * documents; Latin letters and digits use Times New Roman, as 公文 do.
   */
  font?: string
  /** Body and header font size in points. Default `10.5` (五号). */
  fontSize?: number
  /** Title font size in points. Default `16` (三号). */
  titleFontSize?: number
  /**
   * Start pages between whole rows where the estimated layout fills a page, and restart merged
   * cells on each page, so every printed page shows its 所属专项 and 改革方向 (as hand-made
   * 任务清单 do). Rows get at least their estimated height so Word and LibreOffice break where
   * the estimate does. Default `true`. With `false` Word breaks pages and a merge may cross a
   * page break (Word then shows the merged text on the first page only).
   */
  paginate?: boolean
}

/** A4 portrait in twips; `PageOrientation.LANDSCAPE` makes docx swap them. */
const A4_TWIPS = { width: 11906, height: 16838 }
const TWIPS_PER_INCH = 1440
/** Cell margins in twips: left and right, top and bottom. */
const CELL_MARGIN = { side: 80, edge: 40 }
/**
 * Share of a page the paginator fills. Rows get exactly their estimated height (the estimate
 * is generous), so Word and LibreOffice break pages where the estimate does, give or take the
 * title and borders.
 */
const DOCX_PAGE_FILL = 0.99

const CENTRED: ReadonlySet<TaskColumn> = new Set(['seq', 'specialty', 'direction', 'lead', 'deadline'])

/**
 * Write a 任务清单 as a Word document: A4 landscape, the title as a centred bold paragraph, then
 * one table of `table.columns` with a header row that repeats on every page, equal 所属专项 /
 * 改革方向 cells merged vertically (see `verticalMerges`), fixed column widths in the same
 * proportions as the xlsx export, rows that do not split across pages, and page numbers in
 * the footer. Rows get at least their estimated height and, with `paginate` (default), pages
 * start where the estimate fills a page, with merges restarting there; LibreOffice breaks at
 * the same rows. Word has no formulas in run text, so formula-like cells are written as they
 * are. The input is not mutated.
 *
 * @param table - the table; `table.columns` are the columns written, in order
 * @param options - see {@link DocxOptions}
 * @returns the .docx file bytes
 */
export async function writeDocx(table: TaskTable, options: DocxOptions = {}): Promise<Uint8Array> {
  const eastAsia = options.font ?? '宋体'
  const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' }
  const size = Math.round((options.fontSize ?? 10.5) * 2)
  const titleSize = Math.round((options.titleFontSize ?? 16) * 2)
  const columns = table.columns

  const margins = {
    left: Math.round(PAGE_MARGINS.left * TWIPS_PER_INCH),
    right: Math.round(PAGE_MARGINS.right * TWIPS_PER_INCH),
    top: Math.round(PAGE_MARGINS.top * TWIPS_PER_INCH),
    bottom: Math.round(PAGE_MARGINS.bottom * TWIPS_PER_INCH),
    header: Math.round(PAGE_MARGINS.header * TWIPS_PER_INCH),
    footer: Math.round(PAGE_MARGINS.footer * TWIPS_PER_INCH),
  }
  const tableWidth = A4_TWIPS.height - margins.left - margins.right
  const units = columnWidths(columns)
  const unitSum = units.reduce((sum, w) => sum + w, 0)
  const widths = units.map((w) => Math.floor((w / unitSum) * tableWidth))

  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  const borders = { top: border, bottom: border, left: border, right: border }
  const cellMargins = { top: CELL_MARGIN.edge, bottom: CELL_MARGIN.edge, left: CELL_MARGIN.side, right: CELL_MARGIN.side }
  const fontSize = size / 2
  const textWidths = widths.map((w) => (w - 2 * CELL_MARGIN.side - 20) / 20)
  const hasTitle = table.title !== null && table.title.trim() !== ''
  const titleHeight = hasTitle ? textHeight(table.title ?? '', tableWidth / 20, titleSize / 2) + 12 : 0
  const headerHeight = Math.ceil(
    Math.max(...columns.map((column, c) => textHeight(COLUMN_HEADERS[column], textWidths[c] ?? fontSize, fontSize))),
  )
  const pageRoom = PRINTABLE_HEIGHT * DOCX_PAGE_FILL
  const { heights, breaks, merges } = layoutRows(table, {
    widths: textWidths,
    fontSize,
    paginate: options.paginate ?? true,
    firstPage: pageRoom - titleHeight - headerHeight,
    otherPages: pageRoom - headerHeight,
  })
  const pageStarts = new Set(breaks)

  const paragraphs = (
    text: string,
    alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
    bold = false,
    pageBreakBefore = false,
  ) =>
    text.split(/\r\n|\r|\n/).map(
      (line, i) =>
        new Paragraph({
          alignment,
          pageBreakBefore: pageBreakBefore && i === 0,
          children: [new TextRun({ text: line, font, size, bold })],
        }),
    )

  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: headerHeight * 20, rule: HeightRule.ATLEAST },
    children: columns.map(
      (column, c) =>
        new TableCell({
          width: { size: widths[c] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          borders,
          margins: cellMargins,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' },
          children: paragraphs(COLUMN_HEADERS[column], AlignmentType.CENTER, true),
        }),
    ),
  })

  const roles = {
    specialty: mergeRoles(merges, 'specialty', table.rows.length),
    direction: mergeRoles(merges, 'direction', table.rows.length),
  }
  const bodyRows = table.rows.map(
    (row, index) =>
      new TableRow({
        cantSplit: true,
        height: { value: Math.round((heights[index] ?? fontSize * LINE_HEIGHT) * 20), rule: HeightRule.ATLEAST },
        children: columns.map((column, c) => {
          const role = column === 'specialty' || column === 'direction' ? roles[column][index] : null
          const alignment = CENTRED.has(column)
            ? AlignmentType.CENTER
            : column === 'measure'
              ? AlignmentType.JUSTIFIED
              : AlignmentType.LEFT
          // Word and LibreOffice start a row on a new page when its first paragraph says so.
          const breakBefore = c === 0 && pageStarts.has(index)
          return new TableCell({
            width: { size: widths[c] ?? 0, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            borders,
            margins: cellMargins,
            ...(role === null
              ? {}
              : { verticalMerge: role === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
            children:
              role === 'continue'
                ? [new Paragraph({ pageBreakBefore: breakBefore })]
                : paragraphs(cellText(row, column, cellOptions(table)), alignment, false, breakBefore),
          })
        }),
      }),
  )

  const children: Array<Paragraph | Table> = []
  if (hasTitle) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [new TextRun({ text: table.title ?? '', font, size: titleSize, bold: true })],
      }),
    )
  }
  children.push(
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: tableWidth, type: WidthType.DXA },
      columnWidths: widths,
      rows: [headerRow, ...bodyRows],
    }),
  )

  const footerText = (text: string) => new TextRun({ text, font, size })
  const doc = new Document({
    creator: 'policykb',
    title: table.title ?? '任务清单',
    styles: { default: { document: { run: { font, size } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height, orientation: PageOrientation.LANDSCAPE },
            margin: margins,
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  footerText('第 '),
                  new TextRun({ children: [PageNumber.CURRENT], font, size }),
                  footerText(' 页，共 '),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], font, size }),
                  footerText(' 页'),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
