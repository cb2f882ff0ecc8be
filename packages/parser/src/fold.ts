import { TRADITIONAL } from './traditional.js'

/**
 * Width folding: one canonical form for characters that Chinese documents write in either width
 * (or, for the words the parser looks for, in either script).
 *
 * Every mapping is one UTF-16 code unit to one, so a folded string has the same length as its
 * source and offsets into one are offsets into the other. Matching runs on the folded string,
 * slicing on the original.
 */

const FULLWIDTH_PUNCT: Record<string, string> = {
  '(': '（',
  ')': '）',
  ':': '：',
  ';': '；',
  ',': '，',
  '!': '！',
  '?': '？',
  '．': '.',
  '\u3000': ' ',
  '\u00a0': ' ',
  '[': '［',
  ']': '］',
  // Small form variants (FE50–FE5E) and half-width CJK punctuation: the same marks, set in
  // another size by some word processors and web fonts (`1﹒`, `一﹑`, `﹙一﹚`).
  '\ufe50': '，',
  '\ufe51': '、',
  '\ufe52': '.',
  '\ufe54': '；',
  '\ufe55': '：',
  '\ufe56': '？',
  '\ufe57': '！',
  '\ufe59': '（',
  '\ufe5a': '）',
  '\ufe5d': '〔',
  '\ufe5e': '〕',
  '\uff61': '。',
  '\uff64': '、',
  '\u2024': '.', // ONE DOT LEADER
}

/**
 * Fold one character: full-width digits and Latin letters become ASCII, half-width
 * `( ) : ; , ! ?` become their full-width forms, ideographic and no-break spaces become spaces,
 * small-form and half-width CJK punctuation (`﹒ ﹑ ﹙ ｡ ､`) become the common forms, and the
 * traditional characters of labels, unit names and title words become simplified (`牽頭` →
 * `牵头`, see `TRADITIONAL`).
 * @param ch - a single UTF-16 code unit
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0)
  // Full-width ASCII block FF01–FF5E, except punctuation we canonicalise to full width.
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0) // ０-９
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return String.fromCharCode(code - 0xfee0)
  if (code === 0xff0e) return '.' // ．
  if (code === 0xff05) return '%' // ％
  if (code === 0xff0b) return '+' // ＋
  if (code === 0xff0d) return '-' // －
  if (code === 0xff0f) return '/' // ／
  return FULLWIDTH_PUNCT[ch] ?? TRADITIONAL.get(ch) ?? ch
}

const TABLE = (() => {
  const table = new Uint16Array(0x10000)
  for (let c = 0; c < table.length; c++) table[c] = foldChar(String.fromCharCode(c)).charCodeAt(0)
  return table
})()

/**
 * Fold a whole string (see {@link foldChar}); the result has the same length as the input.
 * @param text - any string; not mutated
 */
export function fold(text: string): string {
  const out = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = TABLE[text.charCodeAt(i)]!
  let s = ''
  // String.fromCharCode takes its arguments on the stack: convert in chunks
  for (let i = 0; i < out.length; i += 8192) s += String.fromCharCode(...out.subarray(i, i + 8192))
  return s
}
