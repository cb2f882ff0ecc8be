// Word reading throughput: policykb's docx reader on every fixtures/*/*.docx, beside a peer that
// only unzips word/document.xml (fflate, as the reader does) and runs saxes, a general streaming
// XML parser, over it without building anything — the floor of a reader built on those two
// libraries — measured in the same run;
// and the .doc reader beside word-extractor's own extraction (no target for .doc).
// Run with `pnpm bench` (builds first). Numbers are MB of input file per second. Target: docx ≥ 10 MB/s.
// `--quick` (used by `pnpm check` so the benchmark cannot rot) runs fewer rounds.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { read } from '../packages/parser/dist/index.js'

import { unzipSync } from 'fflate'
import { SaxesParser } from 'saxes'

const require = createRequire(fileURLToPath(new URL('../packages/parser/package.json', import.meta.url)))
const WordExtractor = require('word-extractor')

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))
const quick = process.argv.includes('--quick')
const filesOf = (ext) =>
  readdirSync(fixtures, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(fixtures, d.name)).filter((f) => f.endsWith(`.${ext}`)).map((f) => readFileSync(join(fixtures, d.name, f))))
const MB = (bytes) => bytes / 1e6
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function time(fn, runs) {
  const ms = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    ms.push(performance.now() - t)
  }
  return median(ms)
}

const decoder = new TextDecoder()
function peerDocx(bytes) {
  const parts = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })
  const parser = new SaxesParser()
  let elements = 0
  parser.on('opentag', () => elements++)
  parser.write(decoder.decode(parts['word/document.xml'])).close()
  return elements
}

async function bench(label, files, ours, peer) {
  const bytes = files.reduce((n, f) => n + f.length, 0)
  const all = (fn) => async () => {
    for (const f of files) await fn(f)
  }
  for (let i = 0; i < (quick ? 1 : 3); i++) await all(ours)()
  const p = await time(all(peer), quick ? 2 : 15)
  const o = await time(all(ours), quick ? 2 : 15)
  console.log(
    `${label.padEnd(6)} ${String(files.length).padStart(5)} files ${MB(bytes).toFixed(2).padStart(7)} MB   peer ${(MB(bytes) / (p / 1000)).toFixed(1).padStart(7)} MB/s   policykb ${(MB(bytes) / (o / 1000)).toFixed(1).padStart(7)} MB/s   ${(o / p).toFixed(2)}× the peer's time`,
  )
  return MB(bytes) / (o / 1000)
}

console.log('policykb Word reading throughput (median of runs, MB/s of input file)\n')
const docx = filesOf('docx')
const docxRate = await bench('docx', docx, (f) => read(f, { format: 'docx' }), peerDocx)
await bench('doc', filesOf('doc'), (f) => read(f, { format: 'doc' }), (f) => new WordExtractor().extract(f).then((d) => d.getBody()))
// the same documents ×20 in one go, to see the rate hold on a larger corpus
const corpus = Array.from({ length: quick ? 2 : 20 }, () => docx).flat()
await bench(`docx×${quick ? 2 : 20}`, corpus, (f) => read(f, { format: 'docx' }), peerDocx)
console.log(`\ndocx target ≥ 10 MB/s: ${docxRate >= 10 ? 'met' : 'NOT met'} (${docxRate.toFixed(1)} MB/s)`)
