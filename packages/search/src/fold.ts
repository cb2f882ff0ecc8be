/**
 * Folding for matching: one form for characters Chinese documents write in either width.
 *
 * Every mapping is one UTF-16 code unit to one, so a folded string has the same length as its
 * source: an offset found in the folded text is an offset into the original. Queries and indexed
 * text are folded the same way, so `２０２２` finds `2022` and `（市、区）` finds `(市、区)`.
 */

/**
 * Fold one UTF-16 code unit: full-width ASCII (U+FF01–U+FF5E) to ASCII, the ideographic space to a
 * space, Latin capitals to lower case.
 * @param code - a UTF-16 code unit
 * @returns the folded code unit
 */
export function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0
  else if (code === 0x3000 || code === 0xa0) return 0x20
  if (code >= 0x41 && code <= 0x5a) return code + 0x20
  return code
}

function needsFolding(code: number): boolean {
  return (code >= 0xff01 && code <= 0xff5e) || code === 0x3000 || code === 0xa0 || (code >= 0x41 && code <= 0x5a)
}

/**
 * Fold a string for matching (see {@link foldCode}); the result has the same length as the input.
 * @param text - any string; not mutated
 * @returns the folded string, or `text` itself when nothing needed folding
 */
export function foldText(text: string): string {
  let i = 0
  while (i < text.length && !needsFolding(text.charCodeAt(i))) i++
  if (i === text.length) return text
  const codes = new Array<number>(text.length)
  for (let j = 0; j < text.length; j++) codes[j] = foldCode(text.charCodeAt(j))
  let out = ''
  // String.fromCharCode with a spread is limited by the argument count; go in chunks.
  for (let j = 0; j < codes.length; j += 8192) out += String.fromCharCode(...codes.slice(j, j + 8192))
  return out
}

/**
 * The parser takes out one space between a digit and a Chinese character (`2022 年 6 月` →
 * `2022年6月`, typesetting a PDF wrote out), so a phrase typed the way the page prints it is
 * matched in that form too.
 */
const TYPESET_SPACE = /(?<=[0-9０-９])\u0020(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\u0020(?=[0-9０-９])/g

/**
 * A phrase without the spaces typesetting puts between digits and Chinese characters.
 * @param text - a query phrase
 * @returns the phrase without those spaces (`text` itself when it has none)
 */
export function withoutTypesetSpaces(text: string): string {
  return text.replace(TYPESET_SPACE, '')
}
