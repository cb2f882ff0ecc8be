import { describe, expect, it } from 'vitest'
import { normalize } from '../src/normalize.js'

const n = (text: string) => normalize(text).text

describe('normalize: typesetting spaces', () => {
  it.each([
    { input: '时间节点：2022 年 12 月', expected: '时间节点：2022年12月' },
    { input: '压减至 5 个工作日，覆盖率达到 100%', expected: '压减至5个工作日，覆盖率达到100%' },
    { input: '２０２２ 年', expected: '２０２２年' },
    // not typesetting: between Chinese words, two spaces (columns), tabs, Latin words
    { input: '一个办法 三项制度', expected: '一个办法 三项制度' },
    { input: '指标  2022  2023', expected: '指标  2022  2023' },
    { input: '2022\t年', expected: '2022\t年' },
    { input: 'GDP 增长 6%', expected: 'GDP 增长6%' },
  ])('$input', ({ input, expected }) => {
    expect(n(input)).toBe(expected)
  })

  it('records each space it takes out', () => {
    const r = normalize('2022 年')
    expect(r.removals).toEqual([{ kind: 'spacing', start: 4, end: 5 }])
  })
})

describe('normalize: page breaks', () => {
  it.each([
    { name: 'inside a sentence', input: '对企业群众反映集中的问题，依法依规推动\n\n整改解决，实名差评回访整改率达到 100%。', expected: '对企业群众反映集中的问题，依法依规推动整改解决，实名差评回访整改率达到100%。' },
    { name: 'inside a unit list after 、', input: '责任单位：市税务局、\n\n市人力资源社会保障局', expected: '责任单位：市税务局、市人力资源社会保障局' },
    { name: 'inside a unit name', input: '责任单位：市商务局、市文广旅\n\n局、市卫生健康委', expected: '责任单位：市商务局、市文广旅局、市卫生健康委' },
    { name: 'inside brackets', input: '责任单位：市市场监管局，各县（市、区）人民政府（管委\n\n会)\n\n四、保障措施', expected: '责任单位：市市场监管局，各县（市、区）人民政府（管委会)\n\n四、保障措施' },
    { name: 'a label line split from its tail', input: '责任单位：许昌银保监分局按职责分\n\n工负责\n\n22.完善政府性', expected: '责任单位：许昌银保监分局按职责分工负责\n\n22.完善政府性' },
  ])('joins a break $name', ({ input, expected }) => {
    expect(n(input)).toBe(expected)
  })

  it.each([
    { name: 'after a sentence end', input: '依法依规推动整改。\n\n整改解决' },
    { name: 'before a numbered item', input: '（一）建立健全组织机制\n\n1.完善组织架构。' },
    { name: 'after a heading without a full stop', input: '（五）优化省金融服务共享平台许昌分厅功能\n\n提升河南省金融服务共享平台' },
    { name: 'before a label', input: '完成时限:长期坚持\n破解企业用地难用房难问题。' },
    { name: 'after a title line', input: '许昌市获得信贷提升专项行动方案\n\n为优化全市金融营商环境' },
    { name: 'before a 文号', input: '许昌市优化营商环境工作领导小组文件\n\n许营商〔2022〕1号' },
    { name: 'between a label and the next item', input: '责任单位：市政数局牵头，市直相关部门按职责分工负责\n\n2.提高数据共享服务能力。' },
  ])('keeps a break $name', ({ input }) => {
    expect(n(input)).toContain('\n')
  })
})

describe('normalize: furniture', () => {
  it('sets aside a page header printed mid-sentence', () => {
    const input = '将各相关部门独立实施的专项验收,整合规\n\n# 市委办公室、市政府办公室印发《许昌市优化营商环境三年行动方案(2018—2020年)》\n\n范为统一窗口受理。'
    const out = normalize(input)
    expect(out.text).toBe('将各相关部门独立实施的专项验收,整合规范为统一窗口受理。')
    expect(out.removals.some((r) => r.kind === 'page-header')).toBe(true)
  })

  it.each([
    '当前位置: 首页 > 优化营商环境',
    '【信息时间:2021-09-17 】【字号 】【我要打印】【关闭',
    '中国政府网 山西省政府 忻州市政府',
    '时间:2022-02-16      来源:忻府区行政审批局',
    '关闭本页',
  ])('sets aside web chrome: %s', (line) => {
    const out = normalize(`${line}\n\n正文第一段。`)
    expect(out.text).toBe('正文第一段。')
    expect(out.removals.filter((r) => r.kind === 'chrome')).toHaveLength(1)
  })

  it('recognises a table of contents with page numbers', () => {
    const out = normalize('目  录\n\n第一章 规划背景 - 2 -\n\n第一节 发展基础 - 2 -\n\n第一章 规划背景\n\n正文。')
    expect(out.text).toBe('第一章 规划背景\n\n正文。')
    expect(out.removals.filter((r) => r.kind === 'toc')).toHaveLength(3)
  })

  it('moves footnotes and their markers out of the running text, and re-joins around them', () => {
    const input = '低压居民、低压小微企业¹实行免审批，普通高压客户参与用电报装不超\n\n1 小微企业：以国家市场监督管理总局发布的名单为准。\n\n过4个环节。'
    const out = normalize(input)
    expect(out.text).toBe('低压居民、低压小微企业实行免审批，普通高压客户参与用电报装不超过4个环节。')
    expect(out.extras.footnotes).toHaveLength(1)
    expect(out.extras.markers).toEqual([expect.objectContaining({ value: 1 })])
  })

  it('keeps superscripts that are units or powers (m², 10³)', () => {
    expect(n('面积1万m²以下，容量10³千瓦。')).toBe('面积1万m²以下，容量10³千瓦。')
  })

  it('drops a BOM, CR and indentation but never rewrites characters', () => {
    const out = normalize('\ufeff  （一）ＡＢ１２：\r\n  正文。')
    expect(out.text).toBe('（一）ＡＢ１２：\n正文。')
    expect(out.folded).toBe('（一）AB12：\n正文。')
    expect(out.folded).toHaveLength(out.text.length)
  })

  it('removes **emphasis** markers', () => {
    expect(n('**(一)简化企业开办和注销程序。**开设企业开办综合窗口。')).toBe('(一)简化企业开办和注销程序。开设企业开办综合窗口。')
  })
})
