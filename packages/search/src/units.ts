/**
 * The unit directory: every unit named by the measures of a knowledge base, under one canonical
 * name per body (see `aliases.ts`), with its spellings and how many measures name it in each role.
 */
import type { UnitRole } from '@policykb/model'
import type { MeasureBrief } from './brief.js'
import { type UnitAliases, unitKey } from './aliases.js'

/** A role to filter units by: one of the model's roles, `primary` (the measure's primary unit) or `any`. */
export type UnitRoleFilter = UnitRole | 'primary' | 'any'

/** One unit of the directory. */
export interface UnitEntry {
  /** Canonical name: the alias group's name, else the most used spelling. */
  name: string
  /** Every other name that resolves to this unit: spellings seen in the documents, then alias-table spellings. */
  aliases: string[]
  /** Spellings as written in the documents, with the number of measures using each, most used first. */
  spellings: Array<{ name: string; measures: number }>
  /** Measures naming the unit in any role. */
  measures: number
  /** Measures by role; `primary` counts measures whose primary unit it is (lead, or first listed). */
  roles: Record<UnitRole | 'primary', number>
  /** Ids of the documents whose measures name it, in the order they were added. */
  documents: string[]
}

/** The directory, with the postings the `unit` filter needs. */
export interface UnitDirectory {
  /** Entries, most measures first, then by name. */
  entries: UnitEntry[]
  /** Canonical key → entry. */
  byKey: Map<string, UnitEntry>
  /** Canonical key → role → ascending measure ordinals. */
  postings: Map<string, Record<UnitRoleFilter, number[]>>
  /** Key of a name: `unitKey(aliases.canonicalOf(name))`. */
  keyOf(name: string): string
}

const ROLES: ReadonlyArray<UnitRole | 'primary'> = ['lead', 'responsible', 'cooperating', 'implementing', 'primary']

/**
 * Build the unit directory of a list of measures.
 * @param measures - `{ document, measure }` in ordinal order; not mutated
 * @param aliases - the alias resolver
 */
export function buildUnitDirectory(
  measures: ReadonlyArray<{ document: string; measure: MeasureBrief }>,
  aliases: UnitAliases,
): UnitDirectory {
  // Names repeat across measures: fold and resolve each spelling once.
  const keys = new Map<string, string>()
  const keyOf = (name: string): string => {
    let key = keys.get(name)
    if (key === undefined) {
      key = unitKey(aliases.canonicalOf(name))
      keys.set(name, key)
    }
    return key
  }
  interface Acc {
    spellings: Map<string, number>
    roles: Record<UnitRoleFilter, number[]>
    documents: Set<string>
  }
  const accs = new Map<string, Acc>()
  const touch = (key: string): Acc => {
    let acc = accs.get(key)
    if (!acc) {
      acc = {
        spellings: new Map(),
        roles: { any: [], lead: [], responsible: [], cooperating: [], implementing: [], primary: [] },
        documents: new Set(),
      }
      accs.set(key, acc)
    }
    return acc
  }
  const push = (list: number[], d: number): void => {
    if (list[list.length - 1] !== d) list.push(d)
  }
  measures.forEach(({ document, measure }, d) => {
    const seenSpelling = new Set<string>()
    const refs = [...measure.leadUnits.map((u) => ({ ...u, role: 'lead' as const })), ...measure.units]
    for (const u of refs) {
      const name = u.normalized || u.name
      const acc = touch(keyOf(name))
      push(acc.roles.any, d)
      push(acc.roles[u.role], d)
      acc.documents.add(document)
      if (!seenSpelling.has(u.name)) {
        seenSpelling.add(u.name)
        acc.spellings.set(u.name, (acc.spellings.get(u.name) ?? 0) + 1)
      }
    }
    if (measure.primaryUnit) {
      const acc = touch(keyOf(measure.primaryUnit.normalized || measure.primaryUnit.name))
      push(acc.roles.primary, d)
      push(acc.roles.any, d)
      acc.documents.add(document)
    }
  })

  const entries: UnitEntry[] = []
  const byKey = new Map<string, UnitEntry>()
  const postings = new Map<string, Record<UnitRoleFilter, number[]>>()
  for (const [key, acc] of accs) {
    // A spelling counted twice (lead + responsible) in one measure is still one measure.
    const spellings = [...acc.spellings]
      .map(([name, count]) => ({ name, measures: count }))
      .sort((a, b) => b.measures - a.measures || compareText(a.name, b.name))
    const first = spellings[0]?.name ?? key
    const name = aliases.isAlias(first) ? aliases.canonicalOf(first) : first
    const aliasNames = new Set<string>()
    for (const s of spellings) if (s.name !== name) aliasNames.add(s.name)
    for (const s of aliases.spellingsOf(name)) if (s !== name) aliasNames.add(s)
    const roles = {} as Record<UnitRole | 'primary', number>
    for (const r of ROLES) roles[r] = acc.roles[r].length
    const entry: UnitEntry = {
      name,
      aliases: [...aliasNames],
      spellings,
      measures: acc.roles.any.length,
      roles,
      documents: [...acc.documents],
    }
    entries.push(entry)
    byKey.set(key, entry)
    postings.set(key, acc.roles)
  }
  entries.sort((a, b) => b.measures - a.measures || compareText(a.name, b.name))
  return { entries, byKey, postings, keyOf }
}

/** Code-unit order: stable across machines and locales, and fast (a collator per call is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
