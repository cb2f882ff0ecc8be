/**
 * What the issue asks of each seed document, checked against the text by hand (see the
 * expected values: each was read off the seed, not off the parser's output).
 */
import { describe, expect, it } from 'vitest'
import { parse } from '../src/parse.js'
import { seed } from './helpers.js'

const names = (units: Array<{ name: string }>) => units.map((u) => u.name)

describe('seed 001: 实施意见 with labelled blocks', () => {
  const r = parse(seed('001'))
  const m = r.measures

  it('has 25 task rows: 20 numbered measures, measure 16 in three parts, three 保障措施 items', () => {
    expect(m).toHaveLength(25)
    expect(m.filter((x) => x.numbering === '16.').map((x) => x.title)).toEqual([
      '破解企业融资难融资贵问题',
      '破解企业用地难用房难问题',
      '破解企业人才缺用工难问题',
    ])
    expect(m.slice(22).map((x) => x.title)).toEqual(['加强组织领导', '加强宣传引导', '加强督查问效'])
    expect(m.slice(22).every((x) => x.deadline === null && x.units.length > 0)).toBe(true)
  })

  it('reads every lead unit as written after 牵头单位/牵头部门', () => {
    expect(m.map((x) => names(x.leadUnits).join('、'))).toEqual([
      '市发展改革委',
      '市税务局、市财政局',
      '市财政局',
      '市政府金融办',
      '市发展改革委、市司法局',
      '各县(区)人民政府',
      '市作风办',
      '市政府办公室',
      '市商务局、市政府政务服务中心',
      '市政府办公室、市政府政务服务中心',
      '市委政法委',
      '市委政法委',
      '市委政法委',
      '市市场监管局、市发展改革委',
      '市委组织部',
      '市政府金融办',
      '市自然资源局',
      '市委组织部、市人社局',
      '市工信局、各县(区)人民政府',
      '市纪委监委机关',
      '市纪委监委机关',
      '市纪委监委机关',
      '市发展改革委',
      '市委宣传部',
      '市委办公室、市政府办公室',
    ])
  })

  it('splits run-together labels and lists units lead first, in document order', () => {
    expect(names(m[0]!.units)).toEqual(['市发展改革委', '市级党委政府各部门(单位)', '中省驻庆各单位', '各县(区)人民政府'])
    expect(names(m[1]!.units)).toEqual([
      '市税务局',
      '市财政局',
      '市工信局',
      '市市场监管局',
      '市住建局',
      '市能源局',
      '市政府金融办',
      '各县(区)人民政府',
    ])
    expect(names(m[13]!.units)).toEqual(['市市场监管局', '市发展改革委', '人行XX中心支行', '市财政局', '市税务局'])
  })

  it('reads every 完成时限', () => {
    expect(m.map((x) => (x.deadline ? `${x.deadline.kind}${'date' in x.deadline ? ` ${x.deadline.date}` : ''}` : null))).toEqual([
      'ongoing',
      'ongoing',
      'date 2022-06-30',
      'date 2022-06-30',
      'date 2022-06-30',
      'date 2022-06-30',
      'date 2022-12-31',
      'date 2022-03-31',
      'date 2022-06-30',
      'date 2022-06-30',
      'ongoing',
      'ongoing',
      'ongoing',
      'ongoing',
      'date 2022-12-31',
      'ongoing',
      'ongoing',
      'ongoing',
      'date 2022-12-31',
      'date 2022-06-30',
      'ongoing',
      'ongoing',
      null,
      null,
      null,
    ])
    expect(m[2]!.deadline).toMatchObject({ alsoOngoing: true, text: '2022年6月底完成清理并长期坚持' })
  })
})

describe('seed 004: 规划 with chapters, sections and a table of contents', () => {
  const r = parse(seed('004'))

  it('finds the 49 numbered measures, in order, each under its 第X章/第X节', () => {
    expect(r.measures.map((x) => x.numbering)).toEqual(Array.from({ length: 49 }, (_, i) => `${i + 1}.`))
    expect(r.measures.every((x) => x.path.length === 2)).toBe(true)
    expect(r.measures[0]!.path).toEqual(['聚焦服务市场主体 打造“六最”营商环境', '聚焦市场主体突破发展 打造审批最少的营商环境'])
    expect(r.measures[48]!.path).toEqual(['构建制度支撑体系', '构建以快速响应为基础的常态化政企联系制度体系'])
  })

  it('reads the table of contents as such, not as a second outline', () => {
    expect(r.document.toc).toHaveLength(26)
    expect(r.document.toc[0]).toMatchObject({ title: '第一章 规划背景', page: '2' })
    const chapters = r.document.parts[0]!.sections.filter((s) => s.style === 'chapter').map((s) => s.numbering)
    expect(chapters).toEqual(['第一章', '第二章', '第三章', '第四章', '第五章'])
  })

  it('sets aside the web page chrome', () => {
    expect(r.document.asides.filter((a) => a.kind === 'chrome').map((a) => a.text.trim())).toContain('关闭本页')
    expect(r.normalized.text).not.toContain('当前位置')
  })
})

describe('seed 000: republished 行动方案 with bold headings and a stray page header', () => {
  const r = parse(seed('000'))

  it('finds the (一)–(十五) core-indicator measures and the numbered measures under 三、(一)–(八)', () => {
    const core = r.measures.filter((x) => x.path[0] === '实施营商环境核心指标对标优化行动')
    expect(core.map((x) => x.numbering)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)', '(八)', '(九)', '(十)', '(十一)', '(十二)', '(十三)', '(十四)', '(十五)'])
    const areas = r.measures.filter((x) => x.path[0] === '实施营商环境重点领域提升行动')
    expect(areas.map((x) => x.path[1]).filter((v, i, a) => a.indexOf(v) === i)).toHaveLength(8)
    expect(areas).toHaveLength(2 + 4 + 3 + 3 + 3 + 3 + 3 + 2)
  })

  it('removes the page header from the sentence it interrupted', () => {
    const m = r.measures.find((x) => x.title === '提升建设项目竣工验收效率')!
    expect(m.text).toContain('整合规范为统一窗口受理')
    expect(r.measures.some((x) => x.text.includes('市委办公室、市政府办公室印发'))).toBe(false)
    expect(r.document.asides.some((a) => a.kind === 'page-header')).toBe(true)
  })

  it('reads the title and issuer from the republishing sentence', () => {
    expect(r.document.title).toBe('许昌市优化营商环境三年行动方案(2018—2020年)')
    expect(r.document.issuer).toBe('市委办公室、市政府办公室')
  })
})

describe('seed 003: a reply letter, not a plan', () => {
  const r = parse(seed('003'))
  it('is reported as a reply and yields no measures', () => {
    expect(r.document.kind).toBe('reply')
    expect(r.measures).toHaveLength(0)
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('not-a-plan')
  })
})

describe('seed 002: bundle of a notice and 24 attachments, PDF-extracted', () => {
  const r = parse(seed('002'))
  const inPart = (n: number) => r.measures.filter((x) => x.part === n)
  const byTitle = (title: string) => r.measures.find((x) => x.title === title)!

  it('reads the notice: 文号, issuer, 24 attachments, one part each with its specialty', () => {
    expect(r.document.docNumber).toBe('许营商〔2022〕1号')
    expect(r.document.issuer).toBe('许昌市优化营商环境工作领导小组')
    expect(r.document.attachments).toHaveLength(24)
    expect(r.document.parts.map((p) => p.attachment)).toEqual([null, ...Array.from({ length: 24 }, (_, i) => i + 1)])
    expect(r.document.parts[2]).toMatchObject({ title: '许昌市企业开办提升专项行动方案', specialty: '企业开办' })
    // the typo in attachment 8's own title: the notice's list names the specialty
    expect(r.document.parts[8]).toMatchObject({ title: '许昌市缴纳纳税费提升专项行动方案', specialty: '缴纳税费' })
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('part-title-mismatch')
  })

  it('recognises attachment 24 as a table, not as measures: 307 rows, repeated headers folded', () => {
    const t = r.document.tables.find((x) => x.kind === 'tasklist')!
    expect(t.rows).toHaveLength(307)
    expect(t.headerRepeats).toBeGreaterThan(50)
    expect(t.header).toEqual(['序号', '所属专项', '改革方向', '升级措施', '责任单位', '完成时限'])
    expect(inPart(24)).toHaveLength(0)
  })

  it('reads two-level measures: (一) direction → 1. measure, sub-items (1)–(4) inside the measure', () => {
    const m = byTitle('建立健全工作机制')
    expect(m).toMatchObject({ part: 4, specialty: '获得电力', direction: '建立健全组织机制', sharedBlock: 1 })
    expect(m.text).toContain('（4）平台统筹建设机制')
    expect(names(m.units)).toEqual(['市供电公司', '市政数局', '市住房城乡建设局', '各县（市、区）人民政府', '各县（市、区）供电公司'])
    expect(m.primaryUnit).toMatchObject({ name: '市供电公司', inferred: true })
  })

  it('applies a block shared by several measures to each of them (获得信贷 (七) and (九))', () => {
    const seven = r.measures.filter((x) => x.part === 12 && x.direction === '强化信用信息应用')
    expect(seven).toHaveLength(3)
    expect(seven.every((x) => x.sharedBlock === 3 && names(x.units).join() === '人行许昌市中心支行,市发展改革委')).toBe(true)
    const nine = r.measures.filter((x) => x.part === 12 && x.direction === '提升融资担保服务能力')
    expect(nine).toHaveLength(3)
    expect(nine.every((x) => x.deadline?.kind === 'ongoing')).toBe(true)
  })

  it('makes a section with body text and its own block but no numbered items one measure (获得信贷 (十))', () => {
    const m = byTitle('加强金融法治环境建设')
    expect(m).toMatchObject({ part: 12, numbering: '（十）', sharedBlock: 1 })
    expect(names(m.units)).toEqual(['市中级人民法院', '许昌银保监分局', '市金融工作局'])
  })

  it('re-joins a unit name broken by a page break (市文广旅 / 局)', () => {
    expect(r.measures.some((x) => names(x.units).includes('市文广旅局'))).toBe(true)
    expect(r.measures.some((x) => names(x.units).includes('市文广旅'))).toBe(false)
  })

  it('keeps footnotes out of the running text, re-joining the paragraph they interrupted', () => {
    expect(r.document.footnotes.map((f) => f.marker)).toEqual(['1', '2', '3', '⁴', '⁵', '⁶', '7', '8', '9', '10', '11', '12'])
    expect(r.document.footnotes[9]!.text).toMatch(/取得土地使用权的时间.*使用期限开始日期为准。$/s)
    const m = byTitle('延伸电网工程投资界面')
    expect(m.text).toContain('其建筑区划红线外接网工程由客户承担')
    expect(m.text).toContain('建设方要提前通知供电企业参与工程验收')
    expect(r.measures.some((x) => x.text.includes('小微企业：以国家市场监督管理总局'))).toBe(false)
  })

  it('keeps the 市发改革 typo as written, with its unit list', () => {
    const m = byTitle('扩大债券市场融资规模')
    expect(names(m.units)).toEqual(['市发改革', '人行许昌市中心支行', '市金融工作局'])
  })

  it('reads X牵头，Y配合，Z负责落实 roles', () => {
    const m = r.measures.find((x) => x.responsibility?.text.includes('市自然资源和规划局、市人防办等部门配合'))!
    expect(m.units.map((u) => `${u.name}:${u.role}`)).toEqual([
      '市住房城乡建设局:lead',
      '市自然资源和规划局:cooperating',
      '市人防办:cooperating',
      '各县（市、区）人民政府（管委会）:implementing',
    ])
  })

  it('reads a deadline given in two stages as due at the last one', () => {
    const m = r.measures.find((x) => x.deadline?.text.includes('13项业务异地可办'))!
    expect(m.deadline).toMatchObject({ kind: 'date', date: '2022-12-31' })
  })

  it('has a measure with units and a deadline in every task section of attachments 2–23', () => {
    const rows = r.measures.filter((x) => x.part !== null && x.part >= 2 && x.part <= 23)
    expect(rows.length).toBeGreaterThan(290)
    expect(rows.every((x) => x.units.length > 0)).toBe(true)
    expect(rows.filter((x) => x.deadline === null)).toHaveLength(0)
  })
})
