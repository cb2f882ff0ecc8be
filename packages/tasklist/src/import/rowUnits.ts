import type { TaskDeadline, TaskUnit, UnitRole } from '@policykb/model'
import { fold, parseDeadline, parseUnitList } from '@policykb/parser'

/**
 * The units of a 牵头单位 or 责任单位 cell, read as the parser reads a statement: names split at
 * `、`/`，`/`；` outside brackets, role words (`牵头`, `配合`, `按职责分工负责`) giving the role.
 * @param cell - the cell text
 * @param role - the role of names without a role word (the column's)
 * @returns units with null spans (an imported table is not the normalised text), each name once
 */
export function cellUnits(cell: string, role: UnitRole): TaskUnit[] {
  const seen = new Set<string>()
  const units: TaskUnit[] = []
  for (const u of parseUnitList(cell, fold(cell), role)) {
    if (seen.has(u.normalized)) continue
    seen.add(u.normalized)
    units.push({ name: u.name, normalized: u.normalized, role: u.role, span: null })
  }
  return units
}

/** The units of a row: its 牵头单位 cell (as leads), then its 责任单位 cell, each unit once. */
export function rowUnits(leadCell: string | null, unitsCell: string | null): { leadUnits: TaskUnit[]; units: TaskUnit[] } {
  const leads = leadCell === null ? [] : cellUnits(leadCell, 'lead')
  const listed = unitsCell === null ? [] : cellUnits(unitsCell, 'responsible')
  const units = [...leads, ...listed]
  return { leadUnits: units.filter((u) => u.role === 'lead'), units }
}

/**
 * The deadline of a 完成时限 cell, read by the parser's one deadline reader.
 * @param cell - the cleaned cell text
 * @returns null for an empty cell
 */
export function cellDeadline(cell: string): TaskDeadline | null {
  if (cell.trim() === '') return null
  return { ...parseDeadline(fold(cell)), text: cell, span: null }
}
