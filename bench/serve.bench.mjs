#!/usr/bin/env node
// The review page: time to open seed 002 (514 KB, 350 rows) in the browser and to apply a
// correction, against the bare API request each needs (the ratio is what the page adds), and the
// size of the page's bundle, raw and gzip. Same browser set-up as the end-to-end tests.
//   pnpm bench:serve            (5 runs each)   node bench/serve.bench.mjs --quick   (1 run)
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { startServer } from '../packages/serve/dist/index.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const runs = process.argv.includes('--quick') ? 1 : 5
const seed = '002_c5ffb9b641a0b531'
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x) => `${x.toFixed(0)} ms`

// Bundle size.
const web = join(root, 'packages/serve/dist/web')
let raw = 0
let gzip = 0
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else {
      const bytes = readFileSync(path)
      raw += bytes.length
      gzip += gzipSync(bytes, { level: 9 }).length
      console.log(`  ${path.slice(web.length + 1).padEnd(32)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB  gzip ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1).padStart(6)} KB`)
    }
  }
}
console.log('page bundle (packages/serve/dist/web):')
walk(web)
console.log(`  total ${(raw / 1024).toFixed(1)} KB, gzip ${(gzip / 1024).toFixed(1)} KB`)

const work = mkdtempSync(join(tmpdir(), 'policykb-bench-serve-'))
mkdirSync(join(work, 'docs'))
copyFileSync(join(root, 'fixtures', seed, `${seed}.txt`), join(work, 'docs', `${seed}.txt`))
const profile = mkdtempSync(join(tmpdir(), 'policykb-chromium-'))
const t0 = performance.now()
const server = await startServer({ files: [`docs/${seed}.txt`], cwd: work, port: 0, log: () => undefined })
const startup = performance.now() - t0
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1440, height: 900 },
})
try {
  const base = `http://127.0.0.1:${server.port}/`
  const api = `${base}api/documents/${encodeURIComponent(`docs/${seed}.txt`)}`
  const open = []
  const fetchView = []
  let size = 0
  const page = await context.newPage()
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    const body = await (await fetch(api)).text()
    fetchView.push(performance.now() - t)
    size = Buffer.byteLength(body)
    await page.goto('about:blank')
    t = performance.now()
    await page.goto(`${base}#/doc/${encodeURIComponent(`docs/${seed}.txt`)}`)
    await page.waitForSelector('.row[data-seq="350"]', { timeout: 120_000 })
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    open.push(performance.now() - t)
  }
  // Where the open goes: the API request as the browser saw it.
  const request = await page.evaluate(() => {
    const r = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/documents/'))
    return r ? r.responseEnd - r.startTime : 0
  })
  // Scrolling the source as a wheel does (300 px a frame, 200 frames), and jumping through it (20 jumps).
  const scroll = await page.evaluate(async () => {
    const pane = document.getElementById('source')
    const frame = () => new Promise((r) => requestAnimationFrame(r))
    let t = performance.now()
    for (let i = 1; i <= 200; i++) {
      pane.scrollTop += 300
      await frame()
    }
    const wheel = (performance.now() - t) / 200
    t = performance.now()
    for (let i = 1; i <= 20; i++) {
      pane.scrollTop = (pane.scrollHeight * i) / 20
      await frame()
    }
    return { wheel, jump: (performance.now() - t) / 20 }
  })
  const correct = []
  const put = []
  await page.click('.row[data-seq="5"]')
  await page.keyboard.press('e')
  await page.waitForSelector('.editor')
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    await page.fill('.editor input[name=direction]', `改革方向 ${i}`)
    await page.locator('.editor label', { hasText: '改革方向' }).locator('button').click()
    await page.waitForFunction((v) => document.querySelector('.row[data-seq="5"] .direction')?.textContent?.includes(v), `改革方向 ${i}`)
    correct.push(performance.now() - t)
    const corrections = JSON.parse(await (await fetch(api)).text()).corrections
    t = performance.now()
    await fetch(`${api}/corrections`, { method: 'PUT', headers: { 'x-policykb': '1', 'content-type': 'application/json' }, body: JSON.stringify({ corrections }) })
    put.push(performance.now() - t)
  }
  console.log(`\nseed 002 (${(statSync(join(work, 'docs', `${seed}.txt`)).size / 1024).toFixed(0)} KB, 350 rows), median of ${runs}:`)
  console.log(`  server start (read, parse, index, page files): ${ms(startup)}`)
  console.log(`  open in the page (goto → 350 rows drawn):     ${ms(median(open))}   API view alone: ${ms(median(fetchView))} (${(size / 1024).toFixed(0)} KB JSON); page/API ${(median(open) / median(fetchView)).toFixed(1)}×`)
  console.log(`  of which the API request in the browser:      ${ms(request)}`)
  console.log(`  scroll the source, per frame: wheel (300 px) ${ms(scroll.wheel)}, jump (1/20 of it) ${ms(scroll.jump)}`)
  console.log(`  apply a correction (click → row redrawn):     ${ms(median(correct))}   PUT alone: ${ms(median(put))}; page/API ${(median(correct) / median(put)).toFixed(1)}×`)
} finally {
  await context.close()
  await server.close()
  rmSync(profile, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
}
