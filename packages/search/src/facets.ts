/**
 * Facet counts of a set of measures: by unit, specialty, deadline month and document.
 */
import type { MeasureBrief } from './brief.js'
import type { Facets, FacetValue } from './types.js'
import { compareText } from './units.js'

/**
 * Count facets.
 * @param entries - all measures with their document ids, by ordinal
 * @param ordinals - the measures to count
 * @param unitName - canonical name of a unit name (`normalized`, else as written)
 */
export function countFacets(
  entries: ReadonlyArray<{ document: string; measure: MeasureBrief }>,
  ordinals: ArrayLike<number>,
  unitName: (name: string) => string,
): Facets {
  const unit = new Map<string, number>()
  const specialty = new Map<string, number>()
  const deadline = new Map<string, number>()
  const document = new Map<string, number>()
  const bump = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1)
  }
  for (let i = 0; i < ordinals.length; i++) {
    const e = entries[ordinals[i]!]!
    const m = e.measure
    const names = new Set<string>()
    for (const u of [...m.leadUnits, ...m.units]) names.add(unitName(u.normalized || u.name))
    for (const name of names) bump(unit, name)
    if (m.specialty) bump(specialty, m.specialty)
    const d = m.deadline
    bump(deadline, d && (d.kind === 'date' || d.kind === 'period') ? d.date.slice(0, 7) : d?.kind === 'ongoing' ? 'ongoing' : 'none')
    bump(document, e.document)
  }
  const values = (m: Map<string, number>): FacetValue[] => [...m].map(([value, count]) => ({ value, count }))
  const byCount = (m: Map<string, number>): FacetValue[] =>
    values(m).sort((a, b) => b.count - a.count || compareText(a.value, b.value))
  const last = (v: string): number => (v === 'ongoing' ? 1 : v === 'none' ? 2 : 0)
  return {
    total: ordinals.length,
    unit: byCount(unit),
    specialty: byCount(specialty),
    deadline: values(deadline).sort((a, b) => last(a.value) - last(b.value) || compareText(a.value, b.value)),
    document: byCount(document),
  }
}
