import type { TaskDeadline, TaskUnit } from '@policykb/model'
import { dice, normalizeForMatch } from './similarity.js'

/** The fields of a matched pair of rows that are compared. */
export const COMPARED_FIELDS = ['units', 'deadline', 'direction', 'specialty'] as const
/** A compared field: 责任单位, 完成时限, 改革方向 or 所属专项. */
export type ComparedField = (typeof COMPARED_FIELDS)[number]

/**
 * Same 责任单位: the same units with the same roles, each once, in the same order (names compared
 * in their normalised form, so bracket width and spacing do not matter). A shortened list is
 * different; a table that writes `X牵头，Y配合` and a statement `牵头单位：X；配合单位：Y` agree.
 * @param a - one row's units
 * @param b - the other's
 */
export function sameUnits(a: readonly TaskUnit[], b: readonly TaskUnit[]): boolean {
  const key = (units: readonly TaskUnit[]) => [...new Set(units.map((u) => `${normalizeForMatch(u.normalized)}:${u.role}`))].join('、')
  return key(a) === key(b)
}

/**
 * Same 完成时限: the same year and month of the due date (`2022年6月` = `2022年6月底前` =
 * `2022年6月30日`; `2022年` falls due in December), or both ongoing (持续推进 = 长期坚持 = 常态化推进).
 * Two deadlines that name no time are the same when their text is; no deadline equals none.
 * @param a - one deadline, null when none
 * @param b - the other
 */
export function sameDeadline(a: TaskDeadline | null, b: TaskDeadline | null): boolean {
  if (a === null || b === null) return a === b
  const due = (d: TaskDeadline) => (d.kind === 'date' || d.kind === 'period' ? d.date.slice(0, 7) : null)
  if (due(a) !== null || due(b) !== null) return due(a) === due(b)
  if (a.kind === 'ongoing' && b.kind === 'ongoing') return true
  return a.kind === b.kind && normalizeForMatch(a.text) === normalizeForMatch(b.text)
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
