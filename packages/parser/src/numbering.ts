import type { NumberingStyle } from '@policykb/model'

/** A numbering marker found at the start of a line. */
export interface NumberingMatch {
  style: Exclude<NumberingStyle, 'markdown' | 'none'>
  /** the marker as it appears in the folded text, e.g. `（一）`, `1.`, `第三章` */
  marker: string
  /** its numeric value (一 → 1, ③ → 3) */
  value: number
  /** length of the marker including trailing spaces */
  length: number
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/**
 * Value of a Chinese numeral up to 999 (一, 十二, 二十三, 一百零五), or of ASCII digits.
 * @returns NaN when the string is not a numeral
 */
export function numeralValue(s: string): number {
  if (/^\d+$/.test(s)) return Number(s)
  let total = 0
  let current = 0
  for (const ch of s) {
    if (ch in CN_DIGITS) current = CN_DIGITS[ch]!
    else if (ch === '十') {
      total += (current || 1) * 10
      current = 0
    } else if (ch === '百') {
      total += (current || 1) * 100
      current = 0
    } else return Number.NaN
  }
  return total + current
}

const CN = '[一二三四五六七八九十百零〇两]+'
const PATTERNS: Array<[NumberingMatch['style'], RegExp]> = [
  ['attachment', /^附件\s*(\d{1,3})(?=$|[\s：.、])/],
  ['chapter', new RegExp(`^第(${CN}|\\d{1,3})章`)],
  ['section', new RegExp(`^第(${CN}|\\d{1,3})节`)],
  ['article', new RegExp(`^第(${CN}|\\d{1,3})条`)],
  ['cn', new RegExp(`^(${CN})[、.]`)],
  ['cn-paren', new RegExp(`^（(${CN})）`)],
  ['arabic-paren', /^（(\d{1,3})）/],
  // `1.5万` is a number, not a marker: the dot must not be followed by a digit.
  ['arabic', /^(\d{1,3})(?:\.(?!\d)|、)/],
  ['circled', /^([①-⑳])/],
]

/** `11.365育才项目`: an arabic marker written directly before digits. */
const ARABIC_BEFORE_DIGITS = /^(\d{1,3})\.(?=\d)/

/**
 * Recognise a numbering marker at the start of a folded line.
 * @param folded - the line, width-folded (see `fold`)
 * @param nextArabic - the value the current run of `N.` items would take next; when given, a
 *   line `N.` with exactly that N is a marker even when digits follow it (`11.365育才项目` after
 *   item 10), which out of sequence reads as a number (`2.43亿元`). Default: none.
 * @returns the match, or null when the line does not start with a marker
 */
export function matchNumbering(folded: string, nextArabic?: number): NumberingMatch | null {
  if (nextArabic !== undefined) {
    const m = ARABIC_BEFORE_DIGITS.exec(folded)
    if (m && Number(m[1]) === nextArabic) return { style: 'arabic', marker: m[0], value: nextArabic, length: m[0].length }
  }
  for (const [style, re] of PATTERNS) {
    const m = re.exec(folded)
    if (!m) continue
    const raw = m[1]!
    const value = style === 'circled' ? raw.charCodeAt(0) - 0x2460 + 1 : numeralValue(raw)
    if (Number.isNaN(value)) continue
    let length = m[0].length
    while (length < folded.length && (folded[length] === ' ' || folded[length] === '\t')) length++
    return { style, marker: m[0], value, length }
  }
  return null
}
