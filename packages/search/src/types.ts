/**
 * The public shapes of the knowledge base: the interface, its results, hits and facets.
 */
import type { SaveOptions } from './store.js'
import type { DocumentKind, Measure, ParseResult } from '@policykb/model'
import type { Highlight } from './highlight.js'
import type { AddMeta, ByUnitOptions, SearchOptions } from './options.js'
import type { ParsedQuery, QueryTerm } from './query.js'
import type { IndexStats } from './searchIndex.js'
import type { UnitEntry } from './units.js'

/** A document of the knowledge base. */
export interface DocumentInfo {
  /** Id given to `add` (or derived: 文号, else title, else `doc-<n>`). */
  id: string
  title: string | null
  docNumber: string | null
  issuer: string | null
  date: string | null
  kind: DocumentKind
  /** Number of measures it contributed. */
  measures: number
}

/** One search hit. */
export interface SearchHit {
  /** `<document id>#<measure id>`, unique in the knowledge base. */
  id: string
  /** Document id. */
  document: string
  measure: Measure
  /** Relevance; 0 when the query has no terms. Higher is better; comparable within one result only. */
  score: number
  /** Matches per field, empty when the query has no terms or `highlight: false`. */
  highlights: Highlight[]
}

/** How one query term was matched. */
export interface TermInfo extends QueryTerm {
  /** The spellings searched for it: the term itself, plus alias spellings for a unit name. */
  alternatives: string[]
  /** Measures containing any of them (before other terms and filters). */
  measures: number
}

/** The answer to a search. */
export interface SearchResult {
  query: ParsedQuery
  terms: TermInfo[]
  /** Measures matching the query and filters; `hits` is the page `offset … offset + limit` of them. */
  total: number
  offset: number
  hits: SearchHit[]
  /** Notes for the user, e.g. a `unit` filter naming no known unit. */
  warnings: string[]
}

/** A value of a facet and the number of measures with it. */
export interface FacetValue {
  value: string
  count: number
}

/** Counts of a result set by unit, specialty, deadline month and document. */
export interface Facets {
  /** Measures counted. */
  total: number
  /** By canonical unit name, any role; a measure counts once per unit. */
  unit: FacetValue[]
  /** By 所属专项; measures without one are not counted. */
  specialty: FacetValue[]
  /** By deadline month `YYYY-MM`, or `ongoing`, or `none`; chronological, `ongoing` and `none` last. */
  deadline: FacetValue[]
  /** By document id. */
  document: FacetValue[]
}

/** Sizes of a knowledge base. */
export interface KnowledgeBaseStats extends IndexStats {
  units: number
  dictionaryWords: number
}

/** A searchable collection of measures. Create with `createKnowledgeBase` or `loadKnowledgeBase`. */
export interface KnowledgeBase {
  /** Number of measures. */
  readonly size: number
  /** Name of the tokenizer the words were cut with. */
  readonly tokenizerName: string
  /**
   * Add the measures of a parsed document. The result is not mutated.
   * @param result - what `parse` returned
   * @param meta - `document`: the id to file it under (default 文号, else title, else `doc-<n>`)
   * @returns the document's entry
   * @throws Error when the id is taken, TypeError when `result` has no `measures` array
   */
  add(result: ParseResult, meta?: AddMeta): DocumentInfo
  /**
   * Find measures. Every measure whose title, direction, text or unit list contains each term is
   * returned (exact substring semantics, after width folding), ranked by whole-word matches.
   * @param query - query syntax (`市税务局 "一网通办" -2021`) or a parsed query; `''` matches all
   * @param options - filters, paging, sorting; see `SearchOptionsSchema` (default `limit: 10`)
   * @throws TypeError for invalid options, Error when no documents were added
   */
  search(query: string | ParsedQuery, options?: SearchOptions): SearchResult
  /**
   * The measures naming a unit, in document order (any spelling or alias of it).
   * @param name - the unit, e.g. `市税务局`, `市人社局`
   * @param options - `role` (default `any`), other filters; `limit` defaults to all
   */
  byUnit(name: string, options?: ByUnitOptions): SearchResult
  /** The unit directory: every unit, most measures first. */
  units(): UnitEntry[]
  /** One unit of the directory, by any of its names; `undefined` when unknown. */
  unit(name: string): UnitEntry | undefined
  /** The documents, in the order added. */
  documents(): DocumentInfo[]
  /**
   * Facet counts. For a `SearchResult` of this knowledge base they cover every matching measure
   * (not just the returned page); for a list of hits, those hits.
   */
  facets(results: SearchResult | readonly SearchHit[]): Facets
  /** Sizes (builds the index if needed). */
  stats(): KnowledgeBaseStats
  /**
   * Write the knowledge base to a directory (created if missing; an earlier save replaced
   * atomically: the directory holds the old or the new knowledge base at every moment). A second
   * writer of the same directory waits for the first, up to `options.lockTimeout` ms (default
   * 30 000), then throws a `KnowledgeBaseLockError`. See `store.ts` for the format.
   */
  save(dir: string, options?: SaveOptions): Promise<void>
}
