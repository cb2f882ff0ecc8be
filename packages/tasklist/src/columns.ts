import type { TaskRow } from '@policykb/model'

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

/**
 * A generated or imported 任务清单: its title, the columns it shows, and its rows.
 * Exporters render exactly `columns`, in that order.
 */
export interface TaskTable {
  title: string | null
  columns: TaskColumn[]
  rows: TaskRow[]
}

/**
 * The display text of one cell.
 * @param row - the row
 * @param column - which column
 * @returns the cell text; `lead` joins the lead units with `、`
 */
export function cellText(row: TaskRow, column: TaskColumn): string {
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
      return row.leadUnits.join('、')
    case 'units':
      return row.units
    case 'deadline':
      return row.deadline
  }
}
