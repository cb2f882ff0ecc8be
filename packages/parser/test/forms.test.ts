/**
 * Forms of 公文 the seeds do not show but real plans use: responsibility in a closing
 * parenthetical or after the text, tasks given only as a table. Each document here is written the
 * way such plans are written.
 */
import { describe, expect, it } from 'vitest'
import { parse } from '../src/parse.js'
import { unitRoles as units } from './helpers.js'


describe('responsibility written inside the measure', () => {
  const r = parse(
    [
      '二、重点任务',
      '（一）提升政务服务水平',
      '1.推行“一网通办”。实现政务服务事项全程网办。（牵头单位：市政务服务局；责任单位：市发展改革委、市财政局；完成时限：2023年6月底前）',
      '2.推广电子证照应用。扩大电子证照共享范围。（市大数据局牵头，各区人民政府配合，2023年12月底前完成）',
      '3.清理妨碍公平竞争的政策。全面清理违反公平竞争审查制度的政策措施。（市市场监管局负责，持续推进）',
      '4.优化企业开办。压缩开办时间。责任单位：市市场监管局；完成时限：2023年9月。',
    ].join('\n'),
  )

  it('reads a labelled parenthetical', () => {
    expect(units(r.measures[0]!)).toEqual(['市政务服务局:lead', '市发展改革委:responsible', '市财政局:responsible'])
    expect(r.measures[0]!.deadline).toMatchObject({ kind: 'date', date: '2023-06-30' })
    expect(r.measures[0]!.text).toBe('推行“一网通办”。实现政务服务事项全程网办。')
  })

  it('reads role phrases and a deadline clause in a parenthetical', () => {
    expect(units(r.measures[1]!)).toEqual(['市大数据局:lead', '各区人民政府:cooperating'])
    expect(r.measures[1]!.deadline).toMatchObject({ kind: 'date', date: '2023-12-31' })
    expect(units(r.measures[2]!)).toEqual(['市市场监管局:responsible'])
    expect(r.measures[2]!.deadline).toMatchObject({ kind: 'ongoing' })
  })

  it('reads labels closing the paragraph without parentheses', () => {
    expect(units(r.measures[3]!)).toEqual(['市市场监管局:responsible'])
    expect(r.measures[3]!.deadline).toMatchObject({ kind: 'date', date: '2023-09-30' })
  })
})

describe('a 任务分工方案 whose tasks are only a table', () => {
  const r = parse(
    [
      '某市重点任务分工表',
      '',
      '序号\t重点任务\t牵头单位\t责任单位\t完成时限',
      '1\t推行一网通办。实现全程网办。\t市政务服务局\t市发展改革委、市财政局\t2023年6月底前',
      '2\t推广电子证照。\t市大数据局\t各区人民政府\t持续推进',
    ].join('\n'),
  )

  it('reads one measure per row with its units and deadline', () => {
    expect(r.measures.map((m) => m.title)).toEqual(['推行一网通办', '推广电子证照'])
    expect(units(r.measures[0]!)).toEqual(['市政务服务局:lead', '市发展改革委:responsible', '市财政局:responsible'])
    expect(r.measures[1]!.deadline).toMatchObject({ kind: 'ongoing' })
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('measures-from-table')
  })

  it('keeps spans exact for table cells', () => {
    for (const m of r.measures) {
      expect(r.normalized.text.slice(m.span.start, m.span.end)).toBe(m.text)
      for (const u of m.units) expect(r.normalized.text.slice(u.span.start, u.span.end)).toBe(u.name)
    }
  })
})

describe('a document-wide rule naming the first-listed unit the lead', () => {
  const r = parse(['注：列第一位的为牵头单位。', '一、重点任务', '1.优化营商环境。持续推进。', '责任单位：市发展改革委、市财政局'].join('\n'))
  it('makes the first-listed unit a lead, not an inferred primary unit', () => {
    expect(units(r.measures[0]!)).toEqual(['市发展改革委:lead', '市财政局:responsible'])
    expect(r.measures[0]!.primaryUnit).toMatchObject({ name: '市发展改革委', inferred: false })
  })
})

describe('a short plan: one block each at three levels', () => {
  // One block after `1.`, one after the last sub-item of `2.`, one after `（二）`: no level
  // holds more blocks than another, so the blocks' places decide.
  const r = parse(
    [
      '一、主要任务',
      '（一）优化审批服务',
      '1.压减审批时间。全面推行并联审批。',
      '牵头单位：市政数局',
      '完成时限：2022年6月底前',
      '2.推行告知承诺制。对符合条件的事项实行告知承诺。',
      '（1）梳理事项清单。逐项明确承诺内容。',
      '（2）加强事后核查。发现不实承诺的依法处理。',
      '牵头单位：市司法局',
      '完成时限：持续推进',
      '（二）强化要素保障。优先保障重点项目用地。',
      '责任单位：市自然资源和规划局',
    ].join('\n'),
  )

  it('gives a block closing a list of sub-items to the item holding the list', () => {
    expect(r.measures.map((m) => m.title)).toEqual(['压减审批时间', '推行告知承诺制', '强化要素保障'])
    expect(r.measures[1]!.text).toContain('（2）加强事后核查')
    expect(units(r.measures[1]!)).toEqual(['市司法局:lead'])
    expect(r.measures.map((m) => m.direction)).toEqual(['优化审批服务', '优化审批服务', '强化要素保障'])
  })
})
