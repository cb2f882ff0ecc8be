import type { Deadline, Diagnostic, Measure, PolicyDocument } from '@policykb/model'

/** A measure as `parse --format json` shows it: unit lists as plain names, the rest as in the model. */
export type MeasureView = Omit<Measure, 'leadUnits' | 'units' | 'primaryUnit' | 'deadline'> & {
  leadUnits: string[]
  /** Every responsible unit, lead included, in document order. */
  units: string[]
  primaryUnit: { name: string; inferred: boolean } | null
  deadline: DeadlineView | null
}

/** A deadline as written, its kind, and its ISO date (null for `ongoing` and `unspecified`). */
export interface DeadlineView {
  text: string
  kind: Deadline['kind']
  date: string | null
}

/** Present a measure for people and scripts: names instead of unit records. Input not mutated. */
export function measureView(measure: Measure): MeasureView {
  return {
    ...measure,
    leadUnits: measure.leadUnits.map((u) => u.name),
    units: measure.units.map((u) => u.name),
    primaryUnit: measure.primaryUnit ? { name: measure.primaryUnit.name, inferred: measure.primaryUnit.inferred } : null,
    deadline: measure.deadline ? deadlineView(measure.deadline) : null,
  }
}

/** The deadline's text, kind and date. */
export function deadlineView(deadline: Deadline): DeadlineView {
  return { text: deadline.text, kind: deadline.kind, date: 'date' in deadline ? deadline.date : null }
}

/** `parse --format json`: the document, the measures presented, and every diagnostic. */
export function toJson(result: { document: PolicyDocument; measures: readonly Measure[]; diagnostics: readonly Diagnostic[] }): string {
  const view = { document: result.document, measures: result.measures.map(measureView), diagnostics: result.diagnostics }
  return `${JSON.stringify(view, null, 2)}\n`
}
