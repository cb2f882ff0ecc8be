import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeParts, parsePartSpec, partsWarning, partsWithoutMeasures } from '../src/parts.js'

describe('parsePartSpec', () => {
  it.each([
    { spec: undefined, parts: undefined },
    { spec: 'all', parts: undefined },
    { spec: ' ALL ', parts: undefined },
    { spec: 'main', parts: [null] },
    { spec: '5', parts: [5] },
    { spec: '2-5', parts: [2, 3, 4, 5] },
    { spec: '3-3', parts: [3] },
    { spec: '2,5,7-9', parts: [2, 5, 7, 8, 9] },
    { spec: 'main, 2-3', parts: [null, 2, 3] },
    { spec: '7,2-3,main', parts: [7, 2, 3, null] },
    { spec: '2-4,3-5,Main,main', parts: [2, 3, 4, 5, null] },
  ])('$spec → $parts', ({ spec, parts }) => {
    expect(parsePartSpec(spec)).toEqual({ ok: true, parts })
  })

  it.each([
    { spec: '', reason: "empty item in ''" },
    { spec: '2,', reason: "empty item in '2,'" },
    { spec: 'all,main', reason: "'all' cannot be combined with other parts" },
    { spec: '0', reason: "attachment numbers run from 1 to 999, not '0'" },
    { spec: '1-1000', reason: "attachment numbers run from 1 to 999, not '1-1000'" },
    { spec: '23-2', reason: "range '23-2' runs backwards" },
    { spec: '2..23', reason: "'2..23' is not a part (expected an attachment number, a range like 2-23, main or all)" },
    { spec: '-3', reason: "'-3' is not a part (expected an attachment number, a range like 2-23, main or all)" },
    { spec: '2-23-24', reason: "'2-23-24' is not a part (expected an attachment number, a range like 2-23, main or all)" },
    { spec: '附件2', reason: "'附件2' is not a part (expected an attachment number, a range like 2-23, main or all)" },
    { spec: '２', reason: "'２' is not a part (expected an attachment number, a range like 2-23, main or all)" },
  ])('$spec is refused: $reason', ({ spec, reason }) => {
    expect(parsePartSpec(spec)).toEqual({ ok: false, reason })
  })

  it('never throws, and what it accepts is a list of distinct attachments 1-999 and null', () => {
    fc.assert(
      fc.property(fc.string(), (spec) => {
        const result = parsePartSpec(spec)
        if (!result.ok) expect(result.reason).not.toBe('')
        else if (result.parts !== undefined) {
          expect(new Set(result.parts).size).toBe(result.parts.length)
          for (const p of result.parts) if (p !== null) expect(p >= 1 && p <= 999 && Number.isInteger(p)).toBe(true)
        }
      }),
    )
  })

  it('reads back the list describeParts writes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 60 })), { minLength: 1 }), (parts) => {
        const spec = describeParts(parts).replace('main text', 'main').replace(/attachments? /, '').replace(/, /g, ',')
        const read = parsePartSpec(spec)
        expect(read.ok && new Set(read.parts)).toEqual(new Set(parts))
      }),
    )
  })
})

describe('describeParts', () => {
  it.each([
    { parts: [], text: 'no parts' },
    { parts: [null], text: 'main text' },
    { parts: [4], text: 'attachment 4' },
    { parts: [null, 1, 2, 3, 5, 7, 8], text: 'main text, attachments 1-3,5,7-8' },
    { parts: [3, 1, 2, 2], text: 'attachments 1-3' },
  ])('$parts → $text', ({ parts, text }) => {
    expect(describeParts(parts)).toBe(text)
  })
})

describe('parts without measures', () => {
  const measures = [{ part: 2 }, { part: 3 }, { part: 3 }, { part: 5 }]
  it('lists the selected parts that hold no measure; all never misses', () => {
    expect(partsWithoutMeasures(undefined, measures)).toEqual([])
    expect(partsWithoutMeasures([2, 3], measures)).toEqual([])
    expect(partsWithoutMeasures([null, 2, 4], measures)).toEqual([null, 4])
  })

  it('warns saying where the measures are', () => {
    expect(partsWarning([2, 3], measures, 'a.txt')).toBeNull()
    expect(partsWarning([4], measures, 'a.txt')).toEqual({
      ruleId: 'parts-without-measures',
      severity: 'warning',
      reason: '--parts selects attachment 4, which has no measures; the measures are in: attachments 2-3,5',
      file: 'a.txt',
    })
    expect(partsWarning([null, 6, 7], [], 'a.txt')?.reason).toBe(
      '--parts selects main text, attachments 6-7, which have no measures; the document has no measures',
    )
  })
})
