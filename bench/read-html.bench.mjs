// HTML reading throughput: policykb's HTML reader (decode, parse, lay out, choose the article,
// metadata) on the ten gov.cn pages of fixtures/ and on one large page, beside a peer doing the
// plain part of the job on the same bytes — UTF-8 decoding, rehype-parse and hast-util-to-text
// (the innerText algorithm) — measured in the same run. Numbers are MB of HTML input per second.
// Run with `pnpm bench` (builds first); `--quick` (pnpm check) runs fewer rounds on a 1 MB page
// instead of 10 MB.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { toText } from 'hast-util-to-text'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { readers } from '../packages/parser/dist/index.js'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))
const pages = readdirSync(fixtures)
  .map((name) => join(fixtures, name, `${name}.html`))
  .filter((file) => existsSync(file))
  .map((file) => ({ name: file.split('/').pop(), bytes: new Uint8Array(readFileSync(file)) }))
const quick = process.argv.includes('--quick')
const MB = (bytes) => bytes / 1e6
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const processor = unified().use(rehypeParse)

async function time(fn, runs) {
  const ms = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    ms.push(performance.now() - t)
  }
  return median(ms)
}

const policykb = (bytes) => async () => {
  const out = await readers.html(bytes, {})
  if (!out.ok) throw new Error(out.reason)
  return out.source.text.length
}
const peer = (bytes) => async () => toText(processor.parse(new TextDecoder().decode(bytes))).length

/** A large page: one article whose body is the ten pages' articles over and over, up to `size` bytes. */
function largePage(size) {
  const bodies = pages.map((p) => new TextDecoder().decode(p.bytes))
  let html = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>大页面</title></head><body><div id="content">'
  for (let i = 0; html.length * 2 < size; i++) html += bodies[i % bodies.length]
  return new TextEncoder().encode(`${html}</div></body></html>`)
}

for (const p of pages) await policykb(p.bytes)() // warm up the JIT

console.log('policykb HTML reader throughput (median of runs, MB/s of HTML input)\n')
console.log('page                                   size KB   peer MB/s   policykb MB/s   policykb/peer time')
let total = 0
let peerMs = 0
let ownMs = 0
for (const p of pages) {
  const runs = quick ? 2 : 10
  const a = await time(peer(p.bytes), runs)
  const b = await time(policykb(p.bytes), runs)
  total += p.bytes.length
  peerMs += a
  ownMs += b
  console.log(
    `${p.name.padEnd(38)} ${(p.bytes.length / 1024).toFixed(0).padStart(7)}   ${(MB(p.bytes.length) / (a / 1000)).toFixed(2).padStart(9)}   ${(MB(p.bytes.length) / (b / 1000)).toFixed(2).padStart(13)}   ${(b / a).toFixed(2).padStart(8)}×`,
  )
}
console.log(`\nall ten pages: peer ${(MB(total) / (peerMs / 1000)).toFixed(2)} MB/s, policykb ${(MB(total) / (ownMs / 1000)).toFixed(2)} MB/s (${(ownMs / peerMs).toFixed(2)}× the peer's time)`)

const big = largePage(quick ? 1e6 : 10e6)
const rssBefore = process.memoryUsage().rss
const bigPeer = await time(peer(big), 1)
const bigOwn = await time(policykb(big), 1)
const rssAfter = process.memoryUsage().rss
console.log(
  `\none page of ${MB(big.length).toFixed(1)} MB: peer ${(MB(big.length) / (bigPeer / 1000)).toFixed(2)} MB/s (${(bigPeer / 1000).toFixed(1)} s), ` +
    `policykb ${(MB(big.length) / (bigOwn / 1000)).toFixed(2)} MB/s (${(bigOwn / 1000).toFixed(1)} s, ${(bigOwn / bigPeer).toFixed(2)}× the peer's time); ` +
    `resident memory ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MiB`,
)
