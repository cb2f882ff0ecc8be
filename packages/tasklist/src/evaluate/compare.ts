import { parseDeadline } from '../import/deadline.js'
import { dice, normalizeForMatch } from './similarity.js'

/** The fields of a matched pair of rows that are compared. */
export const COMPARED_FIELDS = ['units', 'deadline', 'direction', 'specialty'] as const
/** A compared field: 责任单位, 完成时限, 改革方向 or 所属专项. */
export type ComparedField = (typeof COMPARED_FIELDS)[number]

/**
 * Fold a 责任单位 cell for comparison: whitespace removed, brackets and punctuation folded to one
 * width (`（）` → `()`, `【】` → `[]`, `〔〕` → `()`), and the list separators `，` `,` `；` `;` read as `、`
 * (a list joined differently names the same units).
 * @param units - the cell
 */
export function normalizeUnits(units: string): string {
  return normalizeForMatch(units.replace(/[【】〔〕]/gu, (c) => ({ '【': '[', '】': ']', '〔': '(', '〕': ')' })[c] ?? c))
    .replace(/[,;]/gu, '、')
}

/**
 * Same 责任单位: equal after {@link normalizeUnits}. A shortened list is different.
 * @param a - one cell
 * @param b - the other
 */
export function sameUnits(a: string, b: string): boolean {
  return normalizeUnits(a) === normalizeUnits(b)
}

/**
 * Same 完成时限: the same year and month (`2022年6月` = `2022年6月底前` = `2022年6月30日`;
 * `2022年` counts as December), or both ongoing (持续推进 = 长期坚持 = 常态化推进). Two cells that
 * name no time are the same when their text is.
 * @param a - one cell
 * @param b - the other
 */
export function sameDeadline(a: string, b: string): boolean {
  const x = parseDeadline(a)
  const y = parseDeadline(b)
  if (x.kind === 'date' && y.kind === 'date') return x.year === y.year && x.month === y.month
  if (x.kind === 'ongoing' && y.kind === 'ongoing') return true
  if (x.kind === 'none' && y.kind === 'none') return normalizeForMatch(a) === normalizeForMatch(b)
  return false
}

/**
 * Same 改革方向: bigram Dice at least `threshold` after folding (whitespace, width).
 * Two missing directions are the same; one missing is not.
 * @param a - one direction, null when none
 * @param b - the other
 * @param threshold - default 0.8
 */
export function sameDirection(a: string | null, b: string | null, threshold = 0.8): boolean {
  const x = normalizeForMatch(a ?? '')
  const y = normalizeForMatch(b ?? '')
  if (x === '' || y === '') return x === y
  return dice(x, y) >= threshold
}

/**
 * Same 所属专项: equal after folding whitespace and width (`劳动力市 场监管` = `劳动力市场监管`).
 * @param a - one specialty, null when none
 * @param b - the other
 */
export function sameSpecialty(a: string | null, b: string | null): boolean {
  return normalizeForMatch(a ?? '') === normalizeForMatch(b ?? '')
}
