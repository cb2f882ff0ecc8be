import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { TaskRow } from '@policykb/model'
import { describe, expect, test } from 'vitest'
import { sameDeadline, sameDirection, sameSpecialty, sameUnits } from '../src/evaluate/compare.js'
import { evaluate } from '../src/evaluate/evaluate.js'
import { formatReport } from '../src/evaluate/format.js'
import { matchTexts } from '../src/evaluate/match.js'
import { dice } from '../src/evaluate/similarity.js'
import { readTaskTable } from '../src/import/readTaskTable.js'
import { cellDeadline, cellUnits } from '../src/import/rowUnits.js'
import { type RowCells, taskRow } from './fixtures/export/tables.js'

const row = (seq: number, fields: Omit<RowCells, 'seq'> & { measure: string }): TaskRow => taskRow({ seq, ...fields })

describe('dice', () => {
  test.each([
    { a: '深化政企协同办电机制', b: '深化政企协同办电机制', expected: 1 },
    { a: '', b: '', expected: 1 },
    { a: '市税务局', b: '', expected: 0 },
    { a: '局', b: '局', expected: 1 },
    { a: '局', b: '委', expected: 0 },
    { a: 'abcd', b: 'abce', expected: 4 / 6 },
    { a: 'aaa', b: 'aa', expected: 2 / 3 },
    { a: '提升融资担保服务能力', b: '完善政府性融资担保体系', expected: 6 / 19 },
    { a: '2022年 6月', b: '2022年6月', expected: 1 },
    { a: '（一）加强组织领导', b: '(一)加强组织领导', expected: 1 },
    { a: '建立健全组织机制', b: '建立健全组织机构', expected: 12 / 14 },
  ])('dice($a, $b)', ({ a, b, expected }) => {
    expect(dice(a, b)).toBeCloseTo(expected, 10)
    expect(dice(b, a)).toBeCloseTo(expected, 10)
  })
})

describe('matchTexts', () => {
  test('one-to-one: a reference row is matched once', () => {
    expect(matchTexts(['ABCDEF', 'ABCDEX'], ['ABCDEF'])).toEqual([{ generated: 0, reference: 0, score: 1 }])
  })

  test('greedy best pairs first, not first come first served', () => {
    const generated = ['abcdefgh', 'abcdefgx']
    const reference = ['abcdefgx', 'abcdefzz']
    expect(matchTexts(generated, reference).map((m) => [m.generated, m.reference, Number(m.score.toFixed(3))])).toEqual([
      [1, 0, 1],
      [0, 1, 0.714],
    ])
    expect(matchTexts(generated, reference, 0.8).map((m) => [m.generated, m.reference])).toEqual([[1, 0]])
  })

  test('ties go to the lower indices; empty texts never match', () => {
    expect(matchTexts(['甲乙丙', '甲乙丙', ''], ['甲乙丙', '甲乙丙', '']).map((m) => [m.generated, m.reference])).toEqual([
      [0, 0],
      [1, 1],
    ])
  })

  test('scores agree with dice', () => {
    const a = ['持续深化工程建设项目审批制度改革，进一步精简审批环节。', '全面推行有诉即应。']
    const b = ['持续深化工程建设项目审批制度改革，精简审批环节。', '全面推行有诉即应，各级大厅设立窗口。']
    for (const m of matchTexts(a, b, 0)) expect(m.score).toBeCloseTo(dice(a[m.generated]!, b[m.reference]!), 10)
  })

  test('1000 × 1000 rows in well under a few seconds', async () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../../fixtures/002_c5ffb9b641a0b531/002_c5ffb9b641a0b531.txt', import.meta.url)),
      'utf8',
    )
    const measures = (await readTaskTable(text)).table.rows.map((r) => r.measure)
    const reference = Array.from({ length: 1000 }, (_, i) => `${measures[i % measures.length]!}（第${Math.floor(i / measures.length)}批）`)
    const generated = Array.from({ length: 1000 }, (_, i) => {
      const m = measures[(i * 7) % measures.length]!
      return m.slice(0, Math.floor(m.length * 0.8))
    })
    const start = performance.now()
    const matches = matchTexts(generated, reference)
    const ms = performance.now() - start
    expect(matches.length).toBeGreaterThan(300)
    expect(ms).toBeLessThan(5000)
  })
})

describe('field rules', () => {
  test.each([
    { a: '市市场监管局(知识产权局)', b: '市市场监管局（知识产权局）', same: true },
    { a: '各县(市、区)人民政府(管委会)', b: '各县（市、区）人民政府（管委会）', same: true },
    { a: '市民政局 按职责分工负责', b: '市民政局按职责分工负责', same: true },
    { a: '市财政局、市金融工作局，各县（市、区）人民政府', b: '市财政局、市金融工作局、各县（市、区）人民政府', same: true },
    { a: '市供电公司、市发展改革委，各县（市、区）人民政府，各县（市、区）供电公司', b: '市供电公司、市发展改革委', same: false },
    { a: '人行许昌中心支行、市发展改革委', b: '人行许昌市中心支行、市发展改革委', same: false },
  ])('sameUnits($a, $b) = $same', ({ a, b, same }) => {
    expect(sameUnits(cellUnits(a, 'responsible'), cellUnits(b, 'responsible'))).toBe(same)
  })

  test.each([
    { a: '2022年6月', b: '2022年 6月', same: true },
    { a: '2022 年 12 月', b: '2022年12月', same: true },
    { a: '2022年6月底前', b: '2022年6月', same: true },
    { a: '2022年12月', b: '2022年', same: true },
    { a: '2022年12月底前', b: '2022年12月', same: true },
    { a: '2022年6月底完成清理并长期坚持', b: '2022年6月', same: true },
    { a: '持续推进', b: '长期坚持', same: true },
    { a: '常态化推进', b: '持续推进', same: true },
    { a: '2022年6月', b: '2022年9月', same: false },
    { a: '2022年6月', b: '2023年6月', same: false },
    { a: '2022年6月', b: '持续推进', same: false },
    { a: '', b: '', same: true },
    { a: '', b: '2022年6月', same: false },
  ])('sameDeadline($a, $b) = $same', ({ a, b, same }) => {
    expect(sameDeadline(cellDeadline(a), cellDeadline(b))).toBe(same)
  })

  test.each([
    { a: '建立健全 组织机构', b: '建立健全组织机构', same: true },
    { a: '全面提升 电子化交 易水平', b: '全面提升电子化交易水平', same: true },
    { a: '建立健全组织机制', b: '建立健全组织机构', same: true },
    { a: '加强流程管理,压缩审理期限', b: '加强流程管理，压缩审理期限', same: true },
    { a: '强力推进“互联网+监管', b: '强力推进“互联网+监管”', same: true },
    { a: '优化信贷结构', b: '降低综合融资成本', same: false },
    { a: '加大直接融资力度', b: '提升融资担保服务能力', same: false },
    { a: null, b: null, same: true },
    { a: null, b: '推进繁简分流', same: false },
  ])('sameDirection($a, $b) = $same', ({ a, b, same }) => {
    expect(sameDirection(a, b)).toBe(same)
  })

  test.each([
    { a: '劳动力市 场监管', b: '劳动力市场监管', same: true },
    { a: '包容普惠 创新', b: '包容普惠创新', same: true },
    { a: '项目保障', b: '项目建设', same: false },
    { a: '缴纳税费', b: '纳税', same: false },
    { a: null, b: null, same: true },
    { a: null, b: '企业开办', same: false },
  ])('sameSpecialty($a, $b) = $same', ({ a, b, same }) => {
    expect(sameSpecialty(a, b)).toBe(same)
  })
})

describe('evaluate', () => {
  const reference = [
    row(1, { specialty: '企业开办', direction: '压缩企业开办时间', measure: '贯彻落实优化营商环境条例，持续压减企业开办环节和时间。', units: '市市场监管局、市政数局', deadline: '2022年12月' }),
    row(2, { specialty: '企业开办', direction: '积极推进全程零收费', measure: '免费向新开办企业发放税务Ukey，在全市范围内推行免费刻制印章。', units: '市税务局、市公安局，各县（市、区）人民政府', deadline: '2022年9月' }),
    row(3, { specialty: '获得电力', direction: '降低企业办电成本', measure: '清理规范收费项目。严格按照价格主管部门批复的项目和标准收费。', units: '市供电公司', deadline: '2022年6月' }),
    row(4, { specialty: '获得电力', direction: '提升企业用电体验', measure: '积极宣传办电政策。供电企业通过网上国网等渠道宣传办电政策。', units: '市供电公司', deadline: '2022年6月' }),
  ]
  const generated = [
    row(1, { specialty: '企业开办', direction: '压缩企业开办时间', measure: '贯彻落实优化营商环境条例，持续压减企业开办环节和时间。', units: '市市场监管局、市政数局', deadline: '2022年12月底前' }),
    row(2, { specialty: '企业开办', direction: '积极推进全程零收费', measure: '免费向新开办企业发放税务Ukey，推行免费刻制印章。', units: '市税务局', deadline: '2022年9月' }),
    row(3, { specialty: '获得电力', direction: '压减企业办电时间', measure: '清理规范收费项目。严格按照价格主管部门批复的项目和标准收费。', units: '市供电公司', deadline: '持续推进' }),
    row(4, { specialty: '获得电力', direction: '加强组织领导', measure: '成立由政府主管领导任组长的工作专班，统筹推进各项工作。', units: '市供电公司', deadline: '2022年5月' }),
  ]
  const report = evaluate(generated, reference)

  test('recall, precision and field shares', () => {
    expect(report.counts).toEqual({ generated: 4, reference: 4, matched: 3 })
    expect(report.recall).toBe(0.75)
    expect(report.precision).toBe(0.75)
    expect(report.fields).toEqual({
      units: { same: 2, share: 2 / 3 },
      deadline: { same: 2, share: 2 / 3 },
      direction: { same: 2, share: 2 / 3 },
      specialty: { same: 3, share: 1 },
    })
  })

  test('per specialty of the reference', () => {
    expect(report.bySpecialty.map((s) => [s.specialty, s.reference, s.matched, s.recall, s.fields.deadline.share])).toEqual([
      ['企业开办', 2, 2, 1, 1],
      ['获得电力', 2, 1, 0.5, 0],
    ])
  })

  test('unmatched rows on both sides and the differing pairs', () => {
    expect(report.unmatchedReference.map((r) => r.seq)).toEqual([4])
    expect(report.unmatchedGenerated.map((r) => r.seq)).toEqual([4])
    expect(report.differing.map((d) => [d.reference.seq, d.fields])).toEqual([
      [2, ['units', 'measure']],
      [3, ['deadline', 'direction']],
    ])
  })

  test('text report', () => {
    const text = formatReport(report, 'text')
    expect(text).toContain('recall          75.0% (3/4)')
    expect(text).toContain('same 责任单位   2/3 66.7%')
    expect(text).toMatch(/企业开办\s+2\s+2\s+100\.0%/u)
    expect(text).toContain('Reference rows not matched (1)')
    expect(text).toContain('#4 [获得电力] 积极宣传办电政策。')
    expect(text).toContain('责任单位: reference 「市税务局、市公安局、各县（市、区）人民政府」 / generated 「市税务局」')
    expect(text).toMatchInlineSnapshot(`
      "任务清单 evaluation (rows matched on 升级措施 bigram Dice ≥ 0.5; 改革方向 same at Dice ≥ 0.8)
        reference rows  4
        generated rows  4
        matched rows    3
        recall          75.0% (3/4)
        precision       75.0% (3/4)
        same 责任单位   2/3 66.7%
        same 完成时限   2/3 66.7%
        same 改革方向   2/3 66.7%
        same 所属专项   3/3 100.0%

      By 所属专项 of the reference
        所属专项  reference  matched  recall  责任单位  完成时限  改革方向  所属专项
        企业开办          2        2  100.0%     50.0%    100.0%    100.0%    100.0%
        获得电力          2        1   50.0%    100.0%      0.0%      0.0%    100.0%

      Reference rows not matched (1)
        #4 [获得电力] 积极宣传办电政策。供电企业通过网上国网等渠道宣传办电政策。

      Generated rows not matched (1)
        #4 [获得电力] 成立由政府主管领导任组长的工作专班，统筹推进各项工作。

      Matched rows that differ (2)
        #2 ↔ generated #2, Dice 0.86: 免费向新开办企业发放税务Ukey，在全市范围内…
            责任单位: reference 「市税务局、市公安局、各县（市、区）人民政府」 / generated 「市税务局」
            升级措施: reference 「免费向新开办企业发放税务Ukey，在全市范围内推行免费刻制印章。」 / generated 「免费向新开办企业发放税务Ukey，推行免费刻制印章。」
        #3 ↔ generated #3, Dice 1.00: 清理规范收费项目。严格按照价格主管部门批复的项…
            完成时限: reference 「2022年6月」 / generated 「持续推进」
            改革方向: reference 「降低企业办电成本」 / generated 「压减企业办电时间」
      "
    `)
  })

  test('markdown report', () => {
    const md = formatReport(report, 'md')
    expect(md).toContain('| 所属专项 | reference | matched | recall | 责任单位 | 完成时限 | 改革方向 | 所属专项 |')
    expect(md).toContain('| recall | 75.0% (3/4) |')
    expect(md).toContain('## Matched rows that differ (2)')
    expect(md).toMatchInlineSnapshot(`
      "# 任务清单 evaluation (rows matched on 升级措施 bigram Dice ≥ 0.5; 改革方向 same at Dice ≥ 0.8)

      | | |
      | --- | ---: |
      | reference rows | 4 |
      | generated rows | 4 |
      | matched rows | 3 |
      | recall | 75.0% (3/4) |
      | precision | 75.0% (3/4) |
      | same 责任单位 | 2/3 66.7% |
      | same 完成时限 | 2/3 66.7% |
      | same 改革方向 | 2/3 66.7% |
      | same 所属专项 | 3/3 100.0% |

      ## By 所属专项 of the reference

      | 所属专项 | reference | matched | recall | 责任单位 | 完成时限 | 改革方向 | 所属专项 |
      | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
      | 企业开办 | 2 | 2 | 100.0% | 50.0% | 100.0% | 100.0% | 100.0% |
      | 获得电力 | 2 | 1 | 50.0% | 100.0% | 0.0% | 0.0% | 100.0% |

      ## Reference rows not matched (1)

      - #4 [获得电力] 积极宣传办电政策。供电企业通过网上国网等渠道宣传办电政策。

      ## Generated rows not matched (1)

      - #4 [获得电力] 成立由政府主管领导任组长的工作专班，统筹推进各项工作。

      ## Matched rows that differ (2)

      - #2 ↔ generated #2, Dice 0.86: 免费向新开办企业发放税务Ukey，在全市范围内…
        - 责任单位: reference 「市税务局、市公安局、各县（市、区）人民政府」 / generated 「市税务局」
        - 升级措施: reference 「免费向新开办企业发放税务Ukey，在全市范围内推行免费刻制印章。」 / generated 「免费向新开办企业发放税务Ukey，推行免费刻制印章。」
      - #3 ↔ generated #3, Dice 1.00: 清理规范收费项目。严格按照价格主管部门批复的项…
        - 完成时限: reference 「2022年6月」 / generated 「持续推进」
        - 改革方向: reference 「降低企业办电成本」 / generated 「压减企业办电时间」
      "
    `)
  })

  test('json report round-trips', () => {
    expect(JSON.parse(formatReport(report, 'json'))).toEqual(JSON.parse(JSON.stringify(report)))
  })

  test('long cells are cut', () => {
    const long = '一'.repeat(100)
    const r = evaluate([row(1, { measure: `${long}甲` })], [row(1, { measure: `${long}乙` })])
    expect(formatReport(r, 'text')).toContain(`${'一'.repeat(23)}…`)
    expect(formatReport(r, 'text')).not.toContain('一'.repeat(41))
  })

  test('nothing to compare gives null shares, not NaN', () => {
    const empty = evaluate([], [])
    expect(empty.recall).toBeNull()
    expect(empty.fields.units.share).toBeNull()
    expect(formatReport(empty, 'text')).toContain('recall          – (0/0)')
  })
})

describe('seed 002: the imported 任务清单 against itself', async () => {
  const text = readFileSync(
    fileURLToPath(new URL('../../../fixtures/002_c5ffb9b641a0b531/002_c5ffb9b641a0b531.txt', import.meta.url)),
    'utf8',
  )
  const { table } = await readTaskTable(text)

  test('307 rows, every 所属专项 and 改革方向 filled', () => {
    expect(table.rows).toHaveLength(307)
    expect(table.rows.every((r) => r.specialty && r.direction)).toBe(true)
  })

  test('100% everywhere', () => {
    const report = evaluate(table.rows, table.rows)
    expect(report.recall).toBe(1)
    expect(report.precision).toBe(1)
    for (const field of Object.values(report.fields)) expect(field.share).toBe(1)
    for (const s of report.bySpecialty) {
      expect(s.recall).toBe(1)
      for (const field of Object.values(s.fields)) expect(field.share).toBe(1)
    }
    expect(report.differing).toEqual([])
    expect(report.unmatchedGenerated).toEqual([])
    expect(report.unmatchedReference).toEqual([])
  })
})
