import { describe, expect, test } from 'vitest'
import { cleanCell, cleanDeadline } from '../src/import/clean.js'
import { looksLikeDeadline } from '../src/import/deadline.js'
import { cellDeadline } from '../src/import/rowUnits.js'

const deadlineDate = (cell: string) => {
  const d = cellDeadline(cell)
  return d && (d.kind === 'date' || d.kind === 'period') ? d.date : null
}
import { fillMerged, labelPlacement } from '../src/import/fillMerged.js'
import { headerColumn, matchHeader } from '../src/import/headers.js'
import { parseCsv } from '../src/import/readCsv.js'
import { realignRows } from '../src/import/realign.js'
import { repairSequence } from '../src/import/sequence.js'
import { isUnitName, splitUnits, unitCore, unitListScore } from '../src/import/units.js'

describe('cleanCell', () => {
  test.each([
    { input: '建立健全 组织机构', text: '建立健全组织机构', changed: true },
    { input: '全面提升 电子化交 易水平', text: '全面提升电子化交易水平', changed: true },
    { input: '劳动力市 场监管', text: '劳动力市场监管', changed: true },
    { input: '2022 年 12 月', text: '2022年12月', changed: true },
    { input: '编制 2022 年外商投资指引', text: '编制2022年外商投资指引', changed: true },
    { input: '市民政局 按职责分工负责', text: '市民政局按职责分工负责', changed: true },
    { input: '按照国家 and 省统一信用信息标准', text: '按照国家 and 省统一信用信息标准', changed: false },
    { input: '加快推进 5G 技术创新', text: '加快推进5G 技术创新', changed: true },
    { input: '  市税务局 ', text: '市税务局', changed: false },
    { input: '推行\n区域评估', text: '推行区域评估', changed: true },
  ])('$input', ({ input, text, changed }) => {
    expect(cleanCell(input)).toEqual({ text, changed })
  })

  test.each([
    { input: '2022年 6月', text: '2022年6月', changed: true },
    { input: '2022 年 12 月', text: '2022年12月', changed: true },
    { input: '持续推进', text: '持续推进', changed: false },
  ])('deadline $input', ({ input, text, changed }) => {
    expect(cleanDeadline(input)).toEqual({ text, changed })
  })
})

describe('deadlines', () => {
  test.each([
    { input: '2022年6月', date: '2022-06-30' },
    { input: '2022年 6月', date: '2022-06-30' },
    { input: '2022年12月', date: '2022-12-31' },
    { input: '2022年12月底前', date: '2022-12-31' },
    { input: '2022年6月30日', date: '2022-06-30' },
    { input: '2022年9月底前完成', date: '2022-09-30' },
    { input: '2022年', date: '2022-12-31' },
    { input: '2022年底', date: '2022-12-31' },
    { input: '2022年上半年', date: '2022-06-30' },
    { input: '2022年下半年', date: '2022-12-31' },
    { input: '2022年三季度', date: '2022-09-30' },
    { input: '2022年6月—12月', date: '2022-12-31' },
    { input: '2022年6月底完成清理并长期坚持', date: '2022-06-30' },
    { input: '２０２２年５月', date: '2022-05-31' },
    { input: '持续推进', date: null },
    { input: '长期坚持', date: null },
    { input: '常态化推进', date: null },
    { input: '', date: null },
  ])('$input → $date', ({ input, date }) => {
    expect(deadlineDate(input)).toBe(date)
  })

  test.each([
    { input: '持续推进', kind: 'ongoing' },
    { input: '长期坚持', kind: 'ongoing' },
    { input: '常态化', kind: 'ongoing' },
    { input: '2022年10月', kind: 'date' },
    { input: '定期开展', kind: 'ongoing' },
    { input: '动态调整', kind: 'ongoing' },
    { input: '2022年下半年', kind: 'period' },
    { input: '市财政局', kind: 'unspecified' },
    { input: '', kind: 'none' },
  ])('the one deadline reader: $input is $kind', ({ input, kind }) => {
    expect(cellDeadline(input)?.kind ?? 'none').toBe(kind)
  })

  test.each([
    { input: '2022年12月', expected: true },
    { input: '2022 年 12 月', expected: true },
    { input: '2022年9月底前', expected: true },
    { input: '持续推进', expected: true },
    { input: '长期坚持', expected: true },
    { input: '持续推进城乡绿化建设', expected: false },
    { input: '贯彻落实2022年扩大有效投资计划', expected: false },
    { input: '市财政局', expected: false },
    { input: '编制《许昌市“十四五”营商环境和社会信用体系发展规划》。', expected: false },
  ])('looksLikeDeadline($input) = $expected', ({ input, expected }) => {
    expect(looksLikeDeadline(input)).toBe(expected)
  })
})

describe('units', () => {
  test.each([
    {
      input: '市供电公司、市发展改革委，各县（市、区）人民政府，各县（市、区）供电公司',
      parts: ['市供电公司', '市发展改革委', '各县（市、区）人民政府', '各县（市、区）供电公司'],
    },
    { input: '市市场监管局(知识产权局)牵头,市委宣传部', parts: ['市市场监管局(知识产权局)牵头', '市委宣传部'] },
    { input: '市税务局', parts: ['市税务局'] },
    { input: '', parts: [] },
  ])('splitUnits($input)', ({ input, parts }) => {
    expect(splitUnits(input)).toEqual(parts)
  })

  test.each([
    { input: '市住房城乡建设局牵头', core: '市住房城乡建设局' },
    { input: '各县（市、区）人民政府（管委会）负责落实', core: '各县（市、区）人民政府' },
    { input: '市民政局按职责分工负责', core: '市民政局' },
    { input: '市税务局等相关部门按职责分工负责', core: '市税务局等相关部门' },
    { input: '各县（市、区）人民政府（管委会）根据行业管理职责分工负责', core: '各县（市、区）人民政府' },
  ])('unitCore($input) = $core', ({ input, core }) => {
    expect(unitCore(input)).toBe(core)
  })

  test.each([
    { input: '市委网信办', expected: true },
    { input: '人行许昌市中心支行', expected: true },
    { input: '驻许证券经营机构', expected: true },
    { input: '魏都区', expected: true },
    { input: '许昌海关', expected: true },
    { input: '企业开办', expected: false },
    { input: '建立健全组织机构', expected: false },
    { input: '提升立案效率', expected: false },
  ])('isUnitName($input) = $expected', ({ input, expected }) => {
    expect(isUnitName(input)).toBe(expected)
  })

  test.each([
    { input: '市市场监管局，各县（市、区）人民政府（管委会）', score: 1 },
    { input: '《许昌市关于建立企业破产府院联动机制的意见》规定的各相关成员', score: 1 },
    { input: '畅通立案渠道，提升立案效率', score: 0 },
    { input: '推动企业上市融资。坚持市场导向', score: 0 },
  ])('unitListScore($input) = $score', ({ input, score }) => {
    expect(unitListScore(input)).toBe(score)
  })
})

describe('headers', () => {
  test.each([
    { cell: '序号', column: 'seq' },
    { cell: '所属专项', column: 'specialty' },
    { cell: '专项', column: 'specialty' },
    { cell: '改革方向', column: 'direction' },
    { cell: '升级措施', column: 'measure' },
    { cell: '主要任务', column: 'measure' },
    { cell: '工作任务', column: 'measure' },
    { cell: '具体升级措施', column: 'measure' },
    { cell: '牵头单位', column: 'lead' },
    { cell: '责任部门', column: 'units' },
    { cell: '完成时间', column: 'deadline' },
    { cell: '时间节点', column: 'deadline' },
    { cell: ' 完成 时限 ', column: 'deadline' },
    { cell: '备注', column: null },
  ])('$cell → $column', ({ cell, column }) => {
    expect(headerColumn(cell)).toBe(column)
  })

  test('a header names the measures and two more columns, each once', () => {
    expect(matchHeader(['序号', '所属专项', '改革方向', '升级措施', '责任单位', '完成时限'])).toEqual([
      'seq',
      'specialty',
      'direction',
      'measure',
      'units',
      'deadline',
    ])
    expect(matchHeader(['序号', '升级措施'])).toBeNull()
    expect(matchHeader(['序号', '所属专项', '完成时限'])).toBeNull()
    expect(matchHeader(['序号', '措施', '主要任务', '完成时限'])).toBeNull()
  })
})

describe('parseCsv', () => {
  test('RFC 4180: quotes, doubled quotes, line breaks in quotes, CRLF, BOM', () => {
    const text = '\uFEFFa,"b, c","say ""hi"""\r\n1,"two\nlines",3\n\n4,,'
    expect(parseCsv(text)).toEqual([
      { cells: ['a', 'b, c', 'say "hi"'], line: 1 },
      { cells: ['1', 'two\nlines', '3'], line: 2 },
      { cells: [''], line: 4 },
      { cells: ['4', '', ''], line: 5 },
    ])
  })

  test('an unterminated quote runs to the end instead of throwing', () => {
    expect(parseCsv('a,"b\nc')).toEqual([{ cells: ['a', 'b\nc'], line: 1 }])
  })

  test('empty text has no records', () => {
    expect(parseCsv('')).toEqual([])
  })
})

describe('repairSequence', () => {
  const rows = (seqs: string[]) => seqs.map((s, i) => ({ cells: [s, `措施${i}`], line: i + 1, page: 0 }))
  test.each([
    { seqs: ['1', '2', '3'], expected: [1, 2, 3], rules: [] },
    { seqs: ['245', '256', '247'], expected: [245, 246, 247], rules: ['import-seq-repaired'] },
    { seqs: ['1', '', '3'], expected: [1, 2, 3], rules: ['import-seq-repaired'] },
    { seqs: ['1', '', '2'], expected: [1, 2], rules: ['import-joined-row'] },
    { seqs: ['1', '2', '7', '8'], expected: [1, 2, 7, 8], rules: ['import-seq-gap'] },
    { seqs: ['', '2'], expected: [1, 2], rules: ['import-seq-repaired'] },
  ])('$seqs → $expected', ({ seqs, expected, rules }) => {
    const result = repairSequence(rows(seqs), 0)
    expect(result.rows.map((r) => r.seq)).toEqual(expected)
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(rules)
  })

  test('a fragment is joined to the row above', () => {
    const result = repairSequence(
      [
        { cells: ['1', '前半', '市税务局'], line: 1, page: 0 },
        { cells: ['', '后半', ''], line: 3, page: 1 },
        { cells: ['2', '下一条', '市税务局'], line: 4, page: 1 },
      ],
      0,
    )
    expect(result.rows.map((r) => r.cells)).toEqual([
      ['1', '前半后半', '市税务局'],
      ['2', '下一条', '市税务局'],
    ])
  })

  test('without a 序号 column rows are numbered in order', () => {
    expect(repairSequence(rows(['a', 'b']), -1).rows.map((r) => r.seq)).toEqual([1, 2])
  })
})

describe('realignRows', () => {
  const header = ['seq', 'specialty', 'direction', 'measure', 'units', 'deadline'] as const
  const good = (seq: string, specialty: string, direction: string) => ({
    cells: [seq, specialty, direction, '持续优化繁简分流工作机制，在立案环节对案件进行繁简甄别。', '市中级人民法院', '2022年9月'],
    line: Number(seq),
    page: 0,
  })
  const base = [good('1', '执行合同', '推进繁简分流'), good('2', '获得信贷', '加大直接融资力度')]

  test.each([
    {
      name: 'shifted right by two (units and deadline lost)',
      cells: ['3', '', '', '执行合同', '畅通立案渠道，提升立案效率', '进一步严格执行立案登记制，人民法院受理的案件一律登记立案。'],
      expected: ['3', '执行合同', '畅通立案渠道，提升立案效率', '进一步严格执行立案登记制，人民法院受理的案件一律登记立案。', '', ''],
    },
    {
      name: 'shifted left by one (a known 改革方向 in the 所属专项 column)',
      cells: ['3', '加大直接融资力度', '推动企业上市融资。坚持市场导向、企业为主。', '市金融工作局', '持续推进', ''],
      expected: ['3', '', '加大直接融资力度', '推动企业上市融资。坚持市场导向、企业为主。', '市金融工作局', '持续推进'],
    },
    {
      name: 'measure in the 所属专项 column, blank inside',
      cells: ['3', '做好脱贫地区农副产品政府采购。实施政府采购脱贫地区农副产品工作。', '', '市财政局、市直各预算单位', '持续推进', ''],
      expected: ['3', '', '', '做好脱贫地区农副产品政府采购。实施政府采购脱贫地区农副产品工作。', '市财政局、市直各预算单位', '持续推进'],
    },
  ])('$name', ({ cells, expected }) => {
    const result = realignRows([...base, { cells, line: 3, page: 0 }], [...header])
    expect(result.rows[2]!.cells).toEqual(expected)
    expect(result.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['import-shifted-row', 3]])
  })

  test('rows that read well are left alone', () => {
    const result = realignRows(base, [...header])
    expect(result.rows.map((r) => r.cells)).toEqual(base.map((r) => r.cells))
    expect(result.diagnostics).toEqual([])
  })
})

describe('fillMerged', () => {
  const row = (label: string, units: string, measure: string, page = 0, line = 1) => ({
    cells: [label, measure, units],
    line,
    page,
  })
  const options = {
    column: 0,
    name: '所属专项',
    textColumns: [1],
    unitsColumn: 2,
  }
  const fill = (rows: ReturnType<typeof row>[], mergedLabels: 'top' | 'any') =>
    fillMerged(
      rows.map((r, i) => ({ ...r, line: i + 1 })),
      { ...options, mergedLabels, groups: [[0, rows.length - 1]] },
    ).values

  test('top: blanks continue the label above; blanks before the first label take it', () => {
    const rows = [row('', 'u', 'm'), row('A', 'u', 'm'), row('', 'u', 'm'), row('B', 'u', 'm'), row('', 'u', 'm')]
    expect(fill(rows, 'top')).toEqual(['A', 'A', 'A', 'B', 'B'])
  })

  test('any: rows on the label’s page belong to it', () => {
    const rows = [row('A', 'u', 'm', 0), row('', 'u', 'm', 0), row('', 'v', 'm', 1), row('B', 'v', 'm', 1)]
    expect(fill(rows, 'any')).toEqual(['A', 'A', 'B', 'B'])
  })

  test('any: on one page the blank goes where its units and wording point', () => {
    const rows = [
      row('获得用水', '市水利局、市发展改革委、市市场监管局', '深化供水行业体制机制改革，进一步放开供水工程设计施工市场。'),
      row('', '市自然资源和规划局牵头，市财政局、市税务局按职责分工负责', '推动“互联网+不动产登记”智慧化发展。'),
      row('不动产登记', '市政数局、市自然资源和规划局牵头，市财政局、市税务局按职责分工负责', '落实信息共享责任，加强不动产登记机构与相关部门信息共享。'),
    ]
    expect(fill(rows, 'any')).toEqual(['获得用水', '不动产登记', '不动产登记'])
  })

  test('any: even evidence keeps the blank with the label above', () => {
    const rows = [row('A', '市税务局', '甲乙丙丁'), row('', '市税务局', '戊己庚辛'), row('B', '市税务局', '壬癸子丑')]
    expect(fill(rows, 'any')).toEqual(['A', 'A', 'B'])
  })

  test('a run without any label is left unfilled and reported', () => {
    const result = fillMerged([row('', 'u', 'm')], { ...options, mergedLabels: 'top', groups: [[0, 0]] })
    expect(result.values).toEqual([null])
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['import-unfilled-merged'])
  })

  test('labelPlacement: a page starting blank inside a run means `any`, labels first on every page `top`', () => {
    const rows = [row('A', '', ''), row('', '', ''), row('A', '', '', 1), row('', '', '', 1)]
    expect(labelPlacement(rows, 0, [[0, 3]])).toBe('top')
    const centred = [row('A', '', ''), row('', '', ''), row('', '', '', 1), row('A', '', '', 1), row('', '', '', 1)]
    expect(labelPlacement(centred, 0, [[0, 4]])).toBe('any')
  })
})
