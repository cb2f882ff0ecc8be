/**
 * The PDF reader on real renderings: the seeds printed by LibreOffice, the shared gov.cn pages
 * printed by Chromium, a 公文-styled PDF made through Word's layout (running header, `— N —` page
 * numbers, a 责任单位 line broken across pages), its scan, encrypted copies, and damaged bytes.
 * The fixtures and the scripts that made them: scripts/fixtures/render-pdf.sh,
 * make-gongwen-pdf.mjs, make-bad-pdf.sh.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SourceText } from '@policykb/model'
import { parse, read } from '@policykb/parser'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { measureFacts, squash } from './helpers/measureFacts.js'

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))
const file = (name: string, ext: string) => join(FIXTURES, name, `${name}.${ext}`)
const bytesOf = (path: string) => new Uint8Array(readFileSync(path))

async function readPdf(path: string): Promise<SourceText> {
  const outcome = await read(bytesOf(path), { name: path })
  if (!outcome.ok) throw new Error(`${path}: ${outcome.reason}`)
  return outcome.source
}

const folders = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
const seeds = folders.filter((name) => existsSync(file(name, 'txt')) && existsSync(file(name, 'pdf')))
const withOracle = folders.filter((name) => existsSync(join(FIXTURES, name, 'oracle', `${name}.pdf.pdftotext.txt`)))

describe('seeds printed to PDF by LibreOffice', () => {
  it('every seed has its PDF rendering', () => {
    expect(seeds).toHaveLength(5)
  })

  // No differences: every seed's measures from its PDF equal those from its text. Were one to
  // differ on purpose it would be listed here with its reason.
  const EXPECTED_DIFFERENCES: Record<string, never> = {}

  it.each(seeds)('%s: the measures read from the PDF are those of the text', async (name) => {
    const source = await readPdf(file(name, 'pdf'))
    const fromText = measureFacts(parse(readFileSync(file(name, 'txt'), 'utf8')).measures)
    const fromPdf = measureFacts(parse(source.text).measures)
    expect(EXPECTED_DIFFERENCES[name]).toBeUndefined()
    expect(fromPdf).toEqual(fromText)
  })
})

/**
 * What policykb reads differently from pdftotext on purpose, applied to both sides before they
 * are compared (besides whitespace, which the two lay out differently):
 * - page furniture: running headers, footers and page numbers are set aside by the reader, so the
 *   oracle's lines the reader set aside are taken out of the oracle (`furniture` below);
 * - pdftotext's dehyphenation drops a `-` that ends a line (`- 2 -` of a table of contents comes
 *   out `- 2`), so a line-final `-` is dropped from both;
 * - reading order: pdftotext reorders text it takes for columns (the cells of a tab-set task
 *   table) and reads a table cell of two lines before the next cell (the label `索 引 / 号：` of a
 *   web page's metadata table), where the reader reads each row by baselines. So the texts are
 *   compared as the same characters, and every line of the oracle must be found in the reader's
 *   text: whole, or (a table row pdftotext joined from cells) word by word.
 */
const dropLineFinalHyphen = (text: string) => text.replace(/-[ \t\u3000]*$/gm, '')

describe('the text read matches pdftotext (poppler) except where the reader is deliberately better', () => {
  it('every PDF fixture with a text layer has its oracle', () => {
    expect(withOracle.length).toBeGreaterThanOrEqual(16)
  })

  it.each(withOracle)('%s', async (name) => {
    const source = await readPdf(file(name, 'pdf'))
    const oracle = readFileSync(join(FIXTURES, name, 'oracle', `${name}.pdf.pdftotext.txt`), 'utf8')
    const ours = squash(dropLineFinalHyphen(source.text))
    const theirs: string[] = []
    for (const line of dropLineFinalHyphen(oracle).split(/[\n\f]/)) {
      const s = squash(line)
      if (s === '') continue
      // page furniture: a line the reader set aside (a number alone may also be a table cell, read)
      if (FURNITURE_LINE.test(s) && !ours.includes(s)) continue
      theirs.push(s)
      if (ours.includes(s)) continue
      // a line pdftotext joined from the cells of a table row (`索 引 000014349/2019-00005`) while
      // the reader read the row by baselines: each of its words is there
      for (const word of line.split(/[\s\u3000]+/).filter(Boolean)) expect(ours, `${name}: oracle line ${JSON.stringify(line)} not read`).toContain(word)
    }
    const sorted = (s: string) => [...s].sort().join('')
    expect(sorted(ours)).toBe(sorted(theirs.join('')))
  })
})

/** A line pdftotext prints that the reader sets aside (squashed): a page number, or the made PDF's running header. */
const FURNITURE_LINE = /^(?:[-—–]?\d{1,3}[-—–]?|XX市人民政府办公室政务服务提质增效实施方案)$/

describe('a 公文-styled PDF (made-gongwen-pdf)', async () => {
  const path = file('made-gongwen-pdf', 'pdf')
  const outcome = await read(bytesOf(path), { name: 'made-gongwen-pdf.pdf' })
  if (!outcome.ok) throw new Error(outcome.reason)
  const { source, diagnostics } = outcome
  const lines = source.text.split('\n')

  it('has its three pages, and a page on every block', () => {
    expect(source.pages).toBe(3)
    expect(source.blocks.length).toBeGreaterThan(10)
    for (const b of source.blocks) {
      expect(b.origin.page).toBeGreaterThanOrEqual(1)
      expect(b.origin.page).toBeLessThanOrEqual(3)
      expect(b.end).toBeGreaterThan(b.start)
    }
    for (let i = 1; i < source.blocks.length; i++) expect(source.blocks[i]!.start).toBeGreaterThanOrEqual(source.blocks[i - 1]!.end)
  })

  it('sets the running header and the — N — page numbers aside, and says so', () => {
    expect(source.text).not.toContain('人民政府办公室 政务服务提质增效实施方案')
    expect(source.text).not.toMatch(/—\s*\d\s*—/)
    expect(lines.filter((l) => /^\s*[-—–]?\s*\d+\s*[-—–]?\s*$/.test(l))).toEqual([])
    expect(diagnostics.map((d) => d.reason)).toEqual(['set aside 3 page numbers and 3 lines of running headers and footers'])
  })

  it('joins the 责任单位 line broken across pages 2 and 3, and says where each part stood', () => {
    const line = lines.find((l) => l.startsWith('责任单位：市发展和改革委员会'))
    expect(line).toBe(
      '责任单位：市发展和改革委员会、市自然资源和规划局、市住房和城乡建设局、市人力资源和社会保障局、市公安局、市民政局、市卫生健康委员会、市医疗保障局、市市场监管局、市税务局、市公积金中心、国网XX供电公司、XX水务集团有限公司，各县（市、区）人民政府',
    )
    const at = source.text.indexOf(line!)
    const pieces = source.blocks.filter((b) => b.start < at + line!.length && b.end > at)
    expect(pieces.map((b) => b.origin.page)).toEqual([2, 3])
    expect(source.text.slice(pieces[1]!.start, pieces[1]!.end)).toBe('市税务局、市公积金中心、国网XX供电公司、XX水务集团有限公司，各县（市、区）人民政府')
  })

  it('gives the measures with their units and deadlines', () => {
    const facts = parse(source.text).measures.map((m) => [m.title, m.units.map((u) => `${u.name}:${u.role}`), m.deadline?.text])
    expect(facts).toEqual([
      [
        '推进政务服务事项标准化',
        ['市政务服务管理局:lead', '市司法局:responsible', '市市场监管局:responsible', '各县（市、区）人民政府:responsible'],
        '2024年12月底前',
      ],
      [
        '推进高频事项“一件事一次办”',
        [
          '市政务服务管理局:lead',
          ...['市发展和改革委员会', '市自然资源和规划局', '市住房和城乡建设局', '市人力资源和社会保障局', '市公安局', '市民政局'].map(
            (u) => `${u}:responsible`,
          ),
          ...['市卫生健康委员会', '市医疗保障局', '市市场监管局', '市税务局', '市公积金中心', '国网XX供电公司', 'XX水务集团有限公司'].map(
            (u) => `${u}:responsible`,
          ),
          '各县（市、区）人民政府:responsible',
        ],
        '2025年6月底前',
      ],
      [
        '提升政务服务平台效能',
        ['市大数据中心:lead', '市政务服务管理局:responsible', '市公安局:responsible', '各县（市、区）人民政府:responsible'],
        '2025年12月底前',
      ],
    ])
  })
})

describe('PDFs that cannot be read say why, and never throw', () => {
  const gongwen = bytesOf(file('made-gongwen-pdf', 'pdf'))
  const flipped = (() => {
    const copy = new Uint8Array(gongwen)
    for (let i = 1000; i < copy.length; i += 997) copy[i]! ^= 0xff
    return copy
  })()
  const cases: Array<[string, Uint8Array, string, RegExp]> = [
    ['a scan (no text layer)', bytesOf(file('made-scanned-pdf', 'pdf')), 'pdf-no-text-layer', /^no text layer: scanned PDF, OCR is not supported$/],
    ['encrypted with a user password', bytesOf(file('made-encrypted-pdf', 'pdf')), 'pdf-encrypted', /^encrypted PDF: it needs a password/],
    ['truncated to half', gongwen.subarray(0, gongwen.length >> 1), 'pdf-invalid', /^broken PDF \(truncated or damaged\)/],
    ['its last 2 KB cut off', gongwen.subarray(0, gongwen.length - 2048), 'pdf-invalid', /^broken PDF \(truncated or damaged\)/],
    ['bit-flipped through its page streams', flipped, 'pdf-invalid', /^broken PDF: page 3 cannot be read/],
    ['a PDF header and no PDF', new TextEncoder().encode('%PDF-1.7\nthis is not a PDF at all\n'), 'pdf-invalid', /^broken PDF/],
    ['empty', new Uint8Array(0), 'pdf-invalid', /empty/],
  ]

  it.each(cases)('%s', async (_label, bytes, ruleId, reason) => {
    const outcome = await read(bytes, { format: 'pdf', name: 'x.pdf' })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.format).toBe('pdf')
    expect(outcome.ruleId).toBe(ruleId)
    expect(outcome.reason).toMatch(reason)
  })

  it('names the page to blame', async () => {
    const outcome = await read(flipped, { format: 'pdf' })
    expect(outcome.ok ? null : outcome.location).toBe('page 3')
  })

  it('a PDF locked with an owner password only opens and reads as the original', async () => {
    const locked = await readPdf(file('made-owner-locked-pdf', 'pdf'))
    const original = await readPdf(file('made-gongwen-pdf', 'pdf'))
    expect(locked.text).toBe(original.text)
  })

  it('a file larger than maxBytes is refused before it is parsed', async () => {
    const outcome = await read(gongwen, { format: 'pdf', maxBytes: 1000 })
    expect(outcome.ok ? null : outcome.ruleId).toBe('read-too-large')
  })

  it('truncated or bit-flipped copies never throw and give text or a failure with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: gongwen.length }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 8 }),
        async (cut, flips) => {
          const copy = new Uint8Array(gongwen.subarray(0, cut))
          for (const [at, mask] of flips) if (copy.length > 0) copy[at % copy.length]! ^= mask
          const outcome = await read(copy, { format: 'pdf' })
          if (outcome.ok) expect(typeof outcome.source.text).toBe('string')
          else expect(outcome.reason.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 40 },
    )
  })
})
