/**
 * Generating the 任务清单 from parsed measures: one row per task, the columns the plan needs,
 * the two 改革方向 conventions, and the two 升级措施 modes. The plans here are written the way
 * 行动方案 are written; the seeds are covered end to end in test/.
 */
import { parse } from '@policykb/parser'
import { describe, expect, test } from 'vitest'
import type { Measure } from '@policykb/model'
import { deadlineCell, unitsCell as unitsOf } from '../src/cells.js'
import { defaultColumns, directionCell, hasLeadLabel, measureCell, planTitle, toTaskRows, toTaskTable } from '../src/generate.js'

/** 责任单位 of a measure's row, beside a 牵头单位 column or not. */
const unitsCell = (m: Measure, leadColumn: boolean) => unitsOf(toTaskRows([m])[0]!.units, leadColumn)

const PLAN = [
  '关于印发《某市营商环境提升行动方案（2022版）》的通知',
  '一、主要任务',
  '（一）优化审批服务',
  '1.压减审批时间。全面推行并联审批，审批时间压减至5个工作日以内。',
  '牵头单位：市政数局',
  '责任单位：市住房城乡建设局、各县（市、区）人民政府',
  '完成时限：2022年6月底前',
  '2.推行告知承诺制。对符合条件的事项实行告知承诺。',
  '（1）梳理事项清单。逐项明确承诺内容。',
  '（2）加强事后核查。发现不实承诺的依法处理。',
  '牵头单位：市司法局',
  '责任单位：市直各有关部门',
  '完成时限：持续推进',
  '（二）强化要素保障。加大用地保障力度，优先保障重点项目用地。',
  '责任单位：市自然资源和规划局',
  '完成时限：2022年12月',
].join('\n')

const result = parse(PLAN)
const { measures } = result

describe('toTaskRows', () => {
  const rows = toTaskRows(measures)

  test('one row per measure, numbered from 1, keeping the measure’s span and id', () => {
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3])
    expect(rows.map((r) => r.measureId)).toEqual(measures.map((m) => m.id))
    expect(rows.map((r) => r.span)).toEqual(measures.map((m) => m.span))
    expect(rows.every((r) => r.line === null)).toBe(true)
  })

  test('lead apart from 责任单位 when the plan labels leads', () => {
    expect(rows.map((r) => [r.leadUnits.map((u) => u.name), unitsOf(r.units, true)])).toEqual([
      [['市政数局'], '市住房城乡建设局、各县（市、区）人民政府'],
      [['市司法局'], '市直各有关部门'],
      [[], '市自然资源和规划局'],
    ])
  })

  test('完成时限 as written by default, normalised on request, and its date', () => {
    expect(rows.map((r) => [deadlineCell(r.deadline), deadlineCell(r.deadline, 'normalized'), r.deadlineDate])).toEqual([
      ['2022年6月底前', '2022年6月', '2022-06-30'],
      ['持续推进', '持续推进', null],
      ['2022年12月', '2022年12月', '2022-12-31'],
    ])
    expect(rows[0]!.deadline).toMatchObject({ kind: 'date', text: '2022年6月底前', date: '2022-06-30' })
  })

  test('parts: only the chosen parts give rows', () => {
    expect(toTaskRows(measures, { parts: [null] })).toHaveLength(3)
    expect(toTaskRows(measures, { parts: [1] })).toEqual([])
    expect(toTaskRows(measures, { parts: (p) => p === null })).toHaveLength(3)
  })

  test('inputs are not mutated', () => {
    const before = structuredClone(measures)
    toTaskRows(measures, { direction: 'title', measureText: 'full' })
    expect(measures).toEqual(before)
  })
})

describe('改革方向 conventions', () => {
  test('heading (default): the heading above a two-level measure; a one-level measure’s own title', () => {
    expect(toTaskRows(measures).map((r) => r.direction)).toEqual(['优化审批服务', '优化审批服务', '强化要素保障'])
  })

  test('title: each measure’s own title, which then leaves the 升级措施', () => {
    const rows = toTaskRows(measures, { direction: 'title' })
    expect(rows.map((r) => r.direction)).toEqual(['压减审批时间', '推行告知承诺制', '强化要素保障'])
    expect(rows[0]!.measure).toBe('全面推行并联审批，审批时间压减至5个工作日以内。')
    expect(toTaskRows(measures)[0]!.measure).toBe('压减审批时间。全面推行并联审批，审批时间压减至5个工作日以内。')
  })

  test('a one-level measure reads the same either way', () => {
    expect(toTaskRows(measures, { direction: 'title' })[2]).toEqual(toTaskRows(measures)[2])
    expect(directionCell(measures[2]!, 'title')).toBe(directionCell(measures[2]!, 'heading'))
  })

  test('a measure without a title keeps its heading in title mode', () => {
    const untitled = { ...measures[0]!, title: null, titleSpan: null }
    expect(directionCell(untitled, 'title')).toBe('优化审批服务')
  })
})

describe('升级措施', () => {
  test('lead (default): sub-items cut to their titles', () => {
    expect(measureCell(measures[1]!)).toBe('推行告知承诺制。对符合条件的事项实行告知承诺。（1）梳理事项清单；（2）加强事后核查。')
  })

  test('full: every sub-item whole', () => {
    expect(measureCell(measures[1]!, 'full')).toBe(
      '推行告知承诺制。对符合条件的事项实行告知承诺。（1）梳理事项清单。逐项明确承诺内容。（2）加强事后核查。发现不实承诺的依法处理。',
    )
  })

  test('a one-level measure starts after its title, which is the 改革方向', () => {
    expect(measureCell(measures[2]!)).toBe('加大用地保障力度，优先保障重点项目用地。')
  })
})

describe('columns and title', () => {
  test('牵头单位 only when the plan labels leads', () => {
    expect(hasLeadLabel(measures)).toBe(true)
    expect(defaultColumns(measures, toTaskRows(measures))).toEqual(['seq', 'direction', 'measure', 'lead', 'units', 'deadline'])
    const unlabelled = parse(PLAN.replaceAll('牵头单位：', '责任单位：')).measures
    expect(hasLeadLabel(unlabelled)).toBe(false)
    expect(defaultColumns(unlabelled, toTaskRows(unlabelled))).toEqual(['seq', 'direction', 'measure', 'units', 'deadline'])
  })

  test('without a lead column, the lead stays in 责任单位', () => {
    expect(unitsCell(measures[0]!, false)).toBe('市政数局牵头，市住房城乡建设局、各县（市、区）人民政府')
    expect(unitsCell(measures[0]!, true)).toBe('市住房城乡建设局、各县（市、区）人民政府')
  })

  test.each([
    { title: '关于印发《某市营商环境提升行动方案》的通知', plan: '某市营商环境提升行动方案' },
    { title: '某市 营商环境提升行动方案', plan: '某市营商环境提升行动方案' },
    { title: '某市人民政府办公室关于转发《某市促进消费若干措施》的通知', plan: '某市促进消费若干措施' },
    { title: '《某区营商环境提升行动方案》', plan: '某区营商环境提升行动方案' },
    { title: '某市人民政府办公室关于印发某市促进消费若干措施的通知', plan: '某市促进消费若干措施' },
    { title: '某市人民政府关于调整工作机构的通知', plan: '某市人民政府关于调整工作机构的通知' },
    { title: '2023年区《政府工作报告》重点工作任务分解方案', plan: '2023年区《政府工作报告》重点工作任务分解方案' },
    { title: null, plan: null },
  ])('planTitle($title)', ({ title, plan }) => {
    expect(planTitle(title)).toBe(plan)
  })

  test('table title from the plan title, without the edition', () => {
    expect(toTaskTable(result).title).toBe('某市营商环境提升行动方案任务清单')
    expect(toTaskTable(result, { title: null }).title).toBeNull()
  })

  test('a reply letter has no rows', () => {
    const reply = { ...result, document: { ...result.document, kind: 'reply' as const } }
    expect(toTaskTable(reply).rows).toEqual([])
  })
})

describe('责任单位 holds units only', () => {
  const plan = parse(
    [
      '某区2023年重点工作责任分解方案',
      '一、推进重点改革',
      '1.深化“放管服”改革。压减审批事项。（责任领导：钱某；责任单位：区政务服务局、区司法局）',
      '2.深化国资国企改革。完善法人治理结构。（区国资局、区财政局按照职责分工负责。列第一位者为牵头单位，下同）',
      '3.优化营商环境。推行告知承诺。（区发改局牵头，区市场监管局配合，各街道负责落实）',
    ].join('\n'),
  ).measures

  test('a leader is not written as a unit', () => {
    // the plan's `列第一位者为牵头单位` is read as a rule of the whole document
    expect(unitsCell(plan[0]!, false)).toBe('区政务服务局牵头，区司法局')
  })

  test('role words in one form, the note read (列第一位者为牵头单位) and gone', () => {
    expect(unitsCell(plan[1]!, false)).toBe('区国资局牵头，区财政局')
    expect(unitsCell(plan[2]!, false)).toBe('区发改局牵头，区市场监管局配合，各街道负责落实')
    expect(unitsCell(plan[2]!, true)).toBe('区市场监管局、各街道')
  })

  test('分工 lines give the cell; the leader line stays out of 升级措施', () => {
    const m = parse(['某省重点任务分工方案', '一、稳定经济增长', '（一）扩大有效投资。', '分管省领导：赵某', '部门分工：省发展改革委牵头，各地、各部门配合。'].join('\n'))
      .measures[0]!
    expect(unitsCell(m, false)).toBe('省发展改革委牵头，各地、各部门配合')
    expect(measureCell(m)).toBe('扩大有效投资。')
  })

  test('the leader is a person entry of the statement, not a unit', () => {
    expect(plan[0]!.responsibility!.entries.map((e) => [e.kind, e.label, e.value])).toEqual([
      ['person', '责任领导', '钱某'],
      ['responsible', '责任单位', '区政务服务局、区司法局'],
    ])
    expect(plan[0]!.units.map((u) => u.name)).toEqual(['区政务服务局', '区司法局'])
  })
})
