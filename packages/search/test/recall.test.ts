/**
 * Search never misses: for any query, every measure whose title, direction, text or unit list
 * contains it is returned. Checked against a plain substring scan, by property over random
 * substrings of the seed measures and over the list of real queries.
 */
import { readFileSync } from 'node:fs'
import type { Measure } from '@policykb/model'
import { createKnowledgeBase, FIELDS, fieldValue, foldText, formatQuery, type KnowledgeBase, parseQuery } from '@policykb/search'
import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import { seedCorpus } from './helpers/seedMeasures.js'

const ALL = { limit: Number.POSITIVE_INFINITY, highlight: false } as const

let kb: KnowledgeBase
let entries: Array<{ id: string; measure: Measure; fields: string[]; folded: string[] }>

beforeAll(() => {
  kb = createKnowledgeBase()
  entries = []
  for (const { id, result } of seedCorpus()) {
    kb.add(result, { document: id })
    for (const measure of result.measures) {
      const fields = FIELDS.map((f) => fieldValue(measure, f))
      entries.push({ id: `${id}#${measure.id}`, measure, fields, folded: fields.map(foldText) })
    }
  }
})

/** The reference: measures with every positive term and no negative one, by substring scan. */
function scan(query: string, fold: boolean): Set<string> {
  const terms = parseQuery(query).terms
  const contains = (e: (typeof entries)[number], s: string) =>
    fold ? e.folded.some((f) => f.includes(foldText(s))) : e.fields.some((f) => f.includes(s))
  return new Set(
    entries
      .filter((e) => terms.every((t) => contains(e, t.text) !== t.negate))
      .map((e) => e.id),
  )
}

describe('recall against a substring scan', () => {
  test('random substrings of measure fields, as quoted phrases: exactly the scan', () => {
    const pick = fc
      .record({ m: fc.nat(), f: fc.nat(3), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) })
      .map(({ m, f, at, len }) => {
        const e = entries[m % entries.length]!
        const field = e.fields[f]! || e.fields[2]!
        const start = at % Math.max(1, field.length)
        return field.slice(start, start + len)
      })
      .filter((s) => s.length > 0)
    fc.assert(
      fc.property(pick, (s) => {
        const query = formatQuery({ terms: [{ text: s, exact: true, negate: false }] })
        const got = new Set(kb.search(query, ALL).hits.map((h) => h.id))
        expect(got).toEqual(scan(query, true))
        for (const id of scan(query, false)) expect(got.has(id)).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  test('random substrings as plain words (alias-expanded): a superset of the scan', () => {
    const pick = fc
      .record({ m: fc.nat(), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) })
      .map(({ m, at, len }) => {
        const e = entries[m % entries.length]!
        const text = e.fields[3]! || e.fields[2]!
        const start = at % Math.max(1, text.length)
        return text.slice(start, start + len).replace(/[\s"“”－-]/g, '')
      })
      .filter((s) => s.length > 0)
    fc.assert(
      fc.property(pick, (s) => {
        const got = new Set(kb.search(s, ALL).hits.map((h) => h.id))
        for (const id of scan(s, false)) expect(got.has(id)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  const { queries } = JSON.parse(readFileSync(new URL('./fixtures/queries.json', import.meta.url), 'utf8')) as {
    queries: Array<{ q: string; kind: string }>
  }

  test('the list holds at least 50 real queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(50)
  })

  test.each(queries)('$kind: $q', ({ q }) => {
    const expected = scan(q, false)
    const r = kb.search(q, ALL)
    const got = new Set(r.hits.map((h) => h.id))
    expect(r.total).toBe(got.size)
    for (const id of expected) expect(got.has(id)).toBe(true)
    // Without alias expansion the answer is exactly the (folded) scan.
    const literal = parseQuery(q)
    literal.terms = literal.terms.map((t) => ({ ...t, exact: true }))
    expect(new Set(kb.search(literal, ALL).hits.map((h) => h.id))).toEqual(scan(q, true))
  })
})
