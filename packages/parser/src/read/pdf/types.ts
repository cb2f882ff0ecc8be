/**
 * The values passed between the stages of the PDF reader: glyph runs as pdf.js gives them, lines
 * made of runs, pages of lines. Coordinates are PDF user space (points, y growing upwards).
 */

/** One run of text drawn with one font on one baseline (a pdf.js text item), positions resolved. */
export interface Run {
  text: string
  /** left edge and baseline */
  x: number
  y: number
  /** advance width of the whole run */
  width: number
  /** font size (the text matrix's vertical scale) */
  size: number
}

/** A line of a page: runs on one baseline, left to right, joined into text. */
export interface PdfLine {
  /** the text, cells of an aligned table separated by `\t` */
  text: string
  x0: number
  x1: number
  /** baseline */
  y: number
  /** the most common font size of its runs */
  size: number
  /** 1-based page */
  page: number
  /** the line's runs, for measuring its first word */
  runs: Run[]
}

/** One page's lines from top to bottom, with the page's size. */
export interface PdfPage {
  page: number
  width: number
  height: number
  lines: PdfLine[]
}

/** A paragraph of the output: its pieces, one per page it stands on, joined without a break. */
export interface Paragraph {
  pieces: Array<{ text: string; page: number }>
  /** a blank line stood before it (a vertical gap larger than the line pitch) */
  gapBefore: boolean
}
