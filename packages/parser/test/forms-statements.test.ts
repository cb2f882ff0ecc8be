/**
 * How plans write responsibility statements beyond `牵头单位：`/`责任单位：` lines: labels built
 * from role and unit-list words, leaders named beside the units, statement brackets other than
 * `（）`, notes after the units, and a deadline written as the last clause of a unit list. Every
 * document here is made up, in the way such plans are written.
 */
import { describe, expect, it } from 'vitest'
import { parseDeadline } from '../src/deadline.js'
import { findLabels } from '../src/labels.js'
import { parse } from '../src/parse.js'
import { parseInlineResponsibility } from '../src/responsibility.js'
import { parseUnitList } from '../src/units.js'
import { unitRoles as units } from './helpers.js'

const piece = (text: string) => ({ text, folded: text, start: 0 })

describe('labels by pattern', () => {
  it.each([
    { input: '牵头单位：', kind: 'lead' },
    { input: '牵头责任单位：', kind: 'lead' },
    { input: '主责部门：', kind: 'lead' },
    { input: '协同责任单位：', kind: 'cooperating' },
    { input: '配合部门：', kind: 'cooperating' },
    { input: '参与单位：', kind: 'cooperating' },
    { input: '实施主体：', kind: 'responsible' },
    { input: '承办部门：', kind: 'responsible' },
    { input: '部门分工：', kind: 'division' },
    { input: '责任分工：', kind: 'division' },
    { input: '分管市领导：', kind: 'person' },
    { input: '牵头负责领导：', kind: 'person' },
    { input: '包保县领导：', kind: 'person' },
    { input: '责任人：', kind: 'person' },
    { input: '完成时限：', kind: 'deadline' },
  ])('$input is $kind, whole', ({ input, kind }) => {
    expect(findLabels(input)).toEqual([{ kind, start: 0, word: input.length - 1, valueStart: input.length }])
  })

  it('needs its colon', () => {
    expect(findLabels('各责任单位要加强协同')).toEqual([])
  })
})

describe('statements in other brackets and with unit-list words', () => {
  const r = parse(
    [
      '某市物流降本增效实施方案',
      '一、重点任务',
      '（一）完善物流枢纽布局。建设区域物流枢纽。〔责任单位：市发展改革委、市交通运输局〕',
      '（二）发展多式联运。推进铁水联运。【牵头单位：市交通运输局；配合单位：市商务局】',
      '（三）优化通关服务。推行提前申报。（牵头单位：市直相关单位）',
      '（四）清理涉企收费。开展专项检查。（各有关部门负责）',
    ].join('\n'),
  )

  it('reads 〔〕 and 【】 as statement brackets and leaves them out of the text', () => {
    expect(units(r.measures[0]!)).toEqual(['市发展改革委:responsible', '市交通运输局:responsible'])
    expect(r.measures[0]!.text).toBe('完善物流枢纽布局。建设区域物流枢纽。')
    expect(units(r.measures[1]!)).toEqual(['市交通运输局:lead', '市商务局:cooperating'])
  })

  it('takes a unit-list word as units', () => {
    expect(units(r.measures[2]!)).toEqual(['市直相关单位:lead'])
    expect(units(r.measures[3]!)).toEqual(['各有关部门:responsible'])
  })

  it('reads ［］ as statement brackets', () => {
    const d = parseInlineResponsibility(piece('推行提前申报。［责任单位：市商务局］'))
    expect(d?.units.map((u) => u.normalized)).toEqual(['市商务局'])
  })
})

describe('leaders and 分工 clauses', () => {
  const r = parse(
    [
      '某省2023年重点工作责任分解方案',
      '一、稳住经济大盘',
      '（一）扩大有效投资。',
      '牵头负责领导：王某。',
      '牵头责任单位：省发展改革委。',
      '协同责任单位：省财政厅、省自然资源厅。',
      '（二）促进消费回升。',
      '分管省领导：赵某',
      '部门分工：省商务厅牵头，省文化和旅游厅、各市政府配合。',
    ].join('\n'),
  )
  const inline = parse(
    [
      '某区2023年重点工作责任分解方案',
      '一、推进重点改革',
      '1.深化“放管服”改革。压减审批事项。（责任领导：钱某；牵头单位：区政务服务局；责任单位：区司法局）',
      '2.深化国资国企改革。完善法人治理结构。（责任领导：孙某、李某；牵头单位：区国资局）',
    ].join('\n'),
  )

  it('reads a 协同 label as cooperating and keeps the leader out of units and text', () => {
    expect(units(r.measures[0]!)).toEqual(['省发展改革委:lead', '省财政厅:cooperating', '省自然资源厅:cooperating'])
    expect(r.measures[0]!.text).toBe('扩大有效投资。')
  })

  it('reads a 分工 value with its role words', () => {
    expect(units(r.measures[1]!)).toEqual(['省商务厅:lead', '省文化和旅游厅:cooperating', '各市政府:cooperating'])
    expect(r.measures[1]!.text).toBe('促进消费回升。')
  })

  it('never takes a leader named in a parenthetical as a unit', () => {
    expect(units(inline.measures[0]!)).toEqual(['区政务服务局:lead', '区司法局:responsible'])
    expect(units(inline.measures[1]!)).toEqual(['区国资局:lead'])
    // the leader is an entry of kind person: named in the statement, never a unit
    expect(inline.measures[1]!.responsibility?.entries.map((e) => e.kind)).toEqual(['person', 'lead'])
    expect(inline.measures[1]!.text).toBe('深化国资国企改革。完善法人治理结构。')
  })

  it('keeps the person on the statement draft', () => {
    const d = parseInlineResponsibility(piece('完善结构。（责任领导：孙某；牵头单位：区国资局）'))
    expect(d?.persons.map((p) => [p.label, '完善结构。（责任领导：孙某；牵头单位：区国资局）'.slice(p.start, p.end)])).toEqual([['责任领导', '孙某']])
  })
})

describe('notes inside a statement', () => {
  const r = parse(
    [
      '某市促进创业带动就业实施意见',
      '一、主要任务',
      '（一）扩大就业容量。发展吸纳就业能力强的产业。（市发展改革委、市人力资源社会保障局等按照职责分工负责。列第一位者为牵头单位，下同）',
      '（二）支持返乡创业。建设返乡创业园。（市人力资源社会保障局、市农业农村局按照职责分工负责）',
      '（三）落实创业补贴。简化补贴申领。（责任单位：市财政局、市人力资源社会保障局。以下措施均需各区人民政府、各开发区管委会落实，不再单独列出）',
    ].join('\n'),
  )

  it('reads `列第一位者` as the lead rule and drops `下同`', () => {
    expect(units(r.measures[0]!)).toEqual(['市发展改革委:lead', '市人力资源社会保障局:responsible'])
    expect(units(r.measures[1]!)).toEqual(['市人力资源社会保障局:lead', '市农业农村局:responsible'])
  })

  it('never takes the note after `。` as units', () => {
    // the document's `列第一位者` rule makes the first listed unit lead here too
    expect(units(r.measures[2]!)).toEqual(['市财政局:lead', '市人力资源社会保障局:responsible'])
  })

  it('gives the units a `以下…均需X落实` note names to the measures after it, not to its own', () => {
    const later = parse(
      [
        '一、主要任务',
        '（一）落实创业补贴。简化补贴申领。（责任单位：市财政局。以下措施均需各区人民政府落实，不再单独列出）',
        '（二）优化创业服务。建设创业服务平台。（责任单位：市人力资源社会保障局）',
        '（三）加强创业培训。开展创业培训。（责任单位：市人力资源社会保障局、各区人民政府）',
      ].join('\n'),
    )
    expect(later.measures.map(units)).toEqual([
      ['市财政局:responsible'],
      ['市人力资源社会保障局:responsible', '各区人民政府:implementing'],
      ['市人力资源社会保障局:responsible', '各区人民政府:responsible'],
    ])
  })

  it('reads the note into a rule for later measures', () => {
    const text = '落实补贴。（责任单位：市财政局。以下措施均需各区人民政府、各开发区管委会落实，不再单独列出）'
    const d = parseInlineResponsibility(piece(text))!
    expect(d.units.map((u) => u.normalized)).toEqual(['市财政局'])
    expect(d.notes).toHaveLength(1)
    expect(d.notes[0]).toMatchObject({ following: true, coversOwn: false, firstListedIsLead: false })
    expect(d.notes[0]!.units.map((u) => [u.normalized, u.role, text.slice(u.start, u.end)])).toEqual([
      ['各区人民政府', 'implementing', '各区人民政府'],
      ['各开发区管委会', 'implementing', '各开发区管委会'],
    ])
  })

  it('gives the units a `下同` note names to its own measure too', () => {
    const d = parseInlineResponsibility(piece('推进改革。〔责任单位：省商务厅负责。具体任务均涉及各市（州）人民政府，不再做分工，下同。〕'))!
    expect(d.units.map((u) => `${u.normalized}:${u.role}`)).toEqual(['省商务厅:responsible', '各市（州）人民政府:implementing'])
    expect(d.notes[0]).toMatchObject({ following: true, coversOwn: true })
  })

  it('keeps `各区、县级市` and `各乡镇、街道` one body of units', () => {
    const r = parse(['一、主要任务', '（一）引进人才。实施人才引进计划。（牵头单位：市人社局，配合单位：市财政局，各区、县级市）', '（二）优化服务。（责任单位：各乡镇、街道，市直各部门）'].join('\n'))
    expect(units(r.measures[0]!)).toEqual(['市人社局:lead', '市财政局:cooperating', '各区、县级市:cooperating'])
    expect(units(r.measures[1]!)).toEqual(['各乡镇、街道:responsible', '市直各部门:responsible'])
  })

  it('splits units joined by 及 before a prefecture-level name', () => {
    const r = parse(['一、主要任务', '（一）推进证照分离。全面推行告知承诺制。（责任单位：州司法局、州编办及州直有关单位）'].join('\n'))
    expect(units(r.measures[0]!)).toEqual(['州司法局:responsible', '州编办:responsible', '州直有关单位:responsible'])
  })

  it.each([
    { input: '市财政局、市税务局，下同', expected: ['市财政局', '市税务局'] },
    { input: '市财政局，不再单独列出', expected: ['市财政局'] },
    { input: '市财政局，不再一一分工', expected: ['市财政局'] },
    { input: '市财政局、市税务局，列第一位的为牵头单位', expected: ['市财政局', '市税务局'] },
  ])('$input: the note clause is no unit', ({ input, expected }) => {
    expect(parseUnitList(input, input, 'responsible').map((u) => u.normalized)).toEqual(expected)
  })
})

describe('a deadline in a labelled value', () => {
  const r = parse(
    [
      '某州2023年优化营商环境工作计划',
      '一、提升政务服务效能',
      '1.精简审批事项。承接省级下放事项。（牵头单位：州政务服务局；责任单位：州司法局，各县市人民政府，6月底完成）',
      '2.推行告知承诺。扩大承诺制范围。（牵头单位：州司法局；责任单位：各县市人民政府）',
    ].join('\n'),
  )
  const lines = parse(
    [
      '某州2023年优化营商环境工作计划',
      '一、提升政务服务效能',
      '1.推行告知承诺。扩大承诺制范围。',
      '牵头单位：州司法局',
      '责任单位：各县市人民政府，年底前完成',
      '2.推行一窗受理。整合综合窗口。',
      '牵头单位：州政务服务局',
      '责任单位：各县市人民政府',
    ].join('\n'),
  )

  it('reads the time clause as the deadline, not a unit', () => {
    expect(units(r.measures[0]!)).toEqual(['州政务服务局:lead', '州司法局:responsible', '各县市人民政府:responsible'])
    expect(r.measures[0]!.deadline).toMatchObject({ kind: 'date', date: '2023-06-30', text: '6月底完成' })
    expect(units(lines.measures[0]!)).toEqual(['州司法局:lead', '各县市人民政府:responsible'])
    expect(lines.measures[0]!.deadline).toMatchObject({ kind: 'date', date: '2023-12-31', text: '年底前完成' })
    expect(lines.measures[1]!.deadline).toBeNull()
  })

  it('keeps the deadline clause out of the unit entry', () => {
    const values = r.measures[0]!.responsibility!.entries.map((e) => `${e.kind}:${e.value}`)
    expect(values).toEqual(['lead:州政务服务局', 'responsible:州司法局，各县市人民政府', 'deadline:6月底完成'])
  })
})

describe('deadlines that name no year', () => {
  it.each([
    { input: '全年', expected: { kind: 'period', date: '2023-12-31', from: '2023-01-01' } },
    { input: '年内完成', expected: { kind: 'period', date: '2023-12-31', from: '2023-01-01' } },
    { input: '今年', expected: { kind: 'period', date: '2023-12-31' } },
    { input: '年底前', expected: { kind: 'date', date: '2023-12-31' } },
    { input: '年末', expected: { kind: 'date', date: '2023-12-31' } },
    { input: '今年年底前', expected: { kind: 'date', date: '2023-12-31' } },
    { input: '今年6月底前', expected: { kind: 'date', date: '2023-06-30' } },
    { input: '2024年底前', expected: { kind: 'date', date: '2024-12-31' } },
  ])('$input in a 2023 plan', ({ input, expected }) => {
    expect(parseDeadline(input, { year: 2023 })).toMatchObject({ text: input, ...expected })
  })

  it.each(['全年', '年底前'])('%s without a document year is unspecified', (input) => {
    expect(parseDeadline(input)).toMatchObject({ kind: 'unspecified' })
  })
})
