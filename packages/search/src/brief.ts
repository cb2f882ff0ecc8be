/**
 * The brief of a measure: what the unit directory, the filters and the facets read — its id, units
 * with roles, primary unit, deadline kind and date, and specialty — without its text and spans.
 * A saved knowledge base keeps every brief at hand and reads a whole measure from disk only when a
 * hit shows it.
 */
import type { Measure, UnitRole } from '@policykb/model'

/** A unit named by a measure, as the directory reads it. */
export interface BriefUnit {
  name: string
  normalized: string
  role: UnitRole
}

/** A deadline as the filters and facets read it. */
export type BriefDeadline =
  | { kind: 'date' | 'period'; date: string; alsoOngoing: boolean }
  | { kind: 'ongoing' | 'unspecified' }

/** What the directory, filters and facets need of a measure (a whole `Measure` is one too). */
export interface MeasureBrief {
  id: string
  units: readonly BriefUnit[]
  leadUnits: readonly BriefUnit[]
  primaryUnit: BriefUnit | null
  deadline: BriefDeadline | null
  specialty: string | null
}

const unit = (u: BriefUnit): BriefUnit => ({ name: u.name, normalized: u.normalized, role: u.role })

/** The brief of a measure (a new object; the measure is not mutated). */
export function briefOf(m: Measure): MeasureBrief {
  const d = m.deadline
  return {
    id: m.id,
    units: m.units.map(unit),
    leadUnits: m.leadUnits.map(unit),
    primaryUnit: m.primaryUnit ? unit(m.primaryUnit) : null,
    deadline:
      d === null
        ? null
        : d.kind === 'date' || d.kind === 'period'
          ? { kind: d.kind, date: d.date, alsoOngoing: d.alsoOngoing }
          : { kind: d.kind },
    specialty: m.specialty,
  }
}

const isStr = (v: unknown): v is string => typeof v === 'string'
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isUnit = (u: unknown): boolean => isObj(u) && isStr(u.name) && isStr(u.normalized) && isStr(u.role)

/**
 * Briefs as `documents.json` stores them: each distinct unit once (`units`, `[name, normalized]`),
 * roles by number (`roles`), and per measure a row `[document ordinal, id, lead units, units,
 * primary unit, deadline, specialty]`, units as `[unit, role]` pairs flattened, the primary as a
 * pair or null, the deadline as `[kind, date, alsoOngoing]`, `[kind]` or null. A repeated unit is
 * one object in memory after loading.
 */
export interface PackedBriefs {
  roles: string[]
  units: Array<[string, string]>
  rows: Array<[number, string, number[], number[], [number, number] | null, [string, string, boolean] | [string] | null, string | null]>
}

const ROLES = ['lead', 'responsible', 'cooperating', 'implementing']

/** Pack the briefs of measures filed under documents by ordinal. */
export function packBriefs(entries: ReadonlyArray<{ document: number; brief: MeasureBrief }>): PackedBriefs {
  const units: Array<[string, string]> = []
  const index = new Map<string, number>()
  const unitOf = (u: BriefUnit): number => {
    const key = `${u.name}\u0000${u.normalized}`
    let i = index.get(key)
    if (i === undefined) {
      i = units.length
      units.push([u.name, u.normalized])
      index.set(key, i)
    }
    return i
  }
  const pairs = (list: readonly BriefUnit[]) => list.flatMap((u) => [unitOf(u), ROLES.indexOf(u.role)])
  const rows = entries.map(({ document, brief: b }): PackedBriefs['rows'][number] => {
    const d = b.deadline
    return [
      document,
      b.id,
      pairs(b.leadUnits),
      pairs(b.units),
      b.primaryUnit ? [unitOf(b.primaryUnit), ROLES.indexOf(b.primaryUnit.role)] : null,
      d === null ? null : d.kind === 'date' || d.kind === 'period' ? [d.kind, d.date, d.alsoOngoing] : [d.kind],
      b.specialty,
    ]
  })
  return { roles: ROLES, units, rows }
}

/**
 * Unpack what {@link packBriefs} stored, checking it as it goes.
 * @returns the briefs with their document ordinals, or a phrase saying what is wrong
 */
export function unpackBriefs(packed: unknown, documents: number): Array<{ document: number; brief: MeasureBrief }> | string {
  if (!isObj(packed) || !Array.isArray(packed.roles) || !Array.isArray(packed.units) || !Array.isArray(packed.rows)) {
    return 'briefs is not { roles, units, rows }'
  }
  const roles = packed.roles as unknown[]
  const names = packed.units as unknown[]
  const cache = new Map<number, BriefUnit>()
  const unitAt = (i: unknown, r: unknown): BriefUnit | undefined => {
    if (typeof i !== 'number' || typeof r !== 'number') return undefined
    const key = i * 8 + r
    let u = cache.get(key)
    if (!u) {
      const pair = names[i]
      const role = roles[r]
      if (!Array.isArray(pair) || !isStr(pair[0]) || !isStr(pair[1]) || !isStr(role)) return undefined
      u = { name: pair[0], normalized: pair[1], role: role as UnitRole }
      cache.set(key, u)
    }
    return u
  }
  const list = (flat: unknown): BriefUnit[] | undefined => {
    if (!Array.isArray(flat) || flat.length % 2 !== 0) return undefined
    const out: BriefUnit[] = []
    for (let k = 0; k < flat.length; k += 2) {
      const u = unitAt(flat[k], flat[k + 1])
      if (!u) return undefined
      out.push(u)
    }
    return out
  }
  const out: Array<{ document: number; brief: MeasureBrief }> = []
  const rows = packed.rows as unknown[]
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]
    const bad = `briefs.rows[${i}] is not a packed brief`
    if (!Array.isArray(row) || row.length !== 7) return bad
    const [document, id, lead, units, primary, deadline, specialty] = row as unknown[]
    if (typeof document !== 'number' || document < 0 || document >= documents || !isStr(id)) return bad
    const leadUnits = list(lead)
    const unitList = list(units)
    if (!leadUnits || !unitList || !(specialty === null || isStr(specialty))) return bad
    let primaryUnit: BriefUnit | null = null
    if (primary !== null) {
      if (!Array.isArray(primary)) return bad
      primaryUnit = unitAt(primary[0], primary[1]) ?? null
      if (!primaryUnit) return bad
    }
    let d: BriefDeadline | null = null
    if (deadline !== null) {
      if (!Array.isArray(deadline) || !isStr(deadline[0])) return bad
      const kind = deadline[0]
      if (kind === 'date' || kind === 'period') {
        if (!isStr(deadline[1]) || typeof deadline[2] !== 'boolean') return bad
        d = { kind, date: deadline[1], alsoOngoing: deadline[2] }
      } else if (kind === 'ongoing' || kind === 'unspecified') d = { kind }
      else return bad
    }
    out.push({ document, brief: { id, units: unitList, leadUnits, primaryUnit, deadline: d, specialty } })
  }
  return out
}
