import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { TaskTable } from '../src/columns.js'
import { charEms, columnWidths, TABLE_WIDTH, wrappedLines } from '../src/export/layout.js'
import { verticalMerges } from '../src/export/merge.js'
import { PRINTABLE_HEIGHT } from '../src/export/page.js'
import { layoutRows } from '../src/export/rowLayout.js'
import { ALL_COLUMNS, taskRow } from './fixtures/export/tables.js'

describe('wrappedLines', () => {
  test.each([
    { text: '', width: 10, lines: 1 },
    { text: '一二三四五', width: 5, lines: 1 },
    { text: '一二三四五六', width: 5, lines: 2 },
    { text: '一二\n三', width: 5, lines: 2 },
    { text: '一二\r\n\r\n三', width: 5, lines: 3 },
    // ASCII is about half an em wide, and a number stays whole.
    { text: '2022年12月', width: 6, lines: 1 },
    { text: '一二三四2022', width: 5, lines: 2 },
    // A closing mark may not begin a line: it pulls the previous character down.
    { text: '一二三四五。六七八', width: 5, lines: 2 },
    { text: '一二三四（五六', width: 5, lines: 2 },
    // A word longer than a line breaks anywhere.
    { text: 'A'.repeat(30), width: 5.5, lines: 3 },
  ])('$text at $width ems → $lines', ({ text, width, lines }) => {
    expect(wrappedLines(text, width)).toBe(lines)
  })

  test('never fewer lines than the text length needs', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('一', '，', '。', '“', 'a', '1', ' ', '（') }), fc.integer({ min: 2, max: 40 }), (text, width) => {
        const ems = [...text].reduce((sum, c) => sum + charEms(c), 0)
        expect(wrappedLines(text, width)).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(ems / width - 1e-9)))
      }),
    )
  })
})

describe('columnWidths', () => {
  test('all columns: 序号 narrowest, 升级措施 widest, summing to the table width', () => {
    const widths = columnWidths(ALL_COLUMNS)
    expect(widths).toEqual([6, 12, 15, 53, 13, 27, 13])
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TABLE_WIDTH)
  })

  test('without 牵头单位, 升级措施 and 责任单位 share its width', () => {
    const widths = columnWidths(['seq', 'specialty', 'direction', 'measure', 'units', 'deadline'])
    expect(widths).toEqual([6, 12, 15, 62, 31, 13])
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TABLE_WIDTH)
  })
})

describe('layoutRows', () => {
  const long = '持续深化“放管服效”改革，优化营商环境。'.repeat(20)
  const table: TaskTable = {
    title: null,
    columns: ALL_COLUMNS,
    rows: Array.from({ length: 30 }, (_, i) =>
      taskRow({ seq: i + 1, specialty: i < 20 ? '企业开办' : '获得电力', direction: `方向${Math.floor(i / 3)}`, measure: long.slice(0, 50 + 10 * i) }),
    ),
  }
  const widths = columnWidths(ALL_COLUMNS).map((w) => w * 5)
  const page = PRINTABLE_HEIGHT

  test('taller rows for longer text; pages never overfilled; merges never cross a page', () => {
    const { heights, breaks, merges } = layoutRows(table, { widths, fontSize: 10.5, paginate: true, firstPage: page, otherPages: page })
    for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeGreaterThanOrEqual(heights[i - 1] ?? 0)
    const bounds = [0, ...breaks, heights.length]
    for (let p = 0; p + 1 < bounds.length; p++) {
      const used = heights.slice(bounds[p], bounds[p + 1]).reduce((a, b) => a + b, 0)
      expect(used).toBeLessThanOrEqual(page)
    }
    for (const m of merges) expect(breaks.filter((b) => b > m.first && b <= m.last)).toEqual([])
    expect(merges).toEqual(verticalMerges(table, { breaks }))
  })

  test('a merged cell with more text than its rows makes them taller', () => {
    const merged: TaskTable = {
      title: null,
      columns: ['seq', 'direction', 'measure'],
      rows: [1, 2].map((seq) => taskRow({ seq, direction: long, measure: '短' })),
    }
    const single = layoutRows({ ...merged, rows: merged.rows.slice(0, 1) }, { widths: [30, 80, 300], fontSize: 10.5, paginate: false, firstPage: page, otherPages: page })
    const { heights } = layoutRows(merged, { widths: [30, 80, 300], fontSize: 10.5, paginate: false, firstPage: page, otherPages: page })
    const sum = heights.reduce((a, b) => a + b, 0)
    expect(sum).toBeGreaterThanOrEqual((single.heights[0] ?? 0) - 1)
    expect(heights[0]).toBe(heights[1])
  })
})
