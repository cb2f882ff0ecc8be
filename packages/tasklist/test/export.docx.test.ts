import { describe, expect, test } from 'vitest'
import { writeDocx } from '../src/export/docx.js'
import { longTable, SMALL_TABLE } from './fixtures/export/tables.js'
import { zipText } from './fixtures/export/unzip.js'

/** The `<w:tr>` elements of document.xml, in order. */
const tableRows = (xml: string): string[] => xml.match(/<w:tr>.*?<\/w:tr>/g) ?? []
/** The `<w:tc>` elements of one row. */
const cells = (row: string): string[] => row.match(/<w:tc>.*?<\/w:tc>/g) ?? []
/** The text of an element, XML entities decoded. */
const text = (xml: string): string =>
  [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&(quot|apos|lt|gt|amp);/g, (_, name: string) => ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' })[name] ?? '')

describe('writeDocx', async () => {
  const bytes = await writeDocx(SMALL_TABLE)
  const xml = zipText(bytes, 'word/document.xml')
  const rows = tableRows(xml)

  test('A4 landscape page', () => {
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/)
  })

  test('title paragraph before the table, centred, bold, larger', () => {
    const title = xml.slice(0, xml.indexOf('<w:tbl>'))
    expect(text(title)).toBe('测试任务清单')
    expect(title).toContain('<w:jc w:val="center"/>')
    expect(title).toContain('<w:b/>')
    expect(title).toContain('<w:sz w:val="32"/>')
  })

  test('one table: a header row marked to repeat on every page, then one row per task', () => {
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1)
    expect(rows).toHaveLength(SMALL_TABLE.rows.length + 1)
    expect(rows[0]).toContain('<w:tblHeader/>')
    expect(cells(rows[0] ?? '').map(text)).toEqual(['序号', '所属专项', '改革方向', '升级措施', '牵头单位', '责任单位', '完成时限'])
    expect(rows.slice(1).some((row) => row.includes('<w:tblHeader/>'))).toBe(false)
    expect(cells(rows[1] ?? '').map(text)).toEqual([
      '1',
      '企业开办',
      '压缩开办时间',
      '全面推行"一网通办"，企业开办1个工作日办结。',
      '市市场监管局',
      '市市场监管局、市政数局',
      '2022年12月',
    ])
  })

  test('equal 所属专项 and 改革方向 cells merge vertically (restart, then continue)', () => {
    const vMerge = (row: number, column: number) => cells(rows[row] ?? '')[column]?.match(/<w:vMerge[^>]*\/>/)?.[0]
    expect(vMerge(1, 1)).toBe('<w:vMerge w:val="restart"/>')
    expect(vMerge(2, 1)).toBe('<w:vMerge w:val="continue"/>')
    expect(vMerge(1, 2)).toBe('<w:vMerge w:val="restart"/>')
    expect(vMerge(2, 2)).toBe('<w:vMerge w:val="continue"/>')
    expect(vMerge(3, 1)).toBeUndefined()
    expect(vMerge(1, 3)).toBeUndefined()
    // A continued cell holds no text of its own.
    expect(text(cells(rows[2] ?? '')[1] ?? '')).toBe('')
  })

  test('fixed layout with column widths: 序号 narrowest, 升级措施 widest, filling the page width', () => {
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>')
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
    expect(grid).toHaveLength(7)
    expect(Math.min(...grid)).toBe(grid[0])
    expect(Math.max(...grid)).toBe(grid[3])
    const total = grid.reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThan(15000)
    expect(total).toBeLessThanOrEqual(16838 - 2 * 864)
  })

  test('CJK font on every run, body at 10.5pt, rows not split across pages', () => {
    const runFonts = xml.match(/<w:rFonts [^>]*\/>/g) ?? []
    expect(runFonts.length).toBeGreaterThan(20)
    for (const fonts of runFonts) expect(fonts).toContain('w:eastAsia="宋体"')
    expect(cells(rows[1] ?? '')[3]).toContain('<w:sz w:val="21"/>')
    for (const row of rows) expect(row).toContain('<w:cantSplit/>')
    expect(zipText(bytes, 'word/styles.xml')).toContain('w:eastAsia="宋体"')
  })

  test('line breaks become paragraphs; formula-like text is written as it is', () => {
    const measure = cells(rows[3] ?? '')[3] ?? ''
    expect(measure.match(/<w:p>/g)).toHaveLength(2)
    expect(text(measure)).toBe('a|b第二行')
    expect(text(cells(rows[2] ?? '')[3] ?? '')).toBe('=HYPERLINK("http://x","点击")')
    expect(xml).not.toContain('<w:fldSimple')
    expect(xml).not.toContain('<w:instrText')
  })

  test('page numbers in the footer', () => {
    const footer = zipText(bytes, 'word/footer1.xml')
    expect(footer).toContain('PAGE')
    expect(footer).toContain('NUMPAGES')
    expect(text(footer)).toContain('第')
  })

  test('no title paragraph without a title', async () => {
    const untitled = zipText(await writeDocx({ ...SMALL_TABLE, title: null }), 'word/document.xml')
    expect(untitled.slice(0, untitled.indexOf('<w:tbl>'))).not.toContain('<w:p>')
  })
})

describe('writeDocx pagination', async () => {
  const table = longTable()
  const rows = tableRows(zipText(await writeDocx(table), 'word/document.xml')).slice(1)
  const starts = rows.flatMap((row, i) => (row.includes('<w:pageBreakBefore/>') ? [i] : []))

  test('rows that start a page restart the merges; every row has its estimated height', () => {
    expect(starts.length).toBeGreaterThan(5)
    for (const i of starts) {
      const [, specialty, direction] = cells(rows[i] ?? '')
      expect(specialty).not.toContain('w:val="continue"')
      expect(direction).not.toContain('w:val="continue"')
      expect(text(specialty ?? '')).toBe(table.rows[i]?.specialty)
    }
    for (const row of rows) expect(row).toMatch(/<w:trHeight w:val="\d+" w:hRule="atLeast"\/>/)
  })

  test('without paginate, no forced breaks and whole-specialty merges', async () => {
    const whole = tableRows(zipText(await writeDocx(table, { paginate: false }), 'word/document.xml')).slice(1)
    expect(whole.some((row) => row.includes('<w:pageBreakBefore/>'))).toBe(false)
    expect(whole.slice(1, 15).every((row) => cells(row)[1]?.includes('<w:vMerge w:val="continue"/>'))).toBe(true)
  })
})
