/**
 * The printed page every 任务清单 export is laid out for: A4 landscape with narrow margins, and
 * the pure pagination used to keep merged cells from crossing a page break.
 */

/** A4 landscape in points (1/72 in): 297 mm × 210 mm. */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const

/** Page margins in inches (the unit Excel's page setup uses). */
export const PAGE_MARGINS = { left: 0.6, right: 0.6, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 } as const

/** Printable width of the page in points. */
export const PRINTABLE_WIDTH = A4_LANDSCAPE.width - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72

/** Printable height of the page in points. */
export const PRINTABLE_HEIGHT = A4_LANDSCAPE.height - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72

/** Options of {@link pageBreaks}. */
export interface PaginateOptions {
  /** Height available to body rows on the first page (after title and header), in points. */
  firstPage: number
  /** Height available to body rows on later pages (after the repeated header), in points. */
  otherPages: number
}

/**
 * Where printed pages begin, filling each page greedily with whole rows.
 * A row taller than a page gets a page of its own.
 * @param rowHeights - height of each body row, in points (same unit as the options)
 * @param options - see {@link PaginateOptions}
 * @returns indices of the rows that begin a new page, ascending; never 0
 */
export function pageBreaks(rowHeights: readonly number[], options: PaginateOptions): number[] {
  const breaks: number[] = []
  let room = options.firstPage
  rowHeights.forEach((height, index) => {
    if (height > room && index > 0 && breaks.at(-1) !== index) {
      const pageStarted = room < (breaks.length === 0 ? options.firstPage : options.otherPages)
      if (pageStarted) {
        breaks.push(index)
        room = options.otherPages
      }
    }
    room -= height
  })
  return breaks
}
