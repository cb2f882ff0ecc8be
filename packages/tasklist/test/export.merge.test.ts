import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { TaskTable } from '../src/columns.js'
import { mergeRoles, verticalMerges } from '../src/export/merge.js'
import type { MergeRange } from '../src/export/merge.js'
import { pageBreaks } from '../src/export/page.js'
import { ALL_COLUMNS, taskRow } from './fixtures/export/tables.js'

/** A table from `[specialty, direction]` pairs. */
function table(cells: Array<[string | null, string | null]>, columns = ALL_COLUMNS): TaskTable {
  return {
    title: null,
    columns,
    rows: cells.map(([specialty, direction], i) => taskRow({ seq: i + 1, specialty, direction, measure: `措施${i + 1}` })),
  }
}

const s = (first: number, last: number): MergeRange => ({ column: 'specialty', first, last })
const d = (first: number, last: number): MergeRange => ({ column: 'direction', first, last })

describe('verticalMerges', () => {
  test.each<{ name: string; cells: Array<[string | null, string | null]>; breaks?: number[]; expected: MergeRange[] }>([
    { name: 'no rows', cells: [], expected: [] },
    { name: 'one row', cells: [['企业开办', '压缩时间']], expected: [] },
    {
      name: 'a run of equal specialty and direction',
      cells: [
        ['企业开办', '压缩时间'],
        ['企业开办', '压缩时间'],
        ['企业开办', '降低成本'],
      ],
      expected: [s(0, 2), d(0, 1)],
    },
    {
      name: 'equal directions across a specialty boundary do not merge',
      cells: [
        ['企业开办', '优化服务'],
        ['获得电力', '优化服务'],
        ['获得电力', '优化服务'],
      ],
      expected: [s(1, 2), d(1, 2)],
    },
    {
      name: 'empty cells never merge',
      cells: [
        ['企业开办', null],
        ['企业开办', null],
        [null, '压缩时间'],
        ['', '压缩时间'],
        ['  ', null],
      ],
      // Rows 2 and 3 have no specialty (null, ''), so their equal directions merge.
      expected: [s(0, 1), d(2, 3)],
    },
    {
      name: 'rows without a specialty form one group for directions',
      cells: [
        [null, '压缩时间'],
        [null, '压缩时间'],
        [null, '降低成本'],
      ],
      expected: [d(0, 1)],
    },
    {
      name: 'the same specialty again later starts a new run',
      cells: [
        ['企业开办', 'A'],
        ['企业开办', 'A'],
        ['获得电力', 'A'],
        ['企业开办', 'A'],
        ['企业开办', 'A'],
      ],
      expected: [s(0, 1), s(3, 4), d(0, 1), d(3, 4)],
    },
    {
      name: 'text is compared after trimming',
      cells: [
        ['企业开办 ', '压缩时间'],
        [' 企业开办', '压缩时间 '],
      ],
      expected: [s(0, 1), d(0, 1)],
    },
    {
      name: 'page breaks split merges',
      cells: [
        ['企业开办', 'A'],
        ['企业开办', 'A'],
        ['企业开办', 'A'],
        ['企业开办', 'A'],
        ['企业开办', 'B'],
      ],
      breaks: [2, 4],
      expected: [s(0, 1), s(2, 3), d(0, 1), d(2, 3)],
    },
  ])('$name', ({ cells, breaks, expected }) => {
    expect(verticalMerges(table(cells), breaks ? { breaks } : {})).toEqual(expected)
  })

  test('only columns shown get ranges', () => {
    const cells: Array<[string, string]> = [
      ['企业开办', 'A'],
      ['企业开办', 'A'],
    ]
    expect(verticalMerges(table(cells, ['seq', 'direction', 'measure']))).toEqual([d(0, 1)])
    expect(verticalMerges(table(cells, ['seq', 'measure']))).toEqual([])
  })

  test('does not mutate its input', () => {
    const input = table([
      ['企业开办', 'A'],
      ['企业开办', 'A'],
    ])
    const copy = structuredClone(input)
    verticalMerges(input, { breaks: [1] })
    expect(input).toEqual(copy)
  })
})

test('mergeRoles marks restart and continue rows', () => {
  expect(mergeRoles([s(0, 2), d(1, 2), s(4, 5)], 'specialty', 6)).toEqual([
    'restart',
    'continue',
    'continue',
    null,
    'restart',
    'continue',
  ])
  expect(mergeRoles([s(0, 2), d(1, 2)], 'direction', 4)).toEqual([null, 'restart', 'continue', null])
})

describe('pageBreaks', () => {
  test.each([
    { heights: [], expected: [] },
    { heights: [10, 10, 10], expected: [] },
    { heights: [40, 40, 40, 40], expected: [2] },
    { heights: [40, 40, 40, 40, 40, 40, 40], expected: [2, 5] },
    // A row taller than a page gets a page of its own; it never produces an empty page.
    { heights: [200, 10, 200, 10], expected: [1, 2, 3] },
    { heights: [10, 200], expected: [1] },
  ])('$heights → $expected', ({ heights, expected }) => {
    expect(pageBreaks(heights, { firstPage: 90, otherPages: 120 })).toEqual(expected)
  })
})

test('property: ranges are maximal runs of equal non-empty cells within one specialty', () => {
  const cell = fc.constantFrom(null, '', 'A', 'B')
  fc.assert(
    fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 12 }), (cells) => {
      const input = table(cells)
      const ranges = verticalMerges(input)
      const keyOf = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim())
      for (const column of ['specialty', 'direction'] as const) {
        const mine = ranges.filter((r) => r.column === column)
        const covered = new Set<number>()
        for (const r of mine) {
          expect(r.last).toBeGreaterThan(r.first)
          for (let i = r.first; i <= r.last; i++) {
            expect(covered.has(i)).toBe(false)
            covered.add(i)
            const row = input.rows[i]!
            expect(keyOf(row[column])).not.toBeNull()
            expect(keyOf(row[column])).toBe(keyOf(input.rows[r.first]![column]))
            expect(keyOf(row.specialty)).toBe(keyOf(input.rows[r.first]!.specialty))
          }
        }
        // Maximal: two neighbours that could merge are in the same range.
        for (let i = 1; i < input.rows.length; i++) {
          const [a, b] = [input.rows[i - 1]!, input.rows[i]!]
          const could = keyOf(a[column]) !== null && keyOf(a[column]) === keyOf(b[column]) && keyOf(a.specialty) === keyOf(b.specialty)
          if (could) expect(mine.some((r) => r.first <= i - 1 && r.last >= i)).toBe(true)
        }
      }
    }),
  )
})
