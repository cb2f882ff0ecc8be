import type { Correction, CorrectionAnchor, CorrectionRange, TaskRow } from '@policykb/model'
import type { TaskTable } from '../columns.js'
import { newRow, rowHasUnit, withDeadline, withoutUnit, withRole, withUnit } from './rowFields.js'

/** A correction that no longer fits the rows it is applied to, and why. */
export interface CorrectionConflict {
  /** Position of the correction in the list given. */
  index: number
  correction: Correction
  /** Why it was not applied, in words for the reviewer. */
  reason: string
}

/** Options of {@link applyCorrections}. */
export interface ApplyCorrectionsOptions {
  /**
   * The normalised text the rows' spans point into. When given, a correction made on a range of
   * the source applies only while the range still holds the text it was made on.
   */
  text?: string
}

/** What {@link applyCorrections} returns. */
export interface CorrectedRows {
  /** The rows after every correction that fits, numbered 1… again. */
  rows: TaskRow[]
  /** The corrections that did not fit, in order; none is dropped silently. */
  conflicts: CorrectionConflict[]
  /** Positions of the corrections applied. */
  applied: number[]
}

/** The id a row added by an `add-task` correction gets: stable while its range is. */
export function addedRowId(range: CorrectionRange): string {
  return `added-${range.start}-${range.end}`
}

type Found = { ok: true; at: number } | { ok: false; reason: string }

/**
 * The row a correction was made on: the row with the anchor's measure id and text; else, when ids
 * moved (a measure added above), the one row with that text.
 */
function locate(rows: readonly TaskRow[], anchor: CorrectionAnchor): Found {
  const exact = rows.findIndex((r) => r.measureId === anchor.measureId && r.measure === anchor.text)
  if (exact >= 0) return { ok: true, at: exact }
  const same = rows.flatMap((r, i) => (r.measure === anchor.text ? [i] : []))
  if (same.length === 1) return { ok: true, at: same[0]! }
  if (same.length > 1) return { ok: false, reason: `${same.length} rows have the text it was made on and none is ${anchor.measureId}` }
  const byId = rows.some((r) => r.measureId === anchor.measureId)
  return {
    ok: false,
    reason: byId
      ? `the 升级措施 of ${anchor.measureId} is no longer the text it was made on`
      : `no row ${anchor.measureId} with the text it was made on`,
  }
}

function rangeProblem(range: CorrectionRange | null, text: string | undefined): string | null {
  if (range === null || text === undefined) return null
  if (range.end < range.start || range.end > text.length) return `the source range ${range.start}–${range.end} is outside the text`
  return text.slice(range.start, range.end) === range.text ? null : `the source at ${range.start}–${range.end} no longer reads as it did`
}

/** One correction on the rows: the new rows, or why it does not fit. */
function applyOne(rows: TaskRow[], c: Correction, options: ApplyCorrectionsOptions): TaskRow[] | string {
  if (c.kind === 'add-task') {
    const problem = rangeProblem(c.range, options.text)
    if (problem) return problem
    let at = 0
    if (c.after !== null) {
      const found = locate(rows, c.after)
      if (!found.ok) return `the row it follows: ${found.reason}`
      at = found.at + 1
    }
    const specialty = rows[at - 1]?.specialty ?? rows[at]?.specialty ?? null
    const row = { ...newRow({ specialty, ...c }), measureId: addedRowId(c.range) }
    return [...rows.slice(0, at), row, ...rows.slice(at)]
  }
  const found = locate(rows, c.anchor)
  if (!found.ok) return found.reason
  const row = rows[found.at]!
  const replace = (next: TaskRow | null) => [...rows.slice(0, found.at), ...(next ? [next] : []), ...rows.slice(found.at + 1)]
  switch (c.kind) {
    case 'direction':
      return replace({ ...row, direction: c.value })
    case 'measure': {
      const problem = rangeProblem(c.range, options.text)
      return problem ?? replace({ ...row, measure: c.value })
    }
    case 'unit-add':
      return rowHasUnit(row, c.unit) ? `${c.unit} is already named in this row` : replace(withUnit(row, c.unit, c.role))
    case 'unit-remove':
      return rowHasUnit(row, c.unit) ? replace(withoutUnit(row, c.unit)) : `${c.unit} is not named in this row`
    case 'unit-role':
      return rowHasUnit(row, c.unit)
        ? replace(withRole(row, c.unit, c.role))
        : `${c.unit} is not named in this row`
    case 'deadline':
      return replace(withDeadline(row, c.value, c.date))
    case 'not-a-task':
      return replace(null)
  }
}

/**
 * Apply a reviewer's corrections to generated rows, in order. Each correction is anchored to the
 * measure id and the 升级措施 text it was made on (and, for a source range, to the text of that
 * range): on rows of a re-parse it applies where its anchor still holds and is reported as a
 * conflict where it does not — never dropped silently, never applied to another measure.
 *
 * @param rows - rows from `toTaskRows`; not mutated
 * @param corrections - in the order they were made
 * @param options - see {@link ApplyCorrectionsOptions}
 */
export function applyCorrections(
  rows: readonly TaskRow[],
  corrections: readonly Correction[],
  options: ApplyCorrectionsOptions = {},
): CorrectedRows {
  let current = [...rows]
  const conflicts: CorrectionConflict[] = []
  const applied: number[] = []
  corrections.forEach((correction, index) => {
    const next = applyOne(current, correction, options)
    if (typeof next === 'string') conflicts.push({ index, correction, reason: next })
    else {
      current = next
      applied.push(index)
    }
  })
  return { rows: current.map((r, i) => (r.seq === i + 1 ? r : { ...r, seq: i + 1 })), conflicts, applied }
}

/**
 * A 任务清单 with corrections applied (see {@link applyCorrections}); its cells are written from
 * the corrected units and deadline as from generated ones.
 *
 * @param table - from `toTaskTable`; not mutated
 * @param corrections - in the order they were made
 * @param text - the normalised text the rows' spans point into, to check source ranges
 */
export function correctTable(
  table: TaskTable,
  corrections: readonly Correction[],
  text?: string,
): { table: TaskTable; conflicts: CorrectionConflict[]; applied: number[] } {
  const { rows, conflicts, applied } = applyCorrections(table.rows, corrections, text === undefined ? {} : { text })
  return { table: { ...table, rows }, conflicts, applied }
}
