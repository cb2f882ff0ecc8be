/**
 * Formula-injection ("CSV injection") guards for exported cells.
 *
 * Spreadsheet programs evaluate a cell whose text begins with `=`, `+`, `-` or `@`, and some
 * strip a leading tab or carriage return before doing so (OWASP, "CSV Injection"). A 升级措施
 * copied from a document is data, never a formula, so every exporter must keep it inert:
 *
 * - CSV: {@link csvSafe} prefixes such a cell with `'`, which Excel and LibreOffice read as
 *   "this is text" (OWASP's recommended mitigation; the apostrophe stays visible in the cell).
 * - xlsx: cells are written as string cells (`t="s"` / `t="inlineStr"`), never as `<f>` formula
 *   elements, so opening, printing or recalculating never evaluates them and the text stays
 *   exact. (ExcelJS cannot set the `quotePrefix` style, so a person who re-enters such a cell by
 *   hand in Excel does get a formula, as with anything typed.)
 * - Markdown, JSON and docx need no change: none of them has cells a program evaluates
 *   (a Word field is a separate `w:fldSimple`/`w:instrText` element, not run text).
 *
 * Full-width `＝＋－＠` are included defensively: Excel with a CJK input method turns typed
 * full-width operators into half-width ones, and a cell that begins with them gains nothing
 * from staying unprefixed.
 */

/** Leading characters that make a spreadsheet program treat a cell as a formula. */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']

/**
 * Whether a spreadsheet program could evaluate this cell text as a formula.
 * @param text - the cell text as it would be written
 * @returns true when `text` begins with one of {@link FORMULA_TRIGGERS}
 */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.includes(text.charAt(0))
}

/**
 * The text to write into a CSV cell so that no spreadsheet program evaluates it.
 * @param text - the cell text
 * @returns `text` unchanged, or `'` + `text` when it is {@link isFormulaLike}
 */
export function csvSafe(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text
}
