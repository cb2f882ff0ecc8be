import type { Measure } from '@policykb/model'
import * as api from '@policykb/search'
import type { KnowledgeBase, SearchHit, SearchResult, Tokenizer, UnitEntry } from '@policykb/search'
import { expect, expectTypeOf, test } from 'vitest'

test('public exports are pinned', () => {
  expect(Object.keys(api).sort()).toEqual([
    'ByUnitOptionsSchema',
    'DEFAULT_FIELD_WEIGHTS',
    'FIELDS',
    'KnowledgeBaseFileError',
    'KnowledgeBaseLockError',
    'KnowledgeBaseOptionsSchema',
    'STORE_FORMAT',
    'STORE_FORMAT_VERSION',
    'SearchOptionsSchema',
    'createJiebaTokenizer',
    'createKnowledgeBase',
    'createNodejiebaTokenizer',
    'createUnitAliases',
    'displayWidth',
    'fieldValue',
    'foldText',
    'formatHits',
    'formatQuery',
    'formatUnits',
    'hitRows',
    'isStoreEntry',
    'loadKnowledgeBase',
    'markSnippet',
    'parseDueBound',
    'parseQuery',
    'policyTerms',
    'pushBoundaries',
    'shippedAliasTable',
    'unitKey',
  ])
  expect(api.STORE_FORMAT).toBe('policykb-search')
  expect(api.STORE_FORMAT_VERSION).toBe(2)
  expect(api.FIELDS).toEqual(['title', 'direction', 'text', 'units'])
})

test('signatures', () => {
  expectTypeOf(api.createKnowledgeBase).returns.toEqualTypeOf<KnowledgeBase>()
  expectTypeOf(api.loadKnowledgeBase).returns.toEqualTypeOf<Promise<KnowledgeBase>>()
  expectTypeOf<KnowledgeBase['search']>().returns.toEqualTypeOf<SearchResult>()
  expectTypeOf<KnowledgeBase['byUnit']>().returns.toEqualTypeOf<SearchResult>()
  expectTypeOf<KnowledgeBase['units']>().returns.toEqualTypeOf<UnitEntry[]>()
  expectTypeOf<SearchHit['measure']>().toEqualTypeOf<Measure>()
  expectTypeOf<SearchHit>().toHaveProperty('score').toEqualTypeOf<number>()
  expectTypeOf<SearchHit>().toHaveProperty('document').toEqualTypeOf<string>()
  expectTypeOf(api.createJiebaTokenizer).returns.toEqualTypeOf<Tokenizer>()
  expectTypeOf(api.createNodejiebaTokenizer).returns.toEqualTypeOf<Tokenizer>()
})
