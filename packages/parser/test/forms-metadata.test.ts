/**
 * Document metadata in the forms real plans are published in: database record headers above
 * the text, titles starting with a year or given in 《》, a 文号 after the title or in a page's
 * field table, plans recognised by their responsibility statements. Each text is made up, written
 * the way such documents are written.
 */
import { describe, expect, it } from 'vitest'
import { parse } from '../src/parse.js'

const doc = (...lines: string[]) => parse(lines.join('\n')).document

describe('database record headers', () => {
  const d = doc(
    '【法宝引证码】CLI.1.123456',
    '【时效性】现行有效',
    '某市人民政府办公室关于印发某市安全生产“十四五”规划责任分工的通知',
    '各县（市、区）人民政府，市直各有关单位：',
    '现将《某市安全生产“十四五”规划》责任分工印发给你们，请认真组织实施。',
  )

  it('sets the header lines aside and never joins them to the title', () => {
    expect(d.title).toBe('某市人民政府办公室关于印发某市安全生产“十四五”规划责任分工的通知')
    expect(d.issuer).toBe('某市人民政府办公室')
    expect(d.asides.filter((a) => a.kind === 'chrome').map((a) => a.text.trim())).toEqual(['【法宝引证码】CLI.1.123456', '【时效性】现行有效'])
  })
})

describe('site header widgets', () => {
  it('sets share buttons and a close mark aside, not into the title', () => {
    const d = doc('政务微信', '政务微博', '×', '某市人民政府关于促进消费的实施意见', '来源：某市政府网', '', '为促进消费，现提出如下意见。')
    expect(d.title).toBe('某市人民政府关于促进消费的实施意见')
    expect(d.asides.filter((a) => a.kind === 'chrome')).toHaveLength(3)
  })
})

describe('titles', () => {
  const body = ['一、主要任务', '（一）扩大有效投资。推进重大项目建设。（市发展改革委牵头）']

  it.each([
    { name: 'starting with a year', lines: ['2024年区政府工作报告重点工作任务分解方案', ...body], title: '2024年区政府工作报告重点工作任务分解方案' },
    { name: 'ending in 分解', lines: ['某区2024年重点工作目标任务分解', ...body], title: '某区2024年重点工作目标任务分解' },
    { name: 'ending in 举措', lines: ['某区关于推动制造业高质量发展的若干举措', ...body], title: '某区关于推动制造业高质量发展的若干举措' },
    { name: 'ending in 清单', lines: ['2024年开发区重点工作及责任清单', ...body], title: '2024年开发区重点工作及责任清单' },
    {
      name: 'in 《》 on a line of its own',
      lines: ['《关于支持中小微企业稳定发展的具体实施细则》', '', '为贯彻落实省政府有关部署，制定如下实施细则。', ...body],
      title: '关于支持中小微企业稳定发展的具体实施细则',
    },
    {
      name: 'in 《》 with the text run on after it',
      lines: ['《关于支持中小微企业稳定发展的具体实施细则》', '为贯彻落实省政府有关部署，制定如下实施细则。', ...body],
      title: '关于支持中小微企业稳定发展的具体实施细则',
    },
    {
      name: 'followed by its 文号',
      lines: ['某市人民政府关于优化营商环境的实施意见（某政〔2023〕12号）', '', '为优化营商环境，现提出如下实施意见。', ...body],
      title: '某市人民政府关于优化营商环境的实施意见',
    },
    {
      name: 'with spaces a line break left inside the 《》 name',
      lines: ['某区人民政府关于印发 《某区2024年重点工作任务分解 和责任分工方案》的通知', '', '各街道办事处：', ...body],
      title: '某区人民政府关于印发《某区2024年重点工作任务分解和责任分工方案》的通知',
    },
    {
      name: 'sharing its line with the text',
      lines: ['关于支持人才引进的十条意见。为落实市委部署，结合实际，现提出以下意见。', ...body],
      title: '关于支持人才引进的十条意见',
    },
    {
      name: 'named by a news item, the title line run into page text',
      lines: ['近日，某区人民政府办公室发布《2024年重点工作目标任务分解》方案。', '小编带你了解', '2024年重点工作目标任务分解', ...body],
      title: '2024年重点工作目标任务分解',
    },
  ])('a title $name', ({ lines, title }) => {
    expect(doc(...lines).title).toBe(title)
  })

  it.each([
    { name: 'a numbered heading', lines: ['一、任务分工', '（一）扩大有效投资。（市发展改革委牵头）'] },
    { name: 'a sentence that names the plan', lines: ['为推动高质量发展，结合实际，制定本方案。', ...body] },
    { name: 'a date line', lines: ['2024年3月1日', ...body] },
  ])('no title from $name', ({ lines }) => {
    expect(doc(...lines).title).toBeNull()
  })

  it('takes the issuer from a title followed by its 文号', () => {
    expect(doc('某市人民政府关于优化营商环境的实施意见（某政〔2023〕12号）', '', '为优化营商环境，现提出如下意见。').issuer).toBe('某市人民政府')
  })
})

describe('文号', () => {
  it.each([
    { name: 'on a line of its own', lines: ['某区人民政府文件', '某政发〔2024〕3号', '某区人民政府关于印发某区重点工作任务分工方案的通知'], number: '某政发〔2024〕3号' },
    { name: 'in brackets after the title', lines: ['某市人民政府关于优化营商环境的实施意见（某政〔2023〕12号）', '来源：某市政府网', '为优化营商环境，现提出如下意见。'], number: '某政〔2023〕12号' },
    { name: 'after the title, the text run on', lines: ['某市人民政府关于优化营商环境的实施意见 (某政〔2023〕12号)', '为优化营商环境，现提出如下意见。'], number: '某政〔2023〕12号' },
    { name: 'in a page’s field table', lines: ['某省人民政府关于印发重点任务分工方案的通知', '发布单位 |', '某省人民政府', '|', '发布文号 | 某府〔2024〕8号 |', '各市人民政府：'], number: '某府〔2024〕8号' },
    { name: 'opening the title line of a reprint', lines: ['某政发〔2024〕3号某区人民政府关于印发某区重点工作任务分工方案的通知', '各街道办事处：'], number: '某政发〔2024〕3号' },
  ])('read $name', ({ lines, number }) => {
    expect(doc(...lines).docNumber).toBe(number)
  })

  it('is left out of the title of a reprint', () => {
    expect(doc('某政发〔2024〕3号某区人民政府关于印发某区重点工作任务分工方案的通知', '各街道办事处：').title).toBe(
      '某区人民政府关于印发某区重点工作任务分工方案的通知',
    )
  })

  it('is not taken from a citation in the text', () => {
    const d = doc('关于支持小微企业发展的实施细则', '为贯彻落实省政府《关于支持小微企业发展的若干措施》（某政发〔2022〕1号）精神，制定如下细则。', '根据国发〔2021〕20号文件精神，现提出如下意见。')
    expect(d.docNumber).toBeNull()
  })
})

describe('kind', () => {
  it.each([
    {
      name: 'inline statements, no title (a page cut from the middle)',
      lines: [
        '（五）稳定就业岗位。支持企业稳岗扩岗。（市人力资源社会保障局、市财政局按照职责分工负责）',
        '（六）做好困难人员帮扶。及时将符合条件的人员纳入救助范围。（市民政局牵头负责）',
      ],
    },
    {
      name: 'sub-items closed by statements in one paragraph',
      lines: ['一、减少审批事项', '1.深化商事制度改革。（1）推行证照分离。（市市场监管局牵头负责）（2）压缩开办时间。（市市场监管局牵头负责）'],
    },
    { name: 'a title naming 举措', lines: ['某区关于推动经济高质量发展若干政策举措（2025年版）', '一、强化科技创新', '（一）加强创新平台建设。'] },
    { name: 'a title naming 分解', lines: ['某区2024年重点工作目标任务分解', '一、主要预期指标', '1.地区生产总值增长6%。'] },
    { name: 'labelled statements', lines: ['1.优化企业开办。', '牵头单位：市市场监管局', '责任单位：各区人民政府'] },
  ])('a plan from $name', ({ lines }) => {
    expect(doc(...lines).kind).toBe('plan')
  })

  it.each([
    { name: 'one statement in a news text', kind: 'unknown', lines: ['近日，某市举办招聘会。', '活动由市人社局牵头组织（市人社局牵头），企业踊跃参加。'] },
    {
      name: 'a reply letter, even with statements',
      kind: 'reply',
      lines: ['对市人大会议第8号建议的答复', '张代表：', '您提出的建议收悉，现答复如下。', '一、已开展的工作。（市商务局牵头负责）', '二、下一步打算。（市财政局配合）'],
    },
  ])('$kind for $name', ({ lines, kind }) => {
    expect(doc(...lines).kind).toBe(kind)
  })
})
