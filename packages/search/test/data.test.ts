import { createUnitAliases, foldText, policyTerms, shippedAliasTable, unitKey } from '@policykb/search'
import { describe, expect, test } from 'vitest'
import { seedTexts } from './helpers/seedMeasures.js'

/** Occurrences of `needle` in `text`, both width-folded, like `grep -o needle | wc -l`. */
function count(text: string, needle: string): number {
  const t = foldText(text)
  const n = foldText(needle)
  let c = 0
  for (let at = t.indexOf(n); at >= 0; at = t.indexOf(n, at + n.length)) c++
  return c
}

const seeds = seedTexts().map(({ id, text }) => ({ seed: id.slice(0, 3), text }))

describe('policy-terms.txt', () => {
  test.each(policyTerms().map((t) => [t]))('%s occurs in a seed document', (term) => {
    expect(seeds.some(({ text }) => text.includes(term))).toBe(true)
  })

  test('has no duplicates and no spaces', () => {
    const terms = policyTerms()
    expect(new Set(terms).size).toBe(terms.length)
    for (const t of terms) expect(t).not.toMatch(/\s/)
  })
})

describe('unit-aliases.json provenance', () => {
  const table = shippedAliasTable()
  const spellings = table.groups.flatMap((g) => g.spellings.map((s) => ({ group: g.canonical, ...s })))

  test.each(spellings)('$name ($group) is used by exactly the seeds listed', ({ name, seeds: listed }) => {
    const found: Record<string, number> = {}
    for (const { seed, text } of seeds) {
      const c = count(text, name)
      if (c > 0) found[seed] = c
    }
    expect(found).toEqual(listed)
  })

  test.each(table.distinct.flatMap((d) => Object.entries(d.seeds ?? {})))('distinct name %s is used as listed', (name, listed) => {
    const found: Record<string, number> = {}
    for (const { seed, text } of seeds) {
      const c = count(text, name)
      if (c > 0) found[seed] = c
    }
    expect(found).toEqual(listed)
  })

  test('every group lists its canonical name as a spelling, and no spelling is in two groups', () => {
    const seen = new Set<string>()
    for (const g of table.groups) {
      expect(g.spellings.map((s) => s.name)).toContain(g.canonical)
      for (const s of g.spellings) {
        expect(seen.has(unitKey(s.name))).toBe(false)
        seen.add(unitKey(s.name))
      }
    }
  })
})

describe('alias normalisation', () => {
  const aliases = createUnitAliases(shippedAliasTable())

  test.each([
    { name: '市发改委', canonical: '市发展改革委' },
    { name: '市发展改革委', canonical: '市发展改革委' },
    { name: '市发展和改革委员会', canonical: '市发展改革委' },
    { name: '市发改革', canonical: '市发展改革委' },
    { name: '市人社局', canonical: '市人力资源社会保障局' },
    { name: '市人力资源和社会保障局', canonical: '市人力资源社会保障局' },
    { name: '市住建局', canonical: '市住房城乡建设局' },
    { name: '市住房和城乡建设局', canonical: '市住房城乡建设局' },
    { name: '市工信局', canonical: '市工业和信息化局' },
    { name: '中国人民银行许昌市中心支行', canonical: '人行许昌市中心支行' },
    { name: '人行许昌中心支行', canonical: '人行许昌市中心支行' },
    { name: '中国人民银行XX中心支行', canonical: '人行XX中心支行' },
    { name: '中国人民银行郑州中心支行', canonical: '人行郑州中心支行' },
    { name: '市市场监管局(知识产权局)', canonical: '市市场监管局' },
    { name: '市市场监管局（知识产权局）', canonical: '市市场监管局' },
    { name: '市中院', canonical: '市中级人民法院' },
    { name: ' 市 人社局 ', canonical: '市人力资源社会保障局' },
    { name: '市税务局', canonical: '市税务局' },
    { name: '市自然资源局', canonical: '市自然资源局' },
    { name: '市自然资源和规划局', canonical: '市自然资源和规划局' },
    { name: '市政府金融办', canonical: '市政府金融办' },
    { name: '市金融工作局', canonical: '市金融工作局' },
  ])('$name → $canonical', ({ name, canonical }) => {
    expect(aliases.canonicalOf(name)).toBe(canonical)
  })

  test.each(shippedAliasTable().distinct)('$names are never merged', ({ names }) => {
    const keys = names.map((n) => unitKey(aliases.canonicalOf(n)))
    expect(new Set(keys).size).toBe(names.length)
  })

  test('extra groups from the caller come after the table and cannot steal its spellings', () => {
    const a = createUnitAliases(shippedAliasTable(), [
      { canonical: '市营商办', aliases: ['市优化营商环境办公室'] },
      { canonical: '别的单位', aliases: ['市人社局'] },
    ])
    expect(a.canonicalOf('市优化营商环境办公室')).toBe('市营商办')
    expect(a.canonicalOf('市人社局')).toBe('市人力资源社会保障局')
    expect(a.spellingsOf('市营商办')).toEqual(['市营商办', '市优化营商环境办公室'])
  })
})
