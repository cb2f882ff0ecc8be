/**
 * Unit alias normalisation: one canonical name for every spelling of a body, so that a query or a
 * filter for 市人社局 finds 市人力资源社会保障局 and 市人力资源和社会保障局 too.
 *
 * Only explicit groups and patterns merge names (see `data/unit-aliases.json` for each one's
 * provenance); anything else is merely folded (width, spaces), never guessed.
 */
import type { AliasGroup, AliasPattern, UnitAliasTable } from './data.js'
import { foldText } from './fold.js'

/** Extra names for one body, given by the caller: `{ canonical: '市发展改革委', aliases: ['发改委'] }`. */
export interface AliasInput {
  canonical: string
  aliases: readonly string[]
}

/**
 * The key two names must share to be the same unit: width-folded, spaces removed.
 * @param name - a unit name as written
 */
export function unitKey(name: string): string {
  return foldText(name).replace(/\s+/g, '')
}

/** Resolves unit names to canonical names. Build with {@link createUnitAliases}. */
export interface UnitAliases {
  /**
   * The canonical name of a unit: the group's canonical name when the name is a known spelling
   * (or matches a pattern), otherwise the name itself with spaces removed.
   */
  canonicalOf(name: string): string
  /** Whether the name belongs to an alias group or pattern. */
  isAlias(name: string): boolean
  /** Every spelling of the group the name belongs to (canonical first); `[]` when none. */
  spellingsOf(name: string): string[]
  /** The groups, as given (shipped table first, then extra groups). */
  readonly groups: ReadonlyArray<{ canonical: string; spellings: readonly string[] }>
}

/**
 * Build the alias resolver.
 * @param table - the alias table (normally `shippedAliasTable()`)
 * @param extra - further groups from the caller; a spelling listed in two groups keeps the first
 */
export function createUnitAliases(table: Pick<UnitAliasTable, 'groups' | 'patterns'>, extra: readonly AliasInput[] = []): UnitAliases {
  const groups: Array<{ canonical: string; spellings: string[] }> = []
  const byKey = new Map<string, number>()
  const addGroup = (canonical: string, spellings: readonly string[]): void => {
    const known = byKey.get(unitKey(canonical))
    const index = known ?? groups.length
    if (known === undefined) groups.push({ canonical, spellings: [canonical] })
    const group = groups[index]!
    for (const s of [canonical, ...spellings]) {
      const key = unitKey(s)
      if (byKey.has(key)) continue
      byKey.set(key, index)
      group.spellings.push(s)
    }
    if (known === undefined) byKey.set(unitKey(canonical), index)
  }
  for (const g of table.groups as AliasGroup[]) addGroup(g.canonical, g.spellings.map((s) => s.name))
  for (const g of extra) addGroup(g.canonical, g.aliases)
  for (const g of groups) g.spellings = [...new Set(g.spellings)]
  const patterns = (table.patterns as AliasPattern[]).map((p) => ({ re: new RegExp(p.match), canonical: p.canonical }))

  /** The name rewritten by the first pattern it matches (spaces removed first), if any. */
  const patternOf = (name: string): string | undefined => {
    const compact = name.replace(/\s+/g, '')
    for (const p of patterns) if (p.re.test(compact)) return compact.replace(p.re, p.canonical)
    return undefined
  }
  const groupOf = (name: string): number | undefined => {
    const direct = byKey.get(unitKey(name))
    if (direct !== undefined) return direct
    const rewritten = patternOf(name)
    return rewritten === undefined ? undefined : byKey.get(unitKey(rewritten))
  }

  return {
    groups,
    canonicalOf(name) {
      const g = groupOf(name)
      if (g !== undefined) return groups[g]!.canonical
      return patternOf(name) ?? name.replace(/\s+/g, '')
    },
    isAlias: (name) => groupOf(name) !== undefined || patternOf(name) !== undefined,
    spellingsOf(name) {
      const g = groupOf(name)
      return g === undefined ? [] : [...groups[g]!.spellings]
    },
  }
}
