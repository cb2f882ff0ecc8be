/**
 * Whitespace clean-up for cells of imported tables.
 *
 * PDF extraction and Word's automatic CJK/Latin spacing leave spaces where a cell wrapped
 * (`建立健全 组织机制`) or around digits (`2022 年 12 月`). Those spaces are never content in
 * Chinese text, so they are removed; spaces next to Latin letters are kept (`按照国家 and 省`).
 */

/** Han ideographs, CJK punctuation, full-width forms and the curly quotes CJK text uses. */
const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF\\u2018\\u2019\\u201C\\u201D\\u2014\\u2026\\u00B7'
const CJK_GAP = new RegExp(`(?<=[${CJK}])[ \\t\\u00A0\\u3000]+(?=[${CJK}])`, 'gu')
const CJK_DIGIT_GAP = new RegExp(
  `(?<=[${CJK}])[ \\t\\u00A0\\u3000]+(?=[0-9])|(?<=[0-9%])[ \\t\\u00A0\\u3000]+(?=[${CJK}])`,
  'gu',
)

/**
 * Clean one cell: trim, collapse runs of whitespace (newlines included) to one space, and drop
 * spaces between two CJK characters or between CJK text and a digit.
 * @param text - the cell as read
 * @returns the cleaned text and whether a space inside the text was removed (a repair worth reporting)
 */
export function cleanCell(text: string): { text: string; changed: boolean } {
  const collapsed = text.replace(/[\s\u00A0\u3000]+/gu, ' ').trim()
  const cleaned = collapsed.replace(CJK_GAP, '').replace(CJK_DIGIT_GAP, '')
  return { text: cleaned, changed: cleaned !== collapsed }
}

/**
 * Clean a 完成时限 cell: deadlines never contain meaningful spaces (`2022年 6月` → `2022年6月`).
 * @param text - the cell as read
 */
export function cleanDeadline(text: string): { text: string; changed: boolean } {
  const trimmed = text.trim()
  const cleaned = trimmed.replace(/[\s\u00A0\u3000]+/gu, '')
  return { text: cleaned, changed: cleaned !== trimmed.replace(/[\s\u00A0\u3000]+/gu, ' ') }
}
