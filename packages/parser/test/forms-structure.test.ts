/**
 * Which items are measures when a plan writes its units inline (`（…牵头…）`, `（责任单位：…）`)
 * rather than on label lines, and what 改革方向 a measure gets. Each document here is made up,
 * written the way such plans are written.
 */
import { describe, expect, it } from 'vitest'
import { parse } from '../src/parse.js'
import { unitRoles as units } from './helpers.js'

const doc = (...lines: string[]) => parse(lines.join('\n'))

describe('inline statements decide which items are measures', () => {
  it('a heading whose numbered items carry statements is a container, not one measure', () => {
    const r = doc(
      '某市青年人才行动方案',
      '一、主要目标',
      '1.目标。三年内集聚青年人才5000名。',
      '二、重点行动',
      '（一）青年英才培育行动。围绕重点产业，组织实施以下项目：',
      '2.青年科学家项目。每年遴选青年科学家20名。（牵头单位：市科技局，配合单位：市财政局）',
      '3.青年工匠项目。每年评选青年工匠50名。（牵头单位：市人社局，配合单位：市总工会）',
      '（二）青年创业扶持行动。优化创业环境，实施以下项目：',
      '4.创业导师项目。组建创业导师团。（牵头单位：团市委）',
    )
    expect(r.measures.map((m) => m.numbering)).toEqual(['2.', '3.', '4.'])
    expect(units(r.measures[0]!)).toEqual(['市科技局:lead', '市财政局:cooperating'])
    expect(units(r.measures[1]!)).toEqual(['市人社局:lead', '市总工会:cooperating'])
    expect(r.measures[0]!.text).toBe('青年科学家项目。每年遴选青年科学家20名。')
    expect(r.measures[2]!.path).toEqual(['重点行动', '青年创业扶持行动'])
  })

  it('an item carrying its own statement is a measure whatever words its title holds', () => {
    const r = doc(
      '某县重点工作责任分解',
      '一、经济发展主要预期目标',
      '1.地区生产总值增长7%。（牵头单位：县发改局）',
      '2.完成市下达的污染防治目标任务。（牵头单位：县生态环境分局）',
      '二、重点工作',
      '3.健全财政资金保障机制。统筹资金投入。（县财政局负责）',
      '4.强化组织实施',
      '5.加强组织领导。（县委办牵头）',
    )
    expect(r.measures.map((m) => m.numbering)).toEqual(['1.', '2.', '3.', '5.'])
    expect(units(r.measures[1]!)).toEqual(['县生态环境分局:lead'])
    expect(units(r.measures[2]!)).toEqual(['县财政局:responsible'])
    expect(units(r.measures[3]!)).toEqual(['县委办:lead'])
  })

  it('a paragraph that is only a statement closing sub-items is shared by them', () => {
    const r = doc(
      '某市防灾减灾体系建设任务分解',
      '一、重点任务',
      '1.健全灾害预警体系',
      '（1）完善气象灾害预警发布机制。',
      '（2）推进预警信息进村入户，提升基层预警能力，确保信息传递到最后一公里。',
      '（3）开展预警演练。',
      '（责任单位：市气象局、各区人民政府）',
      '2.加强救灾物资储备',
      '（1）建设市级救灾物资储备库。',
      '（责任单位：市应急局）',
    )
    expect(r.measures.map((m) => m.numbering)).toEqual(['（1）', '（2）', '（3）', '（1）'])
    for (const m of r.measures.slice(0, 3)) {
      expect(units(m)).toEqual(['市气象局:responsible', '各区人民政府:responsible'])
      expect(m.sharedBlock).toBe(3)
    }
    expect(units(r.measures[3]!)).toEqual(['市应急局:responsible'])
    expect(r.measures[3]!.sharedBlock).toBe(1)
  })

  it('a statement closing sub-items belongs to their item when items are the measures', () => {
    const r = doc(
      '某区营商环境提升方案',
      '一、重点任务',
      '1.压缩开办时间。企业开办一日办结。（区市场监管局牵头）',
      '2.推进审批改革',
      '（1）推行容缺受理。',
      '（2）推行告知承诺。',
      '（责任单位：区行政审批局）',
      '3.优化纳税服务。推行非接触式办税。（区税务局牵头）',
    )
    expect(r.measures.map((m) => m.numbering)).toEqual(['1.', '2.', '3.'])
    expect(units(r.measures[1]!)).toEqual(['区行政审批局:responsible'])
    expect(r.measures[1]!.text).toBe('推进审批改革\n（1）推行容缺受理。\n（2）推行告知承诺。')
  })

  it('a statement ending an item is its own: items before it without one do not share it', () => {
    const r = doc(
      '某市数字政府建设方案',
      '一、重点任务',
      '1.建设数据底座。统一数据标准。',
      '2.完善基础数据库。建设人口、法人基础库。（牵头单位：市大数据局）',
    )
    expect(r.measures.map((m) => m.numbering)).toEqual(['1.', '2.'])
    expect(units(r.measures[0]!)).toEqual([])
    expect(units(r.measures[1]!)).toEqual(['市大数据局:lead'])
  })

  it('an unnumbered paragraph after an item closed by its statement is a measure of its own', () => {
    const r = doc(
      '某市数字政府建设方案',
      '一、重点任务',
      '1.归集公共数据。扩大公共数据归集范围。（牵头单位：市大数据局）',
      '2.完善基础数据库。建设人口、法人基础库。（牵头单位：市公安局、市市场监管局）',
      '',
      '完善数据共享。推动部门间数据双向流动。（牵头单位：市政府办公室）',
    )
    expect(r.measures.map((m) => m.numbering)).toEqual(['1.', '2.', null])
    expect(units(r.measures[1]!)).toEqual(['市公安局:lead', '市市场监管局:lead'])
    expect(r.measures[1]!.text).toBe('完善基础数据库。建设人口、法人基础库。')
    expect(r.measures[2]!.title).toBe('完善数据共享')
    expect(r.measures[2]!.text).toBe('完善数据共享。推动部门间数据双向流动。')
    expect(units(r.measures[2]!)).toEqual(['市政府办公室:lead'])
  })
})

describe('改革方向 and units written on a heading', () => {
  it('the nearest heading naming an area of work is the direction, not a wrapper', () => {
    const r = doc(
      '某市优化营商环境实施方案',
      '一、深化市场化改革',
      '（一）加强市场体系建设。推进高标准市场建设。（市市场监管局牵头）',
      '二、重点任务',
      '（二）优化政务服务',
      '1.推行一网通办。实现全程网办。（市政务服务局牵头）',
      '（三）压缩开办时间。企业开办一日办结。（市市场监管局牵头）',
    )
    expect(r.measures.map((m) => m.direction)).toEqual(['深化市场化改革', '优化政务服务', '压缩开办时间'])
  })

  it('a one-level plan takes each measure’s own title', () => {
    const r = doc('某县稳就业若干措施', '1.扩大就业岗位。开发公益岗位。（县人社局负责）', '2.加强技能培训。开展订单式培训。（县人社局负责）')
    expect(r.measures.map((m) => m.direction)).toEqual(['扩大就业岗位', '加强技能培训'])
  })

  it('a statement closing a heading is cut from it and gives its lead to the measures below', () => {
    const r = doc(
      '某区推动经济高质量发展若干举措',
      '一、强化科技创新（区科技局牵头）',
      '（一）加强科创平台建设。推进校企联合研发。',
      '（二）加大研发投入。对研发投入给予奖励。（区财政局配合）',
      '二、扩大有效投资（区发改局牵头）',
      '（三）加快项目建设。推进重点项目开工。（区住建局牵头）',
    )
    expect(r.measures.map((m) => m.numbering)).toEqual(['（一）', '（二）', '（三）'])
    expect(r.measures[0]!.path).toEqual(['强化科技创新'])
    expect(r.measures[0]!.direction).toBe('强化科技创新')
    expect(units(r.measures[0]!)).toEqual(['区科技局:lead'])
    expect(r.measures[0]!.responsibility?.text).toBe('（区科技局牵头）')
    expect(units(r.measures[1]!)).toEqual(['区科技局:lead', '区财政局:cooperating'])
    expect(units(r.measures[2]!)).toEqual(['区住建局:lead'])
  })
})

describe('items run together in one paragraph', () => {
  const r = doc(
    '某市促进消费若干措施',
    '一、重点任务',
    '1.开展促销活动。组织商贸企业开展促销。（市商务局牵头）2.发放消费券。安排资金1.5亿元发放消费券。（市财政局牵头）',
    '3.优化消费环境。（1）整治市场秩序。（市市场监管局牵头负责）（2）畅通投诉渠道。（市12345热线中心牵头负责）',
    '4.加强宣传引导。（2）所列渠道同步公开。（市委宣传部负责）',
  )

  it('a marker continuing the sequence after 。/；/） opens a new item', () => {
    expect(r.measures.map((m) => m.numbering)).toEqual(['1.', '2.', '（1）', '（2）', '4.'])
    expect(units(r.measures[0]!)).toEqual(['市商务局:lead'])
    expect(units(r.measures[1]!)).toEqual(['市财政局:lead'])
    expect(r.measures[1]!.text).toBe('发放消费券。安排资金1.5亿元发放消费券。')
    expect(units(r.measures[2]!)).toEqual(['市市场监管局:lead'])
    expect(r.measures[3]!.direction).toBe('优化消费环境')
  })

  it('a lone marker that continues nothing does not split', () => {
    expect(r.measures[4]!.text).toBe('加强宣传引导。（2）所列渠道同步公开。')
  })

  it('every piece slices the text exactly', () => {
    for (const m of r.measures) expect(r.normalized.text.slice(m.span.start, m.span.end)).toBe(m.text)
  })
})

describe('unnumbered paragraphs under a heading, each closed by its statement', () => {
  // the form of a 政府工作报告 分工 document: each paragraph a task, `（X牵头）` at its end
  const r = parse(
    [
      '某省政府关于落实重点工作部门分工的意见',
      '一、扩大有效需求，促进经济平稳增长',
      '落实积极的财政政策。优化财政支出结构，集中财力办大事。（财政厅牵头）',
      '二、推进产业转型升级',
      '实施工业强省战略。培育战略性新兴产业。（经济和信息化厅牵头）',
      '加快发展现代服务业。推动服务业提质扩容。（发展改革委牵头）',
    ].join('\n'),
  )

  it('makes each paragraph a measure with its own text, the heading its direction', () => {
    expect(r.measures.slice(1).map((m) => [m.text, m.direction, units(m)])).toEqual([
      ['实施工业强省战略。培育战略性新兴产业。', '推进产业转型升级', ['经济和信息化厅:lead']],
      ['加快发展现代服务业。推动服务业提质扩容。', '推进产业转型升级', ['发展改革委:lead']],
    ])
  })

  it('reads a heading with one such paragraph as a one-level measure titled by the heading', () => {
    const [m] = r.measures
    expect([m!.title, m!.direction, units(m!)]).toEqual(['扩大有效需求，促进经济平稳增长', '扩大有效需求，促进经济平稳增长', ['财政厅:lead']])
    expect(m!.text.endsWith('落实积极的财政政策。优化财政支出结构，集中财力办大事。')).toBe(true)
  })
})

describe('an item whose title begins with digits', () => {
  const r = doc(
    '某市人才发展项目实施方案',
    '一、重点项目',
    ...Array.from({ length: 10 }, (_, i) => `${i + 1}.人才项目${'一二三四五六七八九十'[i]}。每年培养人才100名。（牵头单位：市人社局）`),
    '11.365育才项目。每年资助青年教师20名。（牵头单位：市教育局）',
    '12.加大投入。安排资金不少于2.43亿元。（牵头单位：市财政局）',
    '二、资金安排',
    '2.43亿元用于人才公寓建设。',
    '1.统筹资金。',
    '3.5亿元用于人才驿站建设。',
  )

  it('`11.365…` after item 10 is item 11, titled 365育才项目', () => {
    const m = r.measures.find((x) => x.numbering === '11.')
    expect(m?.title).toBe('365育才项目')
    expect(units(m!)).toEqual(['市教育局:lead'])
    expect(r.measures.map((x) => x.numbering).slice(9, 12)).toEqual(['10.', '11.', '12.'])
  })

  it('reads such an item on a line of its own as well', () => {
    const s = doc('某市人才项目', '一、重点项目', '9.青年项目。', '10.工匠项目。', '11.121人才梯队项目。培养后备人才。', '（牵头单位：市人社局）')
    expect(s.measures.map((x) => [x.numbering, x.title])).toEqual([
      ['9.', '青年项目'],
      ['10.', '工匠项目'],
      ['11.', '121人才梯队项目'],
    ])
  })

  it('reads full-width digits and dots the same way', () => {
    const s = doc('某市人才项目', '一、重点项目', '９．青年项目。', '１０．工匠项目。', '１１．１２１人才梯队项目。培养后备人才。')
    expect(s.measures.map((x) => x.title)).toEqual(['青年项目', '工匠项目', '１２１人才梯队项目'])
  })

  it('a decimal that does not continue the run, or sits inside a sentence, stays a number', () => {
    const tree = r.measures.map((x) => x.text).join('\n')
    expect(tree).toContain('安排资金不少于2.43亿元。')
    expect(r.measures.filter((x) => /^\d/.test(x.title ?? '')).map((x) => x.title)).toEqual(['365育才项目'])
  })
})

describe('an unnumbered heading line over numbered items is their 改革方向', () => {
  it('a 专栏 box heading is the direction of the items in it, until the next box or a higher heading', () => {
    const r = doc(
      '某市数字政府建设实施方案',
      '三、重点任务',
      '（一）夯实数字底座',
      '专栏3-1 建设数据底座',
      '1.归集公共数据。扩大数据归集范围。（牵头单位：市大数据局）',
      '2.建设基础数据库。建成人口、法人基础库。（牵头单位：市公安局）',
      '任务专栏3-2：推进场景应用',
      '3.建设一网通办平台。实现高频事项全程网办。（牵头单位：市政务服务局）',
      '（二）提升治理效能',
      '4.推进一网统管。建设城市运行平台。（牵头单位：市城管局）',
    )
    expect(r.measures.map((m) => m.direction)).toEqual(['建设数据底座', '建设数据底座', '推进场景应用', '提升治理效能'])
    expect(r.measures[1]!.text).toBe('建设基础数据库。建成人口、法人基础库。')
  })

  it('a box heading before the first item of a document heads its items', () => {
    const r = doc('专栏6 建设共享平台', '1.完善共享目录。编制数据共享目录。（牵头单位：市大数据局）', '2.推动数据回流。向区县回流数据。（牵头单位：市大数据局）')
    expect(r.measures.map((m) => m.direction)).toEqual(['建设共享平台', '建设共享平台'])
  })

  it('a box whose marker stands alone takes its title from the next line', () => {
    const r = doc(
      '某市数字政府建设实施方案',
      '一、重点任务',
      '（一）夯实数字底座',
      '专栏1',
      '建设数据底座',
      '1.归集公共数据。扩大数据归集范围。（牵头单位：市大数据局）',
      '专栏2',
      '推进场景应用',
      '2.建设一网通办平台。实现全程网办。（牵头单位：市政务服务局）',
    )
    expect(r.measures.map((m) => [m.direction, m.text])).toEqual([
      ['建设数据底座', '归集公共数据。扩大数据归集范围。'],
      ['推进场景应用', '建设一网通办平台。实现全程网办。'],
    ])
  })

  it('a short unnumbered line between a heading and its items heads them until the next such line', () => {
    const r = doc(
      '某区重点工作任务分解方案',
      '一、重点工作',
      '（一）做强增长引擎',
      '加强交通建设',
      '1.建设环线公路。完成路基工程。（牵头单位：区交通局）',
      '2.推进公交一体化（牵头单位：区交通局）',
      '推动产业升级',
      '3.培育规上企业。新增规上企业20家。（牵头单位：区经信局）',
      '（二）增进民生福祉',
      '4.新建学校两所。（牵头单位：区教育局）',
    )
    expect(r.measures.map((m) => m.direction)).toEqual(['加强交通建设', '加强交通建设', '推动产业升级', '增进民生福祉'])
    expect(r.measures[2]!.path).toEqual(['重点工作', '做强增长引擎', '推动产业升级'])
    expect(r.measures[1]!.text).toBe('推进公交一体化')
  })

  it('the line heads items without statements too, and is no part of the item above it', () => {
    const r = doc(
      '某县稳增长行动方案',
      '一、重点任务',
      '（一）扩大有效投资',
      '加快项目建设',
      '1.推进重大项目',
      '全年开工项目30个。',
      '完善要素保障',
      '2.保障项目用地。',
      '强化金融支持',
      '3.扩大信贷投放。',
    )
    expect(r.measures.map((m) => [m.numbering, m.direction])).toEqual([
      ['1.', '加快项目建设'],
      ['2.', '完善要素保障'],
      ['3.', '强化金融支持'],
    ])
    expect(r.measures[0]!.text).not.toContain('完善要素保障')
  })

  it('a sentence, a long line, a line not followed by an item, or one with no heading above heads nothing', () => {
    const r = doc(
      '某市优化营商环境行动方案',
      '一、重点任务',
      '（一）优化政务服务',
      '全面提升政务服务标准化规范化便利化水平并持续深化改革',
      '1.推行一网通办。实现全程网办。（牵头单位：市政务服务局）',
      '（二）加强监管',
      '推进信用监管，强化联合惩戒',
      '2.推进双随机抽查。（牵头单位：市市场监管局）',
      '（三）规范执法',
      '推进严格执法',
      '全面推行行政执法公示制度，提升执法效能。',
      '3.推行柔性执法。（牵头单位：市司法局）',
    )
    expect(r.measures.map((m) => m.direction)).toEqual(['优化政务服务', '加强监管', '规范执法'])
    const bare = doc('某县方案', '一、重点工作', '（一）做强增长引擎', '1.建设环线公路', '完成路基工程', '2.推进公交一体化。')
    expect(bare.measures.map((m) => [m.direction, m.text])).toEqual([
      ['做强增长引擎', '建设环线公路\n完成路基工程'],
      ['做强增长引擎', '推进公交一体化。'],
    ])
    const top = doc('某县稳就业若干措施', '稳岗拓岗', '1.扩大就业岗位。开发公益岗位。（县人社局负责）')
    expect(top.measures.map((m) => m.direction)).toEqual(['扩大就业岗位'])
  })
})

describe('an issuing notice with requirements of its own', () => {
  const notice = [
    '某市人民政府办公室关于印发某市促进消费若干措施的通知',
    '各县区人民政府，市直各部门：',
    '现将《某市促进消费若干措施》印发给你们，并提出以下要求，请认真贯彻落实。',
    '一、高度重视，认真研究政策。各县区、各部门要提高认识，结合实际制定细则。',
    '二、压实责任，推动工作落实。各牵头单位要统筹落实任务事项。',
    '某市人民政府办公室',
    '2023年3月1日',
  ]
  const plan = ['某市促进消费若干措施', '一、扩大汽车消费', '1.开展汽车促销。组织车企开展促销活动。', '2.完善充电设施。新建充电桩100个。']

  it('does not list the notice’s requirements as tasks when the plan is not in the text', () => {
    const r = parse(notice.join('\n'))
    expect(r.measures).toEqual([])
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('notice-requirements')
  })

  it('lists the plan’s items after the notice’s date line', () => {
    const r = parse([...notice, ...plan].join('\n'))
    expect(r.measures.map((m) => m.title)).toEqual(['开展汽车促销', '完善充电设施'])
  })

  it('keeps numbered items of a plan that is no notice', () => {
    const r = parse(['某市促进消费若干措施', '一、高度重视，认真研究政策。各县区要结合实际制定细则。', '二、压实责任，推动工作落实。', '2023年3月1日'].join('\n'))
    expect(r.measures).toHaveLength(2)
  })
})

describe('sections and items that are not tasks', () => {
  it.each([
    {
      what: 'the articles (第X条) of a legal text are provisions',
      text: '专利代理条例\n第一章　总　　则\n第一条　为了规范专利代理行为，制定本条例。\n第二条　本条例所称专利代理，是指专利代理机构接受委托办理专利事务的行为。\n第二章　专利代理机构\n第三条　专利代理机构应当依法设立。',
      measures: [],
    },
    {
      what: 'a 试点范围 section says where, not what',
      text: '某某试点工作方案\n一、试点范围\n确定北京、吉林、安徽等10个省（区、市）开展试点。\n二、试点任务\n（一）建设集约化平台。平台建设单位负责建设。\n（二）形成标准规范。编制集约化平台建设标准规范。',
      measures: ['（一）', '（二）'],
    },
  ])('$what', ({ text, measures }) => {
    expect(parse(text).measures.map((m) => m.numbering)).toEqual(measures)
  })
})
