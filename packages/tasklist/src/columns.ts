import type { TaskRow } from '@policykb/model'
import { deadlineCell, unitsCell } from './cells.js'

/** The columns a 任务清单 can have, in their usual order. */
export const TASK_COLUMNS = ['seq', 'specialty', 'direction', 'measure', 'lead', 'units', 'deadline'] as const
export type TaskColumn = (typeof TASK_COLUMNS)[number]

/** Column headers as a 任务清单 prints them. */
export const COLUMN_HEADERS: Record<TaskColumn, string> = {
  seq: '序号',
  specialty: '所属专项',
  direction: '改革方向',
  measure: '升级措施',
  lead: '牵头单位',
  units: '责任单位',
  deadline: '完成时限',
}

/** How a 完成时限 cell shows the deadline: as the source writes it, or normalised (`2022年6月`). */
export type DeadlineDisplay = 'written' | 'normalized'

/**
 * A generated or imported 任务清单: its title, the columns it shows, and its rows.
 * Exporters render exactly `columns`, in that order.
 */
export interface TaskTable {
  title: string | null
  columns: TaskColumn[]
  rows: TaskRow[]
  /** how 完成时限 cells are written; default `written` */
  deadlineText?: DeadlineDisplay
}

/** How cells are written: what the table shows beside them. */
export interface CellOptions {
  /** the table has a 牵头单位 column, so 责任单位 leaves the leads out and needs no role words */
  leadColumn?: boolean
  /** see {@link DeadlineDisplay}; default `written` */
  deadline?: DeadlineDisplay
}

/** The cell options a table implies: its lead column and its deadline display. */
export function cellOptions(table: Pick<TaskTable, 'columns' | 'deadlineText'>): CellOptions {
  return { leadColumn: table.columns.includes('lead'), deadline: table.deadlineText ?? 'written' }
}

/**
 * The display text of one cell.
 * @param row - the row
 * @param column - which column
 * @param options - see {@link CellOptions}; exporters pass {@link cellOptions} of their table
 * @returns the cell text; `lead` joins the lead units with `、`
 */
export function cellText(row: TaskRow, column: TaskColumn, options: CellOptions = {}): string {
  switch (column) {
    case 'seq':
      return String(row.seq)
    case 'specialty':
      return row.specialty ?? ''
    case 'direction':
      return row.direction ?? ''
    case 'measure':
      return row.measure
    case 'lead':
      return row.leadUnits.map((u) => u.name).join('、')
    case 'units':
      return unitsCell(row.units, options.leadColumn ?? false)
    case 'deadline':
      return deadlineCell(row.deadline, options.deadline ?? 'written')
  }
}
