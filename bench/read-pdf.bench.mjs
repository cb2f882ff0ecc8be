// PDF reading throughput: policykb's PDF reader (pdf.js + lines, paragraphs, furniture) beside
// poppler's `pdftotext` on the same files in the same run. Numbers are MB of PDF input per
// second, wall clock, median of runs. policykb is timed in this process after a warm-up (pdf.js
// is imported once, as in a batch `index`), pdftotext as the process a user would run (its start
// included: it is part of what a user waits for). The peer is skipped, and the report says so,
// where pdftotext is not installed. Target: policykb within 3× of pdftotext.
// Run with `pnpm bench` (builds first); `--quick` (used by `pnpm check`) reads the small PDFs once.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { read } from '../packages/parser/dist/index.js'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))
const quick = process.argv.includes('--quick')
const MB = (bytes) => bytes / 1e6
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

// the PDFs with a text layer: the seeds (LibreOffice), the shared pages (Chromium), the made 公文
const all = readdirSync(fixtures, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(fixtures, d.name, `${d.name}.pdf`))
  .filter((p) => existsSync(p) && existsSync(join(p, '..', 'oracle')))
const files = quick ? all.filter((p) => readFileSync(p).length < 400_000).slice(0, 3) : all
const runs = quick ? 1 : 5

const hasPdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined
const out = join(tmpdir(), `policykb-bench-${process.pid}.txt`)

async function timePolicykb(bytes) {
  const ms = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    const outcome = await read(bytes, { format: 'pdf' })
    ms.push(performance.now() - t)
    if (!outcome.ok) throw new Error(outcome.reason)
  }
  return median(ms)
}

function timePdftotext(path) {
  const ms = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    execFileSync('pdftotext', ['-enc', 'UTF-8', path, out], { stdio: 'ignore' })
    ms.push(performance.now() - t)
  }
  return median(ms)
}

// warm-up: pdf.js imported, the JIT on the reader's code
await read(readFileSync(files[0]), { format: 'pdf' })

console.log('PDF reading throughput (median of runs, wall clock, MB/s of PDF input)\n')
if (!hasPdftotext) console.log('pdftotext (poppler-utils) is not installed: the peer column is skipped\n')
console.log('document                              pages   size KB   policykb MB/s   pdftotext MB/s   ratio')
let totalBytes = 0
let totalOurs = 0
let totalPeer = 0
for (const path of files) {
  const bytes = new Uint8Array(readFileSync(path))
  const outcome = await read(bytes, { format: 'pdf' })
  const ours = await timePolicykb(bytes)
  const peer = hasPdftotext ? timePdftotext(path) : Number.NaN
  totalBytes += bytes.length
  totalOurs += ours
  totalPeer += peer
  const name = path.split('/').pop().padEnd(37)
  const rate = (ms) => (Number.isNaN(ms) ? '—' : (MB(bytes.length) / (ms / 1000)).toFixed(2))
  console.log(
    `${name} ${String(outcome.ok ? outcome.source.pages : '?').padStart(5)}   ${(bytes.length / 1024).toFixed(0).padStart(7)}   ${rate(ours).padStart(13)}   ${rate(peer).padStart(14)}   ${Number.isNaN(peer) ? '   —' : `${(ours / peer).toFixed(1).padStart(4)}×`}`,
  )
}
const overall = (ms) => (MB(totalBytes) / (ms / 1000)).toFixed(2)
console.log(
  `\nall ${files.length} PDFs, ${MB(totalBytes).toFixed(1)} MB: policykb ${overall(totalOurs)} MB/s` +
    (hasPdftotext ? `, pdftotext ${overall(totalPeer)} MB/s — policykb takes ${(totalOurs / totalPeer).toFixed(2)}× pdftotext's time (target ≤ 3×)` : ''),
)
