import type { Measure } from '@policykb/model'
import { createKnowledgeBase, fieldValue, foldText, type KnowledgeBase, unitKey } from '@policykb/search'
import { beforeAll, describe, expect, test } from 'vitest'
import { makeMeasure, resultOf, seedCorpus, unit } from './helpers/seedMeasures.js'

let kb: KnowledgeBase
let all: Array<{ document: string; measure: Measure }>

beforeAll(() => {
  kb = createKnowledgeBase()
  all = []
  for (const { id, result } of seedCorpus()) {
    kb.add(result, { document: id })
    for (const measure of result.measures) all.push({ document: id, measure })
  }
})

const ids = (r: { hits: Array<{ id: string }> }) => r.hits.map((h) => h.id).sort()
const names = (m: Measure, role: 'lead' | 'any') =>
  (role === 'lead' ? m.leadUnits : [...m.leadUnits, ...m.units]).map((u) => u.normalized || u.name)

describe('units', () => {
  test('byUnit answers "which measures does 市税务局 lead" directly', () => {
    const r = kb.byUnit('市税务局', { role: 'lead' })
    const expected = all.filter(({ measure }) => names(measure, 'lead').includes('市税务局'))
    expect(r.total).toBe(expected.length)
    expect(r.total).toBeGreaterThan(0)
    expect(r.hits.map((h) => h.measure.title)).toContain('全面落实减税降费政策')
    // document order, all of them
    expect(r.hits.map((h) => h.id)).toEqual(expected.map(({ document, measure }) => `${document}#${measure.id}`))
  })

  test('role any includes every role', () => {
    const any = kb.byUnit('市税务局')
    const entry = kb.unit('市税务局')!
    expect(any.total).toBe(entry.measures)
    expect(kb.byUnit('市税务局', { role: 'lead' }).total).toBe(entry.roles.lead)
    expect(kb.byUnit('市税务局', { role: 'responsible' }).total).toBe(entry.roles.responsible)
  })

  test.each([
    { spellings: ['市人社局', '市人力资源社会保障局', '市人力资源和社会保障局'] },
    { spellings: ['市发改委', '市发展改革委', '市发展和改革委员会', '市发改革'] },
    { spellings: ['市住建局', '市住房城乡建设局', '市住房和城乡建设局'] },
    { spellings: ['市工信局', '市工业和信息化局'] },
    { spellings: ['人行许昌市中心支行', '中国人民银行许昌市中心支行'] },
  ])('one unit, any spelling: $spellings', ({ spellings }) => {
    const results = spellings.map((s) => ids(kb.byUnit(s)))
    for (const r of results) expect(r).toEqual(results[0])
    expect(results[0]!.length).toBeGreaterThan(0)
    // and the measures written with each seen spelling are all in it
    const keys = new Set(spellings.map(unitKey))
    const expected = all
      .filter(({ measure }) => names(measure, 'any').some((n) => keys.has(unitKey(n))))
      .map(({ document, measure }) => `${document}#${measure.id}`)
      .sort()
    expect(results[0]).toEqual(expected)
  })

  test('the typo 市发改革 is filed under 市发展改革委', () => {
    const entry = kb.unit('市发改革')!
    expect(entry.name).toBe('市发展改革委')
    expect(entry.spellings.map((s) => s.name)).toContain('市发改革')
    expect(entry.aliases).toEqual(expect.arrayContaining(['市发改委', '市发展和改革委员会', '市发改革']))
  })

  test('市自然资源局 and 市自然资源和规划局 stay two units', () => {
    expect(kb.unit('市自然资源局')!.name).toBe('市自然资源局')
    expect(kb.unit('市自然资源和规划局')!.name).toBe('市自然资源和规划局')
    const a = new Set(ids(kb.byUnit('市自然资源局')))
    for (const id of ids(kb.byUnit('市自然资源和规划局'))) expect(a.has(id)).toBe(false)
  })

  test('the directory lists every unit once, with counts that add up', () => {
    const units = kb.units()
    expect(new Set(units.map((u) => unitKey(u.name))).size).toBe(units.length)
    for (const u of units) {
      expect(u.measures).toBeGreaterThan(0)
      expect(u.roles.lead).toBeLessThanOrEqual(u.measures)
      expect(u.spellings.reduce((a, s) => a + s.measures, 0)).toBeGreaterThanOrEqual(u.measures)
    }
    expect(units.map((u) => u.measures)).toEqual([...units.map((u) => u.measures)].sort((a, b) => b - a))
  })

  test('an unknown unit gives no hits and a warning', () => {
    const r = kb.search('', { unit: '市不存在局' })
    expect(r.total).toBe(0)
    expect(r.warnings[0]).toMatch(/no unit named "市不存在局"/)
  })
})

describe('query syntax', () => {
  const has = (m: Measure, s: string) => ['title', 'direction', 'text', 'units'].some((f) => foldText(fieldValue(m, f as 'text')).includes(foldText(s)))

  test('space is AND', () => {
    const r = kb.search('市税务局 一网通办', { limit: Number.POSITIVE_INFINITY })
    expect(r.total).toBeGreaterThan(0)
    for (const h of r.hits) expect(has(h.measure, '市税务局') && has(h.measure, '一网通办')).toBe(true)
    expect(r.total).toBe(all.filter(({ measure }) => has(measure, '市税务局') && has(measure, '一网通办')).length)
  })

  test('-term excludes', () => {
    const r = kb.search('政务服务 -一网通办', { limit: Number.POSITIVE_INFINITY })
    for (const h of r.hits) expect(has(h.measure, '政务服务') && !has(h.measure, '一网通办')).toBe(true)
    expect(r.total).toBe(all.filter(({ measure }) => has(measure, '政务服务') && !has(measure, '一网通办')).length)
  })

  test('a query of only exclusions matches everything else', () => {
    expect(kb.search('-一网通办').total).toBe(all.length - kb.search('一网通办').total)
  })

  test('quoted phrases are literal and may hold spaces', () => {
    const r = kb.search('"一个办法 三项制度"', { limit: Number.POSITIVE_INFINITY })
    expect(r.total).toBe(all.filter(({ measure }) => has(measure, '一个办法 三项制度')).length)
    expect(r.total).toBeGreaterThan(0)
    expect(r.terms[0]).toMatchObject({ text: '一个办法 三项制度', exact: true, alternatives: ['一个办法 三项制度'] })
  })

  test('a phrase typed as a PDF prints it (`2022 年 6 月`) finds the text the parser cleaned', () => {
    const r = kb.search('"2022 年 6 月"', { limit: Number.POSITIVE_INFINITY })
    expect(r.terms[0]!.alternatives).toEqual(['2022 年 6 月', '2022年6月'])
    expect(r.total).toBe(kb.search('2022年6月', { limit: Number.POSITIVE_INFINITY }).total)
    expect(r.total).toBeGreaterThan(0)
  })

  test('a unit name is alias-expanded unless quoted', () => {
    expect(kb.search('市人社局').terms[0]!.alternatives).toEqual(
      expect.arrayContaining(['市人社局', '市人力资源社会保障局', '市人力资源和社会保障局']),
    )
    expect(kb.search('"市人社局"').terms[0]!.alternatives).toEqual(['市人社局'])
    expect(kb.search('"市人社局"').total).toBeLessThan(kb.search('市人社局').total)
  })

  test('the empty query lists every measure in document order', () => {
    const r = kb.search('', { limit: 5 })
    expect(r.total).toBe(all.length)
    expect(r.hits.map((h) => h.id)).toEqual(all.slice(0, 5).map(({ document, measure }) => `${document}#${measure.id}`))
  })

  test('paging', () => {
    const whole = kb.search('企业', { limit: 30 }).hits.map((h) => h.id)
    const page = kb.search('企业', { limit: 10, offset: 10 })
    expect(page.offset).toBe(10)
    expect(page.hits.map((h) => h.id)).toEqual(whole.slice(10, 20))
  })
})

describe('filters', () => {
  const dateOf = (m: Measure) => (m.deadline && 'date' in m.deadline ? m.deadline.date : null)

  test.each([
    { dueBefore: '2022-06', last: '2022-06-30' },
    { dueBefore: '2022年6月', last: '2022-06-30' },
    { dueBefore: '2022年6月底', last: '2022-06-30' },
    { dueBefore: '2022', last: '2022-12-31' },
    { dueBefore: '2022-05-15', last: '2022-05-15' },
  ])('dueBefore $dueBefore keeps deadlines up to $last', ({ dueBefore, last }) => {
    const r = kb.search('', { dueBefore, limit: Number.POSITIVE_INFINITY })
    const expected = all.filter(({ measure }) => {
      const d = dateOf(measure)
      return d !== null && d <= last
    })
    expect(r.total).toBe(expected.length)
    expect(r.total).toBeGreaterThan(0)
    for (const h of r.hits) expect(dateOf(h.measure)! <= last).toBe(true)
  })

  test('dueAfter and dueBefore together give a range', () => {
    const r = kb.search('', { dueAfter: '2022-06', dueBefore: '2022-06', limit: Number.POSITIVE_INFINITY })
    expect(r.total).toBeGreaterThan(0)
    for (const h of r.hits) expect(dateOf(h.measure)!.slice(0, 7)).toBe('2022-06')
  })

  test('kind: ongoing includes dated deadlines that also go on', () => {
    const r = kb.search('', { kind: 'ongoing', limit: Number.POSITIVE_INFINITY })
    const expected = all.filter(
      ({ measure: { deadline: d } }) => d?.kind === 'ongoing' || ((d?.kind === 'date' || d?.kind === 'period') && d.alsoOngoing),
    )
    expect(r.total).toBe(expected.length)
    expect(kb.search('', { kind: 'dated' }).total + kb.search('', { kind: 'none' }).total).toBeGreaterThanOrEqual(
      all.length - r.total,
    )
  })

  test('specialty and document', () => {
    const r = kb.search('一网通办', { specialty: '企业开办', limit: Number.POSITIVE_INFINITY })
    expect(r.total).toBeGreaterThan(0)
    for (const h of r.hits) expect(h.measure.specialty).toBe('企业开办')
    const d = kb.search('', { document: '001', limit: Number.POSITIVE_INFINITY })
    expect(d.total).toBe(all.filter((e) => e.document === '001').length)
  })

  test('unit filter with a role', () => {
    const r = kb.search('', { unit: '市税务局', role: 'lead' })
    expect(r.total).toBe(kb.byUnit('市税务局', { role: 'lead' }).total)
  })

  test('sort by deadline', () => {
    const r = kb.search('', { sort: 'deadline', kind: 'dated', limit: Number.POSITIVE_INFINITY })
    const dates = r.hits.map((h) => dateOf(h.measure)!)
    expect(dates).toEqual([...dates].sort())
  })
})

describe('ranking and highlights', () => {
  test('scores are descending and a title match ranks first', () => {
    for (const q of ['一网通办', '减税降费', '交房即交证']) {
      const r = kb.search(q)
      const scores = r.hits.map((h) => h.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
      expect(r.hits[0]!.measure.title).toContain(q)
    }
  })

  test('every highlight range slices back to a searched string', () => {
    for (const q of ['一网通办', '市人社局', '2022年 企业', '税务']) {
      const r = kb.search(q, { limit: 50 })
      const wanted = new Set(r.terms.flatMap((t) => t.alternatives.map(foldText)))
      for (const h of r.hits) {
        expect(h.highlights.length).toBeGreaterThan(0)
        for (const hl of h.highlights) {
          const value = fieldValue(h.measure, hl.field)
          for (const range of hl.ranges) {
            const piece = foldText(value.slice(range.start, range.end))
            expect([...wanted].some((w) => piece.includes(w))).toBe(true)
          }
          for (const range of hl.snippetRanges) {
            expect(value.slice(hl.snippetStart + range.start, hl.snippetStart + range.end)).toBe(
              hl.snippet.slice(range.start, range.end),
            )
          }
        }
      }
    }
  })

  test('title and direction weigh more than body text (hand-written measures)', () => {
    const small = createKnowledgeBase()
    small.add(
      resultOf([
        makeMeasure(1, { text: '推进工作。持续优化一网通办平台。' }),
        makeMeasure(2, { title: '提升一网通办水平', text: '提升一网通办水平。聚焦需求。' }),
        makeMeasure(3, { direction: '深化一网通办改革', text: '完善平台功能。' }),
        makeMeasure(4, { text: '推进工作。', units: [unit('市税务局', 'lead'), unit('市财政局')] }),
        makeMeasure(5, { text: '推进工作。', units: [unit('市财政局', 'lead'), unit('市税务局')] }),
        makeMeasure(6, { text: '全市一网通办率。', units: [] }),
      ]),
      { document: 'hand' },
    )
    expect(small.search('一网通办').hits.map((h) => h.measure.id)).toEqual(['m2', 'm3', 'm1', 'm6'])
    expect(small.search('市税务局').hits.map((h) => h.measure.id)).toEqual(['m4', 'm5'])
  })

  test('full-width and half-width forms find each other', () => {
    const small = createKnowledgeBase()
    small.add(resultOf([makeMeasure(1, { text: '２０２２年底前完成（市、区）ＡＢＣ。' }), makeMeasure(2, { text: '2022年底前完成(市、区)abc。' })]))
    expect(small.search('2022年').total).toBe(2)
    expect(small.search('（市、区）').total).toBe(2)
    expect(small.search('ABC').total).toBe(2)
    const hl = small.search('2022年').hits.find((h) => h.measure.id === 'm1')!.highlights[0]!
    expect(hl.snippet.slice(hl.snippetRanges[0]!.start, hl.snippetRanges[0]!.end)).toBe('２０２２年')
  })
})

describe('facets', () => {
  test('count every match, not only the page', () => {
    const r = kb.search('', { unit: '市税务局', limit: 3 })
    const f = kb.facets(r)
    expect(r.hits.length).toBe(3)
    expect(f.total).toBe(r.total)
    expect(f.unit.find((v) => v.value === '市税务局')!.count).toBe(r.total)
    expect(f.document.reduce((a, v) => a + v.count, 0)).toBe(r.total)
    expect(f.deadline.reduce((a, v) => a + v.count, 0)).toBe(r.total)
  })

  test('of a list of hits, count those hits', () => {
    const r = kb.search('市税务局', { limit: 3 })
    expect(kb.facets(r.hits).total).toBe(3)
  })

  test('deadline months are chronological, ongoing and none last', () => {
    const values = kb.facets(kb.search('')).deadline.map((v) => v.value)
    const months = values.filter((v) => /^\d{4}-\d{2}$/.test(v))
    expect(values.slice(0, months.length)).toEqual([...months].sort())
    expect(values.slice(months.length)).toEqual(['ongoing', 'none'].filter((v) => values.includes(v)))
  })
})

describe('errors', () => {
  test('search before add', () => {
    expect(() => createKnowledgeBase().search('x')).toThrow('Cannot `search` before documents are added')
  })

  test.each([
    { options: { limit: 0 }, message: /Invalid options for `search`[\s\S]*limit/ },
    { options: { dueBefore: '2022-13' }, message: /dueBefore must be a date such as 2022, 2022-06[\s\S]*got "2022-13"/ },
    { options: { role: 'boss' }, message: /role/ },
    { options: { colour: 'red' }, message: /colour/ },
  ])('invalid search options: $options', ({ options, message }) => {
    expect(() => kb.search('x', options as never)).toThrow(message)
  })

  test('invalid knowledge base options', () => {
    expect(() => createKnowledgeBase({ tokenizer: 'hanlp' as never })).toThrow(/Invalid options for `createKnowledgeBase`[\s\S]*tokenizer/)
  })

  test('the same document id twice', () => {
    const k = createKnowledgeBase()
    k.add(resultOf([makeMeasure(1, { text: 'a' })]), { document: 'x' })
    expect(() => k.add(resultOf([makeMeasure(1, { text: 'b' })]), { document: 'x' })).toThrow(/document "x".*already added/)
  })

  test('adding after a search rebuilds the index', () => {
    const k = createKnowledgeBase()
    k.add(resultOf([makeMeasure(1, { text: '一网通办' })]), { document: 'a' })
    expect(k.search('一网通办').total).toBe(1)
    k.add(resultOf([makeMeasure(1, { text: '推进一网通办', units: [unit('市新设局')] })]), { document: 'b' })
    expect(k.search('一网通办').total).toBe(2)
    expect(k.unit('市新设局')!.measures).toBe(1)
  })
})
