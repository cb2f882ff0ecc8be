import { describe, expect, it } from 'vitest'
import { fold } from '../src/fold.js'
import { parseUnitList } from '../src/units.js'

const units = (text: string, role: 'lead' | 'responsible' = 'responsible') =>
  parseUnitList(text, fold(text), role).map((u) => [u.name, u.role])

describe('parseUnitList', () => {
  it.each([
    {
      // issue 10: the lead written in brackets after its name
      input: '县司法局（牵头）、县政务服务中心',
      expected: [
        ['县司法局', 'lead'],
        ['县政务服务中心', 'responsible'],
      ],
    },
    {
      input: '市发展改革委（牵头）、市财政局（配合）',
      expected: [
        ['市发展改革委', 'lead'],
        ['市财政局', 'cooperating'],
      ],
    },
    {
      input: '市住房城乡建设局牵头，市自然资源和规划局、市人防办等部门配合，各县（市、区）人民政府（管委会）负责落实',
      expected: [
        ['市住房城乡建设局', 'lead'],
        ['市自然资源和规划局', 'cooperating'],
        ['市人防办', 'cooperating'],
        ['各县（市、区）人民政府（管委会）', 'implementing'],
      ],
    },
    {
      input: '市政数局牵头，各县（市、区）人民政府（管委会），市直相关部门按职责分工负责',
      expected: [
        ['市政数局', 'lead'],
        ['各县（市、区）人民政府（管委会）', 'responsible'],
        ['市直相关部门', 'responsible'],
      ],
    },
    {
      input: '市级党委政府各部门(单位)，中省驻庆各单位,各县(区)人民政府',
      expected: [
        ['市级党委政府各部门(单位)', 'responsible'],
        ['中省驻庆各单位', 'responsible'],
        ['各县(区)人民政府', 'responsible'],
      ],
    },
    {
      input: '市发展改革委、市商务局、市人社局等市直相关部门(单位)，各县(区)人民政府。',
      expected: [
        ['市发展改革委', 'responsible'],
        ['市商务局', 'responsible'],
        ['市人社局', 'responsible'],
        ['各县(区)人民政府', 'responsible'],
      ],
    },
    { input: '人行XX中心支行、市财政局、市税务局等', expected: [['人行XX中心支行', 'responsible'], ['市财政局', 'responsible'], ['市税务局', 'responsible']] },
    { input: '市中级法院、市检察院，市、县(区)各行政执法单位', expected: [['市中级法院', 'responsible'], ['市检察院', 'responsible'], ['市、县(区)各行政执法单位', 'responsible']] },
    { input: '市水利局牵头，各县（市、区）人民政府督促辖区内供水企业落实', expected: [['市水利局', 'lead'], ['各县（市、区）人民政府', 'implementing']] },
    { input: '市财政局和市税务局', expected: [['市财政局', 'responsible'], ['市税务局', 'responsible']] },
    { input: '市工业和信息化局及市人力资源和社会保障局', expected: [['市工业和信息化局', 'responsible'], ['市人力资源和社会保障局', 'responsible']] },
    { input: '由市财政局牵头', expected: [['市财政局', 'lead']] },
  ])('$input', ({ input, expected }) => {
    expect(units(input)).toEqual(expected)
  })

  it('gives the label role to clauses without role words', () => {
    expect(units('市工信局，各县(区)人民政府', 'lead')).toEqual([
      ['市工信局', 'lead'],
      ['各县(区)人民政府', 'lead'],
    ])
  })
})
