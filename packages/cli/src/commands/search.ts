import { basename } from 'node:path'
import type { Deadline } from '@policykb/model'
import {
  ByUnitOptionsSchema,
  formatHits,
  type KnowledgeBase,
  markSnippet,
  type SearchHit,
  type SearchOptions,
  type SearchResult,
  SearchOptionsSchema,
} from '@policykb/search'
import { defineCommand, UsageError } from '../command.js'
import { checkEncoding, IO_OPTIONS, type Io, PROGRAM, reportError, writeOutput } from '../io.js'
import { KB_OPTION, knowledgeBaseSource, outputWidth } from '../kb.js'

const FORMATS = ['table', 'json'] as const

/** A hit's deadline in `search --format json`: as written, its kind, its ISO date (null when none). */
function deadlineView(deadline: Deadline): { text: string; kind: Deadline['kind']; date: string | null } {
  return { text: deadline.text, kind: deadline.kind, date: 'date' in deadline ? deadline.date : null }
}
const KINDS = ['dated', 'ongoing', 'none'] as const
const ROLES = ['any', 'lead', 'primary', 'responsible', 'cooperating', 'implementing'] as const

/** The flag behind each search option, for messages. */
const FLAGS: Readonly<Record<string, string>> = {
  limit: '--limit',
  offset: '--offset',
  unit: '--unit',
  role: '--role',
  specialty: '--specialty',
  document: '--document',
  dueBefore: '--due-before',
  dueAfter: '--due-after',
  kind: '--kind',
  sort: '--sort',
}

/**
 * A whole number given on the command line (`all` means no limit when `all` is allowed).
 *
 * @throws UsageError for anything else
 */
function count(value: string, flag: string, all: boolean): number {
  const v = value.trim().toLowerCase()
  if (all && v === 'all') return Number.POSITIVE_INFINITY
  const n = /^\d+$/.test(v) ? Number(v) : Number.NaN
  // --limit counts hits to show (at least one); --offset hits to skip (zero or more).
  if (!Number.isSafeInteger(n) || (all && n === 0)) {
    throw new UsageError(`invalid ${flag} '${value}' (expected ${all ? 'a whole number above 0 or all' : 'a whole number'})`, 'search')
  }
  return n
}

/** A repeatable option: one value as a string, several as a list (the schemas' "any of"). */
const oneOrMany = (values: readonly string[] | undefined): string | string[] | undefined =>
  values === undefined || values.length === 0 ? undefined : values.length === 1 ? values[0] : [...values]

/** A hit as `search --format json` prints it: the measure's identity, units with roles, deadline, span, highlights. */
export interface HitView {
  /** `<document>#<measure id>`. */
  id: string
  document: string
  /** The measure's id within its document (`m12`). */
  measure: string
  numbering: string | null
  title: string | null
  direction: string | null
  specialty: string | null
  /** Attachment number; null for the main text. */
  part: number | null
  /** Every unit named, lead included, in document order. */
  units: { name: string; role: string }[]
  deadline: { text: string; kind: string; date: string | null } | null
  /** Where the measure is in its document: UTF-16 offsets into the normalised text, lines of the file. */
  span: { start: number; end: number; line: number; endLine: number }
  /** 0 when the query has no words. */
  score: number
  /**
   * Matches per field; `ranges` are [start, end) offsets into the title, the direction, `text`,
   * or the unit names joined with `、` (lead first); `snippet` marks them with 【】.
   */
  highlights: { field: string; ranges: { start: number; end: number }[]; snippet: string }[]
  text: string
}

/** Present a hit for `--format json`. */
export function hitView(hit: SearchHit): HitView {
  const m = hit.measure
  return {
    id: hit.id,
    document: hit.document,
    measure: m.id,
    numbering: m.numbering,
    title: m.title,
    direction: m.direction,
    specialty: m.specialty,
    part: m.part,
    units: m.units.map((u) => ({ name: u.name, role: u.role })),
    deadline: m.deadline ? deadlineView(m.deadline) : null,
    span: m.span,
    score: Math.round(hit.score * 100) / 100,
    highlights: hit.highlights.map((h) => ({ field: h.field, ranges: h.ranges, snippet: markSnippet(h) })),
    text: m.text,
  }
}

/**
 * Short names of documents for the table's narrow 文档 column: the file name without its
 * extension (`fixtures/001_x/001_x.txt` → `001_x`) when no two documents share it, else the id.
 */
export function documentLabels(ids: readonly string[]): Map<string, string> {
  const short = (id: string) => basename(id).replace(/\.[^.]*$/, '') || id
  const uses = new Map<string, number>()
  for (const id of ids) uses.set(short(id), (uses.get(short(id)) ?? 0) + 1)
  return new Map(ids.map((id) => [id, uses.get(short(id)) === 1 ? short(id) : id]))
}

/** What the search is: words (with filters), or the measures of one unit in a role. */
type Plan = { kind: 'search'; query: string; options: SearchOptions } | { kind: 'unit'; unit: string; options: SearchOptions }

function run(kb: KnowledgeBase, plan: Plan): SearchResult {
  return plan.kind === 'unit' ? kb.byUnit(plan.unit, plan.options) : kb.search(plan.query, plan.options)
}

/** The note for a search that found nothing. */
function nothingFound(plan: Plan): string {
  if (plan.kind === 'unit') return `no measure has ${plan.unit} as its ${plan.options.role} unit`
  return plan.query.trim() === '' ? 'no measure passes the filters' : `no measure matches '${plan.query}'`
}

/** The result with its hits' documents shown under `labels`. */
function relabel(result: SearchResult, labels: ReadonlyMap<string, string>): SearchResult {
  return { ...result, hits: result.hits.map((hit) => ({ ...hit, document: labels.get(hit.document) ?? hit.document })) }
}

async function write(io: Io, text: string, output: string | undefined, format: string): Promise<0 | 1> {
  const written = await writeOutput(io, text, { output, format })
  if (!written.ok) {
    if (written.usage) throw new UsageError(written.message, 'search')
    reportError(io, written.message)
    return 1
  }
  return 0
}

/** `policykb search QUERY (--kb KB | FILES...)`: measures by words, unit, role, deadline. */
export const searchCommand = defineCommand({
  name: 'search',
  summary: 'search the measures of a knowledge base by words, unit, deadline (table, json)',
  usage: '[options] (--kb KB QUERY... | QUERY FILE|DIR...)',
  description: [
    'Find the measures whose title, 改革方向, text or unit list contain every word of QUERY:',
    'exact substrings (no measure that contains them is missed), ranked by whole-word matches.',
    'Words are separated by spaces; "a phrase" may hold spaces; -word excludes; a unit name also',
    "finds the unit's other spellings (市人社局 = 市人力资源社会保障局). '' is every measure, for",
    'filters alone. The measures come from --kb KB (written by policykb index), where every',
    'argument is a word of QUERY; or from FILES, documents or directories parsed on the spot as',
    'index reads them, after QUERY (quote a QUERY of several words then).',
    '',
    '--unit keeps measures naming the unit in any role; --lead (or --role) narrows the role.',
    'Without --unit, --lead and --role take QUERY itself as the unit: policykb search 市税务局',
    '--lead lists every measure whose lead unit is 市税务局 (under any spelling), in document',
    'order and all of them unless --limit; not the measures that merely mention it, which',
    'policykb search 市税务局 lists. --due-before and --due-after take 2022, 2022-06, 2022-06-30',
    'or 2022年6月: on or before the end of that period, on or after its start.',
    '',
    'A search that finds nothing prints nothing on standard output and a note on standard error,',
    'with exit status 0. A missing or damaged KB is one line on standard error, exit status 1.',
  ].join('\n'),
  options: {
    kb: KB_OPTION,
    unit: { type: 'string', multiple: true, value: 'NAME', description: 'only measures naming this unit, any spelling (repeat: any of them)' },
    lead: { type: 'boolean', description: 'the unit (--unit, else QUERY) must lead the measure; same as --role lead' },
    role: { type: 'string', value: 'ROLE', description: `role of the unit, of ${ROLES.join(', ')} (default any)` },
    specialty: { type: 'string', multiple: true, value: 'S', description: 'only measures of this 所属专项, e.g. 企业开办 (repeatable)' },
    document: { type: 'string', multiple: true, value: 'ID', description: 'only measures of this document, as index filed it (repeatable)' },
    'due-before': { type: 'string', value: 'DATE', description: 'deadline on or before the end of DATE: 2022, 2022-06, 2022年6月' },
    'due-after': { type: 'string', value: 'DATE', description: 'deadline on or after the start of DATE' },
    kind: { type: 'string', multiple: true, value: 'KIND', description: 'deadline kind: dated, ongoing (长期坚持 …) or none (repeatable)' },
    sort: { type: 'string', value: 'ORDER', description: 'score (default with words), document (default without) or deadline' },
    limit: { type: 'string', short: 'n', value: 'N', description: 'hits to show, or all (default 10; all for a unit listing)' },
    offset: { type: 'string', value: 'N', description: 'hits to skip, for the next page (default 0)' },
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'table (default) or json' },
    ...IO_OPTIONS,
    quiet: { type: 'boolean', short: 'q', description: 'no notes on standard error (errors still)' },
  },
  examples: [
    'policykb search 市税务局 --kb kb --lead',
    'policykb search 一网通办 --kb kb --unit 市人社局 --limit all',
    "policykb search '' --kb kb --due-before 2022-06 --kind dated -f json | jq '.hits[].id'",
    'policykb search 容缺受理 plans/',
  ],
  async run({ values, positionals, io }) {
    const format = (values.format ?? 'table').trim().toLowerCase()
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format '${values.format}' (expected ${FORMATS.join(', ')})`, 'search')
    }
    checkEncoding(values.encoding, 'search')
    // With --kb every argument is a word of the query (space means AND); without, the first is
    // the query and the rest are documents.
    const [first, ...rest] = positionals
    if (first === undefined) throw new UsageError("missing QUERY ('' for every measure, with filters)", 'search')
    const query = values.kb === undefined ? first : positionals.join(' ')
    const files = values.kb === undefined ? rest : []

    let role = values.role?.trim().toLowerCase()
    if (role !== undefined && !(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`unknown --role '${values.role}' (expected ${ROLES.join(', ')})`, 'search')
    }
    if (values.lead) {
      if (role !== undefined && role !== 'lead') throw new UsageError(`--lead and --role ${values.role} contradict each other`, 'search')
      role = 'lead'
    }
    const unit = oneOrMany(values.unit)
    const byUnit = unit === undefined && role !== undefined && role !== 'any'
    if (byUnit && query.trim() === '') {
      throw new UsageError(`--${values.lead ? 'lead' : 'role'} without --unit takes QUERY as the unit's name, and QUERY is empty`, 'search')
    }
    const raw: Record<string, unknown> = {}
    if (values.limit !== undefined) raw.limit = count(values.limit, '--limit', true)
    if (values.offset !== undefined) raw.offset = count(values.offset, '--offset', false)
    if (unit !== undefined) raw.unit = unit
    if (role !== undefined) raw.role = role
    if (values.specialty) raw.specialty = oneOrMany(values.specialty)
    if (values.document) raw.document = oneOrMany(values.document)
    if (values['due-before'] !== undefined) raw.dueBefore = values['due-before']
    if (values['due-after'] !== undefined) raw.dueAfter = values['due-after']
    if (values.kind) {
      const kinds = values.kind.map((k) => k.trim().toLowerCase())
      const wrong = values.kind.find((_, i) => !(KINDS as readonly string[]).includes(kinds[i]!))
      if (wrong !== undefined) throw new UsageError(`unknown --kind '${wrong}' (expected ${KINDS.join(', ')})`, 'search')
      raw.kind = oneOrMany(kinds)
    }
    if (values.sort !== undefined) raw.sort = values.sort.trim().toLowerCase()
    const checked = (byUnit ? ByUnitOptionsSchema : SearchOptionsSchema).safeParse(raw)
    if (!checked.success) {
      const issue = checked.error.issues[0]!
      const key = String(issue.path[0] ?? '')
      const flag = FLAGS[key] ?? key
      // The schema's own messages name the option (`dueBefore must be a date …`): name the flag instead.
      const message = issue.message.startsWith(`${key} `)
        ? `${flag}${issue.message.slice(key.length)}`
        : `invalid ${flag}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`
      throw new UsageError(message, 'search')
    }
    const options = raw as SearchOptions
    const plan: Plan = byUnit ? { kind: 'unit', unit: query.trim(), options } : { kind: 'search', query, options }

    const source = await knowledgeBaseSource(values.kb, files, { io, encoding: values.encoding, command: 'search' })
    if (source === 1) return 1
    const { kb, exitCode } = source
    const note = (line: string) => {
      if (!values.quiet) io.stderr.write(`${PROGRAM}: ${line}\n`)
    }
    if (kb.size === 0) {
      note('the knowledge base holds no measures')
      return exitCode
    }
    const result = run(kb, plan)
    if (result.hits.length === 0) {
      note(result.total > 0 ? `no hits after the first ${result.offset} of ${result.total}` : nothingFound(plan))
      for (const warning of result.warnings) note(warning)
      return exitCode
    }
    const text =
      format === 'json'
        ? `${JSON.stringify({ query, total: result.total, offset: result.offset, warnings: result.warnings, hits: result.hits.map(hitView) }, null, 2)}\n`
        : `${formatHits(relabel(result, documentLabels(kb.documents().map((d) => d.id))), { width: outputWidth(io) })}\n`
    return (await write(io, text, values.output, format)) || exitCode
  },
})
