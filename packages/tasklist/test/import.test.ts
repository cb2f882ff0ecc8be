import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { evaluate } from '../src/evaluate/evaluate.js'
import { writeCsv } from '../src/export/csv.js'
import { writeXlsx } from '../src/export/xlsx.js'
import type { TaskRow } from '@policykb/model'
import { deadlineCell, unitsCell } from '../src/cells.js'
import { detectFormat, readTaskTable } from '../src/import/readTaskTable.js'

/** A row with its units and deadline as the table's cells show them (no 牵头单位 column unless `leadColumn`). */
const shown = (row: TaskRow, leadColumn = false) => ({
  ...row,
  leadUnits: row.leadUnits.map((u) => u.name),
  units: unitsCell(row.units, leadColumn),
  deadline: deadlineCell(row.deadline),
})

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const SEED_002 = here('../../../fixtures/002_c5ffb9b641a0b531/002_c5ffb9b641a0b531.txt')

describe('attachment 24 of seed 002 (the 307-row 任务清单 made by hand)', async () => {
  const text = readFileSync(SEED_002, 'utf8')
  const { table, diagnostics } = await readTaskTable(text, { file: '002.txt' })
  const bySeq = (seq: number) => shown(table.rows.find((r) => r.seq === seq)!)

  test('all 307 rows, in order, with title and columns', () => {
    expect(table.title).toBe('许昌市营商环境优化提升任务清单')
    expect(table.columns).toEqual(['seq', 'specialty', 'direction', 'measure', 'units', 'deadline'])
    expect(table.rows).toHaveLength(307)
    expect(table.rows.map((r) => r.seq)).toEqual(Array.from({ length: 307 }, (_, i) => i + 1))
    const lines = table.rows.map((r) => r.line!)
    expect(lines).toEqual([...lines].sort((a, b) => a - b))
  })

  test('所属专项 and 改革方向 filled in for every row', () => {
    for (const row of table.rows) {
      expect(row.specialty, `row ${row.seq}`).toBeTruthy()
      expect(row.direction, `row ${row.seq}`).toBeTruthy()
    }
  })

  test('所属专项 runs follow the attachments they were made from', () => {
    const runs: [string, number, number][] = []
    for (const row of table.rows) {
      const last = runs.at(-1)
      if (last && last[0] === row.specialty) last[2] = row.seq
      else runs.push([row.specialty!, row.seq, row.seq])
    }
    expect(runs).toEqual([
      ['企业开办', 1, 10],
      ['办理建筑许可', 11, 20],
      ['获得电力', 21, 35],
      ['获得用气', 36, 43],
      ['获得用水', 44, 51],
      ['不动产登记', 52, 57],
      ['缴纳税费', 58, 68],
      ['跨境贸易', 69, 88],
      ['执行合同', 89, 102],
      ['办理破产', 103, 119],
      ['获得信贷', 120, 146],
      ['政府采购', 147, 164],
      ['招标投标', 165, 176],
      ['政务服务', 177, 187],
      ['市场监管', 188, 197],
      ['知识产权', 198, 202],
      ['信用环境', 203, 224],
      ['劳动力市场监管', 225, 240],
      ['包容普惠创新', 241, 267],
      ['保护中小投资者', 268, 275],
      ['企业权益保护', 276, 295],
      // the table itself names the last specialty two ways
      ['项目保障', 296, 299],
      ['项目建设', 300, 307],
    ])
  })

  test('every repair and lost cell is reported with its line', () => {
    const warnings = diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.line, d.ruleId])
    expect(warnings).toEqual([
      [3384, 'import-suspect-specialty'],
      [3385, 'import-lost-cell'],
      [3464, 'import-shifted-row'],
      [3464, 'import-lost-cell'],
      [3507, 'import-shifted-row'],
      [3507, 'import-lost-cell'],
      [3536, 'import-shifted-row'],
      [3550, 'import-shifted-row'],
      [3551, 'import-shifted-row'],
      [3594, 'import-lost-cell'],
      [3596, 'import-lost-cell'],
      [3597, 'import-shifted-row'],
      [3597, 'import-lost-cell'],
      [3683, 'import-seq-repaired'],
    ])
    for (const d of diagnostics) expect(d.file).toBe('002.txt')
  })

  test.each([
    { seq: 89, specialty: '执行合同', direction: '畅通立案渠道，提升立案效率', units: '', deadline: '' },
    { seq: 120, specialty: '获得信贷', direction: '保持信贷稳定增长', units: '许昌银保监分局、人行许昌市中心支行', deadline: '' },
    { seq: 121, specialty: '获得信贷', direction: '保持信贷稳定增长', units: '人行许昌市中心支行', deadline: '持续推进' },
    { seq: 141, specialty: '获得信贷', direction: '加大直接融资力度', units: '市金融工作局', deadline: '持续推进' },
    { seq: 151, specialty: '政府采购', direction: '进一步提升服务企业能力', units: '市财政局、市直各预算单位', deadline: '持续推进' },
    { seq: 152, specialty: '政府采购', direction: '进一步提升服务企业能力', units: '市财政局', deadline: '2022年12月' },
    { seq: 186, specialty: '政务服务', direction: '提升政务服务满意度', units: '', deadline: '' },
    { seq: 33, specialty: '获得电力', direction: '提升企业用电体验', units: '市供电公司、市发展改革委、各县（市、区）人民政府、各县（市、区）供电公司', deadline: '2022年12月' },
    { seq: 22, specialty: '获得电力', direction: '建立健全组织机构', units: '市供电公司、市政数局、市住房城乡建设局、各县（市、区）人民政府、各县（市、区）供电公司', deadline: '2022年5月' },
    { seq: 24, specialty: '获得电力', direction: '降低企业办电成本', units: '市供电公司、市发展改革委、市市场监管局、各县（市、区）人民政府、各县（市、区）供电公司', deadline: '2022年6月' },
    { seq: 52, specialty: '不动产登记', direction: '深化“互联网+不动产登记”', units: '市自然资源和规划局牵头，市财政局、市住房城乡建设局、市政数局、市税务局、各县（市、区）人民政府', deadline: '2022年12月' },
    { seq: 227, specialty: '劳动力市场监管', direction: '加强公共就业服务', units: '市人力资源社会保障局', deadline: '2022年12月' },
    { seq: 241, specialty: '包容普惠创新', direction: '坚决打赢蓝天保卫战', units: expect.stringContaining('市生态环境局'), deadline: '持续推进' },
    { seq: 268, specialty: '保护中小投资者', direction: '妥善审理涉及中小投资者权益保护类案件', units: '市中级人民法院', deadline: '持续推进' },
  ])('row $seq repaired', ({ seq, ...expected }) => {
    expect(bySeq(seq)).toMatchObject(expected)
  })

  test.each([
    { format: 'csv', write: async () => writeCsv(table) },
    { format: 'xlsx', write: () => writeXlsx(table) },
  ])('reads back what the $format exporter writes', async ({ write }) => {
    const back = await readTaskTable(await write())
    expect(back.table.rows.map(({ line: _, ...r }) => r)).toEqual(table.rows.map(({ line: _, ...r }) => r))
    const report = evaluate(back.table.rows, table.rows)
    expect([report.recall, report.precision, ...Object.values(report.fields).map((f) => f.share)]).toEqual([1, 1, 1, 1, 1, 1])
  })

  test('measures of shifted rows land in the 升级措施 column', () => {
    expect(bySeq(89).measure).toMatch(/^进一步严格执行立案登记制/u)
    expect(bySeq(141).measure).toMatch(/^推动企业上市融资。/u)
    expect(bySeq(151).measure).toMatch(/^做好脱贫地区农副产品政府采购。/u)
    expect(bySeq(186).measure).toMatch(/^继续推进政务服务“好差评”/u)
  })

  test('deadlines are whitespace-normalised and dated', () => {
    expect(new Set(table.rows.map((r) => deadlineCell(r.deadline)))).toEqual(
      new Set(['2022年12月', '2022年9月', '2022年6月', '2022年5月', '2022年10月', '持续推进', '']),
    )
    expect(bySeq(22)).toMatchObject({ deadline: '2022年5月', deadlineDate: '2022-05-31' })
    expect(bySeq(41)).toMatchObject({ deadline: '持续推进', deadlineDate: null })
    expect(table.rows[21]!.deadline).toMatchObject({ kind: 'date', text: '2022年5月', date: '2022-05-31', span: null })
    for (const row of table.rows) {
      expect(row).toMatchObject({ span: null, measureId: null })
      // no 牵头单位 column: the leads are the units the 责任单位 cell writes with 牵头
      expect(row.leadUnits).toEqual(row.units.filter((u) => u.role === 'lead'))
    }
  })
})

describe('text tables', async () => {
  const text = readFileSync(here('fixtures/import/small.txt'), 'utf8')
  const { table, diagnostics } = await readTaskTable(text)

  test('reads the table inside a document, drops the repeated header, stops at the prose', () => {
    expect(table.title).toBe('某市营商环境优化提升任务清单')
    expect(table.rows.map((r) => [r.seq, r.line])).toEqual([
      [1, 6],
      [2, 7],
      [3, 8],
      [4, 9],
      [5, 12],
      [6, 13],
      [7, 14],
      [8, 15],
      [9, 16],
    ])
  })

  test('fills merged cells and puts the shifted row back', () => {
    expect(table.rows.map((r) => [r.specialty, r.direction])).toEqual([
      ['企业开办', '压缩企业开办时间'],
      ['企业开办', '积极推进全程零收费'],
      ['获得电力', '降低企业办电成本'],
      ['获得电力', '降低企业办电成本'],
      ['获得电力', '提升企业用电体验'],
      ['获得电力', '提升企业用电体验'],
      ['执行合同', '推进繁简分流'],
      ['执行合同', '缩短案件移转周期'],
      ['执行合同', '减轻当事人诉讼费用负担'],
    ])
    expect(table.rows[7]!.measure).toBe('严格规范上诉、发回重审等上下级法院之间的案件移转流程。')
    expect(deadlineCell(table.rows[0]!.deadline)).toBe('2022年12月')
    const rules = diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.line, d.ruleId])
    expect(rules).toEqual([
      [13, 'import-lost-cell'],
      [15, 'import-shifted-row'],
      [15, 'import-lost-cell'],
    ])
  })

  test('a wrapped line between rows is joined to the row above', async () => {
    const wrapped = '序号\t升级措施\t责任单位\t完成时限\n1\t推行承诺制审批，\t市发展改革委\t2022年6月\n提升审批效率。\n2\t优化办电服务。\t市供电公司\t持续推进\n'
    const result = await readTaskTable(wrapped)
    expect(result.table.rows.map((r) => deadlineCell(r.deadline))).toEqual(['2022年6月提升审批效率。', '持续推进'])
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('import-joined-line')
  })
})

describe('csv', async () => {
  const bytes = readFileSync(here('fixtures/import/small.csv'))

  test('detects csv, reads columns by name in any order, keeps the title', async () => {
    expect(detectFormat(new Uint8Array(bytes))).toBe('csv')
    const { table, diagnostics } = await readTaskTable(new Uint8Array(bytes), { file: 'small.csv' })
    expect(table.title).toBe('某区优化营商环境重点任务清单')
    expect(table.columns).toEqual(['seq', 'measure', 'specialty', 'direction', 'lead', 'units', 'deadline'])
    expect(table.rows.map((r) => [r.seq, r.line, r.specialty, r.direction, deadlineCell(r.deadline), r.deadlineDate])).toEqual([
      [1, 3, '办理建筑许可', '进一步精简审批环节', '2022年6月', '2022-06-30'],
      [2, 4, '办理建筑许可', '优化完善工程地质勘察服务', '2022年12月底前', '2022-12-31'],
      [3, 6, '办理建筑许可', '优化完善工程地质勘察服务', '长期坚持', null],
    ])
    expect(table.rows[0]!.measure).toBe('持续深化工程建设项目审批制度改革，进一步精简审批环节，“一张表单”统一受理。'.replace(/[“”]/gu, '"'))
    expect(table.rows[1]!.measure).toBe('对于新出让的产业类项目，推行区域评估。')
    expect(shown(table.rows[2]!, true).leadUnits).toEqual(['市发展改革委', '市住房城乡建设局'])
    expect(shown(table.rows[2]!, true).units).toBe('市发展改革委、各县（市、区）人民政府')
    expect(diagnostics.filter((d) => d.ruleId === 'import-fill-merged').map((d) => d.line)).toEqual([4, 6])
  })

  test('a csv with no header gives a diagnostic and an empty table', async () => {
    const { table, diagnostics } = await readTaskTable('a,b,c\n1,2,3\n', { format: 'csv' })
    expect(table.rows).toEqual([])
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['import-no-header', 'error']])
  })
})

describe('xlsx', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('说明').addRow(['本表为示例'])
    const ws = wb.addWorksheet('任务清单')
    ws.addRow(['某县营商环境任务清单'])
    ws.mergeCells('A1:F1')
    ws.addRow(['序号', '专项', '方向', '工作任务', '责任部门', '时间节点'])
    ws.addRow([1, '获得用气', '主动对接服务', '将供气报装申请提前至工程建设许可阶段。', '市住房城乡建设局', '2022年5月'])
    ws.addRow([2, null, '压减申请材料', '按照能减尽减的原则，统一规范用气报装申请材料。', '市住房城乡建设局', new Date(Date.UTC(2022, 4, 31))])
    ws.addRow([])
    ws.addRow(['序号', '专项', '方向', '工作任务', '责任部门', '时间节点'])
    ws.addRow([3, null, null, '供气经营企业要优化施工组织，压减燃气接入时间。', '市住房城乡建设局', '持续推进'])
    ws.mergeCells('B3:B4')
    ws.mergeCells('C4:C4')
    ws.mergeCells('B7:C7')
    ws.getCell('B7').value = '获得用气'
    return new Uint8Array(await wb.xlsx.writeBuffer())
  }

  test('reads the first sheet with a header; merged cells take the master value', async () => {
    const bytes = await workbook()
    expect(detectFormat(bytes)).toBe('xlsx')
    const { table, diagnostics } = await readTaskTable(bytes, { file: 'list.xlsx' })
    expect(table.title).toBe('某县营商环境任务清单')
    expect(table.rows.map((r) => [r.seq, r.line, r.specialty, r.direction, deadlineCell(r.deadline)])).toEqual([
      [1, 3, '获得用气', '主动对接服务', '2022年5月'],
      [2, 4, '获得用气', '压减申请材料', '2022年5月31日'],
      [3, 7, '获得用气', '获得用气', '持续推进'],
    ])
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  test('broken workbook bytes give a diagnostic, not an exception', async () => {
    const { table, diagnostics } = await readTaskTable(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1, 2, 3]))
    expect(table.rows).toEqual([])
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['import-bad-xlsx'])
  })
})

describe('never throws', () => {
  test.each([
    { name: 'empty string', input: '' },
    { name: 'prose', input: '这是一段没有表格的正文。\n第二行。' },
    { name: 'header only', input: '序号\t所属专项\t改革方向\t升级措施\t责任单位\t完成时限\n' },
    { name: 'ragged rows', input: '序号\t升级措施\t责任单位\n\t\t\t\t\t\tx\n1\n二\t\t\n' },
    { name: 'empty bytes', input: new Uint8Array() },
  ])('$name', async ({ input }) => {
    const result = await readTaskTable(input)
    expect(result.table.rows.length).toBeLessThanOrEqual(3)
    expect(result.diagnostics.length).toBeGreaterThan(0)
  })

  test('any text gives a result', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', '序号', '升级措施', '责任单位', '完成时限', '所属专项', '1', '2', '市税务局', '持续推进', '2022年 6月'),
      fc.string({ maxLength: 12 }),
    )
    const line = fc
      .tuple(fc.array(cell, { maxLength: 7 }), fc.constantFrom('\t', ','))
      .map(([cells, separator]) => cells.join(separator))
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), async (lines) => {
        const result = await readTaskTable(lines.join('\n'))
        expect(Array.isArray(result.table.rows)).toBe(true)
        expect(result.diagnostics.every((d) => d.ruleId !== 'import-failed')).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
