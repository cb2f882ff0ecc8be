/**
 * Every command reads its documents through the reading stage: a web page is taken as it is
 * (parse, tasklist, eval, index, search FILES), `parse --format text` shows what the reader
 * extracted, `parse --format json` where each span came from, and a file no reader can read is
 * one line on stderr while the rest of a batch goes on.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lines, policykb, root } from './helpers.js'

// iconv-lite is the parser's dependency; borrow it to make a GBK page.
const iconv = createRequire(join(root, 'packages/parser/package.json'))('iconv-lite') as { encode(text: string, encoding: string): Uint8Array }
const PAGE = join(root, 'fixtures/sports-events-industry/sports-events-industry.html')
const REPLY_PAGE = join(root, 'fixtures/cppcc-proposal-reply/cppcc-proposal-reply.html')

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'policykb-read-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('a web page, read as it is', () => {
  it('parse --format text prints the text the reader extracted: the article, no metadata table, no chrome', async () => {
    const { code, stdout } = await policykb(['parse', PAGE, '--format', 'text', '-q'])
    expect(code).toBe(0)
    const text = lines(stdout)
    expect(text.slice(0, 3)).toEqual(['国务院办公厅关于加快发展', '体育竞赛表演产业的指导意见', '国办发〔2018〕121号'])
    expect(stdout).not.toMatch(/索\s*引\s*号|扫一扫/)
  })

  it('parse --format json gives the measures, each span with the element it came from', async () => {
    const { code, stdout } = await policykb(['parse', PAGE, '-q'])
    expect(code).toBe(0)
    const json = JSON.parse(stdout) as { document: { title: string; docNumber: string }; measures: Array<{ title: string; span: { origin?: { element?: string } } }> }
    expect(json.document).toMatchObject({ title: '国务院办公厅关于加快发展体育竞赛表演产业的指导意见', docNumber: '国办发〔2018〕121号' })
    expect(json.measures.length).toBeGreaterThan(0)
    expect(json.measures.every((m) => m.span.origin?.element?.startsWith('td#UCAP-CONTENT>p'))).toBe(true)
  })

  it('tasklist makes rows of it', async () => {
    const { code, stdout } = await policykb(['tasklist', PAGE, '--format', 'csv', '-q'])
    expect(code).toBe(0)
    expect(lines(stdout).length).toBeGreaterThan(10)
  })

  it('--encoding still decides for a page that declares nothing', async () => {
    const page = join(tmp, 'gbk.html')
    writeFileSync(page, iconv.encode('<p>一、总体要求</p><p>（一）完善组织架构。</p>', 'gbk'))
    expect((await policykb(['parse', page, '--format', 'text', '--encoding', 'gbk'])).stdout).toBe('一、总体要求\n（一）完善组织架构。\n')
  })
})

describe('read failures', () => {
  it('parse: one line naming the file, exit 1', async () => {
    const broken = join(tmp, 'broken.docx')
    writeFileSync(broken, Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]))
    const { code, stdout, stderr } = await policykb(['parse', broken])
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' })
    expect(lines(stderr)).toHaveLength(1)
    expect(stderr.startsWith(`policykb: ${broken}: `)).toBe(true)
  })

  it('index: the unreadable file is reported, the pages are indexed', async () => {
    const broken = join(tmp, 'broken.pdf')
    writeFileSync(broken, '%PDF-1.7\n%broken')
    const kb = join(tmp, 'kb')
    const { code, stderr } = await policykb(['index', PAGE, broken, REPLY_PAGE, '-o', kb])
    expect(code).toBe(1)
    expect(lines(stderr).filter((l) => l.startsWith(`policykb: ${broken}: `))).toHaveLength(1)
    expect(stderr).toMatch(/indexed 2 documents/)
    const search = await policykb(['search', '体育总局', '--kb', kb, '-f', 'json'])
    expect(search.code).toBe(0)
    expect((JSON.parse(search.stdout) as { total: number }).total).toBeGreaterThan(0)
  })

  it('search FILES reads pages too', async () => {
    const { code, stdout } = await policykb(['search', '体育总局', PAGE, '-f', 'json'])
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as { total: number }).total).toBeGreaterThan(0)
  })
})

describe('eval', () => {
  it('reads a page as its source', async () => {
    const reference = join(tmp, 'reference.csv')
    writeFileSync(reference, `序号,措施,责任单位\n1,大力发展职业赛事,体育总局\n`)
    const { code, stdout, stderr } = await policykb(['eval', PAGE, '--against', reference, '-q'])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    // the page's items with （X负责） are rows generated from it
    expect(stdout).toMatch(/generated rows\s+(\d+)/)
    expect(Number(/generated rows\s+(\d+)/.exec(stdout)![1])).toBeGreaterThan(10)
  })
})
