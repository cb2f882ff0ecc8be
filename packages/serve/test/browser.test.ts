/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The review page in a real browser (Debian's chromium through playwright-core): open a document
 * and follow a row to its source, correct a unit and export, search and narrow by a facet, drop
 * files on the page, and show hostile text as text.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TaskRow } from '@policykb/model'
import { createKnowledgeBase } from '@policykb/search'
import { readTaskTable, writeTaskTable } from '@policykb/tasklist'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../cli/src/main.js'
import { fakeIo } from '../../cli/test/helpers.js'
import { DocumentView } from '../src/api.js'
import { WEB_DIR } from '../src/assets.js'
import { analyse } from '../src/documents.js'
import { type RunningServer, startServer } from '../src/server.js'
import { launch } from './browser.js'
import { documentsFolder, fixture, HOSTILE, SEED_001, SEED_002 } from './setup.js'

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '')

let folder: ReturnType<typeof documentsFolder>
let server: RunningServer
let browser: Awaited<ReturnType<typeof launch>>
let context: BrowserContext
const base = () => `http://127.0.0.1:${server.port}/`
const docId = (seed: string) => `docs/${seed}.txt`
const docHash = (id: string) => `#/doc/${encodeURIComponent(id)}`

beforeAll(async () => {
  if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('the page is not built: run pnpm build first')
  folder = documentsFolder([SEED_001, SEED_002], { 'hostile.txt': HOSTILE })
  server = await startServer({ files: ['docs'], cwd: folder.dir, port: 0, log: () => undefined })
  browser = await launch()
  context = browser.context
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
  folder?.remove()
})

async function view(id: string): Promise<DocumentView> {
  const res = await fetch(`${base()}api/documents/${encodeURIComponent(id)}`)
  return DocumentView.parse(await res.json())
}

async function openDocument(page: Page, id: string) {
  await page.goto(base() + docHash(id))
  await page.waitForSelector('.row[data-seq="1"]', { timeout: 60_000 })
}

const fields = (r: Pick<TaskRow, 'specialty' | 'direction' | 'measure' | 'leadUnits' | 'units' | 'deadline'>) => ({
  specialty: r.specialty,
  direction: r.direction,
  measure: r.measure,
  leadUnits: r.leadUnits,
  units: r.units,
  deadline: r.deadline,
})

it('1. seed 002: clicking row 100 highlights its measure, its units and its deadline in the source', async () => {
  const page = await context.newPage()
  await openDocument(page, docId(SEED_002))
  const row = (await view(docId(SEED_002))).rows[99]!
  await page.click('.row[data-seq="100"]')
  await page.waitForSelector('.hl-measure')
  const highlighted = squeeze((await page.locator('.hl-measure').allTextContents()).join(''))
  expect(highlighted).toContain(squeeze(row.measure))
  const units = await page.locator('.hl-unit').allTextContents()
  expect(row.unitSpans.length).toBeGreaterThan(0)
  for (const u of row.unitSpans) expect(units).toContain(u.name)
  expect(squeeze((await page.locator('.hl-deadline').allTextContents()).join(''))).toContain(squeeze(row.deadline))
  // The highlight is scrolled into view, and distinct colours mark the three kinds.
  expect(await page.locator('.hl-measure').first().isVisible()).toBe(true)
  const colours = await page.evaluate(() =>
    ['.hl-measure', '.hl-unit', '.hl-deadline'].map((s) => getComputedStyle(document.querySelector(s)!).backgroundColor),
  )
  expect(new Set(colours).size).toBe(3)
  // Clicking in the source selects the measure that holds the place.
  await page.click('.row[data-seq="3"]')
  await page.locator('.hl-measure').first().click()
  await expect.poll(() => page.locator('.row.selected').getAttribute('data-seq')).toBe('3')
  // Keyboard: next and previous.
  await page.keyboard.press('j')
  await expect.poll(() => page.locator('.row.selected').getAttribute('data-seq')).toBe('4')
  await page.keyboard.press('k')
  await expect.poll(() => page.locator('.row.selected').getAttribute('data-seq')).toBe('3')
  await page.close()
})

it('2. a unit removed on the page persists, and the xlsx export is the CLI table with that one change', async () => {
  const id = docId(SEED_002)
  const path = join(folder.dir, 'docs', `${SEED_002}.txt`)
  const page = await context.newPage()
  await openDocument(page, id)
  const before = (await view(id)).rows[4]!
  await page.click('.row[data-seq="5"]')
  await page.keyboard.press('e')
  await page.waitForSelector('.editor')
  const removed = (await page.locator('.units-edit li').last().getAttribute('data-unit'))!
  expect(before.units).toContain(removed)
  await page.locator('.units-edit li').last().locator('button.remove').click()
  await page.waitForSelector('.row[data-seq="5"].corrected')

  await page.reload()
  await page.waitForSelector('.row[data-seq="5"].corrected')
  const after = (await view(id)).rows[4]!
  expect(after.units).not.toContain(removed)
  expect(existsSync(`${path}.corrections.json`)).toBe(true)

  const download = async (format: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`a[data-export="${format}"]`)])
    return readFileSync((await file.path())!)
  }
  const xlsx = await download('xlsx')
  const read = await readTaskTable(new Uint8Array(xlsx), { format: 'xlsx' })
  const generated = await analyse(readFileSync(path), `${SEED_002}.txt`)
  if (!generated.ok) throw new Error(generated.reason)
  const plain = await readTaskTable((await writeTaskTable(generated.table, 'xlsx')) as Uint8Array, { format: 'xlsx' })
  expect(read.table.rows.length).toBe(plain.table.rows.length)
  read.table.rows.forEach((r, i) => {
    if (i === 4) {
      expect(r.units).not.toContain(removed)
      expect(fields(r)).toEqual({ ...fields(plain.table.rows[4]!), units: r.units })
    } else expect(fields(r)).toEqual(fields(plain.table.rows[i]!))
  })

  // The same table as `policykb tasklist FILE --corrections F`: csv byte for byte.
  const cli = async (format: string) => {
    const io = fakeIo()
    expect(await main(['tasklist', path, '-f', format, '-q', '--corrections', `${path}.corrections.json`], io.io)).toBe(0)
    return io.bytes()
  }
  expect(Buffer.compare(await download('csv'), Buffer.from(await cli('csv')))).toBe(0)
  // xlsx from the CLI reads back to the same rows as the page's.
  const cliXlsx = await readTaskTable(new Uint8Array(await cli('xlsx')), { format: 'xlsx' })
  expect(cliXlsx.table.rows.map(fields)).toEqual(read.table.rows.map(fields))

  // Undo drops the correction.
  await page.click('.row[data-seq="5"]')
  await page.getByRole('button', { name: /撤销/ }).click()
  await page.waitForSelector('.row[data-seq="5"]:not(.corrected)')
  expect((await view(id)).rows[4]!.units).toBe(before.units)
  await page.close()
})

it('3. search 市税务局, facet 市税务局 · 牵头: exactly the measures it leads; a hit opens the document at it', async () => {
  const page = await context.newPage()
  await page.goto(`${base()}#/search`)
  await page.fill('input[name=q]', '市税务局')
  await page.click('button[type=submit]')
  await page.waitForSelector('.hit')
  await page.click('button[data-facet="市税务局|lead"]')
  await page.waitForSelector('button.on[data-facet="市税务局|lead"]')
  await page.waitForFunction(() => document.querySelectorAll('.hit').length > 0 && location.hash.includes('role=lead'))

  // The measures whose lead is 市税务局 (under any of its spellings), from the parse alone.
  const kb = createKnowledgeBase()
  const expected: string[] = []
  const parsed = []
  for (const seed of [SEED_001, SEED_002]) {
    const a = await analyse(readFileSync(fixture(seed)), `${seed}.txt`)
    if (!a.ok) throw new Error(a.reason)
    kb.add(a.result, { document: docId(seed) })
    parsed.push({ seed, measures: a.result.measures })
  }
  const canonical = kb.unit('市税务局')!.name
  for (const { seed, measures } of parsed) {
    for (const m of measures) if (m.leadUnits.some((u) => kb.unit(u.name)?.name === canonical)) expected.push(`${docId(seed)}#${m.id}`)
  }
  expect(expected.length).toBeGreaterThan(0)
  expect(Number(await page.locator('[data-total]').getAttribute('data-total'))).toBe(expected.length)
  const shown = await page.locator('.hit').evaluateAll((els) => els.map((e) => e.getAttribute('data-hit')))
  expect(new Set(shown)).toEqual(new Set(expected.slice(0, 50)))
  // Snippets mark the query with <mark>.
  expect(await page.locator('.hit mark').first().textContent()).toBe('市税务局')

  const first = page.locator('.hit').first()
  const hit = (await first.getAttribute('data-hit'))!
  await first.locator('.hit-head a').click()
  await page.waitForSelector('.row.selected', { timeout: 60_000 })
  expect(await page.locator('.row.selected').getAttribute('data-measure')).toBe(hit.split('#')[1])
  expect(decodeURIComponent(page.url())).toContain(`#/doc/${hit.split('#')[0]}`)
  await page.close()
})

/** Drop files on the page as a user would: a drop event carrying them. */
async function drop(page: Page, files: { name: string; bytes: Buffer; type: string }[]) {
  const transfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer()
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { type: f.type }))
      return dt
    },
    files.map((f) => ({ name: f.name, type: f.type, data: f.bytes.toString('base64') })),
  )
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
}

describe('4. dropping a file on the page adds it and opens its rows', () => {
  it('a text file', async () => {
    const page = await context.newPage()
    await page.goto(base())
    await page.waitForSelector('.dropzone')
    await drop(page, [{ name: '拖入的方案.txt', bytes: Buffer.from(HOSTILE.replace('防范脚本注入', '拖入测试')), type: 'text/plain' }])
    await page.waitForSelector('.row[data-seq="2"]', { timeout: 60_000 })
    expect(await page.locator('.row[data-seq="1"] .direction').textContent()).toContain('拖入测试')
    await page.close()
  })

  const docx = fixture(SEED_001, 'docx')
  it('the .docx rendering of seed 001 (LibreOffice): the same rows as its text', async () => {
    const page = await context.newPage()
    await page.goto(base())
    await page.waitForSelector('.dropzone')
    await drop(page, [{ name: `${SEED_001}.docx`, bytes: readFileSync(docx), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }])
    await page.waitForSelector('.row[data-seq="25"]', { timeout: 60_000 })
    const fromText = (await view(docId(SEED_001))).rows.map((r) => squeeze(r.measure))
    const rows = await page.locator('.row .measure').allTextContents()
    expect(rows.map(squeeze)).toEqual(fromText)
    await page.close()
  })
})

it('5. markup and script in a measure are shown as text: no dialog, no element made from them', async () => {
  const page = await context.newPage()
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await openDocument(page, 'docs/hostile.txt')
  await page.click('.row[data-seq="1"]')
  await page.waitForSelector('.hl-measure')
  const measure = await page.locator('.row[data-seq="1"] .measure').textContent()
  expect(measure).toContain('<script>alert(1)</script>')
  expect(measure).toContain('<img src=x onerror=alert(2)>')
  expect(measure).toContain('<a href="javascript:alert(3)">链接</a>')
  expect(await page.locator('#source').textContent()).toContain('<script>alert(1)</script>')
  expect(await page.locator('.row[data-seq="1"] .units').textContent()).toContain('<b>加粗</b>')
  await page.click('.row[data-seq="1"] .measure')
  await page.waitForTimeout(300)
  const made = await page.evaluate(() => ({
    scripts: [...document.scripts].map((s) => s.src || 'inline'),
    images: document.images.length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript"]').length,
    bold: document.querySelectorAll('main b').length,
  }))
  expect(made).toEqual({ scripts: [expect.stringMatching(/\/assets\/index-[\w-]+\.js$/)], images: 0, javascriptLinks: 0, bold: 0 })
  expect(dialogs).toEqual([])
  await page.close()
})

it('6. the page refuses to be served under another name (DNS rebinding) and a foreign page cannot call the API', async () => {
  // A browser in which attacker.test resolves to this machine, as after DNS rebinding.
  const rebound = await launch({ args: ['--host-resolver-rules=MAP attacker.test 127.0.0.1'] })
  const page = await rebound.context.newPage()
  const response = await page.goto(`http://attacker.test:${server.port}/`)
  expect(response?.status()).toBe(421)
  expect(await page.content()).toContain('refused')
  // A page of another origin (the refused one counts as one) calling the API with fetch.
  const status = await page.evaluate(async (url) => {
    try {
      const r = await fetch(url, { method: 'PUT', headers: { 'x-policykb': '1', 'content-type': 'application/json' }, body: '{"corrections":[]}', mode: 'cors' })
      return r.status
    } catch {
      return 'blocked'
    }
  }, `${base()}api/documents/${encodeURIComponent(docId(SEED_001))}/corrections`)
  // The preflight is refused (no CORS headers), so the request never reaches the handler.
  expect(status).toBe('blocked')
  expect((await view(docId(SEED_001))).corrections).toEqual([])
  await rebound.close()
})
