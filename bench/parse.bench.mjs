// Parse throughput: policykb's parser on the five seed documents and on a 100× corpus, beside a
// baseline that only reads the files and splits lines, measured in the same run.
// Run with `pnpm bench` (builds first). Numbers are MB of UTF-8 input per second.
// `--quick` (used by `pnpm check` so the benchmark cannot rot) stops at ×10 and runs fewer rounds.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractMeasures, fromMarkdown, normalize, parse, toPolicyTree } from '../packages/parser/dist/index.js'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))
const files = readdirSync(fixtures, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(fixtures, d.name, `${d.name}.txt`))
  // the plain-text documents (the seeds); folders whose input is html, docx or pdf have no .txt
  .filter((p) => existsSync(p))
const quick = process.argv.includes('--quick')
const MB = (bytes) => bytes / 1e6
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function time(fn, runs) {
  const ms = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    ms.push(performance.now() - t)
  }
  return median(ms)
}

const baseline = (paths) => () => {
  let lines = 0
  for (const p of paths) lines += readFileSync(p, 'utf8').split('\n').length
  return lines
}
const parsing = (paths) => () => {
  let measures = 0
  for (const p of paths) measures += parse(readFileSync(p, 'utf8')).measures.length
  return measures
}

// warm up the JIT on every seed
for (let i = 0; i < (quick ? 1 : 3); i++) parsing(files)()

console.log('policykb parse throughput (median of runs; read + decode-free parse, MB/s of UTF-8 input)\n')
console.log('document                         size KB   baseline MB/s   parse MB/s   ratio')
for (const f of files) {
  const bytes = readFileSync(f).length
  const b = time(baseline([f]), quick ? 3 : 20)
  const p = time(parsing([f]), quick ? 2 : 10)
  const name = f.split('/').pop().padEnd(32)
  console.log(`${name} ${(bytes / 1024).toFixed(0).padStart(7)}   ${(MB(bytes) / (b / 1000)).toFixed(1).padStart(13)}   ${(MB(bytes) / (p / 1000)).toFixed(2).padStart(10)}   ${(p / b).toFixed(0).padStart(5)}×`)
}

for (const copies of quick ? [1, 10] : [1, 100]) {
  const corpus = Array.from({ length: copies }, () => files).flat()
  const bytes = corpus.reduce((n, f) => n + readFileSync(f).length, 0)
  const runs = copies === 1 && !quick ? 10 : 1
  const b = time(baseline(corpus), runs)
  const p = time(parsing(corpus), runs)
  console.log(
    `\nseeds ×${copies}: ${corpus.length} documents, ${MB(bytes).toFixed(1)} MB — baseline ${(MB(bytes) / (b / 1000)).toFixed(1)} MB/s, parse ${(MB(bytes) / (p / 1000)).toFixed(2)} MB/s (${(p / 1000).toFixed(1)} s), parse is ${(p / b).toFixed(0)}× the baseline`,
  )
}

// where the time goes, on the largest seed
const largest = files.map((f) => [f, readFileSync(f, 'utf8')]).sort((a, b) => b[1].length - a[1].length)[0]
const text = largest[1]
const stages = { normalize: 0, fromMarkdown: 0, toPolicyTree: 0, extractMeasures: 0 }
const rounds = quick ? 2 : 10
for (let i = 0; i < rounds; i++) {
  let t = performance.now()
  const n = normalize(text)
  stages.normalize += performance.now() - t
  t = performance.now()
  const mdast = fromMarkdown(n)
  stages.fromMarkdown += performance.now() - t
  t = performance.now()
  const tree = toPolicyTree(n, mdast)
  stages.toPolicyTree += performance.now() - t
  t = performance.now()
  extractMeasures(tree)
  stages.extractMeasures += performance.now() - t
}
const total = Object.values(stages).reduce((a, b) => a + b, 0)
console.log(`\nstages on ${largest[0].split('/').pop()} (share of parse time):`)
for (const [k, v] of Object.entries(stages)) console.log(`  ${k.padEnd(16)} ${(v / rounds).toFixed(1).padStart(7)} ms  ${((v / total) * 100).toFixed(0).padStart(3)}%`)
