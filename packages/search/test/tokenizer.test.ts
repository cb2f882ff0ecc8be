import { createJiebaTokenizer, createNodejiebaTokenizer, policyTerms, pushBoundaries, type Tokenizer } from '@policykb/search'
import { describe, expect, test } from 'vitest'

const UNITS = ['市税务局', '市人力资源社会保障局', '人行许昌市中心支行', '市住房城乡建设局', '市自然资源和规划局']
const SENTENCE =
  '责任单位：市税务局、市人力资源社会保障局、人行许昌市中心支行按职责分工负责。2022年6月底前推进“一网通办”“放管服”改革，落实告知承诺制和容缺受理。'

describe.each([
  { name: 'node-rs-jieba', make: () => createJiebaTokenizer() },
  { name: 'nodejieba', make: () => createNodejiebaTokenizer() },
])('$name', ({ name, make }) => {
  // nodejieba keeps one dictionary per process: the tests below run in order, defaults first.
  const tokenizer: Tokenizer = make()

  test('is named', () => {
    expect(tokenizer.name).toBe(name)
  })

  test.each(UNITS)('the default dictionary splits %s', (unit) => {
    expect(tokenizer.cut(unit).length).toBeGreaterThan(1)
  })

  test.each(['一网通办', '证照分离', '好差评', '容缺受理'])('the default dictionary splits the policy term %s', (term) => {
    expect(tokenizer.cut(term).length).toBeGreaterThan(1)
  })

  test('the words put together give back the text', () => {
    expect(tokenizer.cut(SENTENCE).join('')).toBe(SENTENCE)
  })

  test('with the unit names and policy terms loaded, each is one word', () => {
    tokenizer.loadUserDict([...UNITS, ...policyTerms()])
    const words = tokenizer.cut(SENTENCE)
    for (const w of ['市税务局', '市人力资源社会保障局', '人行许昌市中心支行', '一网通办', '放管服', '告知承诺制', '容缺受理']) {
      expect(words).toContain(w)
    }
    for (const unit of UNITS) expect(tokenizer.cut(unit)).toEqual([unit])
    for (const term of policyTerms().filter((t) => !/[+]/.test(t))) expect(tokenizer.cut(term)).toEqual([term])
  })

  test('cutForSearch also returns the parts of long words', () => {
    const words = tokenizer.cutForSearch('人行许昌市中心支行')
    expect(words).toContain('人行许昌市中心支行')
    expect(words.length).toBeGreaterThan(1)
  })
})

test('node-rs-jieba keeps numbers whole', () => {
  expect(createJiebaTokenizer().cut('2022年6月底前')).toEqual(['2022', '年', '6', '月底', '前'])
})

test('user words given at creation are loaded with the dictionary', () => {
  const t = createJiebaTokenizer({ userDict: ['许昌银保监分局'] })
  expect(t.cut('许昌银保监分局牵头')).toEqual(['许昌银保监分局', '牵头'])
})

test('a missing nodejieba gives a clear error on first use, not on creation', () => {
  const t = createNodejiebaTokenizer({ module: 'nodejieba-that-is-not-installed' })
  expect(() => t.cut('市税务局')).toThrow(
    /Cannot load nodejieba-that-is-not-installed: nodejieba is an optional dependency of @policykb\/search.*createJiebaTokenizer/,
  )
})

describe('pushBoundaries', () => {
  test.each([
    { tokens: ['市税务局', '、', '市财政局'], text: '市税务局、市财政局', offset: 0, expected: [0, 4, 5, 9] },
    { tokens: ['市税务局'], text: '市税务局', offset: 10, expected: [10, 14] },
    { tokens: ['a', 'b'], text: 'a b', offset: 0, expected: [0, 1, 2, 3] },
    { tokens: ['', '市', '局'], text: '市局', offset: 0, expected: [0, 1, 2] },
    { tokens: [], text: '市局', offset: 0, expected: [] },
  ])('$tokens in $text', ({ tokens, text, offset, expected }) => {
    const out: number[] = []
    pushBoundaries(tokens, text, offset, out)
    expect(out).toEqual(expected)
  })
})
