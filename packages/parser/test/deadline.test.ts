import { describe, expect, it } from 'vitest'
import { parseDeadline } from '../src/deadline.js'

describe('parseDeadline', () => {
  it.each([
    { input: '2022年6月底前', expected: { kind: 'date', date: '2022-06-30', alsoOngoing: false } },
    { input: '2022年6月底', expected: { kind: 'date', date: '2022-06-30' } },
    { input: '2022年12月', expected: { kind: 'date', date: '2022-12-31' } },
    { input: '2022 年 12 月', expected: { kind: 'date', date: '2022-12-31' } },
    { input: '2022年 6月', expected: { kind: 'date', date: '2022-06-30' } },
    { input: '2022年12月底', expected: { kind: 'date', date: '2022-12-31' } },
    { input: '2022年底前', expected: { kind: 'date', date: '2022-12-31' } },
    { input: '2022年2月', expected: { kind: 'date', date: '2022-02-28' } },
    { input: '2022年', expected: { kind: 'period', date: '2022-12-31', from: '2022-01-01' } },
    { input: '2022—2023年', expected: { kind: 'period', date: '2023-12-31', from: '2022-01-01' } },
    { input: '2022年上半年', expected: { kind: 'period', date: '2022-06-30' } },
    { input: '长期坚持', expected: { kind: 'ongoing' } },
    { input: '持续推进', expected: { kind: 'ongoing' } },
    { input: '2022年6月底完成清理并长期坚持', expected: { kind: 'date', date: '2022-06-30', alsoOngoing: true } },
    { input: '2022年3月底前完成公布并长期坚持', expected: { kind: 'date', date: '2022-03-31', alsoOngoing: true } },
    { input: '2022年6月，全面优化“一窗受理”；2022年12月，力争全面实现', expected: { kind: 'date', date: '2022-12-31' } },
    { input: '20XX年以来', expected: { kind: 'unspecified' } },
    { input: '6月底前', expected: { kind: 'unspecified' } },
  ])('$input', ({ input, expected }) => {
    expect(parseDeadline(input)).toMatchObject({ text: input, ...expected })
  })

  it('uses the context year for a phrase naming only a month', () => {
    expect(parseDeadline('6月底前', { year: 2022 })).toMatchObject({ kind: 'date', date: '2022-06-30' })
  })
})
