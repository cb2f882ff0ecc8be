import { createKnowledgeBase, displayWidth, formatHits, formatUnits, hitRows, markSnippet } from '@policykb/search'
import { describe, expect, test } from 'vitest'
import { parse } from '@policykb/parser'
import { makeMeasure, resultOf, unit } from './helpers/seedMeasures.js'

const kb = createKnowledgeBase()
kb.add(
  resultOf([
    makeMeasure(1, {
      title: '打通“一网通办”关键环节',
      text: '打通“一网通办”关键环节。进一步加强部门间信息数据互联共享，优化完善平台功能，企业通过“一网通办”平台完成设立登记后，可自主选办其他事项。',
      units: [unit('市市场监管局', 'lead'), unit('市税务局'), unit('人行许昌市中心支行')],
      deadline: { kind: 'date', text: '2022年12月', span: { start: 0, end: 0, line: 1, endLine: 1 }, date: '2022-12-31', alsoOngoing: false },
    }),
    makeMeasure(2, { text: '全面推行交房即交证。', units: [unit('市自然资源和规划局', 'lead')] }),
  ]),
  { document: '002' },
)

describe('displayWidth', () => {
  test.each([
    { text: 'abc', width: 3 },
    { text: '市税务局', width: 8 },
    { text: '２０２２', width: 8 },
    { text: '（市、区）', width: 10 },
    { text: '2022年', width: 6 },
    { text: '', width: 0 },
  ])('$text is $width columns', ({ text, width }) => {
    expect(displayWidth(text)).toBe(width)
  })
})

test('hitRows flattens hits', () => {
  const rows = hitRows(kb.search('一网通办').hits)
  expect(rows[0]).toMatchObject({
    rank: 1,
    document: '002',
    measure: 'm1',
    numbering: '1.',
    title: '打通“一网通办”关键环节',
    lead: '市市场监管局',
    inferredPrimary: '',
    units: '市市场监管局、市税务局、人行许昌市中心支行',
    deadline: '2022年12月',
  })
  expect(rows[0]!.snippet).toContain('【一网通办】')
})

test('markSnippet marks every match and shows where the field goes on', () => {
  const h = kb.search('一网通办', { snippetLength: 20 }).hits[0]!.highlights.find((x) => x.field === 'text')!
  expect(markSnippet(h)).toBe('打通“【一网通办】”关键环节。进一步加强部门…')
  expect(markSnippet(h, '<b>', '</b>')).toContain('<b>一网通办</b>')
})

test('formatHits: summary, header, one aligned line a hit', () => {
  const text = formatHits(kb.search('一网通办'), { width: 120 })
  const lines = text.split('\n')
  expect(lines[0]).toBe('共 1 条，显示 1–1')
  expect(lines[1]).toMatch(/^序号 +得分 +文档 +措施 +牵头单位 +时限 +摘要$/)
  expect(lines[3]).toMatch(/^1 +\d+\.\d\d +002 +1\.打通“一网通办”关键环节 +市市场监管局 +2022年12月 +打通“【一网通办】/)
  for (const line of lines.slice(1)) expect(displayWidth(line)).toBeLessThanOrEqual(120)
})

test('formatHits fits the width: 摘要 cut, then dropped; 时限 and a seven-character unit whole; no character halved', () => {
  const result = kb.search('一网通办')
  const whole = formatHits(result).split('\n')
  expect(whole[3]).toContain('2022年12月')
  expect(whole[3]).not.toContain('…')
  for (const width of [60, 72, 80, 100, 120]) {
    const lines = formatHits(result, { width }).split('\n')
    for (const line of lines.slice(1)) expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width)
    expect(lines[3]).toContain('2022年12月')
    expect(lines[3]).toContain('市市场监管局')
  }
  expect(formatHits(result, { width: 80 }).split('\n')[1]).toMatch(/^序号 +得分 +文档 +措施 +牵头单位 +时限$/)
})

test('formatHits shows a lead only where the text makes one', () => {
  const lead = createKnowledgeBase()
  lead.add(parse('二、重点任务\n1.推行“一网通办”。\n牵头单位：市政数局\n责任单位：市税务局'), { document: 'a' })
  lead.add(parse('二、重点任务\n1.推行“一网通办”。\n责任单位：市税务局、市政数局'), { document: 'b' })
  const rows = hitRows(lead.search('一网通办', { sort: 'document' }).hits)
  expect(rows.map((r) => [r.lead, r.inferredPrimary])).toEqual([
    ['市政数局', ''],
    ['', '市税务局'],
  ])
  const lines = formatHits(lead.search('一网通办', { sort: 'document' })).split('\n')
  expect(lines[4]).toMatch(/ 市税务局\* /)
  expect(lines.at(-1)).toBe('* 原文未写明牵头单位，此为第一个列出的单位')
})

test('formatHits without query terms leaves out the score', () => {
  const lines = formatHits(kb.byUnit('市自然资源和规划局')).split('\n')
  expect(lines[1]).toMatch(/^序号 +文档 +措施/)
})

test('formatHits with no hits prints the count and the warnings', () => {
  expect(formatHits(kb.search('', { unit: '市不存在局' }))).toBe('共 0 条\n注意：no unit named "市不存在局"')
})

test('formatUnits', () => {
  const lines = formatUnits(kb.units()).split('\n')
  expect(lines[0]).toMatch(/^单位 +措施 +牵头 +责任 +配合 +落实 +别名$/)
  expect(lines.find((l) => l.startsWith('人行许昌市中心支行'))).toMatch(/人行许昌中心支行、中国人民银行许昌市中心支行$/)
})
