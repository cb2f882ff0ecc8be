/**
 * Golden exports: the 任务清单 of seed 001 written in every export format and compared with the
 * files beside the seed. csv, md and json are compared byte for byte; xlsx and docx are zip
 * files with timestamps inside, so a stable text rendering of what they hold is compared
 * instead (cells, merges, sizes, print settings). Regenerate on purpose with `pnpm test:update`
 * (`vitest run -u`) and review the diff like code.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from '@policykb/parser'
import { type TaskTable, toTaskTable, writeTaskTable } from '@policykb/tasklist'
import { describe, expect, it } from 'vitest'
import { unzip } from '../packages/tasklist/test/fixtures/export/unzip.js'

const CASE = '001_d25d4ccf3a63151e'
const DIR = fileURLToPath(new URL(`../fixtures/${CASE}/`, import.meta.url))
// golden.test.ts keeps a shortened preview of the same table in `tasklist-preview.md`; this is the exporter's own Markdown.
const golden = (name: string) => join(DIR, name)

// ExcelJS is the tasklist package's dependency; borrow it to read the workbook back.
const ExcelJS = createRequire(fileURLToPath(new URL('../packages/tasklist/package.json', import.meta.url)))('exceljs') as ExcelJSModule

/** The part of ExcelJS this test reads. */
interface ExcelJSModule {
  Workbook: new () => {
    xlsx: { load(buffer: Buffer): Promise<unknown> }
    worksheets: Worksheet[]
    creator: string
  }
}
interface Cell {
  address: string
  value: unknown
  isMerged: boolean
  master: { address: string }
  style: Record<string, unknown>
}
interface Worksheet {
  name: string
  pageSetup: Record<string, unknown>
  headerFooter: Record<string, unknown>
  views: Record<string, unknown>[]
  columns: { width?: number }[]
  rowCount: number
  model: { merges: string[] }
  getRow(n: number): { height?: number; cellCount: number; getCell(c: number): Cell }
}

const table: TaskTable = toTaskTable(parse(readFileSync(join(DIR, `${CASE}.txt`), 'utf8'), { file: `${CASE}.txt` }))

/** JSON with the keys sorted, on one line: a stable rendering of ExcelJS's option objects. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  )
}

/**
 * The workbook as text: sheet settings, column widths, merges, then every row with its height
 * and cells, each cell's style named once in a style list.
 */
async function renderXlsx(bytes: Uint8Array): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes))
  const out: string[] = [`# ${CASE} 任务清单 as xlsx, read back with ExcelJS`, `creator: ${workbook.creator}`]
  const styles: string[] = []
  const styleId = (style: Record<string, unknown>) => {
    const key = stable(style)
    let id = styles.indexOf(key)
    if (id < 0) id = styles.push(key) - 1
    return `s${id}`
  }
  for (const sheet of workbook.worksheets) {
    out.push('', `## sheet ${sheet.name}`)
    out.push(`pageSetup: ${stable(sheet.pageSetup)}`)
    out.push(`headerFooter: ${stable(sheet.headerFooter)}`)
    out.push(`views: ${stable(sheet.views)}`)
    out.push(`column widths: ${sheet.columns.map((c) => c.width ?? '-').join(' | ')}`)
    out.push(`merges: ${[...sheet.model.merges].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(' ')}`)
    out.push('rows:')
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r)
      const cells: string[] = []
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c)
        const where = cell.isMerged && cell.master.address !== cell.address ? `(merged into ${cell.master.address})` : stable(cell.value)
        cells.push(`  ${cell.address} ${styleId(cell.style)} ${where}`)
      }
      out.push(`${r} height ${row.height ?? '-'}`, ...cells)
    }
  }
  out.push('', 'styles (as ExcelJS reads them: it rounds font sizes down, 10.5 reads as 10):', ...styles.map((s, i) => `  s${i} ${s}`))
  // What ExcelJS does not read back, from the XML itself: exact fonts, page breaks, print titles.
  const files = unzip(bytes)
  const xml = (name: string) => files.get(name)?.toString('utf8') ?? ''
  const fonts = (xml('xl/styles.xml').match(/<font>.*?<\/font>/g) ?? []).map((f) =>
    [/<name val="([^"]*)"/.exec(f)?.[1], /<sz val="([^"]*)"/.exec(f)?.[1], /<b\/>/.test(f) ? 'bold' : ''].filter(Boolean).join(' '),
  )
  const breaks = [...xml('xl/worksheets/sheet1.xml').matchAll(/<brk id="(\d+)"/g)].map((m) => m[1])
  const titles = [...xml('xl/workbook.xml').matchAll(/<definedName name="([^"]*)"[^>]*>([^<]*)<\/definedName>/g)].map((m) => `${m[1]} = ${unescapeXml(m[2]!)}`)
  out.push('', 'from the XML:', `  fonts: ${fonts.join(' | ')}`, `  page breaks after rows: ${breaks.join(' ')}`, `  defined names: ${titles.join('; ')}`)
  return `${out.join('\n')}\n`
}

const attr = (xml: string, name: string) => new RegExp(`\\bw:${name}="([^"]*)"`).exec(xml)?.[1]
const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** A paragraph's text with fields as `{PAGE}`, and its alignment and run formatting. */
function paragraph(xml: string): { text: string; format: string } {
  let text = ''
  for (const m of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:instrText(?: [^>]*)?>([^<]*)<\/w:instrText>/g)) {
    text += m[1] !== undefined ? unescapeXml(m[1]) : `{${(m[2] ?? '').trim()}}`
  }
  const runs = [...new Set([...xml.matchAll(/<w:rPr>(.*?)<\/w:rPr>/g)].map((m) => runFormat(m[1]!)))]
  const jc = /<w:jc w:val="(\w+)"/.exec(xml)?.[1]
  const marks = [jc, /<w:pageBreakBefore\/>/.test(xml) ? 'page break before' : undefined, ...runs].filter(Boolean)
  return { text, format: marks.join(', ') }
}

function runFormat(rPr: string): string {
  const fonts = /<w:rFonts ([^>]*)\/>/.exec(rPr)?.[1] ?? ''
  const size = attr(/<w:sz [^>]*\/>/.exec(rPr)?.[0] ?? '', 'val')
  return [attr(fonts, 'eastAsia'), attr(fonts, 'ascii'), size === undefined ? undefined : `${Number(size) / 2}pt`, /<w:b\/>/.test(rPr) ? 'bold' : undefined]
    .filter(Boolean)
    .join(' ')
}

/** The document as text: page setup, footer, paragraphs, and the table cell by cell with its structure. */
function renderDocx(bytes: Uint8Array): string {
  const files = unzip(bytes)
  const xml = files.get('word/document.xml')?.toString('utf8') ?? ''
  const out: string[] = [`# ${CASE} 任务清单 as docx: word/document.xml and the footer, as text`]
  const sect = /<w:sectPr>.*?<\/w:sectPr>/.exec(xml)?.[0] ?? ''
  const pgSz = /<w:pgSz [^>]*\/>/.exec(sect)?.[0] ?? ''
  const pgMar = /<w:pgMar [^>]*\/>/.exec(sect)?.[0] ?? ''
  out.push(`page: ${attr(pgSz, 'w')} × ${attr(pgSz, 'h')} twips, ${attr(pgSz, 'orient') ?? 'portrait'}`)
  out.push(`margins: ${['top', 'right', 'bottom', 'left', 'header', 'footer'].map((s) => `${s} ${attr(pgMar, s)}`).join(', ')}`)
  for (const [name, data] of [...files].filter(([n]) => /^word\/footer\d*\.xml$/.test(n)).sort(([a], [b]) => a.localeCompare(b))) {
    for (const p of data.toString('utf8').match(/<w:p>.*?<\/w:p>/g) ?? []) {
      const { text, format } = paragraph(p)
      out.push(`${name.slice(5)}: ${text} [${format}]`)
    }
  }
  const body = /<w:body>(.*)<\/w:body>/s.exec(xml)?.[1] ?? ''
  for (const block of body.match(/<w:tbl>.*?<\/w:tbl>|<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? []) {
    if (!block.startsWith('<w:tbl>')) {
      const { text, format } = paragraph(block)
      out.push('', `paragraph: ${text} [${format}]`)
      continue
    }
    const tblPr = /<w:tblPr>.*?<\/w:tblPr>/.exec(block)?.[0] ?? ''
    const grid = [...block.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => m[1])
    out.push('', `table: width ${attr(/<w:tblW [^>]*\/>/.exec(tblPr)?.[0] ?? '', 'w')}, layout ${attr(/<w:tblLayout [^>]*\/>/.exec(tblPr)?.[0] ?? '', 'type')}`)
    out.push(`grid: ${grid.join(' | ')}`)
    const formats: string[] = []
    const formatId = (f: string) => {
      let id = formats.indexOf(f)
      if (id < 0) id = formats.push(f) - 1
      return `f${id}`
    }
    ;(block.match(/<w:tr>.*?<\/w:tr>/g) ?? []).forEach((tr, i) => {
      const trPr = /<w:trPr>.*?<\/w:trPr>/.exec(tr)?.[0] ?? ''
      const height = /<w:trHeight [^>]*\/>/.exec(trPr)?.[0] ?? ''
      const flags = [
        /<w:tblHeader\/>/.test(trPr) ? 'repeated header' : undefined,
        /<w:cantSplit\/>/.test(trPr) ? 'cantSplit' : undefined,
        height ? `height ${attr(height, 'hRule') ?? ''} ${attr(height, 'val')}` : undefined,
      ].filter(Boolean)
      out.push(`row ${i + 1} [${flags.join(', ')}]`)
      for (const tc of tr.match(/<w:tc>.*?<\/w:tc>/g) ?? []) {
        const tcPr = /<w:tcPr>.*?<\/w:tcPr>/.exec(tc)?.[0] ?? ''
        const vMerge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tcPr)
        const cellMarks = [
          `w ${attr(/<w:tcW [^>]*\/>/.exec(tcPr)?.[0] ?? '', 'w')}`,
          attr(/<w:gridSpan [^>]*\/>/.exec(tcPr)?.[0] ?? '', 'val') ? `span ${attr(/<w:gridSpan [^>]*\/>/.exec(tcPr)?.[0] ?? '', 'val')}` : undefined,
          vMerge ? `vMerge ${vMerge[1] ?? 'continue'}` : undefined,
          attr(/<w:vAlign [^>]*\/>/.exec(tcPr)?.[0] ?? '', 'val'),
          attr(/<w:shd [^>]*\/>/.exec(tcPr)?.[0] ?? '', 'fill') ? `fill ${attr(/<w:shd [^>]*\/>/.exec(tcPr)?.[0] ?? '', 'fill')}` : undefined,
        ].filter(Boolean)
        const paragraphs = (tc.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? []).map(paragraph)
        const text = paragraphs.map((p) => p.text).join('⏎')
        const format = [...new Set(paragraphs.map((p) => p.format))].join('; ')
        out.push(`  [${cellMarks.join(', ')}; ${formatId(format)}] ${text || '(empty)'}`)
      }
    })
    out.push('', 'paragraph formats:', ...formats.map((f, i) => `  f${i} ${f || '(none)'}`))
  }
  return `${out.join('\n')}\n`
}

describe(`任务清单 exports of ${CASE}`, () => {
  it('has rows to export', () => {
    expect(table.rows.length).toBeGreaterThan(0)
  })

  it.each([
    { format: 'csv', file: 'tasklist.csv' },
    { format: 'md', file: 'tasklist.md' },
    { format: 'json', file: 'tasklist.json' },
  ] as const)('$format, byte for byte', async ({ format, file }) => {
    await expect(await writeTaskTable(table, format)).toMatchFileSnapshot(golden(file))
  })

  it('xlsx, as read back', async () => {
    await expect(await renderXlsx(await writeTaskTable(table, 'xlsx'))).toMatchFileSnapshot(golden('tasklist.xlsx.txt'))
  })

  it('docx, as its document XML reads', async () => {
    await expect(renderDocx(await writeTaskTable(table, 'docx'))).toMatchFileSnapshot(golden('tasklist.docx.txt'))
  })
})
