import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadKnowledgeBase } from '@policykb/search'
import { afterAll, expect, it, vi } from 'vitest'
import { main } from '../src/main.js'
import { fakeIo, PLAN } from './helpers.js'

// A parser that throws on one document (a parser bug, such as a stack overflow on deep nesting):
// `index` must report that file, skip it, and still write the knowledge base of the others.
vi.mock('../src/parser.js', async (original) => {
  const real = await original<typeof import('../src/parser.js')>()
  return {
    ...real,
    parseSource: (source: Parameters<typeof real.parseSource>[0], options?: Parameters<typeof real.parseSource>[1]) => {
      if (source.text.includes('让解析器崩溃')) throw new RangeError('Maximum call stack size exceeded\n    at visit (lines.ts:1:1)')
      return real.parseSource(source, options)
    },
  }
})

const tmp = mkdtempSync(join(tmpdir(), 'policykb-index-parse-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

it('a file whose parse throws is reported in one line and skipped; the knowledge base is written', async () => {
  const bad = join(tmp, 'bad.txt')
  writeFileSync(bad, '二、重点任务\n1.让解析器崩溃。\n')
  const kb = join(tmp, 'kb')
  const fake = fakeIo()
  expect(await main(['index', PLAN, bad, '-o', kb, '-q'], fake.io)).toBe(1)
  expect(fake.stderr()).toBe(`policykb: ${bad}: cannot parse: Maximum call stack size exceeded; skipped\n`)
  const loaded = await loadKnowledgeBase(kb)
  expect(loaded.documents().map((d) => d.id)).toHaveLength(1)
  expect(loaded.size).toBeGreaterThan(0)
})
