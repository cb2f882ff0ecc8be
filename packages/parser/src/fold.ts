/**
 * Width folding: one canonical form for characters that Chinese documents write in either width.
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
}

/**
 * Fold one character: full-width digits and Latin letters become ASCII, half-width
 * `( ) : ; , ! ?` become their full-width forms, ideographic and no-break spaces become spaces.
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
  return FULLWIDTH_PUNCT[ch] ?? ch
}

/**
 * Fold a whole string (see {@link foldChar}); the result has the same length as the input.
 * @param text - any string; not mutated
 */
export function fold(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!)
  return out
}
