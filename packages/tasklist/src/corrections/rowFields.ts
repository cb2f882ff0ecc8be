/**
 * The one place corrections touch a row's unit and deadline fields (`TaskUnit[]`, `TaskDeadline`),
 * so a change of `TaskRow` is a change here only.
 */
import type { TaskDeadline, TaskRow, TaskUnit, UnitRole } from '@policykb/model'

const named = (u: TaskUnit, unit: string) => u.name === unit || u.normalized === unit

/** A unit a reviewer typed: no span, its name as written. */
const typed = (name: string, role: UnitRole): TaskUnit => ({ name, normalized: name, role, span: null })

/** Does the row name the unit, in any role? */
export function rowHasUnit(row: TaskRow, unit: string): boolean {
  return row.units.some((u) => named(u, unit)) || row.leadUnits.some((u) => named(u, unit))
}

/** The row with the unit taken out of 牵头单位 and 责任单位. */
export function withoutUnit(row: TaskRow, unit: string): TaskRow {
  return { ...row, leadUnits: row.leadUnits.filter((u) => !named(u, unit)), units: row.units.filter((u) => !named(u, unit)) }
}

/** The row with the unit added in a role (a lead is a lead unit too). */
export function withUnit(row: TaskRow, unit: string, role: UnitRole): TaskRow {
  const ref = typed(unit, role)
  return { ...row, units: [...row.units, ref], leadUnits: role === 'lead' ? [...row.leadUnits, ref] : row.leadUnits }
}

/** The row with the unit moved to another role, where it stood. */
export function withRole(row: TaskRow, unit: string, role: UnitRole): TaskRow {
  const units = row.units.map((u) => (named(u, unit) ? { ...u, role } : u))
  const leadUnits = units.filter((u) => u.role === 'lead')
  return { ...row, units, leadUnits: row.units.length > 0 ? leadUnits : role === 'lead' ? [typed(unit, role)] : [] }
}

const ONGOING = /长期|持续|常态|坚持|定期/

/** A 完成时限 a reviewer wrote: a date when one is given, ongoing by its words, else as written. */
export function typedDeadline(text: string, date: string | null): TaskDeadline | null {
  const t = text.trim()
  if (date !== null) return { kind: 'date', text: t || date, date, alsoOngoing: ONGOING.test(t), span: null }
  if (t === '') return null
  return ONGOING.test(t) ? { kind: 'ongoing', text: t, span: null } : { kind: 'unspecified', text: t, span: null }
}

/** The row with its 完成时限 replaced. */
export function withDeadline(row: TaskRow, text: string, date: string | null): TaskRow {
  return { ...row, deadline: typedDeadline(text, date), deadlineDate: date }
}

/** A new row from the fields of an `add-task` correction (units as written, `、`-separated, responsible). */
export function newRow(fields: {
  specialty: string | null
  direction: string | null
  measure: string
  leadUnits: string[]
  units: string
  deadline: string
}): TaskRow {
  const leads = fields.leadUnits.map((n) => typed(n, 'lead'))
  const others = fields.units
    .split(/[、，,；;]/)
    .map((s) => s.trim())
    .filter((s) => s && !fields.leadUnits.includes(s))
    .map((n) => typed(n, 'responsible'))
  return {
    seq: 1,
    specialty: fields.specialty,
    direction: fields.direction,
    measure: fields.measure,
    leadUnits: leads,
    units: [...leads, ...others],
    deadline: typedDeadline(fields.deadline, null),
    deadlineDate: null,
    span: null,
    measureId: null,
    line: null,
  }
}
