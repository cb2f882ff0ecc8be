/**
 * The Word readers (docx, doc) on files made by real office software: every seed and every shared
 * page rendered by LibreOffice (scripts/fixtures/render-office.sh), and three documents made with
 * the `docx` package for automatic numbering and merged cells (scripts/fixtures/make-docx.mjs).
 * Their text is compared with LibreOffice's own text export (the oracle, fixtures/<name>/oracle/)
 * after whitespace is taken out, and their measures with those of the text; every deliberate
 * difference is listed here with its reason.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Measure, SourceText } from '@policykb/model'
import { parse, read } from '@policykb/parser'
import { toTaskTable, writeTaskTable } from '@policykb/tasklist'
import fc from 'fast-check'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { measureFacts, squash } from './helpers/measureFacts.js'

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))
const bytesOf = (name: string, file: string) => new Uint8Array(readFileSync(join(FIXTURES, name, file)))
const folders = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
const seeds = folders.filter((n) => existsSync(join(FIXTURES, n, `${n}.txt`)) && existsSync(join(FIXTURES, n, `${n}.docx`)))
const pages = folders.filter((n) => !n.startsWith('made-') && !existsSync(join(FIXTURES, n, `${n}.txt`)) && existsSync(join(FIXTURES, n, `${n}.docx`)))
const FORMATS = ['docx', 'doc'] as const

async function source(name: string, ext: string): Promise<{ source: SourceText; diagnostics: string[] }> {
  const outcome = await read(bytesOf(name, `${name}.${ext}`), { name: `${name}.${ext}` })
  if (!outcome.ok) throw new Error(`${name}.${ext}: ${outcome.reason}`)
  expect(outcome.source.format).toBe(ext)
  return { source: outcome.source, diagnostics: outcome.diagnostics.map((d) => d.ruleId) }
}
const oracle = (name: string, ext: string) => readFileSync(join(FIXTURES, name, 'oracle', `${name}.${ext}.soffice.txt`), 'utf8')

/** Every block slices a non-empty run of the text, in order, without overlap. */
function expectBlocksInOrder(s: SourceText) {
  let end = 0
  for (const b of s.blocks) {
    expect(b.start).toBeGreaterThanOrEqual(end)
    expect(b.end).toBeGreaterThan(b.start)
    expect(s.text.slice(b.start, b.end)).not.toMatch(/^\s*$/)
    end = b.end
  }
}

describe.each(seeds)('seed %s rendered to Word by LibreOffice', (name) => {
  const text = readFileSync(join(FIXTURES, name, `${name}.txt`), 'utf8')
  const expected = measureFacts(parse(text).measures)

  it.each(FORMATS)('%s: the measures of the text (count, titles, units with roles, deadlines, texts)', async (ext) => {
    const { source: s, diagnostics } = await source(name, ext)
    expect(measureFacts(parse(s.text).measures)).toEqual(expected)
    expect(diagnostics).toEqual([])
  })

  it.each(FORMATS)("%s: the text of LibreOffice's own text export", async (ext) => {
    const { source: s } = await source(name, ext)
    expect(squash(s.text)).toBe(squash(oracle(name, ext)))
    expectBlocksInOrder(s)
  })
})

describe.each(pages)('shared page %s rendered to Word by LibreOffice', (name) => {
  it.each(FORMATS)("%s: the text of LibreOffice's own text export", async (ext) => {
    const { source: s } = await source(name, ext)
    expect(squash(s.text)).toBe(squash(oracle(name, ext)))
    expectBlocksInOrder(s)
  })

  it('the .doc gives the measures of the .docx', async () => {
    const docx = measureFacts(parse((await source(name, 'docx')).source.text).measures)
    const doc = measureFacts(parse((await source(name, 'doc')).source.text).measures)
    expect(doc).toEqual(docx)
  })

  it('the page frame (tables inside tables) is read as the paragraphs it holds, the metadata table as rows', async () => {
    const { source: s } = await source(name, 'docx')
    const lines = s.text.split('\n')
    expect(lines.some((l) => /^发文机关：\t/.test(l))).toBe(true)
    // the article's paragraphs stand on lines of their own, not run together into one cell
    expect(lines.filter((l) => l.length > 0 && !l.includes('\t')).length).toBeGreaterThan(10)
  })
})

/** The date of a deadline, or its kind when it has none (`ongoing`). */
const dateOf = (d: Measure['deadline']) => (d === null ? null : 'date' in d ? d.date : d.kind)

/** A line's list number, as LibreOffice prints it before the text: `一、 ` `（一） ` `1. ` `（1） `. */
const LIST_NUMBER = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)\s*/

describe('made-numbered-outline: numbering written on the paragraphs', () => {
  const name = 'made-numbered-outline'

  it('docx: every automatic number rendered, the attachment restarting at 一、, the list of its own counting apart', async () => {
    const { source: s } = await source(name, 'docx')
    const numbered = s.text.split('\n').filter((l) => /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/.test(l))
    expect(numbered.map((l) => l.replace(/^((?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)).*$/, '$1'))).toEqual([
      '一、',
      '二、',
      '1.',
      '2.',
      '三、',
      '（一）',
      '1.',
      '2.',
      '（1）',
      '（2）',
      '（二）',
      '1.',
      '2.',
      '四、',
      '（一）',
      '（二）',
      // the attachment: a second instance of the list (w:lvlOverride/w:startOverride) starts over
      '一、',
      '（一）',
      '二、',
      '（一）',
    ])
    expect(s.text).toContain('三、重点任务\n（一）优化政务服务平台\n1.推行“一网通办”。')
    expect(s.metadata.title).toBe('XX市推进政务服务“一网通办”实施方案')
    expect(squash(s.text)).toBe(squash(oracle(name, 'docx')))
  })

  it('docx: the measures with their units and deadlines', async () => {
    const { measures } = parse((await source(name, 'docx')).source.text)
    const rows = measures.map((m) => [m.numbering, m.title, m.direction, m.units.map((u) => `${u.name}:${u.role}`).join('、'), dateOf(m.deadline)])
    expect(rows).toEqual([
      ['1.', '推行“一网通办”', '优化政务服务平台', '市政务服务和大数据管理局:lead、市直各有关部门:responsible、各县（区）人民政府:responsible', '2023-06-30'],
      ['2.', '推进电子证照应用', '优化政务服务平台', '市政务服务和大数据管理局:lead、市公安局:responsible、市市场监管局:responsible', '2023-09-30'],
      ['1.', '推行综合窗口服务', '提升线下服务能力', '市政务服务和大数据管理局:lead、各县（区）人民政府:responsible', '2023-12-31'],
      ['2.', '建立帮办代办制度', '提升线下服务能力', '市政务服务和大数据管理局:lead、市直各有关部门:cooperating', 'ongoing'],
      ['（一）', '推进数据共享交换', '数据共享任务', '市政务服务和大数据管理局:responsible', null],
      ['（一）', '开展“好差评”工作', '考核评价任务', '市政府办公室:responsible', null],
    ])
  })

  it('doc: the text without the list numbers, and a diagnostic that says so (word-extractor does not render lists)', async () => {
    const { source: s, diagnostics } = await source(name, 'doc')
    expect(diagnostics).toEqual(['doc-numbering-not-rebuilt'])
    // deliberate difference: LibreOffice prints the numbers, the .doc reader cannot
    const withoutNumbers = oracle(name, 'doc')
      .split('\n')
      .map((l) => l.replace(LIST_NUMBER, ''))
      .join('\n')
    expect(squash(s.text)).toBe(squash(withoutNumbers))
    // so the outline, and with it the measures, are lost
    expect(parse(s.text).measures).toHaveLength(0)
  })
})

describe('made-numbered-styles: numbering carried by the heading styles', () => {
  const name = 'made-numbered-styles'

  it('docx: every heading numbered through its style', async () => {
    const { source: s } = await source(name, 'docx')
    expect(s.text).toContain('一、持续深化“放管服”改革\n（一）深化商事制度改革\n1.压缩企业开办时间。')
    expect(s.text).toContain('（二）优化工程建设项目审批\n1.推行联合审批。')
    expect(s.text).toContain('二、着力提升要素保障水平\n（一）强化金融服务\n1.拓宽企业融资渠道。\n（1）组织开展银企对接活动，全年不少于4次。\n（2）扩大政府性融资担保业务规模。')
    expect(squash(s.text)).toBe(squash(oracle(name, 'docx')))
  })

  it('docx: the measures with their units and deadlines', async () => {
    const { measures } = parse((await source(name, 'docx')).source.text)
    expect(measures.map((m) => [m.numbering, m.title, m.direction, m.units.map((u) => `${u.name}:${u.role}`).join('、'), dateOf(m.deadline)])).toEqual([
      ['1.', '压缩企业开办时间', '深化商事制度改革', '县市场监管局:lead、县税务局:cooperating、县公安局:cooperating', '2023-06-30'],
      ['2.', '推进“证照分离”改革', '深化商事制度改革', '县市场监管局:responsible', '2023-12-31'],
      ['1.', '推行联合审批', '优化工程建设项目审批', '县住建局:lead、县自然资源局:cooperating、县发展改革局:cooperating', '2023-09-30'],
      ['1.', '拓宽企业融资渠道', '强化金融服务', '县财政局:responsible、县金融服务中心:responsible', '2023-12-31'],
    ])
  })

  it('doc: list numbers missing, said by a diagnostic', async () => {
    const { source: s, diagnostics } = await source(name, 'doc')
    expect(diagnostics).toEqual(['doc-numbering-not-rebuilt'])
    const withoutNumbers = oracle(name, 'doc')
      .split('\n')
      .map((l) => l.replace(LIST_NUMBER, ''))
      .join('\n')
    expect(squash(s.text)).toBe(squash(withoutNumbers))
  })
})

describe('made-task-table: a 任务分工 table with merged cells', () => {
  const name = 'made-task-table'
  const MEASURES: Array<Array<string | null>> = [
    ['编制全市统一的政务服务事项目录清单，实现同一事项同等条件无差别办理', '推进政务服务标准化', '市政务服务和大数据管理局:lead、市直各有关部门:responsible', '2023-06-30'],
    ['推行政务服务事项“免证办”，梳理公布可免于提交的证明材料清单', '推进政务服务标准化', '市政务服务和大数据管理局:lead、市司法局:responsible、市公安局:responsible', '2023-09-30'],
    ['全面推行企业开办全程网上办理，免费为新开办企业刻制印章', '降低企业准入成本', '市市场监管局:lead、市公安局:responsible、市税务局:responsible', '2023-12-31'],
    ['清理规范涉企收费，坚决查处违规收费行为', '降低企业准入成本', '市发展改革委:lead、市财政局:responsible、市市场监管局:responsible', '2023-12-31'],
    ['落实市场准入负面清单制度，清理妨碍统一市场和公平竞争的规定', '降低企业准入成本', '市发展改革委:lead、市直各有关部门:responsible、各县（区）人民政府:responsible', '2023-12-31'],
  ]
  const rowsOf = (text: string) =>
    parse(text).measures.map((m) => [m.title, m.direction, m.units.map((u) => `${u.name}:${u.role}`).join('、'), dateOf(m.deadline)])

  it('docx: every merged cell expanded — down (w:vMerge) repeated, across (w:gridSpan) kept in its first column', async () => {
    const { source: s } = await source(name, 'docx')
    const rows = s.text.split('\n').filter((l) => l.includes('\t'))
    expect(rows.map((r) => r.split('\t').length)).toEqual([6, 6, 6, 6, 6, 6, 6, 6])
    expect(rows[1]).toBe('一、提升政务服务效能\t\t\t\t\t')
    expect(rows[3]!.split('\t')).toEqual(['2', '推进政务服务标准化', '推行政务服务事项“免证办”，梳理公布可免于提交的证明材料清单。', '市政务服务和大数据管理局', '市司法局、市公安局', '2023年9月底前'])
    expect(rows[7]!.split('\t')).toEqual(['5', '降低企业准入成本', '落实市场准入负面清单制度，清理妨碍统一市场和公平竞争的规定。', '市发展改革委', '市直各有关部门，各县（区）人民政府', '2023年12月底前'])
    // provenance: a repeated cell points at the row it is shown in and the paragraph it came from
    const repeated = s.blocks.find((b) => b.origin.row === 3 && b.origin.column === 3)!
    const original = s.blocks.find((b) => b.origin.row === 2 && b.origin.column === 3)!
    expect(repeated.origin.paragraph).toBe(original.origin.paragraph)
    expect(repeated.origin.table).toBe(0)
    // deliberate difference from LibreOffice's export, which prints a merged cell once: the
    // repeated values are the only text the oracle does not have
    const repeats = ['推进政务服务标准化', '市政务服务和大数据管理局', '降低企业准入成本', '降低企业准入成本', '2023年12月底前', '2023年12月底前']
    let rest = squash(s.text)
    for (const r of repeats) {
      const at = rest.lastIndexOf(r)
      rest = rest.slice(0, at) + rest.slice(at + r.length)
    }
    expect(rest).toBe(squash(oracle(name, 'docx')))
  })

  it('docx: one measure per row, units and deadlines from the merged cells', async () => {
    const { source: s } = await source(name, 'docx')
    expect(rowsOf(s.text)).toEqual(MEASURES)
    expect(s.metadata.title).toBe('XX市2023年优化营商环境重点任务分工方案')
  })

  it('doc: the rows, with merged-down cells empty (a .doc does not say a cell is merged) and a diagnostic', async () => {
    const { source: s, diagnostics } = await source(name, 'doc')
    expect(squash(s.text)).toBe(squash(oracle(name, 'doc')))
    expect(diagnostics).toEqual(['doc-table-merged-cells'])
    const rows = s.text.split('\n').filter((l) => l.includes('\t'))
    expect(rows.map((r) => r.split('\t').length)).toEqual([6, 6, 6, 6, 6, 6, 6, 6])
    // deliberate differences from the docx: measure 2 has no lead unit, measures 4 and 5 no deadline
    const expected = MEASURES.map((m) => [...m])
    expected[1]![2] = '市司法局:responsible、市公安局:responsible'
    expected[3]![3] = null
    expected[4]![3] = null
    expect(rowsOf(s.text)).toEqual(expected)
  })
})

/** A minimal docx around one document.xml body. */
function docxWith(body: string, extra: Record<string, Uint8Array> = {}, level: 0 | 6 = 6): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
      ...extra,
    },
    { level },
  )
}
const p = (inner: string) => `<w:p>${inner}</w:p>`
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`

describe('docx: what Word puts around the text', () => {
  it.each([
    { what: 'tracked changes read as accepted', body: p(`${r('推进')}<w:ins><w:r><w:t>政务</w:t></w:r></w:ins><w:del><w:r><w:delText>旧的</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>搬走</w:t></w:r></w:moveFrom>${r('服务')}`), text: '推进政务服务' },
    {
      what: 'a PAGE field shows nothing, a REF field its result, never the instruction',
      body: p(`${r('第')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r('页 见')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('附件1')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
      text: '第页 见附件1',
    },
    {
      what: 'a table of contents (a TOC field over several paragraphs) is left out',
      body: `${p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o "1-3"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('一、总体要求')}<w:r><w:tab/></w:r>${r('1')}`)}${p(`${r('二、重点任务')}<w:r><w:tab/></w:r>${r('2')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`)}${p(r('一、总体要求'))}`,
      text: '一、总体要求',
    },
    { what: 'soft breaks and tabs', body: p(`${r('牵头单位：市发展改革委')}<w:r><w:br/></w:r>${r('完成时限：')}<w:r><w:tab/></w:r>${r('长期坚持')}`), text: '牵头单位：市发展改革委\n完成时限：\t长期坚持' },
    { what: 'hidden text left out', body: p(`${r('可见')}<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>`), text: '可见' },
    {
      what: 'a text box read after the paragraph that anchors it, one branch of mc:AlternateContent only',
      body: p(
        `${r('正文')}<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:txbxContent>${p(r('文本框'))}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(r('文本框'))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ),
      text: '正文\n文本框',
    },
    { what: 'superscript digits as footnote-style superscripts, m² kept', body: p(`${r('面积10m')}<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>`), text: '面积10m²' },
  ])('$what', async ({ body, text }) => {
    const outcome = await read(docxWith(body), { name: 'x.docx' })
    expect(outcome.ok && outcome.source.text).toBe(text)
  })

  it('footnotes set aside as the text path does: a superscript mark in the text, the note after the body', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
    const footnotes = strToU8(
      `<w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1">${p('<w:r><w:separator/></w:r>')}</w:footnote><w:footnote w:id="1">${p(`<w:r><w:footnoteRef/></w:r>${r(' 指企业开办全流程。')}`)}</w:footnote></w:footnotes>`,
    )
    const outcome = await read(docxWith(p(`${r('压缩企业开办时间')}<w:r><w:footnoteReference w:id="1"/></w:r>${r('。')}`), { 'word/footnotes.xml': footnotes }), { name: 'x.docx' })
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.source.text).toBe('压缩企业开办时间¹。\n¹ 指企业开办全流程。')
    const n = parse(outcome.source.text).normalized
    expect(n.text).not.toContain('指企业开办全流程')
    expect(n.extras.footnotes).toHaveLength(1)
  })
})

describe('bad input: one clear failure, nothing else costs', () => {
  const good = bytesOf('made-numbered-outline', 'made-numbered-outline.docx')
  const doc = bytesOf('made-task-table', 'made-task-table.doc')

  it.each([
    { what: 'a corrupt zip', bytes: () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]), ruleId: 'docx-zip-corrupt', reason: /x\.docx.*end of central directory/ },
    { what: 'a truncated docx', bytes: () => good.subarray(0, Math.floor(good.length / 2)), ruleId: 'docx-zip-corrupt', reason: /x\.docx/ },
    { what: 'an empty zip', bytes: () => new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), ruleId: 'docx-not-word', reason: /without a Word document/ },
    {
      what: 'a docx whose document.xml is not well-formed',
      bytes: () => zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body><w:p></w:body>') }),
      ruleId: 'docx-xml-corrupt',
      reason: /word\/document\.xml is not well-formed XML/,
    },
    { what: 'a .doc read as docx', bytes: () => doc, ruleId: 'docx-not-zip', reason: /OLE compound file/, format: 'docx' as const },
  ])('$what', async ({ bytes, ruleId, reason, format }) => {
    const outcome = await read(bytes(), { name: 'x.docx', ...(format ? { format } : {}) })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.ruleId).toBe(ruleId)
    expect(outcome.reason).toMatch(reason)
  })

  it('a real xlsx (as @policykb/tasklist writes it) is named for what it is', async () => {
    const xlsx = await writeTaskTable(toTaskTable(parse(readFileSync(join(FIXTURES, '001_d25d4ccf3a63151e', '001_d25d4ccf3a63151e.txt'), 'utf8'))), 'xlsx')
    const outcome = await read(xlsx, { name: 'tasks.docx' })
    expect(outcome.ok === false && [outcome.ruleId, outcome.reason]).toEqual(['docx-not-word', 'tasks.docx: this is an Excel workbook (xlsx), not a Word document'])
  })

  it('a .doc renamed .docx and a .docx renamed .doc are read by their content', async () => {
    const asDocx = await read(doc, { name: 'renamed.docx' })
    expect(asDocx.ok && asDocx.source.format).toBe('doc')
    const asDoc = await read(good, { name: 'renamed.doc' })
    expect(asDoc.ok && asDoc.source.format).toBe('docx')
    const forced = await read(good, { name: 'renamed.doc', format: 'doc' })
    expect(forced.ok === false && forced.ruleId).toBe('doc-not-ole')
  })

  it('a damaged OLE file is one failure', async () => {
    const broken = new Uint8Array(4096).fill(0xff)
    broken.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const outcome = await read(broken, { name: 'broken.doc' })
    expect(outcome.ok === false && outcome.ruleId).toBe('doc-corrupt')
  })

  it('a zip bomb stops at the bound: declared size over the bound, or an entry inflating past what it declares', async () => {
    // 64 MiB of one character deflates to ~64 KiB
    const huge = new Uint8Array(64 * 1024 * 1024).fill(0x20)
    const bomb = docxWith(`<w:p><w:r><w:t>a</w:t></w:r></w:p>`, {}, 6)
    const bombed = zipSync({ ...unzipSync(bomb), 'word/document.xml': huge }, { level: 9 })
    expect(bombed.length).toBeLessThan(1024 * 1024)
    const over = await read(bombed, { name: 'bomb.docx', maxBytes: 8 * 1024 * 1024 })
    expect(over.ok === false && [over.ruleId, over.location]).toEqual(['docx-too-large', 'word/document.xml'])
    // the central directory lies: it declares 1 KiB for the 64 MiB entry
    const lying = bombed.slice()
    const view = new DataView(lying.buffer)
    for (let i = lying.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50 && new TextDecoder().decode(lying.subarray(i + 46, i + 46 + 17)) === 'word/document.xml') {
        view.setUint32(i + 24, 1024, true)
        break
      }
    }
    const lied = await read(lying, { name: 'bomb.docx' })
    expect(lied.ok === false && lied.reason).toMatch(/word\/document\.xml inflates to more than the 1024 bytes it declares/)
  })

  it('a huge embedded image costs nothing: media are never inflated', async () => {
    const image = new Uint8Array(32 * 1024 * 1024).fill(0)
    const withImage = zipSync({ ...unzipSync(good), 'word/media/image1.png': image }, { level: 1 })
    // the bound is far below the image's size, and the document reads all the same
    const outcome = await read(withImage, { name: 'image.docx', maxBytes: 1024 * 1024 })
    expect(outcome.ok && outcome.source.text.startsWith('XX市推进政务服务“一网通办”实施方案')).toBe(true)
  })

  it('no reader throws on truncated or bit-flipped copies of the Word fixtures', async () => {
    const files = [good, doc, bytesOf('made-task-table', 'made-task-table.docx')]
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: files.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.nat(), { maxLength: 8 }), async (f, cut, flips) => {
        const source = files[f]!
        const bytes = source.slice(0, Math.max(1, Math.floor(source.length * cut)) + (cut > 0.5 ? source.length : 0))
        for (const at of flips) {
          const i = at % bytes.length
          bytes[i] = (bytes[i] ?? 0) ^ (1 << (at % 8))
        }
        const outcome = await read(bytes, { name: 'fuzz' })
        // a reader's own exception would come back as read-failed
        if (!outcome.ok) expect(outcome.ruleId).not.toBe('read-failed')
      }),
      { numRuns: 300 },
    )
  })
})
