/**
 * Corrections applied to generated rows: each kind on rows of a real-shaped plan, and what
 * happens on a re-parse when the text a correction was made on has changed (a conflict, never a
 * silent drop or a change to another measure).
 */
import type { Correction, CorrectionsFile, TaskRow } from '@policykb/model'
import { parse } from '@policykb/parser'
import { describe, expect, test } from 'vitest'
import { applyCorrections } from '../src/corrections/apply.js'
import { parseCorrectionsFile } from '../src/corrections/file.js'
import { rowHasUnit, withoutUnit } from '../src/corrections/rowFields.js'
import { deadlineCell, unitsCell } from '../src/cells.js'
import { toTaskTable } from '../src/generate.js'

/** A row as the table prints it: lead names, 责任单位 (lead apart), 完成时限 as written. */
const show = (r: TaskRow) => ({ direction: r.direction, measure: r.measure, lead: r.leadUnits.map((u) => u.name), units: unitsCell(r.units, true), deadline: deadlineCell(r.deadline) })

const PLAN = [
  '一、主要任务',
  '（一）优化审批服务',
  '1.压减审批时间。全面推行并联审批，审批时间压减至5个工作日以内。',
  '牵头单位：市政数局',
  '责任单位：市住房城乡建设局、各县（市、区）人民政府',
  '完成时限：2022年6月底前',
  '2.推行告知承诺制。对符合条件的事项实行告知承诺。',
  '牵头单位：市司法局',
  '责任单位：市直各有关部门',
  '完成时限：持续推进',
  '（二）强化要素保障',
  '3.加大用地保障力度。优先保障重点项目用地。',
  '牵头单位：市自然资源和规划局',
  '责任单位：市发展改革委、市财政局',
  '完成时限：2022年12月',
].join('\n')

const parsed = parse(PLAN)
const table = toTaskTable(parsed)
const text = parsed.normalized.text
const [r1, r2, r3] = table.rows as [(typeof table.rows)[0], (typeof table.rows)[0], (typeof table.rows)[0]]
const anchor = (row: typeof r1) => ({ measureId: row.measureId!, text: row.measure })
const rangeOf = (s: string) => {
  const start = text.indexOf(s)
  return { start, end: start + s.length, text: s }
}

test('the plan gives the three rows the tests correct', () => {
  expect(table.columns).toContain('lead')
  expect(table.rows.map((r) => [r.measureId, show(r).lead, show(r).units, show(r).deadline])).toEqual([
    ['m1', ['市政数局'], '市住房城乡建设局、各县（市、区）人民政府', '2022年6月底前'],
    ['m2', ['市司法局'], '市直各有关部门', '持续推进'],
    ['m3', ['市自然资源和规划局'], '市发展改革委、市财政局', '2022年12月'],
  ])
})

describe('each kind of correction changes its row and no other', () => {
  test.each<{ name: string; correction: Correction; expected: Partial<ReturnType<typeof show>>; seq?: number }>([
    { name: '改革方向', correction: { kind: 'direction', anchor: anchor(r2), value: '推行承诺制' }, expected: { direction: '推行承诺制' } },
    { name: '改革方向 cleared', correction: { kind: 'direction', anchor: anchor(r2), value: null }, expected: { direction: null } },
    {
      name: '升级措施 from a source range',
      correction: { kind: 'measure', anchor: anchor(r2), value: '对符合条件的事项实行告知承诺。', range: rangeOf('对符合条件的事项实行告知承诺。') },
      expected: { measure: '对符合条件的事项实行告知承诺。' },
    },
    { name: 'unit added as responsible', correction: { kind: 'unit-add', anchor: anchor(r2), unit: '市政数局', role: 'responsible' }, expected: { units: '市直各有关部门、市政数局' } },
    { name: 'unit added as lead', correction: { kind: 'unit-add', anchor: anchor(r2), unit: '市政数局', role: 'lead' }, expected: { lead: ['市司法局', '市政数局'] } },
    { name: 'unit added as cooperating', correction: { kind: 'unit-add', anchor: anchor(r2), unit: '市税务局', role: 'cooperating' }, expected: { units: '市直各有关部门、市税务局' } },
    { name: 'lead removed', correction: { kind: 'unit-remove', anchor: anchor(r2), unit: '市司法局' }, expected: { lead: [] } },
    { name: 'unit removed from the middle', correction: { kind: 'unit-remove', anchor: anchor(r3), unit: '市发展改革委' }, expected: { units: '市财政局' }, seq: 3 },
    {
      name: 'lead moved to 责任单位',
      correction: { kind: 'unit-role', anchor: anchor(r2), unit: '市司法局', role: 'responsible' },
      expected: { lead: [], units: '市司法局、市直各有关部门' },
    },
    {
      name: '责任单位 made lead',
      correction: { kind: 'unit-role', anchor: anchor(r3), unit: '市财政局', role: 'lead' },
      expected: { lead: ['市自然资源和规划局', '市财政局'], units: '市发展改革委' },
      seq: 3,
    },
    { name: '完成时限', correction: { kind: 'deadline', anchor: anchor(r2), value: '2023年3月', date: '2023-03-31' }, expected: { deadline: '2023年3月' } },
  ])('$name', ({ correction, expected, seq = 2 }) => {
    const { rows, conflicts, applied } = applyCorrections(table.rows, [correction], { text })
    expect(conflicts).toEqual([])
    expect(applied).toEqual([0])
    const before = table.rows[seq - 1]!
    expect(show(rows[seq - 1]!)).toEqual({ ...show(before), ...expected })
    rows.forEach((row, i) => {
      if (i !== seq - 1) expect(row).toEqual(table.rows[i])
    })
  })
})

test('not-a-task drops the row and numbers the rest again', () => {
  const { rows, conflicts } = applyCorrections(table.rows, [{ kind: 'not-a-task', anchor: anchor(r1) }])
  expect(conflicts).toEqual([])
  expect(rows.map((r) => [r.seq, r.measureId])).toEqual([
    [1, 'm2'],
    [2, 'm3'],
  ])
})

test('add-task puts a row made from a source range after the row named', () => {
  const range = rangeOf('优先保障重点项目用地。')
  const { rows, conflicts } = applyCorrections(
    table.rows,
    [{ kind: 'add-task', after: anchor(r1), range, measure: range.text, direction: '强化要素保障', leadUnits: ['市自然资源和规划局'], units: '', deadline: '' }],
    { text },
  )
  expect(conflicts).toEqual([])
  expect(rows.map((r) => [r.seq, r.measureId, r.measure.slice(0, 6)])).toEqual([
    [1, 'm1', '压减审批时间'],
    [2, `added-${range.start}-${range.end}`, '优先保障重点'],
    [3, 'm2', '推行告知承诺'],
    [4, 'm3', '加大用地保障'],
  ])
})

test('corrections apply in order: a later one is anchored on the text an earlier one made', () => {
  const edited = '全面推行并联审批。'
  const corrections: Correction[] = [
    { kind: 'measure', anchor: anchor(r1), value: edited, range: null },
    { kind: 'unit-remove', anchor: { measureId: 'm1', text: edited }, unit: '各县（市、区）人民政府' },
  ]
  const { rows, conflicts } = applyCorrections(table.rows, corrections)
  expect(conflicts).toEqual([])
  expect(show(rows[0]!)).toMatchObject({ measure: edited, units: '市住房城乡建设局' })
})

describe('on a re-parse, a correction whose anchor no longer holds is a conflict', () => {
  const reworded = parse(PLAN.replace('对符合条件的事项实行告知承诺。', '对符合条件的涉企事项实行告知承诺。'))
  const rows2 = toTaskTable(reworded).rows
  const inserted = parse(PLAN.replace('（二）强化要素保障', '（二）强化要素保障\n3.新增一项措施。内容。\n责任单位：市财政局\n完成时限：2022年9月').replace('3.加大', '4.加大'))
  const rows3 = toTaskTable(inserted).rows

  test('the measure text changed under the correction: conflict, no row touched', () => {
    const c: Correction = { kind: 'deadline', anchor: anchor(r2), value: '2023年3月', date: '2023-03-31' }
    const { rows, conflicts } = applyCorrections(rows2, [c])
    expect(rows).toEqual(rows2)
    expect(conflicts).toEqual([{ index: 0, correction: c, reason: 'the 升级措施 of m2 is no longer the text it was made on' }])
  })

  test('a source range that no longer reads as it did: conflict', () => {
    const c: Correction = { kind: 'measure', anchor: anchor(r1), value: 'x', range: rangeOf('对符合条件的事项实行告知承诺。') }
    const { rows, conflicts } = applyCorrections(toTaskTable(reworded).rows, [c], { text: reworded.normalized.text })
    expect(rows).toEqual(rows2)
    expect(conflicts.map((x) => x.reason)).toEqual([`the source at ${c.range!.start}–${c.range!.end} no longer reads as it did`])
  })

  test('ids moved (a measure inserted above) but the text is the same: applied to that measure', () => {
    const c: Correction = { kind: 'unit-remove', anchor: anchor(r3), unit: '市财政局' }
    const { rows, conflicts } = applyCorrections(rows3, [c])
    expect(conflicts).toEqual([])
    expect(rows3[3]!.measureId).toBe('m4')
    expect(show(rows[3]!).units).toBe('市发展改革委')
    expect(rows[2]).toEqual(rows3[2])
  })

  test('a unit that is not there: conflict', () => {
    const { conflicts } = applyCorrections(table.rows, [{ kind: 'unit-remove', anchor: anchor(r1), unit: '市税务局' }])
    expect(conflicts.map((x) => x.reason)).toEqual(['市税务局 is not named in this row'])
  })

  test('a row dropped earlier cannot be corrected later', () => {
    const { conflicts } = applyCorrections(table.rows, [
      { kind: 'not-a-task', anchor: anchor(r1) },
      { kind: 'direction', anchor: anchor(r1), value: 'x' },
    ])
    expect(conflicts.map((x) => [x.index, x.reason])).toEqual([[1, 'no row m1 with the text it was made on']])
  })
})

test('a unit named twice in a role is removed everywhere; a unit not named cannot be removed', () => {
  const row = r3
  expect(rowHasUnit(row, '市财政局')).toBe(true)
  expect(rowHasUnit(withoutUnit(row, '市财政局'), '市财政局')).toBe(false)
  expect(show(withoutUnit(row, '市财政局')).units).toBe('市发展改革委')
})

describe('corrections files', () => {
  test('a valid file reads back', () => {
    const file: CorrectionsFile = { version: 1, document: 'plan.txt', corrections: [{ kind: 'not-a-task', anchor: anchor(r1) }] }
    expect(parseCorrectionsFile(JSON.stringify(file))).toEqual({ ok: true, file })
  })
  test.each([
    { text: '{', reason: /^not JSON/ },
    { text: '{"version":2,"document":"a","corrections":[]}', reason: /version 1: .* at version$/ },
    { text: '{"version":1,"document":"a","corrections":[{"kind":"unit-add","anchor":{"measureId":"m1","text":"x"},"role":"lead"}]}', reason: /at corrections\.0\.unit$/ },
  ])('$text is reported', ({ text: t, reason }) => {
    const out = parseCorrectionsFile(t)
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.reason).toMatch(reason)
  })
})
