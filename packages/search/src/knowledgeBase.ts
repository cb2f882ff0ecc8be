/**
 * The knowledge base: parsed documents in, searchable measures out.
 *
 * `add` only records measures; the index is built on the first query (or `save`) after an add, so
 * adding a whole corpus costs one build and the tokenizer's dictionary already holds every unit
 * name when the text is cut.
 */
import type { Measure, ParseResult } from '@policykb/model'
import { type AliasInput, createUnitAliases, type UnitAliases, unitKey } from './aliases.js'
import { policyTerms, shippedAliasTable } from './data.js'
import { countFacets } from './facets.js'
import { boundariesOf, foldedFields, hayOf, leadEndOf } from './fields.js'
import { filterMeasures, filtersOf, type MeasureAttributes, measureAttributes } from './filters.js'
import { foldText, withoutTypesetSpaces } from './fold.js'
import { highlightsOf } from './highlight.js'
import { createJiebaTokenizer } from './jieba.js'
import { createNodejiebaTokenizer } from './nodejieba.js'
import {
  type AddMeta,
  AddMetaSchema,
  type ByUnitOptions,
  ByUnitOptionsSchema,
  type KnowledgeBaseOptions,
  KnowledgeBaseOptionsSchema,
  type ResolvedSearchOptions,
  type SearchOptions,
  SearchOptionsSchema,
  type TokenizerName,
  validate,
} from './options.js'
import { difference, intersectAll, type Postings, range, unionAll } from './postings.js'
import { type ParsedQuery, parseQuery, type QueryTerm } from './query.js'
import { addTermScores, topK } from './rank.js'
import { DEFAULT_FIELD_WEIGHTS, type FieldWeights, type IndexArrays, SearchIndex } from './searchIndex.js'
import { type SaveOptions, saveState } from './store.js'
import type { Tokenizer } from './tokenizer.js'
import type {
  DocumentInfo,
  Facets,
  KnowledgeBase,
  KnowledgeBaseStats,
  SearchHit,
  SearchResult,
  TermInfo,
} from './types.js'
import { RANK_PARAMS } from './words.js'
import { buildUnitDirectory, type UnitDirectory, type UnitEntry, type UnitRoleFilter } from './units.js'

interface Entry {
  document: string
  measure: Measure
  hay: string
  bounds: Uint32Array | undefined
  /** Dictionary size when `bounds` were cut. */
  cutAt: number
}

/** What the word impacts of an index were computed with; a saved index is reused only if they match. */
export interface RankParams extends FieldWeights {
  saturation: number
  leadBoost: number
  minWordLength: number
}

/** Everything `save` writes and `load` restores (internal). */
export interface KnowledgeBaseState {
  tokenizerName: string
  dictionary: string[]
  documents: DocumentInfo[]
  entries: Array<{ document: string; measure: Measure; bounds: Uint32Array }>
  /** The built index, when saved. */
  index?: IndexArrays
  rank: RankParams
}

function tokenizerFrom(option: Tokenizer | TokenizerName | undefined): { name: string; get: () => Tokenizer } {
  if (typeof option === 'object') return { name: option.name, get: () => option }
  const name = option ?? 'node-rs-jieba'
  let made: Tokenizer | undefined
  return {
    name,
    get: () => {
      made ??= name === 'nodejieba' ? createNodejiebaTokenizer() : createJiebaTokenizer()
      return made
    },
  }
}

class KnowledgeBaseImpl implements KnowledgeBase {
  private readonly aliases: UnitAliases
  private readonly weights: FieldWeights
  private readonly tokenizer: { name: string; get: () => Tokenizer }
  private readonly docs: DocumentInfo[] = []
  private readonly entries: Entry[] = []
  private readonly dictionary: string[] = []
  private readonly dictionarySet = new Set<string>()
  private wordsLoaded = 0
  private index: SearchIndex | undefined
  private directory: UnitDirectory | undefined
  private attrs: MeasureAttributes | undefined
  private readonly fullResults = new WeakMap<SearchResult, Postings>()
  private readonly hitOrdinals = new Map<string, number>()

  constructor(options: KnowledgeBaseOptions | undefined, call: string, saved?: KnowledgeBaseState) {
    const o = validate(KnowledgeBaseOptionsSchema, options, call)
    const table = shippedAliasTable()
    this.aliases = createUnitAliases(table, o.aliases as AliasInput[])
    this.weights = { ...DEFAULT_FIELD_WEIGHTS, ...o.fieldWeights } as FieldWeights
    this.tokenizer = tokenizerFrom(o.tokenizer ?? (saved?.tokenizerName as TokenizerName | undefined))
    if (saved) this.restore(saved)
    if (o.policyTerms) this.addWords(policyTerms())
    this.addWords(o.words)
    for (const g of this.aliases.groups) this.addWords(g.spellings)
    // Words this version (or these options) add to a saved dictionary may change how saved text is cut.
    if (this.index && this.entries.some((e) => this.isStale(e))) this.invalidate()
  }

  private get rank(): RankParams {
    return { ...this.weights, ...RANK_PARAMS }
  }

  /** Whether a dictionary word added after the entry was cut occurs in it (then its cut may differ). */
  private isStale(entry: Entry): boolean {
    for (let w = entry.cutAt; w < this.dictionary.length; w++) if (entry.hay.includes(this.dictionary[w]!)) return true
    entry.cutAt = this.dictionary.length
    return false
  }

  get size(): number {
    return this.entries.length
  }

  get tokenizerName(): string {
    return this.tokenizer.name
  }

  private addWords(words: Iterable<string>): void {
    for (const w of words) {
      const f = foldText(w).replace(/\s+/g, '')
      if (f.length < 2 || this.dictionarySet.has(f)) continue
      this.dictionarySet.add(f)
      this.dictionary.push(f)
    }
  }

  private invalidate(): void {
    this.index = undefined
    this.directory = undefined
    this.attrs = undefined
  }

  add(result: ParseResult, meta?: AddMeta): DocumentInfo {
    if (typeof result !== 'object' || result === null || !Array.isArray(result.measures)) {
      throw new TypeError('Cannot `add`: expected a ParseResult (an object with a `measures` array)')
    }
    const m = validate(AddMetaSchema, meta, 'add')
    const doc = result.document
    const id = m.document ?? doc?.docNumber ?? doc?.title ?? `doc-${this.docs.length + 1}`
    if (this.docs.some((d) => d.id === id)) {
      throw new Error(`Cannot \`add\` document "${id}": a document with this id was already added; pass \`{ document }\` to name it`)
    }
    const info: DocumentInfo = {
      id,
      title: doc?.title ?? null,
      docNumber: doc?.docNumber ?? null,
      issuer: doc?.issuer ?? null,
      date: doc?.date ?? null,
      kind: doc?.kind ?? 'unknown',
      measures: result.measures.length,
    }
    this.docs.push(info)
    for (const measure of result.measures) this.pushEntry(id, measure, undefined)
    this.invalidate()
    return { ...info }
  }

  private pushEntry(document: string, measure: Measure, bounds: Uint32Array | undefined, hay?: string): void {
    for (const u of [...measure.leadUnits, ...measure.units]) {
      this.addWords([u.name, u.normalized, this.aliases.canonicalOf(u.normalized || u.name)])
    }
    const key = `${document}#${measure.id}`
    this.hitOrdinals.set(key, this.entries.length)
    this.entries.push({ document, measure, hay: hay ?? hayOf(foldedFields(measure)), bounds, cutAt: this.dictionary.length })
  }

  /**
   * Restore a saved state. The saved dictionary comes first, so the saved boundaries are current
   * for it; words this version adds later are checked against each measure on the next build.
   */
  private restore(state: KnowledgeBaseState): void {
    this.addWords(state.dictionary)
    const cutAt = this.dictionary.length
    this.docs.push(...state.documents)
    // A saved index is reused when it was ranked the way this one ranks; else it is rebuilt from
    // the saved word boundaries (still without the tokenizer).
    const index =
      state.index && JSON.stringify(state.rank) === JSON.stringify(this.rank) ? SearchIndex.fromArrays(state.index) : undefined
    state.entries.forEach((e, i) => {
      const hay = index ? index.all.slice(index.docStart[i]!, index.docStart[i + 1]!) : undefined
      this.pushEntry(e.document, e.measure, e.bounds, hay)
    })
    for (const e of this.entries) e.cutAt = cutAt
    this.index = index
  }

  /** The state to save (internal, used by `save`). */
  state(): KnowledgeBaseState {
    const index = this.ensureIndex()
    return {
      tokenizerName: this.tokenizer.name,
      dictionary: [...this.dictionary],
      documents: this.docs.map((d) => ({ ...d })),
      entries: this.entries.map((e) => ({ document: e.document, measure: e.measure, bounds: e.bounds! })),
      index: index.toArrays(),
      rank: this.rank,
    }
  }

  private ensureIndex(): SearchIndex {
    if (this.index) return this.index
    const size = this.dictionary.length
    let tokenizer: Tokenizer | undefined
    for (const entry of this.entries) {
      if (entry.bounds && !this.isStale(entry)) continue
      if (!tokenizer) {
        tokenizer = this.tokenizer.get()
        tokenizer.loadUserDict(this.dictionary.slice(this.wordsLoaded))
        this.wordsLoaded = size
      }
      entry.bounds = boundariesOf(entry.hay, entry.measure, tokenizer)
      entry.cutAt = size
    }
    this.index = SearchIndex.build(
      this.entries.map((e) => ({ hay: e.hay, bounds: e.bounds!, leadEnd: leadEndOf(e.hay, e.measure) })),
      this.weights,
    )
    return this.index
  }

  private dir(): UnitDirectory {
    this.directory ??= buildUnitDirectory(this.entries, this.aliases)
    return this.directory
  }

  private attributes(): MeasureAttributes {
    this.attrs ??= measureAttributes(this.entries, this.docs.map((d) => d.id))
    return this.attrs
  }

  private unitDocs(names: readonly string[], role: UnitRoleFilter, warnings: string[]): Postings {
    const dir = this.dir()
    const sets: Postings[] = []
    for (const name of names) {
      const posting = dir.postings.get(dir.keyOf(name))
      if (!posting) {
        const key = unitKey(name)
        const like = dir.entries.filter((u) => unitKey(u.name).includes(key)).slice(0, 5)
        warnings.push(
          `no unit named "${name}"` + (like.length > 0 ? `; did you mean ${like.map((u) => u.name).join('、')}?` : ''),
        )
        continue
      }
      sets.push(Int32Array.from(posting[role]))
    }
    return unionAll(sets)
  }

  private filterDocs(o: ResolvedSearchOptions, warnings: string[]): Postings | undefined {
    const filters = filtersOf(o)
    if (!filters) return undefined
    const base = filters.units ? this.unitDocs(filters.units, o.role, warnings) : range(this.entries.length)
    const documents = filters.documents?.map((id) => {
      const i = this.docs.findIndex((d) => d.id === id)
      if (i < 0) warnings.push(`no document "${id}"`)
      return i
    })
    return filterMeasures(this.attributes(), base, { ...filters, documents })
  }

  private alternatives(term: QueryTerm): string[] {
    if (term.exact) return [...new Set([term.text, withoutTypesetSpaces(term.text)])]
    const dir = this.dir()
    const spellings = new Set<string>([term.text])
    for (const s of this.aliases.spellingsOf(term.text)) spellings.add(s)
    const entry = dir.byKey.get(dir.keyOf(term.text))
    if (entry && (this.aliases.isAlias(term.text) || entry.spellings.some((s) => unitKey(s.name) === unitKey(term.text)))) {
      spellings.add(entry.name)
      for (const a of entry.aliases) spellings.add(a)
    }
    return [...spellings]
  }

  search(query: string | ParsedQuery, options?: SearchOptions): SearchResult {
    const o = validate(SearchOptionsSchema, options, 'search')
    return this.run(query, o, 'search')
  }

  byUnit(name: string, options?: ByUnitOptions): SearchResult {
    if (typeof name !== 'string' || name.trim().length === 0) {
      throw new TypeError('Cannot `byUnit`: expected a unit name')
    }
    const o = validate(ByUnitOptionsSchema, options, 'byUnit')
    return this.run('', { ...o, unit: name, sort: o.sort ?? 'document' }, 'byUnit')
  }

  private run(query: string | ParsedQuery, o: ResolvedSearchOptions, call: string): SearchResult {
    if (this.entries.length === 0) throw new Error(`Cannot \`${call}\` before documents are added`)
    if (typeof query !== 'string' && !Array.isArray(query?.terms)) {
      throw new TypeError(`Cannot \`${call}\`: expected a query string or a ParsedQuery ({ terms: [...] })`)
    }
    const index = this.ensureIndex()
    const parsed = typeof query === 'string' ? parseQuery(query) : query
    const warnings: string[] = []
    const filter = this.filterDocs(o, warnings)

    const terms: TermInfo[] = []
    const positive: Array<{ alternatives: Array<{ text: string; docs: Postings }>; docs: Postings }> = []
    const negative: Postings[] = []
    for (const term of parsed.terms) {
      const alternatives = this.alternatives(term)
      const found = [...new Set(alternatives.map(foldText))].map((text) => ({ text, docs: index.docsContaining(text) }))
      const docs = unionAll(found.map((f) => f.docs))
      terms.push({ ...term, alternatives, measures: docs.length })
      if (term.negate) negative.push(docs)
      else positive.push({ alternatives: found.filter((f) => f.docs.length > 0), docs })
    }
    let base =
      intersectAll([...positive.map((p) => p.docs), ...(filter ? [filter] : [])]) ?? range(this.entries.length)
    if (negative.length > 0) base = difference(base, unionAll(negative))

    const scores = new Float64Array(base.length)
    const n = this.entries.length
    for (const p of positive) {
      addTermScores(index, base, p.alternatives, Math.log(1 + n / Math.max(1, p.docs.length)), scores)
    }

    const sort = o.sort ?? (positive.length > 0 ? 'score' : 'document')
    const want = o.limit === Number.POSITIVE_INFINITY ? base.length : Math.min(base.length, o.offset + o.limit)
    let order: number[]
    if (sort === 'score') order = topK(base, scores, want)
    else if (sort === 'document') order = Array.from({ length: want }, (_, i) => i)
    else {
      const due = this.attributes().due
      order = Array.from({ length: base.length }, (_, i) => i)
      const key = (i: number): number => (due[base[i]!]! < 0 ? Number.MAX_SAFE_INTEGER : due[base[i]!]!)
      order.sort((x, y) => key(x) - key(y) || base[x]! - base[y]!)
      order.length = want
    }
    const needles = positive.flatMap((p) => p.alternatives.map((a) => a.text))
    const hits: SearchHit[] = order.slice(o.offset).map((i) => {
      const d = base[i]!
      const e = this.entries[d]!
      return {
        id: `${e.document}#${e.measure.id}`,
        document: e.document,
        measure: e.measure,
        score: scores[i]!,
        highlights: o.highlight && needles.length > 0 ? highlightsOf(index, d, e.measure, needles, o.snippetLength) : [],
      }
    })
    const result: SearchResult = { query: parsed, terms, total: base.length, offset: o.offset, hits, warnings }
    this.fullResults.set(result, base)
    return result
  }

  units(): UnitEntry[] {
    return [...this.dir().entries]
  }

  unit(name: string): UnitEntry | undefined {
    const dir = this.dir()
    return dir.byKey.get(dir.keyOf(name))
  }

  documents(): DocumentInfo[] {
    return this.docs.map((d) => ({ ...d }))
  }

  facets(results: SearchResult | readonly SearchHit[]): Facets {
    const fromHits = (hits: readonly SearchHit[]) => hits.map((h) => this.hitOrdinals.get(h.id) ?? -1).filter((i) => i >= 0)
    const ordinals = Array.isArray(results)
      ? fromHits(results as readonly SearchHit[])
      : (this.fullResults.get(results as SearchResult) ?? fromHits((results as SearchResult).hits))
    const dir = this.entries.length > 0 ? this.dir() : undefined
    const unitName = (name: string): string => dir?.byKey.get(dir.keyOf(name))?.name ?? name
    return countFacets(this.entries, ordinals, unitName)
  }

  stats(): KnowledgeBaseStats {
    if (this.entries.length === 0) {
      return { measures: 0, characters: 0, bigrams: 0, words: 0, wordPostings: 0, units: 0, dictionaryWords: this.dictionary.length }
    }
    const s = this.ensureIndex().stats()
    return { ...s, units: this.dir().entries.length, dictionaryWords: this.dictionary.length }
  }

  save(dir: string, options?: SaveOptions): Promise<void> {
    return saveState(dir, this.state(), options)
  }
}

/**
 * Create an empty knowledge base.
 * @param options - tokenizer (default `node-rs-jieba`, loaded on first use), dictionary words,
 *   extra alias groups, field weights; see `KnowledgeBaseOptionsSchema`
 * @throws TypeError for invalid options
 */
export function createKnowledgeBase(options?: KnowledgeBaseOptions): KnowledgeBase {
  return new KnowledgeBaseImpl(options, 'createKnowledgeBase')
}

/** A knowledge base holding a saved state (internal, for `loadKnowledgeBase`). */
export function knowledgeBaseFromState(state: KnowledgeBaseState, options?: KnowledgeBaseOptions): KnowledgeBase {
  return new KnowledgeBaseImpl(options, 'loadKnowledgeBase', state)
}
