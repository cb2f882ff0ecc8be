/**
 * Options of the knowledge base, validated with zod: a wrong option throws a `TypeError` naming the
 * call and the option (`Invalid options for \`search\`: ✖ … → at dueBefore`). The schemas are
 * exported so a CLI can `safeParse` user input itself.
 */
import { z } from 'zod'
import type { Tokenizer } from './tokenizer.js'

/** A point or period a deadline filter compares with. */
export interface DueBound {
  year: number
  month: number | null
  day: number | null
}

/**
 * Read a deadline bound: `2022`, `2022-06`, `2022-06-30`, the same with `.` or `/` between the
 * parts (`2022.6`, `2022/06/30`), `202206`, `20220630`, `2022年`, `2022年6月`, `2022年6月底`,
 * `2022年6月30日`.
 * @param text - what the user wrote
 * @returns the bound, or `null` when it is not a date of that form
 */
export function parseDueBound(text: string): DueBound | null {
  const t = text.trim().replace(/[－—–．／]/g, (c) => ({ '－': '-', '—': '-', '–': '-', '．': '.', '／': '/' })[c] ?? c)
  const m =
    /^(\d{4})(?:([-./])(\d{1,2})(?:\2(\d{1,2}))?)?$/.exec(t)?.filter((_, i) => i !== 2) ??
    /^(\d{4})(\d{2})(\d{2})?$/.exec(t) ??
    /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?[底末]?$/.exec(t)
  if (!m) return null
  const year = Number(m[1])
  const month = m[2] === undefined ? null : Number(m[2])
  const day = m[3] === undefined ? null : Number(m[3])
  if (month !== null && (month < 1 || month > 12)) return null
  if (day !== null && (month === null || day < 1 || day > daysIn(year, month))) return null
  return { year, month, day }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** The last day a bound covers, as `YYYY-MM-DD`: `2022-06` → `2022-06-30`, `2022` → `2022-12-31`. */
export function boundEnd(b: DueBound): string {
  const month = b.month ?? 12
  return `${b.year}-${pad(month)}-${pad(b.day ?? daysIn(b.year, month))}`
}

/** The first day a bound covers, as `YYYY-MM-DD`: `2022-06` → `2022-06-01`, `2022` → `2022-01-01`. */
export function boundStart(b: DueBound): string {
  return `${b.year}-${pad(b.month ?? 1)}-${pad(b.day ?? 1)}`
}

const dueBound = (option: string) =>
  z.string().transform((s, ctx) => {
    const b = parseDueBound(s)
    if (b) return b
    ctx.addIssue({
      code: 'custom',
      message: `${option} must be a date such as 2022, 2022-06, 2022.6, 202206, 2022-06-30 or 2022年6月; got "${s}"`,
    })
    return z.NEVER
  })

const stringOrList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])

/** What a `kind` filter keeps: dated deadlines, ongoing ones (长期坚持 …, also 2022年6月底完成并长期坚持), or none. */
export const DeadlineFilter = z.enum(['dated', 'ongoing', 'none'])
export type DeadlineFilter = z.infer<typeof DeadlineFilter>

/** Role for the `unit` filter and `byUnit`. */
export const UnitRoleOption = z.enum(['any', 'lead', 'primary', 'responsible', 'cooperating', 'implementing'])

/** How hits are ordered. */
export const SortOrder = z.enum(['score', 'document', 'deadline'])
export type SortOrder = z.infer<typeof SortOrder>

const limit = z.union([z.number().int().positive(), z.literal(Number.POSITIVE_INFINITY)])

/** Options of `kb.search` (and, but for `unit`, of `kb.byUnit`). */
export const SearchOptionsSchema = z.strictObject({
  limit: limit.default(10).describe('hits to return; Infinity for all'),
  offset: z.number().int().nonnegative().default(0).describe('hits to skip, for paging'),
  unit: stringOrList.optional().describe('only measures naming this unit (any spelling; several = any of them)'),
  role: UnitRoleOption.default('any').describe('the role the `unit` must have'),
  specialty: stringOrList.optional().describe('only measures of this 所属专项'),
  document: stringOrList.optional().describe('only measures of this document id'),
  dueBefore: dueBound('dueBefore').optional().describe('deadline on or before the end of this period'),
  dueAfter: dueBound('dueAfter').optional().describe('deadline on or after the start of this period'),
  kind: z.union([DeadlineFilter, z.array(DeadlineFilter).min(1)]).optional(),
  sort: SortOrder.optional().describe('default: score when the query has terms, else document order'),
  highlight: z.boolean().default(true).describe('compute highlights for the returned hits'),
  snippetLength: z.number().int().min(10).max(2000).default(80).describe('characters of text around the first match'),
})
/** Options of `kb.search`, as a caller writes them. */
export type SearchOptions = z.input<typeof SearchOptionsSchema>
/** Options of `kb.search` after defaults and parsing. */
export type ResolvedSearchOptions = z.output<typeof SearchOptionsSchema>

/** Options of `kb.byUnit`: `search` options without `unit`; `limit` defaults to all. */
export const ByUnitOptionsSchema = SearchOptionsSchema.omit({ unit: true }).extend({
  limit: limit.default(Number.POSITIVE_INFINITY),
})
export type ByUnitOptions = z.input<typeof ByUnitOptionsSchema>

const isTokenizer = (v: unknown): v is Tokenizer =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Tokenizer).cut === 'function' &&
  typeof (v as Tokenizer).cutForSearch === 'function' &&
  typeof (v as Tokenizer).loadUserDict === 'function' &&
  typeof (v as Tokenizer).name === 'string'

/** Name of a shipped tokenizer. */
export const TokenizerName = z.enum(['node-rs-jieba', 'nodejieba'])
export type TokenizerName = z.infer<typeof TokenizerName>

const weight = z.number().nonnegative().finite()

/** Options of `createKnowledgeBase` and `loadKnowledgeBase`. */
export const KnowledgeBaseOptionsSchema = z.strictObject({
  tokenizer: z
    .union([
      TokenizerName,
      z.custom<Tokenizer>(isTokenizer, {
        message: 'tokenizer must be "node-rs-jieba", "nodejieba" or an object with name, cut, cutForSearch and loadUserDict',
      }),
    ])
    .optional()
    .describe('default "node-rs-jieba" (or, when loading, the one the knowledge base was built with)'),
  policyTerms: z.boolean().default(true).describe('add the shipped policy terms to the dictionary'),
  words: z.array(z.string()).default([]).describe('more dictionary words'),
  aliases: z
    .array(z.strictObject({ canonical: z.string().min(1), aliases: z.array(z.string().min(1)) }))
    .default([])
    .describe('more alias groups, after the shipped table'),
  fieldWeights: z
    .strictObject({ title: weight, direction: weight, text: weight, units: weight })
    .partial()
    .optional()
    .describe('word weight per field; default title 3, direction 2, text 1, units 2'),
})
/** Options of `createKnowledgeBase`, as a caller writes them. */
export type KnowledgeBaseOptions = z.input<typeof KnowledgeBaseOptionsSchema>

/** Metadata of `kb.add`. */
export const AddMetaSchema = z.strictObject({
  document: z.string().min(1).optional().describe('document id; default the 文号, else the title, else doc-<n>'),
})
export type AddMeta = z.input<typeof AddMetaSchema>

/**
 * Validate options for a call; a failure is a programmer mistake and throws.
 * @param call - the method name, for the message
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, call: string): z.output<S> {
  const parsed = schema.safeParse(value ?? {})
  if (parsed.success) return parsed.data
  throw new TypeError(`Invalid options for \`${call}\`:\n${z.prettifyError(parsed.error)}`)
}
