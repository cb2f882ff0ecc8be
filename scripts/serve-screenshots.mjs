#!/usr/bin/env node
// Screenshots of the review page for the README: the document view of seed 002 with row 100
// selected, and the search view for 一网通办 with its facets. Same browser set-up as the
// end-to-end tests (Debian's chromium, headless, fresh profile). Run after `pnpm build`:
//   node scripts/serve-screenshots.mjs        → docs/serve-document.png, docs/serve-search.png
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer } from '../packages/serve/dist/index.js'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('../', import.meta.url))
const seeds = ['001_d25d4ccf3a63151e', '002_c5ffb9b641a0b531']
const work = mkdtempSync(join(tmpdir(), 'policykb-shots-'))
mkdirSync(join(work, 'docs'))
for (const s of seeds) copyFileSync(join(root, 'fixtures', s, `${s}.txt`), join(work, 'docs', `${s}.txt`))
const profile = mkdtempSync(join(tmpdir(), 'policykb-chromium-'))
const server = await startServer({ files: ['docs'], cwd: work, port: 0, log: () => undefined })
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1440, height: 900 },
  locale: 'zh-CN',
})
try {
  const page = await context.newPage()
  const base = `http://127.0.0.1:${server.port}/`
  await page.goto(`${base}#/doc/${encodeURIComponent(`docs/${seeds[1]}.txt`)}`)
  await page.waitForSelector('.row[data-seq="100"]', { timeout: 120_000 })
  await page.click('.row[data-seq="100"]')
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(root, 'docs', 'serve-document.png') })
  await page.goto(`${base}#/search?q=${encodeURIComponent('一网通办')}`)
  await page.waitForSelector('.hit')
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(root, 'docs', 'serve-search.png') })
  console.error('wrote docs/serve-document.png and docs/serve-search.png')
} finally {
  await context.close()
  await server.close()
  rmSync(profile, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
}
