/**
 * HTML left in a text: pages saved or dumped from a CMS keep their `<p>…</p>` wrappers (with
 * quotes escaped, `<p align=\"left\">`). The tags are markup, set aside like `**`; the text
 * between them is the document.
 */

const TAG_SOURCE = String.raw`<\/?(?:p|br|div|span|font|strong|b|i|u|em|td|tr|th|table|tbody|thead|li|ul|ol|h[1-6]|section|article|center)\b(?:[^<>"]|"[^"]*")*\/?>`
/** A tag of the kinds web pages wrap text in. */
const TAG = new RegExp(TAG_SOURCE, 'gi')
/** A tag that ends a paragraph: text on either side of it is never one sentence. */
const BLOCK_TAG = /<\/?(?:p|br|div|td|tr|th|table|li|ul|ol|h[1-6]|section|article|center)\b/i
/** Whitespace and tags at the start or end of a line. */
const WHITE = String.raw`[ \t\u3000\u00a0\ufeff]`
const LEADING = new RegExp(`^(?:${WHITE}|${TAG_SOURCE})+`, 'i')
/** One tag or whitespace character exactly where `lastIndex` says (sticky). */
const WHITE_OR_TAG_AT = new RegExp(`${WHITE}|${TAG_SOURCE}`, 'iy')

/**
 * Whether a text is HTML: it holds at least three paragraph-level tags (a plain plan never
 * holds one).
 * @param source - the decoded text
 */
export function isHtml(source: string): boolean {
  let blocks = 0
  for (const m of source.matchAll(TAG)) if (BLOCK_TAG.test(m[0]) && ++blocks >= 3) return true
  return false
}

/** Offsets `[start, end)` of every tag in `source`. */
export function tagRanges(source: string): Array<[number, number]> {
  return [...source.matchAll(TAG)].map((m) => [m.index, m.index + m[0].length])
}

/** The text with its tags taken out, for shape tests on a line. */
export const withoutTags = (text: string) => text.replace(TAG, '')

/** Length of the run of whitespace and tags that opens `line`. */
export const leadingMargin = (line: string) => LEADING.exec(line)?.[0].length ?? 0
/**
 * Length of the run of whitespace and tags that closes `line`, read backwards one piece at a
 * time: a regex ending in `$` would restart at every tag of a run of them (minified pages put
 * thousands on a line) and take time quadratic in the run.
 */
export function trailingMargin(line: string): number {
  let end = line.length
  while (end > 0) {
    let start = end - 1
    // a tag ends at `>` and starts at the last `<` before it (a `<` in a quoted attribute is rare:
    // the tag is then kept as text, as any tag that is no margin)
    if (line[start] === '>') start = line.lastIndexOf('<', start)
    if (start < 0) break
    WHITE_OR_TAG_AT.lastIndex = start
    const m = WHITE_OR_TAG_AT.exec(line)
    if (!m || start + m[0].length !== end) break
    end = start
  }
  return line.length - end
}

/** The text holds a tag that ends a paragraph (`</p>`, `<br>`, `<tr>`). */
export const breaksParagraph = (text: string) => BLOCK_TAG.test(text)
