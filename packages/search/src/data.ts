/**
 * The data files shipped in `packages/search/data/`: the policy term list and the unit alias table.
 * They are read once, on first use, and validated with zod (a broken edit names the file).
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'

const dataUrl = (name: string): URL => new URL(`../data/${name}`, import.meta.url)

/** One spelling of a unit, with the seed documents that use it (seed id → occurrences). */
export const UnitSpelling = z.object({
  name: z.string().min(1),
  seeds: z.record(z.string(), z.number().int().positive()),
  note: z.string().optional(),
})
export type UnitSpelling = z.infer<typeof UnitSpelling>

/** Names that denote one body; `canonical` is the name shown, and one of the spellings. */
export const AliasGroup = z.object({
  canonical: z.string().min(1),
  spellings: z.array(UnitSpelling).min(1),
})
export type AliasGroup = z.infer<typeof AliasGroup>

/** A rewrite of a whole family of names (`中国人民银行X中心支行` → `人行X中心支行`). */
export const AliasPattern = z.object({
  match: z.string().describe('regular expression source, matched against the folded name'),
  canonical: z.string().describe('replacement, with $1… for groups'),
  note: z.string().optional(),
})
export type AliasPattern = z.infer<typeof AliasPattern>

/** The unit alias table (`data/unit-aliases.json`). */
export const UnitAliasTable = z.object({
  formatVersion: z.literal(1),
  about: z.string().optional(),
  groups: z.array(AliasGroup),
  patterns: z.array(AliasPattern),
  distinct: z.array(
    z.object({
      names: z.array(z.string()).min(2),
      seeds: z.record(z.string(), z.record(z.string(), z.number().int().positive())).optional(),
      reason: z.string(),
    }),
  ),
})
export type UnitAliasTable = z.infer<typeof UnitAliasTable>

let aliasTable: UnitAliasTable | undefined
let terms: readonly string[] | undefined

/**
 * The unit alias table shipped with the package.
 * @throws Error naming the file when it is not valid (a packaging mistake)
 */
export function shippedAliasTable(): UnitAliasTable {
  if (aliasTable) return aliasTable
  const url = dataUrl('unit-aliases.json')
  const parsed = UnitAliasTable.safeParse(JSON.parse(readFileSync(url, 'utf8')))
  if (!parsed.success) throw new Error(`Invalid alias table ${url.pathname}:\n${z.prettifyError(parsed.error)}`)
  aliasTable = parsed.data
  return aliasTable
}

/**
 * The policy terms shipped with the package (一网通办, 放管服, 证照分离 …), in file order.
 * Each goes into the tokenizer's dictionary so it is cut as one word.
 */
export function policyTerms(): readonly string[] {
  if (terms) return terms
  const text = readFileSync(dataUrl('policy-terms.txt'), 'utf8')
  terms = Object.freeze(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !l.startsWith('#')),
  )
  return terms
}
