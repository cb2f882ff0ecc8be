/**
 * How lines are written, as opposed to what they say: indentation copied from web pages,
 * typographic variants of the numbering dot, traditional script, tables drawn with `|`. Each
 * document here is made up, written the way such plans are written.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold } from '../src/fold.js'
import { normalize } from '../src/normalize.js'
import { matchNumbering } from '../src/numbering.js'
import { parse } from '../src/parse.js'
import { unitRoles as units } from './helpers.js'


describe('lines indented with a tab and ideographic spaces', () => {
  const doc = [
    '某县推进农村物流建设实施方案',
    '\t　　一、主要任务',
    '\t　　1.完善县乡村三级物流网络。建设乡镇物流服务站。（县交通运输局牵头，县商务局配合）\t',
    '\t　　2.发展农村电商。培育电商经营主体。（县商务局牵头，各乡镇人民政府配合）',
  ].join('\n')
  const r = parse(doc)

  it('sets the tab aside as indentation, like the spaces after it', () => {
    const n = normalize(doc)
    expect(n.text.split('\n')[1]).toBe('一、主要任务')
    expect(n.removals.filter((x) => x.kind === 'indent')).toHaveLength(3)
    expect(n.removals.filter((x) => x.kind === 'trailing-space')).toHaveLength(1)
  })

  it('reads the numbered items as measures, not as table rows', () => {
    expect(r.document.tables).toHaveLength(0)
    expect(r.measures.map((m) => m.title)).toEqual(['完善县乡村三级物流网络', '发展农村电商'])
    expect(units(r.measures[1]!)).toEqual(['县商务局:lead', '各乡镇人民政府:cooperating'])
  })

  it('keeps a tab that separates two cells, and the empty cells of such a row', () => {
    const n = normalize('指标\t现状\t目标\n\t已建成\t全覆盖\t')
    expect(n.text).toBe('指标\t现状\t目标\n\t已建成\t全覆盖\t')
  })
})

describe('numbering written with small-form or half-width punctuation', () => {
  it.each([
    { marker: '1﹒', style: 'arabic' },
    { marker: '一﹑', style: 'cn' },
    { marker: '﹙二﹚', style: 'cn-paren' },
    { marker: '3､', style: 'arabic' },
  ])('$marker numbers an item', ({ marker, style }) => {
    const r = parse(['某市稳增长工作方案', '一、重点任务', `${marker}扩大有效投资。推进重大项目建设。`, '牵头单位：市发展改革委'].join('\n'))
    const m = r.measures.find((x) => x.title === '扩大有效投资')
    expect(m?.numbering).toBe(marker)
    expect(units(m!)).toEqual(['市发展改革委:lead'])
    expect(matchNumbering(fold(marker))?.style).toBe(style)
  })

  it('splits items numbered 1﹒ 2﹒ at their numbers', () => {
    const r = parse(
      [
        '一、主要目标',
        '1﹒地区生产总值增长6%左右。',
        '牵头单位：市发展改革委。',
        '2﹒社会消费品零售总额增长8%左右。',
        '牵头单位：市商务局。',
      ].join('\n'),
    )
    expect(r.measures.map((m) => [m.numbering, units(m)])).toEqual([
      ['1﹒', ['市发展改革委:lead']],
      ['2﹒', ['市商务局:lead']],
    ])
  })
})

describe('a plan republished in traditional script', () => {
  const doc = [
    '某縣優化營商環境工作計劃',
    '一、重點任務',
    '1.推進證照分離改革。全面推行告知承諾制。',
    '牽頭單位：縣市場監管局',
    '責任單位：縣司法局、各鄉鎮人民政府',
    '完成時限：2023年6月底前',
    '2.壓縮企業開辦時間。實現一日辦結。（縣行政審批服務局牽頭，縣稅務局配合，長期堅持）',
  ].join('\n')
  const r = parse(doc)

  it('keeps the text as written and folds only its matching twin', () => {
    expect(r.normalized.text).toBe(doc)
    expect(r.normalized.folded.split('\n')[3]).toBe('牵头单位：县市场监管局')
  })

  it('reads labels and role words in traditional script', () => {
    expect(r.measures.map((m) => m.title)).toEqual(['推進證照分離改革', '壓縮企業開辦時間'])
    expect(units(r.measures[0]!)).toEqual(['縣市場監管局:lead', '縣司法局:responsible', '各鄉鎮人民政府:responsible'])
    expect(r.measures[0]!.deadline).toMatchObject({ kind: 'date', date: '2023-06-30' })
    expect(units(r.measures[1]!)).toEqual(['縣行政審批服務局:lead', '縣稅務局:cooperating'])
  })

  it('reads a deadline clause, section words and the kind in traditional script', () => {
    expect(r.measures[1]!.deadline).toMatchObject({ kind: 'ongoing', text: '長期堅持' })
    expect(r.document.kind).toBe('plan')
    const report = parse(
      ['某縣人民政府關於印發某縣促進消費實施方案的通知', '某政發〔2023〕5號', '一、總體要求', '堅持以人民為中心，擴大消費。', '二、主要任務',
       '（一）擴大汽車消費', '1.開展汽車促銷。組織車企開展促銷活動。（縣商務局牽頭）', '2.完善充電設施。新建充電樁100個。（縣發展改革委牽頭）'].join('\n'),
    )
    expect(report.document.docNumber).toBe('某政發〔2023〕5號')
    expect(report.measures.map((m) => [m.title, m.direction])).toEqual([
      ['開展汽車促銷', '擴大汽車消費'],
      ['完善充電設施', '擴大汽車消費'],
    ])
  })

  it('reads a task table whose header is in traditional script', () => {
    const t = parse(
      ['某縣重點任務分工表', '', '序號\t重點任務\t牽頭單位\t完成時限', '1\t推行一網通辦。實現全程網辦。\t縣政務服務中心\t長期堅持'].join('\n'),
    )
    expect(t.measures.map((m) => [m.title, units(m), m.deadline?.kind, m.deadline?.text])).toEqual([
      ['推行一網通辦', ['縣政務服務中心:lead'], 'ongoing', '長期堅持'],
    ])
  })
})

describe('task tables drawn with |', () => {
  const tasks = (text: string) =>
    parse(text).measures.map((m) => [m.text, units(m), m.deadline?.kind ?? null])
  const expected = [
    ['建成5G基站300个。', ['区工信局:responsible'], 'date'],
    ['新增规上企业20家。', ['区经发局:responsible', '各街道:responsible'], 'ongoing'],
  ]

  it('reads one row per line, cells between pipes', () => {
    const doc = [
      '某区2024年重点工作责任清单',
      '序号 | 重点工作 | 责任领导 | 责任单位 | 完成时限 |',
      '1 | 建成5G基站300个。 | 王某 | 区工信局 | 2024年10月底 |',
      '2 | 新增规上企业20家。 | 李某 | 区经发局、各街道 | 持续推进 |',
    ].join('\n')
    expect(tasks(doc)).toEqual(expected)
  })

  it('reads a Markdown table with its delimiter row', () => {
    const doc = [
      '| 序号 | 重点工作 | 责任单位 | 完成时限 |',
      '| --- | --- | --- | --- |',
      '| 1 | 建成5G基站300个。 | 区工信局 | 2024年10月底 |',
      '| 2 | 新增规上企业20家。 | 区经发局、各街道 | 持续推进 |',
    ].join('\n')
    expect(tasks(doc)).toEqual(expected)
  })

  it('reads one cell per line, a row starting at each 序号', () => {
    const doc = [
      '某区2024年重点工作责任清单',
      '序号 |',
      '重点工作 |',
      '责任领导 |',
      '责任单位 |',
      '完成时限 |',
      '1 |',
      '建成5G基站300个。 |',
      '王某 |',
      '区工信局 |',
      '2024年10月底 |',
      '2 |',
      '新增规上企业20家。 |',
      '李某 |',
      '区经发局、各街道 |',
      '持续推进 |',
    ].join('\n')
    expect(tasks(doc)).toEqual(expected)
    const r = parse(doc)
    for (const m of r.measures) for (const u of m.units) expect(r.normalized.text.slice(u.span.start, u.span.end)).toBe(u.name)
  })

  it('reads `全年` in a table as the document year', () => {
    const doc = ['某区2024年重点工作责任清单', '序号 | 重点工作 | 责任单位 | 完成时限 |', '1 | 盘活存量土地100亩。 | 区自然资源局 | 全年 |'].join('\n')
    expect(parse(doc).measures[0]!.deadline).toMatchObject({ text: '全年', date: '2024-12-31' })
  })

  it('leaves a sentence with a single | alone', () => {
    const r = parse(['一、重点任务', '1.推进数据共享。打通A|B两个平台。（市数据局牵头）'].join('\n'))
    expect(r.document.tables).toHaveLength(0)
    expect(units(r.measures[0]!)).toEqual(['市数据局:lead'])
  })
})

describe('a plan saved as HTML', () => {
  const doc = [
    '<p align=\\"left\\">',
    '\t　　一、重点任务</p><p align=\\"left\\">',
    '\t　　1.开展促销活动。组织商贸企业开展<span>促销</span>。（市商务局牵头，市财政局配合）</p><p>',
    '\t　　2.发放消费券。安排资金发放消费券。</p><p>（市财政局牵头）</p>',
  ].join('\n')
  const n = normalize(doc)

  it('sets the tags aside as markup and keeps paragraphs apart', () => {
    expect(n.text).toBe('一、重点任务\n1.开展促销活动。组织商贸企业开展促销。（市商务局牵头，市财政局配合）\n2.发放消费券。安排资金发放消费券。（市财政局牵头）')
    expect(n.removals.filter((r) => r.kind === 'markup').map((r) => doc.slice(r.start, r.end))).toContain('<span>')
  })

  it('accounts for every character once, whatever the tags and lines', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<p align=\\"left\\">', '<br/>', '<span>', '</td>', '\n', '\t', '　　', '|', '1.', '（一）', '。', '（市财政局牵头）'),
      fc.string({ maxLength: 8 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const source = parts.join('')
        const m = normalize(source)
        const seen = new Uint8Array(source.length)
        for (const s of m.segments) {
          expect(source.slice(s.source, s.source + s.length)).toBe(m.text.slice(s.start, s.start + s.length))
          for (let i = s.source; i < s.source + s.length; i++) seen[i]!++
        }
        for (const r of m.removals) for (let i = r.start; i < r.end; i++) seen[i]!++
        expect([...seen].every((c) => c === 1)).toBe(true)
      }),
    )
  })

  it('reads the measures of the page', () => {
    const r = parse(doc)
    expect(r.measures.map((m) => [m.title, units(m)])).toEqual([
      ['开展促销活动', ['市商务局:lead', '市财政局:cooperating']],
      ['发放消费券', ['市财政局:lead']],
    ])
  })

  it('leaves a plain text that mentions a tag alone', () => {
    expect(normalize('说明：正文中的<p>标记不是格式。').text).toBe('说明：正文中的<p>标记不是格式。')
  })
})
