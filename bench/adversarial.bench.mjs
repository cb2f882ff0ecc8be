// Time and memory of the parser on adversarial text (issue 9): one row per input of
// bench/adversarial-inputs.mjs, each parsed in a child process of its own so that its peak
// resident memory (maxRSS) is its own. MB/s are MB of UTF-8 input per second of `parse`.
//
//   node bench/adversarial.bench.mjs                     the current build (packages/parser/dist)
//   node bench/adversarial.bench.mjs --before DIR        beside it, the build in checkout DIR
//   node bench/adversarial.bench.mjs --quick             a tenth of each size (bench:smoke)
//   options: --timeout S (per case, default 120; quick 30), --only ID[,ID…], --at DIR (measure
//   the build in checkout DIR instead of this one)
import { spawnSync } from 'node:child_process'
import { Worker } from 'node:worker_threads'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CASES } from './adversarial-inputs.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const args = process.argv.slice(2)
const option = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/**
 * Sample the process's resident memory every 2 ms from a worker thread while the main thread is
 * busy in a synchronous `parse`: the peak of the parse itself, not of building its input.
 */
function rssSampler() {
  const shared = new BigInt64Array(new SharedArrayBuffer(24)) // [stop, peak, started]
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads')
     const s = workerData, tick = new Int32Array(new SharedArrayBuffer(4))
     Atomics.store(s, 2, 1n)
     while (Atomics.load(s, 0) === 0n) {
       const rss = BigInt(process.memoryUsage.rss())
       if (rss > Atomics.load(s, 1)) Atomics.store(s, 1, rss)
       Atomics.wait(tick, 0, 0, 2)
     }`,
    { eval: true, workerData: shared },
  )
  while (Atomics.load(shared, 2) === 0n) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1)
  return {
    reset: () => Atomics.store(shared, 1, 0n),
    stop: () => {
      Atomics.store(shared, 0, 1n)
      worker.unref()
      return Number(Atomics.load(shared, 1))
    },
  }
}

if (args[0] === '--child') {
  // child: build the input, parse it once, print one JSON line
  const [, id, root, scale] = args
  const { parse } = await import(pathToFileURL(resolve(root, 'packages/parser/dist/index.js')).href)
  const c = CASES.find((x) => x.id === id)
  const text = c.make(Number(scale))
  const bytes = Buffer.byteLength(text)
  const sampler = rssSampler()
  globalThis.gc?.()
  const rss0 = process.memoryUsage.rss()
  sampler.reset()
  const t = performance.now()
  let outcome
  try {
    const r = parse(text)
    outcome = { measures: r.measures.length, diagnostics: r.diagnostics.length }
  } catch (e) {
    outcome = { error: `${e?.name ?? 'Error'}: ${String(e?.message ?? e).slice(0, 80)}` }
  }
  const ms = performance.now() - t
  const peak = Math.max(sampler.stop(), process.memoryUsage.rss())
  console.log(JSON.stringify({ bytes, ms, rss: peak, added: Math.max(0, peak - rss0), ...outcome }))
  process.exit(0)
}

const quick = args.includes('--quick')
const scale = quick ? 0.1 : 1
const timeout = Number(option('--timeout') ?? (quick ? 30 : 120)) * 1000
const before = option('--before')
const only = option('--only')?.split(',')
const current = resolve(option('--at') ?? resolve(here, '..'))

function run(root, id) {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', id, root, String(scale)], {
    encoding: 'utf8',
    timeout,
    maxBuffer: 1 << 20,
  })
  if (child.error?.code === 'ETIMEDOUT' || child.signal === 'SIGTERM') return { timeout: true }
  const line = child.stdout.trim().split('\n').at(-1)
  try {
    return JSON.parse(line)
  } catch {
    const why = child.stderr.trim().split('\n').find((l) => /Error/.test(l)) ?? `exit ${child.status}`
    return { error: why.slice(0, 80) }
  }
}

const MB = 1e6
const cell = (r) => {
  if (r.timeout) return { time: `> ${timeout / 1000} s`, speed: '–', rss: '–', added: '–' }
  if (r.error) return { time: 'crash', speed: '–', rss: '–', added: '–' }
  const s = r.ms / 1000
  return {
    time: s < 1 ? `${r.ms.toFixed(0)} ms` : `${s.toFixed(1)} s`,
    speed: `${(r.bytes / MB / s).toFixed(2)} MB/s`,
    rss: `${(r.rss / MB).toFixed(0)} MB`,
    added: `${(r.added / MB).toFixed(1)} MB (${(r.added / r.bytes).toFixed(1)}×)`,
  }
}
const ratio = (a, b) => {
  if (!a || !b || a.error || a.timeout) return a?.timeout ? `> ${(timeout / b.ms).toFixed(0)}×` : '–'
  if (b.error || b.timeout) return '–'
  return `${(a.ms / b.ms).toFixed(1)}×`
}

console.log(`policykb parser on adversarial text (${quick ? 'quick: a tenth of each size' : 'full size'}; one child process per case; peak RSS)\n`)
const header = before
  ? '| input | size | target | before: time | before: memory of parse | now: time | now: MB/s | now: memory of parse | now: peak RSS | speed-up | measures |'
  : '| input | size | target | time | MB/s | memory of parse (× input) | peak RSS | measures |'
console.log(header)
console.log(header.replace(/[^|]+/g, ' --- '))
for (const c of CASES) {
  if (only && !only.includes(c.id)) continue
  const now = run(current, c.id)
  const size = now.bytes ? `${(now.bytes / MB).toFixed(2)} MB` : '?'
  const n = cell(now)
  const measures = now.error || now.timeout ? '–' : String(now.measures)
  const failed = (r) => (r.error ? ` (${r.error})` : '')
  if (before) {
    const old = run(resolve(before), c.id)
    const o = cell(old)
    console.log(`| ${c.label} | ${size} | ${c.target} | ${o.time}${failed(old)} | ${o.added} | ${n.time}${failed(now)} | ${n.speed} | ${n.added} | ${n.rss} | ${ratio(old, now)} | ${measures} |`)
  } else {
    console.log(`| ${c.label} | ${size} | ${c.target} | ${n.time}${failed(now)} | ${n.speed} | ${n.added} | ${n.rss} | ${measures} |`)
  }
}
console.log(`\nmemory of parse: peak resident memory while parsing (sampled every 2 ms) minus the resident memory just before; × input: over the input's UTF-8 bytes. ${process.arch}, ${(await import('node:os')).cpus().length} cores, Node ${process.version}.`)
