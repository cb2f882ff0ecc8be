/**
 * The one place corrections touch a row's unit and deadline fields, so a change of `TaskRow`
 * (units as `UnitRef[]`, a `Deadline` in place of strings) is a change here only.
 */
import type { TaskRow, UnitRole } from '@policykb/model'

/** Separators between the units of a 责任单位 cell. */
const SEPARATORS = /[、，,；;]/
/** Role words a 责任单位 cell writes after a unit (`X牵头`, `Y配合`). */
const ROLE_WORDS = /(牵头|配合|负责落实|具体落实|按职责分工负责|负责)$/

/** The word a 责任单位 cell writes after a unit of this role, when it is not a plain 责任单位. */
const ROLE_SUFFIX: Record<UnitRole, string> = { lead: '牵头', responsible: '', cooperating: '配合', implementing: '负责落实' }

/** The unit a cell item names, its role words stripped: `市财政局配合` → `市财政局`. */
export function unitOfItem(item: string): string {
  return item.trim().replace(ROLE_WORDS, '')
}

const OPEN = '（(【[〔'
const CLOSE = '）)】]〕'

/** A 责任单位 cell cut into its items and the separators between them, 、 inside brackets kept: `各县（市、区）`. */
function tokens(cell: string): string[] {
  const out: string[] = []
  let depth = 0
  let item = ''
  for (const ch of cell) {
    if (OPEN.includes(ch)) depth++
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1)
    if (depth === 0 && SEPARATORS.test(ch)) {
      if (item) out.push(item)
      out.push(ch)
      item = ''
    } else item += ch
  }
  if (item) out.push(item)
  return out
}

/** Does the row name the unit, as lead or in its 责任单位 cell? */
export function rowHasUnit(row: TaskRow, unit: string): boolean {
  return row.leadUnits.includes(unit) || tokens(row.units).some((item) => unitOfItem(item) === unit)
}

/** The row with the unit taken out of 牵头单位 and 责任单位 (the separators around it folded). */
export function withoutUnit(row: TaskRow, unit: string): TaskRow {
  const out: string[] = []
  const isSeparator = (t: string | undefined) => t !== undefined && t.length === 1 && SEPARATORS.test(t)
  for (const token of tokens(row.units)) {
    if (isSeparator(token)) {
      if (out.length > 0 && !isSeparator(out[out.length - 1])) out.push(token)
    } else if (unitOfItem(token) !== unit) out.push(token)
  }
  while (isSeparator(out[out.length - 1])) out.pop()
  return { ...row, leadUnits: row.leadUnits.filter((u) => u !== unit), units: out.join('') }
}

/**
 * The row with the unit added in a role: a lead to 牵头单位 when the table shows leads apart
 * (`leadApart`), otherwise to the 责任单位 cell with its role word (`X牵头`, `Y配合`).
 */
export function withUnit(row: TaskRow, unit: string, role: UnitRole, leadApart: boolean): TaskRow {
  if (role === 'lead' && leadApart) return { ...row, leadUnits: [...row.leadUnits, unit] }
  const item = unit + ROLE_SUFFIX[role]
  const next = { ...row, units: row.units ? `${row.units}、${item}` : item }
  return role === 'lead' ? { ...next, leadUnits: [...row.leadUnits, unit] } : next
}

/** The row with its 完成时限 replaced. */
export function withDeadline(row: TaskRow, text: string, date: string | null): TaskRow {
  return { ...row, deadline: text, deadlineDate: date }
}

/** A new row from the fields of an `add-task` correction. */
export function newRow(fields: {
  specialty: string | null
  direction: string | null
  measure: string
  leadUnits: string[]
  units: string
  deadline: string
}): TaskRow {
  return { seq: 1, ...fields, leadUnits: [...fields.leadUnits], deadlineDate: null, span: null, measureId: null, line: null }
}
