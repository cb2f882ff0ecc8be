import { describe, expect, it } from 'vitest'
import { boundEnd, parseDueBound } from '../src/options.js'

describe('parseDueBound: the ways people write a month or a day', () => {
  it.each([
    ['2022', '2022-12-31'],
    ['2022-06', '2022-06-30'],
    ['2022-6', '2022-06-30'],
    ['2022.6', '2022-06-30'],
    ['2022/06', '2022-06-30'],
    ['202206', '2022-06-30'],
    ['20220615', '2022-06-15'],
    ['2022-06-30', '2022-06-30'],
    ['2022.06.30', '2022-06-30'],
    ['2022/6/30', '2022-06-30'],
    ['2022年', '2022-12-31'],
    ['2022年6月', '2022-06-30'],
    ['2022年6月底', '2022-06-30'],
    ['2022年6月30日', '2022-06-30'],
    ['２０２２．６', null],
    ['2022-13', null],
    ['2022.6/30', null],
    ['2022-02-30', null],
    ['22.6', null],
    ['June', null],
  ])('%s → %s', (text, end) => {
    const bound = parseDueBound(text)
    expect(bound === null ? null : boundEnd(bound)).toBe(end)
  })
})
