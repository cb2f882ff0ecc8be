import type { TaskRow } from '@policykb/model'
import type { TaskTable } from '../columns.js'

/** The columns whose equal neighbouring cells a printed 任务清单 merges vertically. */
export type MergeColumn = 'specialty' | 'direction'

/**
 * One vertical merge: rows `first`..`last` (indices into `table.rows`, both inclusive,
 * `last > first`) of `column` show one cell.
 */
export interface MergeRange {
  column: MergeColumn
  first: number
  last: number
}

/** Options of {@link verticalMerges}. */
export interface MergeOptions {
  /**
   * Row indices that start a new printed page (or any other block). No merge crosses one, so
   * each page shows its own 所属专项 / 改革方向 cell. Default: none.
   */
  breaks?: readonly number[]
}

/** A cell's merge key: its trimmed text, or null when empty (empty cells never merge). */
function key(value: string | null): string | null {
  const text = value?.trim() ?? ''
  return text === '' ? null : text
}

/**
 * Vertical merge ranges of a 任务清单.
 *
 * Consecutive rows with the same non-empty 所属专项 merge; consecutive rows with the same
 * non-empty 改革方向 merge only while their 所属专项 is the same too (rows without a 所属专项
 * count as one group), so a merge never crosses a specialty boundary. Only columns listed in
 * `table.columns` get ranges; single rows get none. Cell text is compared after trimming.
 * The input is not mutated.
 *
 * @param table - the table
 * @param options - see {@link MergeOptions}
 * @returns ranges ordered by column (specialty first), then by first row
 */
export function verticalMerges(table: TaskTable, options: MergeOptions = {}): MergeRange[] {
  const breaks = new Set(options.breaks ?? [])
  const ranges: MergeRange[] = []
  const columns: MergeColumn[] = ['specialty', 'direction']
  for (const column of columns) {
    if (!table.columns.includes(column)) continue
    let first = 0
    for (let i = 1; i <= table.rows.length; i++) {
      const prev = table.rows[i - 1]
      const row = table.rows[i]
      if (row !== undefined && prev !== undefined && !breaks.has(i) && continues(prev, row, column)) continue
      if (i - 1 > first) ranges.push({ column, first, last: i - 1 })
      first = i
    }
  }
  return ranges
}

/** Whether `row` continues the merge `prev` belongs to in `column`. */
function continues(prev: TaskRow, row: TaskRow, column: MergeColumn): boolean {
  const a = key(prev[column])
  if (a === null || a !== key(row[column])) return false
  return column === 'specialty' || key(prev.specialty) === key(row.specialty)
}

/**
 * Where each row stands in the merges of one column.
 * @param ranges - ranges from {@link verticalMerges}
 * @param column - the column
 * @param rowCount - number of rows of the table
 * @returns per row: `'restart'` (first row of a range), `'continue'` (a later row of a range),
 *   or `null` (not merged)
 */
export function mergeRoles(
  ranges: readonly MergeRange[],
  column: MergeColumn,
  rowCount: number,
): Array<'restart' | 'continue' | null> {
  const roles: Array<'restart' | 'continue' | null> = new Array(rowCount).fill(null)
  for (const range of ranges) {
    if (range.column !== column) continue
    for (let i = range.first; i <= range.last && i < rowCount; i++) roles[i] = i === range.first ? 'restart' : 'continue'
  }
  return roles
}
