// Search benchmark: `pnpm bench:search` (builds first). Imports the built packages from dist/.
//
// Corpus: the five seed documents parsed by @policykb/parser, replicated ×1, ×10, ×100 as distinct
// documents (so every measure has a distinct id). Engines, all over the same fields (title,
// direction, text, unit list):
//   - policykb: @policykb/search (positional bigram index + word impacts)
//   - MiniSearch 7 with the same tokenizer (@node-rs/jieba with the same dictionary), AND queries
//   - FlexSearch 0.8 with a bigram encoder, candidates verified by substring (×1 and ×10 only;
//     set BENCH_FLEX_100=1 to run it at ×100 too)
//   - scan: a plain substring scan of the folded fields (the recall reference)
// Queries: packages/search/test/fixtures/queries.json (real queries: units, aliases, policy terms,
// dates, phrases, query syntax). "top 10" = limit 10 with highlights; "all" = every hit, ranked,
// no highlights. Recall = share of the scan's measures an engine returns, averaged over queries.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc')

const root = fileURLToPath(new URL('..', import.meta.url))
const searchDist = join(root, 'packages/search/dist/index.js')
const search = await import(pathToFileURL(searchDist).href)
const { parse } = await import(pathToFileURL(join(root, 'packages/parser/dist/index.js')).href)
const { default: MiniSearch } = await import('minisearch')
const flexsearch = await import('flexsearch')
const FlexIndex = flexsearch.Index ?? flexsearch.default.Index

const {
  createKnowledgeBase,
  createJiebaTokenizer,
  fieldValue,
  FIELDS,
  foldText,
  parseQuery,
  policyTerms,
  shippedAliasTable,
  loadKnowledgeBase,
} = search

// ---------------------------------------------------------------- corpus
const fixtures = join(root, 'fixtures')
const seeds = readdirSync(fixtures)
  .filter((d) => /^\d{3}_/.test(d))
  .sort()
  .map((id) => ({ id: id.slice(0, 3), text: readFileSync(join(fixtures, id, `${id}.txt`), 'utf8') }))
const t0 = performance.now()
const parsed = seeds.map(({ id, text }) => {
  const { document, measures, diagnostics } = parse(text)
  return { id, result: { document, measures, diagnostics } }
})
const parseMs = performance.now() - t0
const seedMeasures = parsed.flatMap(({ result }) => result.measures)
const queries = JSON.parse(readFileSync(join(root, 'packages/search/test/fixtures/queries.json'), 'utf8')).queries.map((x) => x.q)

// ---------------------------------------------------------------- helpers
const mb = (bytes) => bytes / 1e6
const fmt = (x, d = 2) => (x === undefined || Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(d))
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
function memory() {
  gc()
  gc()
  const m = process.memoryUsage()
  return { heap: m.heapUsed, buffers: m.arrayBuffers }
}
function time(fn) {
  const start = performance.now()
  const value = fn()
  return { ms: performance.now() - start, value }
}
function fieldsOf(measure) {
  return FIELDS.map((f) => fieldValue(measure, f))
}
function replicate(times) {
  const out = []
  for (let r = 0; r < times; r++) for (const { id, result } of parsed) out.push({ id: times === 1 ? id : `${id}#${r}`, result })
  return out
}
function dictionaryWords() {
  const words = new Set(policyTerms())
  for (const g of shippedAliasTable().groups) for (const s of g.spellings) words.add(s.name)
  for (const m of seedMeasures) for (const u of [...m.leadUnits, ...m.units]) words.add(u.name).add(u.normalized)
  return [...words].map(foldText)
}
const WORD = /[\p{L}\p{N}]/u

// ---------------------------------------------------------------- tokenizers (fresh processes)
function tokenizerReport(which, textFile) {
  const code = `
    const t0 = performance.now()
    const m = await import(${JSON.stringify(pathToFileURL(searchDist).href)})
    const tok = ${which === 'nodejieba' ? 'm.createNodejiebaTokenizer()' : 'm.createJiebaTokenizer()'}
    const before = performance.now()
    tok.cut('预热')
    const loadMs = performance.now() - before
    const rss = process.memoryUsage().rss
    const text = (await import('node:fs')).readFileSync(${JSON.stringify(textFile)}, 'utf8')
    const bytes = Buffer.byteLength(text)
    let n = 0, start = performance.now()
    while (performance.now() - start < 1500) { for (const p of text.split('\\n')) tok.cut(p); n++ }
    const secs = (performance.now() - start) / 1000
    const units = ['市税务局', '市人力资源社会保障局', '人行许昌市中心支行'].map((u) => tok.cut(u).join('|'))
    console.log(JSON.stringify({ loadMs, rss, mbps: (bytes * n) / secs / 1e6, year: tok.cut('2022年6月底前').join('|'), units }))
  `
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })
  if (child.status !== 0) return { error: child.error?.message ?? (child.stderr.split('\n').find((l) => /Error/.test(l)) || 'failed') }
  return JSON.parse(child.stdout.trim().split('\n').pop())
}

// ---------------------------------------------------------------- engines
function buildPolicykb(docs, tokenizer) {
  const kb = createKnowledgeBase({ tokenizer })
  for (const { id, result } of docs) kb.add(result, { document: id })
  kb.stats() // builds the index
  return {
    name: 'policykb',
    kb,
    top: (q) => kb.search(q, { limit: 10 }).hits.map((h) => h.id),
    all: (q) => kb.search(q, { limit: Number.POSITIVE_INFINITY, highlight: false }).hits.map((h) => h.id),
  }
}

function buildMiniSearch(docs, tokenizer) {
  const ms = new MiniSearch({
    fields: ['title', 'direction', 'text', 'units'],
    idField: 'id',
    tokenize: (text) => tokenizer.cut(foldText(text)).filter((w) => WORD.test(w)),
    processTerm: (term) => term,
    searchOptions: { combineWith: 'AND', boost: { title: 3, direction: 2, units: 2 } },
  })
  const rows = []
  for (const { id, result } of docs) {
    for (const m of result.measures) {
      const [title, direction, text, units] = fieldsOf(m)
      rows.push({ id: `${id}#${m.id}`, title, direction, text, units })
    }
  }
  ms.addAll(rows)
  // MiniSearch has no phrases or exclusion: give it the positive terms.
  const q = (query) =>
    parseQuery(query)
      .terms.filter((t) => !t.negate)
      .map((t) => t.text)
      .join(' ')
  return {
    name: 'MiniSearch',
    top: (query) => ms.search(q(query)).slice(0, 10).map((r) => r.id),
    all: (query) => ms.search(q(query)).map((r) => r.id),
  }
}

function scanEngine(docs) {
  const ids = []
  const folded = []
  for (const { id, result } of docs) {
    for (const m of result.measures) {
      ids.push(`${id}#${m.id}`)
      folded.push(fieldsOf(m).map(foldText))
    }
  }
  const run = (query, limit) => {
    const terms = parseQuery(query).terms.map((t) => ({ text: foldText(t.text), negate: t.negate }))
    const out = []
    for (let i = 0; i < folded.length; i++) {
      const f = folded[i]
      if (terms.every((t) => f.some((x) => x.includes(t.text)) !== t.negate)) out.push(ids[i])
    }
    return out.slice(0, limit)
  }
  return { name: 'scan', top: (q) => run(q, 10), all: (q) => run(q, Number.POSITIVE_INFINITY) }
}

function buildFlex(docs) {
  const bigrams = (s) => {
    const out = []
    for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2))
    return out
  }
  const index = new FlexIndex({ tokenize: 'strict', encode: bigrams })
  const hays = []
  const ids = []
  for (const { id, result } of docs) {
    for (const m of result.measures) {
      const hay = fieldsOf(m).map(foldText).join('\u0000')
      index.add(hays.length, hay)
      hays.push(hay)
      ids.push(`${id}#${m.id}`)
    }
  }
  const run = (query, limit) => {
    const terms = parseQuery(query).terms.map((t) => ({ text: foldText(t.text), negate: t.negate }))
    let cands
    for (const t of terms.filter((x) => !x.negate)) {
      // a one-character term has no bigram: FlexSearch cannot answer it, scan instead
      const c = t.text.length < 2 ? hays.map((_, i) => i) : index.search(t.text, { limit: hays.length })
      if (cands) {
        const keep = new Set(c)
        cands = cands.filter((i) => keep.has(i))
      } else cands = c
    }
    cands ??= hays.map((_, i) => i)
    const out = []
    for (const i of cands.sort((a, b) => a - b)) {
      if (terms.every((t) => hays[i].includes(t.text) !== t.negate)) out.push(ids[i])
      if (out.length >= limit) break
    }
    return out
  }
  return { name: 'FlexSearch+verify', top: (q) => run(q, 10), all: (q) => run(q, Number.POSITIVE_INFINITY) }
}

function latencies(engine, mode, runs) {
  gc() // do not bill one engine for another's garbage
  const samples = []
  for (const q of queries) {
    engine[mode](q) // warm
    for (let r = 0; r < runs; r++) {
      const start = performance.now()
      engine[mode](q)
      samples.push(performance.now() - start)
    }
  }
  samples.sort((a, b) => a - b)
  return { p50: pct(samples, 0.5), p99: pct(samples, 0.99) }
}

function recall(engine, truth) {
  let sum = 0
  let full = 0
  let n = 0
  queries.forEach((q, i) => {
    const expected = truth[i]
    if (expected.length === 0) return
    const got = new Set(engine.all(q))
    const hit = expected.filter((id) => got.has(id)).length
    sum += hit / expected.length
    if (hit === expected.length) full++
    n++
  })
  return { recall: (sum / n) * 100, full, n }
}

// ---------------------------------------------------------------- run
console.log(`policykb search benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`)
console.log(
  `corpus: ${seeds.length} seed documents parsed by @policykb/parser in ${fmt(parseMs, 0)} ms → ${seedMeasures.length} measures; ${queries.length} real queries\n`,
)

console.log('Tokenizers (fresh process each; load = first cut, dictionary included)')
const tokRows = []
const textDir = mkdtempSync(join(tmpdir(), 'policykb-bench-text-'))
const textFile = join(textDir, 'measures.txt')
writeFileSync(textFile, seedMeasures.map((m) => m.text).join('\n'))
for (const which of ['node-rs-jieba', 'nodejieba']) {
  const r = tokenizerReport(which, textFile)
  if (r.error) tokRows.push([which, 'unavailable', '', '', '', r.error])
  else tokRows.push([which, fmt(r.loadMs / 1000, 2), fmt(r.rss / 1e6, 0), fmt(r.mbps, 1), r.year, r.units.join('  ')])
}
rmSync(textDir, { recursive: true, force: true })
console.log(table(['tokenizer', 'load s', 'RSS MB', 'cut MB/s', '2022年6月底前', 'default cut of unit names'], tokRows))
console.log()

const tokenizer = createJiebaTokenizer({ userDict: dictionaryWords() })
tokenizer.cut('预热')

// `--quick` (used by `pnpm check` so the benchmark cannot rot) stops at ×10.
const scales = process.argv.includes('--cold') ? [] : process.argv.includes('--quick') ? [1, 10] : [1, 10, 100]
const results = []
for (const scale of scales) {
  const docs = replicate(scale)
  let bytes = 0
  let measures = 0
  for (const { result } of docs) {
    for (const m of result.measures) {
      bytes += Buffer.byteLength(fieldsOf(m).join(''))
      measures++
    }
  }
  const runs = scale === 1 ? 20 : scale === 10 ? 10 : 5
  const engines = []
  const build = (fn) => {
    const before = memory()
    const { ms, value } = time(fn)
    const after = memory()
    engines.push({ engine: value, ms, heap: after.heap - before.heap, buffers: after.buffers - before.buffers })
  }
  build(() => buildPolicykb(docs, tokenizer))
  build(() => buildMiniSearch(docs, tokenizer))
  if (scale < 100 || process.env.BENCH_FLEX_100) build(() => buildFlex(docs))
  build(() => scanEngine(docs))
  const scan = engines.find((e) => e.engine.name === 'scan').engine
  const truth = queries.map((q) => scan.all(q))
  for (const e of engines) {
    e.top = latencies(e.engine, 'top', runs)
    e.all = latencies(e.engine, 'all', runs)
    e.recall = recall(e.engine, truth)
  }
  results.push({ scale, measures, bytes, engines })
  const ours = engines[0]
  console.log(`×${scale}: ${measures} measures, ${fmt(mb(bytes), 1)} MB of indexed text, ${runs} runs a query`)
  console.log(
    table(
      ['engine', 'build s', 'MB/s', 'heap MB', '+buffers MB', 'top10 p50 ms', 'top10 p99 ms', 'all p50 ms', 'all p99 ms', 'recall %', '100% on'],
      engines.map((e) => [
        e.engine.name,
        fmt(e.ms / 1000, 2),
        fmt(mb(bytes) / (e.ms / 1000), 1),
        fmt(mb(e.heap), 1),
        fmt(mb(e.buffers), 1),
        fmt(e.top.p50, 3),
        fmt(e.top.p99, 3),
        fmt(e.all.p50, 3),
        fmt(e.all.p99, 3),
        fmt(e.recall.recall, 1),
        `${e.recall.full}/${e.recall.n}`,
      ]),
    ),
  )
  const ratio = (a, b) => (b > 0 ? `${fmt(a / b, 2)}×` : '—')
  console.log(
    table(
      ['policykb vs', 'build MB/s', 'top10 p50', 'top10 p99', 'all p50', 'all p99'],
      engines.slice(1).map((e) => [
        e.engine.name,
        ratio(e.ms, ours.ms),
        ratio(e.top.p50, ours.top.p50),
        ratio(e.top.p99, ours.top.p99),
        ratio(e.all.p50, ours.all.p50),
        ratio(e.all.p99, ours.all.p99),
      ]),
    ),
  )
  console.log('(ratios: how many times faster policykb is; < 1× means slower)\n')
  if (scale === 1) {
    // Cold start: save ×1, then a fresh process loads it and answers one query (what `policykb search` does).
    const dir = mkdtempSync(join(tmpdir(), 'policykb-bench-'))
    await ours.engine.kb.save(dir)
    const code = `
      const m = await import(${JSON.stringify(pathToFileURL(searchDist).href)})
      const kb = await m.loadKnowledgeBase(${JSON.stringify(dir)})
      process.stdout.write(m.formatHits(kb.search('市税务局')).split('\\n')[0])
    `
    const walls = []
    const bare = []
    for (let i = 0; i < 5; i++) {
      let s = performance.now()
      const c = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })
      walls.push(performance.now() - s)
      if (c.status !== 0) throw new Error(c.stderr)
      s = performance.now()
      spawnSync(process.execPath, ['-e', '0'])
      bare.push(performance.now() - s)
    }
    walls.sort((a, b) => a - b)
    bare.sort((a, b) => a - b)
    const loadTimes = []
    for (let i = 0; i < 5; i++) {
      const s = performance.now()
      const kb = await loadKnowledgeBase(dir)
      kb.search('市税务局')
      loadTimes.push(performance.now() - s)
    }
    loadTimes.sort((a, b) => a - b)
    rmSync(dir, { recursive: true, force: true })
    console.log(
      `cold start (×1 saved, fresh process: import, load, search 市税务局, print): median ${fmt(walls[2], 0)} ms wall ` +
        `(bare \`node -e 0\`: ${fmt(bare[2], 0)} ms; load + first search in a warm process: ${fmt(loadTimes[2], 1)} ms); target < 500 ms\n`,
    )
  }
}

// Cold `policykb search` on the ×100 knowledge base (500 documents, 46 200 measures), a fresh
// process each time: wall time and peak RSS, for the store as format 1 wrote it (every measure in
// one documents.json, the whole index read and copied) and as format 2 writes it (briefs, measures
// read when shown, the index viewed in place). `--cold` runs only this row (after a build).
async function coldRows(docs) {
  const kb = createKnowledgeBase({ tokenizer })
  for (const { id, result } of docs) kb.add(result, { document: id })
  const base = mkdtempSync(join(tmpdir(), 'policykb-bench-cold-'))
  const v2 = join(base, 'v2')
  await kb.save(v2)
  // Format 1, as main wrote it before: the same state, the old encoder, files beside the manifest.
  const { encodeIndexFile } = await import(pathToFileURL(join(root, 'packages/search/dist/indexFile.js')).href)
  const { createHash } = await import('node:crypto')
  const state = kb.state()
  const v1 = join(base, 'v1')
  const { mkdirSync } = await import('node:fs')
  mkdirSync(v1)
  const documents = Buffer.from(JSON.stringify({ documents: state.documents, dictionary: state.dictionary, entries: state.entries.map((e) => ({ document: e.document, measure: e.measure })) }))
  const index = encodeIndexFile(state.index, state.entries.map((e) => e.bounds))
  const sha = (b) => createHash('sha256').update(b).digest('hex')
  writeFileSync(join(v1, 'documents.json'), documents)
  writeFileSync(join(v1, 'index.bin'), index)
  const manifest = JSON.parse(readFileSync(join(v2, 'manifest.json'), 'utf8'))
  delete manifest.data
  manifest.formatVersion = 1
  manifest.files = { 'documents.json': { bytes: documents.byteLength, sha256: sha(documents) }, 'index.bin': { bytes: index.byteLength, sha256: sha(index) } }
  writeFileSync(join(v1, 'manifest.json'), JSON.stringify(manifest))
  const size = (dir) => {
    let total = 0
    for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? size(join(dir, e.name)) : readFileSync(join(dir, e.name)).byteLength
    return total
  }
  const bin = join(root, 'packages/cli/dist/bin.js')
  // The CLI in a fresh process; it reports its own peak RSS when it exits.
  const wrapper = `process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n')); process.argv = [process.argv[0], ${JSON.stringify(bin)}, ...process.argv.slice(1)]; await import(${JSON.stringify(pathToFileURL(bin).href)})`
  const rows = []
  for (const [label, dir] of [['format 1 (before)', v1], ['format 2 (after)', v2]]) {
    const walls = []
    const rss = []
    for (let i = 0; i < 3; i++) {
      const s = performance.now()
      const c = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper, 'search', '市税务局', '--kb', dir, '--limit', '10'], { encoding: 'utf8' })
      walls.push(performance.now() - s)
      if (c.status !== 0) throw new Error(c.stderr)
      rss.push(Number(/MAXRSS (\d+)/.exec(c.stderr)[1]) * 1024)
    }
    walls.sort((a, b) => a - b)
    rss.sort((a, b) => a - b)
    rows.push({ label, ms: walls[1], rss: rss[1], bytes: size(dir) })
  }
  const bare = []
  for (let i = 0; i < 3; i++) {
    const s = performance.now()
    spawnSync(process.execPath, ['-e', '0'])
    bare.push(performance.now() - s)
  }
  bare.sort((a, b) => a - b)
  rmSync(base, { recursive: true, force: true })
  console.log(`Cold \`policykb search 市税务局 --kb KB\` at ×100 (${state.entries.length} measures), fresh process, median of 3 (bare \`node -e 0\`: ${fmt(bare[1], 0)} ms)`)
  console.log(
    table(
      ['store', 'KB MB', 'wall s', 'peak RSS MB', 'RSS / KB size'],
      rows.map((r) => [r.label, fmt(mb(r.bytes), 0), fmt(r.ms / 1000, 2), fmt(mb(r.rss), 0), fmt(r.rss / r.bytes, 2)]),
    ),
  )
  console.log(`format 2 vs format 1: ${fmt(rows[0].ms / rows[1].ms, 2)}× faster, ${fmt(rows[0].rss / rows[1].rss, 2)}× less memory; targets ≤ 1 s and RSS ≤ KB size\n`)
}
if (scales.includes(100) || process.argv.includes('--cold')) await coldRows(replicate(100))

const last = results.find((r) => r.scale === 100)
if (last) {
  const ours = last.engines[0]
  const ok = (cond) => (cond ? 'ok' : 'MISSED')
  console.log('Targets at ×100 (top 10, recall 100 %):')
  console.log(
    table(
      ['target', 'measured', ''],
      [
        ['top10 p50 ≤ 0.5 ms', `${fmt(ours.top.p50, 3)} ms`, ok(ours.top.p50 <= 0.5)],
        ['top10 p99 ≤ 5 ms', `${fmt(ours.top.p99, 3)} ms`, ok(ours.top.p99 <= 5)],
        ['build ≥ 3 MB/s', `${fmt(mb(last.bytes) / (ours.ms / 1000), 1)} MB/s`, ok(mb(last.bytes) / (ours.ms / 1000) >= 3)],
        ['recall 100 %', `${fmt(ours.recall.recall, 1)} %`, ok(ours.recall.full === ours.recall.n)],
      ],
    ),
  )
}
