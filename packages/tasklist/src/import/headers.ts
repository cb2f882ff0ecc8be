import type { TaskColumn } from '../columns.js'

/**
 * Header names a 任务清单 uses for each column, most specific first. Matching is on the cell with
 * whitespace removed: exact names first, then a name the cell contains (`具体升级措施`).
 */
export const HEADER_NAMES: Record<TaskColumn, readonly string[]> = {
  seq: ['序号', '编号'],
  specialty: ['所属专项', '专项名称', '专项'],
  direction: ['改革方向', '方向'],
  measure: ['升级措施', '主要任务', '工作任务', '重点任务', '具体措施', '工作措施', '任务内容', '措施'],
  lead: ['牵头单位', '牵头部门'],
  units: ['责任单位', '责任部门', '配合单位'],
  deadline: ['完成时限', '完成时间', '时间节点', '时限'],
}

const ORDER: TaskColumn[] = ['seq', 'specialty', 'direction', 'measure', 'lead', 'units', 'deadline']

/**
 * Which column one header cell names.
 * @param cell - the header cell
 * @returns the column, or null when the cell names none
 */
export function headerColumn(cell: string): TaskColumn | null {
  const t = cell.normalize('NFKC').replace(/[\s\u00A0\u3000]+/gu, '')
  if (t === '' || t.length > 12) return null
  for (const column of ORDER) if (HEADER_NAMES[column].includes(t)) return column
  let best: { column: TaskColumn; length: number } | null = null
  for (const column of ORDER) {
    for (const name of HEADER_NAMES[column]) {
      if (name.length >= 2 && t.includes(name) && (!best || name.length > best.length)) best = { column, length: name.length }
    }
  }
  return best?.column ?? null
}

/**
 * Read a row of cells as a 任务清单 header.
 * A header names the 升级措施 column and at least two others, each at most once.
 * @param cells - the cells of one row
 * @returns the column of each cell (null for cells that name none), or null when the row is no header
 */
export function matchHeader(cells: readonly string[]): (TaskColumn | null)[] | null {
  const columns = cells.map(headerColumn)
  const named = columns.filter((c): c is TaskColumn => c !== null)
  if (new Set(named).size !== named.length) return null
  if (!named.includes('measure') || named.length < 3) return null
  return columns
}
