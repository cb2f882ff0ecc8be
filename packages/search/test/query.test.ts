import { formatQuery, type ParsedQuery, parseQuery } from '@policykb/search'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'

const w = (text: string, negate = false) => ({ text, exact: false, negate })
const q = (text: string, negate = false) => ({ text, exact: true, negate })

describe('parseQuery', () => {
  test.each([
    { input: '市税务局', expected: [w('市税务局')] },
    { input: '市税务局 一网通办', expected: [w('市税务局'), w('一网通办')] },
    { input: '市税务局\u3000一网通办', expected: [w('市税务局'), w('一网通办')] },
    { input: '  市税务局   ', expected: [w('市税务局')] },
    { input: '"2022 年 6 月"', expected: [q('2022 年 6 月')] },
    { input: '“一网通办”', expected: [q('一网通办')] },
    { input: '企业开办 "一网通办"', expected: [w('企业开办'), q('一网通办')] },
    { input: '政务服务 -一网通办', expected: [w('政务服务'), w('一网通办', true)] },
    { input: '信用 -"信用修复"', expected: [w('信用'), q('信用修复', true)] },
    { input: '－一网通办 政务', expected: [w('一网通办', true), w('政务')] },
    { input: '2018-2020年', expected: [w('2018-2020年')] },
    { input: 'a - b', expected: [w('a'), w('b')] },
    { input: '"unterminated phrase', expected: [q('unterminated phrase')] },
    { input: '"a \\"quote\\" in it"', expected: [q('a "quote" in it')] },
    { input: '""', expected: [] },
    { input: '', expected: [] },
    { input: '市税务局 市税务局', expected: [w('市税务局')] },
    { input: '市税务局 "市税务局"', expected: [w('市税务局'), q('市税务局')] },
  ])('$input', ({ input, expected }) => {
    expect(parseQuery(input).terms).toEqual(expected)
  })
})

describe('formatQuery', () => {
  test.each([
    { terms: [w('市税务局'), w('一网通办')], expected: '市税务局 一网通办' },
    { terms: [q('2022 年'), w('x', true)], expected: '"2022 年" -x' },
    { terms: [q('say "hi"')], expected: '"say \\"hi\\""' },
    { terms: [w('-x', true)], expected: '--x' },
  ])('$expected', ({ terms, expected }) => {
    expect(formatQuery({ terms })).toBe(expected)
  })

  test('parseQuery(formatQuery(q)) gives q back for any parsed query', () => {
    const text = fc.string({ unit: fc.constantFrom('市', '税', '务', '局', ' ', '"', '\\', '-', '“', '”', 'a', '2') })
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (pieces) => {
        const parsed: ParsedQuery = parseQuery(pieces.join(' '))
        expect(parseQuery(formatQuery(parsed))).toEqual(parsed)
      }),
      { numRuns: 500 },
    )
  })
})
