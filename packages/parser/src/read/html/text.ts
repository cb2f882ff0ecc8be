/**
 * Whitespace of rendered HTML text, the way CSS lays it out (white-space: normal): runs of
 * ASCII whitespace are one space; a line break between two East Asian wide characters is no
 * space at all (CSS Text 3 segment break transformation: a source line break inside
 * `国务院办公厅关于加快发展\n体育竞赛…` is not a word gap); U+3000 and NBSP are text, kept.
 */

/** Marks a paragraph break inside a table cell until the cell is collapsed to one line. */
export const CELL_BREAK = '\u0000'

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/
const COLLAPSIBLE = /[ \t\n\r\f\u0000]+/g

/** Whether a character is East Asian wide (not Hangul syllables, where CSS keeps the space). */
export const isWide = (c: string | undefined) => c !== undefined && WIDE.test(c)

/**
 * Collapse the whitespace of one rendered line: ASCII whitespace runs → one space, none
 * between two wide characters when the run holds a line break; a {@link CELL_BREAK} is always
 * a space; spaces at either end trimmed.
 */
export function collapseWhitespace(raw: string): string {
  const out = raw.replace(COLLAPSIBLE, (run: string, at: number, s: string) => {
    if (run.includes(CELL_BREAK)) return ' '
    if ((run.includes('\n') || run.includes('\r')) && isWide(s[at - 1]) && isWide(s[at + run.length])) return ''
    return ' '
  })
  let a = 0
  let b = out.length
  while (a < b && out.charCodeAt(a) === 32) a++
  while (b > a && out.charCodeAt(b - 1) === 32) b--
  return out.slice(a, b)
}

/** How many characters of `text` are ink: not whitespace (ASCII, U+3000, NBSP, BOM, zero-width space). */
export function inkLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 32 && c !== 0x3000 && c !== 0xa0 && c !== 0xfeff && c !== 0x200b) n++
  }
  return n
}
