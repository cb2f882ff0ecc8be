export { createKnowledgeBase } from './knowledgeBase.js'
export type {
  DocumentInfo,
  Facets,
  FacetValue,
  KnowledgeBase,
  KnowledgeBaseStats,
  SearchHit,
  SearchResult,
  TermInfo,
} from './types.js'
export { loadKnowledgeBase, isStoreEntry, KnowledgeBaseFileError, STORE_FORMAT, STORE_FORMAT_VERSION } from './store.js'
export type { Manifest, SaveOptions, StoreErrorReason } from './store.js'
export { KnowledgeBaseLockError } from './storeLock.js'
export { SearchOptionsSchema, ByUnitOptionsSchema, KnowledgeBaseOptionsSchema, parseDueBound } from './options.js'
export type {
  AddMeta,
  ByUnitOptions,
  DeadlineFilter,
  DueBound,
  KnowledgeBaseOptions,
  SearchOptions,
  SortOrder,
  TokenizerName,
} from './options.js'
export { parseQuery, formatQuery } from './query.js'
export type { ParsedQuery, QueryTerm } from './query.js'
export { createJiebaTokenizer } from './jieba.js'
export { createNodejiebaTokenizer } from './nodejieba.js'
export type { NodejiebaOptions } from './nodejieba.js'
export { pushBoundaries } from './tokenizer.js'
export type { Tokenizer, TokenizerOptions } from './tokenizer.js'
export { createUnitAliases, unitKey } from './aliases.js'
export type { AliasInput, UnitAliases } from './aliases.js'
export { shippedAliasTable, policyTerms } from './data.js'
export type { AliasGroup, AliasPattern, UnitAliasTable, UnitSpelling } from './data.js'
export type { UnitEntry, UnitRoleFilter } from './units.js'
export { markSnippet } from './highlight.js'
export type { Highlight, MatchRange } from './highlight.js'
export { fieldValue } from './fields.js'
export { FIELDS, DEFAULT_FIELD_WEIGHTS } from './searchIndex.js'
export type { FieldWeights, SearchField } from './searchIndex.js'
export { foldText } from './fold.js'
export { formatHits, formatUnits, hitRows, displayWidth } from './format.js'
export type { FormatHitsOptions, HitRow } from './format.js'
