/**
 * The PDF reader's rules on lines laid out by hand: spacing between runs, page furniture, and
 * where a paragraph ends. (The reader on real PDFs: test/read-pdf.test.ts.)
 */
import { describe, expect, it } from 'vitest'
import { findFurniture, isPageNumberLine } from '../src/read/pdf/furniture.js'
import { separator, toLines } from '../src/read/pdf/lines.js'
import { breaksAfter, firstUnitWidth, type Margins, toParagraphs } from '../src/read/pdf/paragraphs.js'
import { unifyRadicals } from '../src/read/pdf/radicals.js'
import type { PdfLine, PdfPage, Run } from '../src/read/pdf/types.js'

const SIZE = 16
/** A line of CJK text set solid at 16 pt from `x`, on baseline `y`. */
function line(text: string, y: number, page = 1, x = 90): PdfLine {
  const width = [...text].length * SIZE
  const runs: Run[] = [{ text, x, y, width, size: SIZE }]
  return { text, x0: x, x1: x + width, y, size: SIZE, page, runs }
}

describe('separator: what a gap between two runs stands for', () => {
  it.each([
    ['以', 'XXX', 0.2, ''], // office software's autospace between Han and Latin text
    ['以', 'XXX', 0.6, ' '],
    ['word', 'next', 0.25, ' '],
    ['word', 'next', 0.05, ''],
    ['单位', '市政府', 0.3, ''], // justified CJK
    ['序号', '任务', 2, '\t'], // a column gap
  ])('%s | %s, a gap of %s em → %j', (a, b, em, sep) => {
    expect(separator(a, b, em * 10, 10)).toBe(sep)
  })

  it('groups runs by baseline, left to right, and reads a run drawn twice once', () => {
    const runs: Run[] = [
      { text: '第二行', x: 90, y: 700, width: 48, size: 16 },
      { text: '行', x: 122, y: 730, width: 16, size: 16 },
      { text: '第一', x: 90, y: 730.5, width: 32, size: 16 },
      { text: '第一', x: 90.3, y: 730.5, width: 32, size: 16 },
    ]
    expect(toLines(runs, 1).map((l) => l.text)).toEqual(['第一行', '第二行'])
  })
})

describe('page furniture', () => {
  it.each(['— 3 —', '-3-', '- 12 -', '第3页', '第 3 页 共 10 页', '3/10', '7'])('%s is a page number', (t) => {
    expect(isPageNumberLine(t)).toBe(true)
  })
  it.each(['3个工作日', '第3条', '2022年', '一、总体要求'])('%s is not', (t) => {
    expect(isPageNumberLine(t)).toBe(false)
  })

  /** Pages of body lines 29 pt apart, with a header line and a footer line standing apart. */
  const pages = (header: (p: number) => string, footer: (p: number) => string, n = 3): PdfPage[] =>
    Array.from({ length: n }, (_, i) => {
      const p = i + 1
      const body = Array.from({ length: 5 }, (_, k) => line(`第${p}页正文第${k + 1}行的文字内容`, 700 - k * 29, p))
      return { page: p, width: 595, height: 842, lines: [line(header(p), 790, p), ...body, line(footer(p), 60, p)] }
    })

  it('sets aside a running header repeated at one height and the page numbers', () => {
    const found = findFurniture(pages(() => 'XX市人民政府办公室文件', (p) => `— ${p} —`))
    expect(found.lines.map((s) => [...s].sort())).toEqual([
      [0, 6],
      [0, 6],
      [0, 6],
    ])
    expect([found.headers, found.pageNumbers]).toEqual([3, 3])
  })

  it('keeps a first line that is not repeated, and lines that do not stand apart', () => {
    const found = findFurniture(pages((p) => `第${p}章的标题各不相同${'的'.repeat(p)}`, (p) => `第${p}页`))
    expect(found.headers).toBe(0)
    expect(found.pageNumbers).toBe(3)
    const tight = pages(() => 'XX', () => '— 1 —').map((page) => ({
      ...page,
      lines: page.lines.map((l, i) => ({ ...l, y: 790 - i * 29 })),
    }))
    expect(findFurniture(tight).lines.every((s) => s.size === 0)).toBe(true)
  })
})

describe('where a paragraph ends', () => {
  const m: Margins = { left: 90, right: 90 + 28 * SIZE, pitch: 29, top: 700 }
  const full = (text: string, y: number, page = 1) => line(text.padEnd(28, '文'), y, page)

  it('a full line continues; a short one ends its paragraph', () => {
    expect(breaksAfter(full('市发展改革委、市财政局、市', 700), line('税务局负责', 671), m, true)).toBe('join')
    expect(breaksAfter(line('完成时限：2024年12月底前', 700), line('（二）推进', 671), m, true)).toBe('break')
  })

  it('a line short by less than the next line\'s first unit was wrapped', () => {
    // 26 characters: room for one more, not for `110、`
    const a = line('加'.repeat(26), 700)
    const b: PdfLine = {
      ...line('110、119', 671),
      runs: [
        { text: '110', x: 90, y: 671, width: 27, size: SIZE },
        { text: '、', x: 117, y: 671, width: 16, size: SIZE },
      ],
    }
    expect(firstUnitWidth(b)).toBe(43)
    expect(breaksAfter(a, b, m, true)).toBe('join')
    expect(breaksAfter(a, line('另起一段', 671), m, true)).toBe('break')
  })

  it('an indented line, a gap, a lower start of a page, a new block after a sentence end start paragraphs', () => {
    expect(breaksAfter(full('正文', 700), line('首行缩进', 671, 1, 122), m, true)).toBe('break')
    expect(breaksAfter(full('正文', 700), line('空行之后', 642), m, true)).toBe('gap')
    expect(breaksAfter(full('正文', 100, 1), line('下一页', 671, 2), m, false)).toBe('gap')
    expect(breaksAfter(line(`${'文'.repeat(27)}。`, 700), line('（三）提升', 671), m, true)).toBe('break')
    // across pages, a new block after anything but a continuing end starts a paragraph
    expect(breaksAfter(full('相关部门', 100, 1), line('（三）提升', 700, 2), m, false)).toBe('break')
    expect(breaksAfter(line(`${'文'.repeat(27)}、`, 100, 1), line('各县（市、区）人民政府', 700, 2), m, false)).toBe('join')
  })

  it('joins a paragraph across a page break into one line with a piece per page', () => {
    const p1: PdfPage = { page: 1, width: 595, height: 842, lines: [line('责任单位：'.padEnd(28, '局'), 100, 1)] }
    const p2: PdfPage = { page: 2, width: 595, height: 842, lines: [line('各县（市、区）人民政府', 700, 2)] }
    const paragraphs = toParagraphs([p1, p2], m)
    expect(paragraphs).toHaveLength(1)
    expect(paragraphs[0]!.pieces.map((p) => p.page)).toEqual([1, 2])
  })
})

it('radicals are read as the ideographs they draw', () => {
  expect(unifyRadicals('⼯作⼈⺠⽔平⻓期')).toBe('工作人民水平长期')
  expect(unifyRadicals('工作')).toBe('工作')
})
