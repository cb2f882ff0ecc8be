/**
 * Faults while a knowledge base is replaced: the writer killed (SIGKILL) at random moments, the
 * disk filling up, writers and readers running at once. After each, the directory must hold the
 * old knowledge base or the new one, loadable — never neither — and, once a later save is done,
 * nothing a failed writer left. The writers are real processes (`helpers/storeChild.mjs`, on the
 * built package: `pnpm build` first). Trials and outcomes are printed; `POLICYKB_FAULT_TRIALS`
 * sets the number of kills (default 50).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createKnowledgeBase, type KnowledgeBase, loadKnowledgeBase } from '@policykb/search'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedCorpus } from './helpers/seedMeasures.js'

const CHILD = fileURLToPath(new URL('./helpers/storeChild.mjs', import.meta.url))
const TRIALS = Number(process.env.POLICYKB_FAULT_TRIALS ?? 50)
const QUERIES = ['市税务局', '一网通办', '']

let work: string
/** Two knowledge bases to switch between: `small` (one seed) and `large` (all five). */
let small: { dir: string; kb: KnowledgeBase }
let large: { dir: string; kb: KnowledgeBase }

const answers = (kb: KnowledgeBase) => QUERIES.map((q) => kb.search(q, { limit: 5 }).hits.map((h) => h.id).join(' '))

/** Which of the two the directory holds now: it must load and answer exactly as one of them. */
async function whichOne(dir: string): Promise<'small' | 'large'> {
  const kb = await loadKnowledgeBase(dir)
  const got = answers(kb)
  if (kb.size === small.kb.size && JSON.stringify(got) === JSON.stringify(answers(small.kb))) return 'small'
  if (kb.size === large.kb.size && JSON.stringify(got) === JSON.stringify(answers(large.kb))) return 'large'
  throw new Error(`${dir} holds a knowledge base of ${kb.size} measures that is neither`)
}

/** Version directories and temporary files beside the manifest: none once a save has finished. */
async function leftovers(dir: string): Promise<string[]> {
  const named = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')).data
  return (await readdir(dir)).filter((n) => n !== 'manifest.json' && n !== named)
}

function startSave(src: string, dir: string): { child: ChildProcess; started: Promise<void>; done: Promise<number | null> } {
  const child = spawn(process.execPath, [CHILD, 'save', src, dir], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let stderr = ''
  let resolveStarted: () => void = () => {}
  const started = new Promise<void>((resolve) => {
    resolveStarted = resolve
  })
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString()
    if (out.includes('saving')) resolveStarted()
  })
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString()
  })
  const done = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolveStarted()
      if (code !== 0 && code !== null) process.stderr.write(stderr)
      resolve(code)
    }),
  )
  return { child, started, done }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'policykb-faults-'))
  const corpus = seedCorpus()
  const build = async (name: string, docs: typeof corpus) => {
    const kb = createKnowledgeBase()
    for (const { id, result } of docs) kb.add(result, { document: id })
    const dir = join(work, name)
    await kb.save(dir)
    return { dir, kb: await loadKnowledgeBase(dir) }
  }
  small = await build('small', corpus.slice(0, 1))
  large = await build('large', corpus)
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('the writer killed with SIGKILL at random moments', () => {
  test(`${TRIALS} kills: the old knowledge base or the new one, loadable, every time`, { timeout: 600_000 }, async () => {
    const dir = join(work, 'killed')
    await cp(small.dir, dir, { recursive: true })
    // How long a save takes, to spread the kills over it (and a little before and after).
    const probe = startSave(large.dir, join(work, 'probe'))
    await probe.done
    const timed = startSave(large.dir, join(work, 'probe'))
    await timed.started
    const startedAt = performance.now()
    await timed.done
    const saveMs = Math.max(20, performance.now() - startedAt)

    // Kill until TRIALS kills have landed inside a save (a kill after the save finished is counted apart).
    const outcomes = { old: 0, new: 0, finished: 0 }
    let holds = await whichOne(dir)
    for (let attempt = 0; outcomes.old + outcomes.new < TRIALS && attempt < 3 * TRIALS; attempt++) {
      const next = holds === 'small' ? large : small
      const run = startSave(next.dir, dir)
      await run.started
      await new Promise((resolve) => setTimeout(resolve, Math.random() * saveMs))
      run.child.kill('SIGKILL')
      const code = await run.done
      const now = await whichOne(dir)
      if (code === 0) outcomes.finished++
      else if (now === holds) outcomes.old++
      else outcomes.new++
      holds = now
    }
    process.stdout.write(
      `kill test: SIGKILL at a random moment of a ${saveMs.toFixed(0)} ms save: ${outcomes.old + outcomes.new} kills inside the save ` +
        `→ old ${outcomes.old}, new ${outcomes.new}, neither 0; ${outcomes.finished} more runs finished before the kill (new, whole)\n`,
    )
    expect(outcomes.old + outcomes.new).toBe(TRIALS)
    // A save after the kills leaves nothing of them.
    const last = startSave(large.dir, dir)
    expect(await last.done).toBe(0)
    expect(await whichOne(dir)).toBe('large')
    expect(await leftovers(dir)).toEqual([])
  })
})

describe('writers and readers at once', () => {
  test('rounds of 4 writers and 2 readers on one directory: every load succeeds, the end is one of them, whole', { timeout: 600_000 }, async () => {
    const dir = join(work, 'concurrent')
    await cp(small.dir, dir, { recursive: true })
    const rounds = 4
    const ends = { small: 0, large: 0 }
    let loads = 0
    for (let round = 0; round < rounds; round++) {
      const writers = [large, small, large, small].map((w) => startSave(w.dir, dir))
      const readers = [0, 1].map(() => spawnLoad(dir, 4))
      const codes = await Promise.all(writers.map((w) => w.done))
      expect(codes).toEqual([0, 0, 0, 0])
      for (const r of await Promise.all(readers)) {
        expect(r.code, r.stderr).toBe(0)
        for (const size of r.sizes) expect([small.kb.size, large.kb.size]).toContain(size)
        loads += r.sizes.length
      }
      ends[await whichOne(dir)]++
      expect(await leftovers(dir)).toEqual([])
    }
    process.stdout.write(
      `concurrency test: ${rounds} rounds × 4 writers + 2 readers: ${loads} loads all succeeded; ends small ${ends.small}, large ${ends.large}, neither 0\n`,
    )
  })
})

function spawnLoad(dir: string, times: number): Promise<{ code: number | null; sizes: number[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, 'load', dir, String(times)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
    })
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString()
    })
    child.on('exit', (code) => resolve({ code, sizes: out.split('\n').filter(Boolean).map(Number), stderr: err }))
  })
}

// A full disk: a small tmpfs mounted in a private mount namespace (`unshare -m`, root only).
const unshare = spawnSync('unshare', ['-m', 'true']).status === 0
describe('the disk fills up during the save', () => {
  test.skipIf(!unshare)(
    'tmpfs too small for the new version at every size between: the old knowledge base stays, loadable, and nothing is left',
    { timeout: 600_000 },
    async () => {
      const size = async (dir: string): Promise<number> => {
        let total = 0
        for (const e of await readdir(dir, { withFileTypes: true })) {
          total += e.isDirectory() ? await size(join(dir, e.name)) : (await stat(join(dir, e.name))).size
        }
        return total
      }
      const smallBytes = await size(small.dir)
      const largeBytes = await size(large.dir)
      const outcomes = { enospc: 0, saved: 0 }
      const trials = 12
      for (let t = 0; t < trials; t++) {
        // From room for the old version alone to room for both: the disk fills in each file in turn.
        const kib = Math.ceil((smallBytes + 64 * 1024 + ((largeBytes + 64 * 1024) * t) / (trials - 1)) / 1024 / 4) * 4
        const mnt = join(work, `full-${t}`)
        const script = [
          'set -e',
          `mkdir -p ${mnt}`,
          `mount -t tmpfs -o size=${kib}k tmpfs ${mnt}`,
          `cp -r ${small.dir} ${mnt}/kb`,
          `if ${process.execPath} ${CHILD} save ${large.dir} ${mnt}/kb 2>${mnt}/err; then echo SAVED; else echo FAILED; fi`,
          `grep -o -m1 'ENOSPC[^,]*' ${mnt}/err | sed 's/^/ERR /' || true`,
          `${process.execPath} ${CHILD} load ${mnt}/kb | sed 's/^/SIZE /'`,
          `ls -A ${mnt}/kb | sed 's/^/NAME /'`,
          `umount ${mnt}`,
        ].join('\n')
        const r = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8' })
        expect(r.status, r.stderr).toBe(0)
        const lines = r.stdout.split('\n')
        const saved = lines.includes('SAVED')
        const loaded = lines.filter((l) => l.startsWith('SIZE ')).map((l) => Number(l.slice(5)))
        const names = lines.filter((l) => l.startsWith('NAME ')).map((l) => l.slice(5))
        expect(loaded).toEqual([saved ? large.kb.size : small.kb.size])
        // After a failed save, the manifest and the old version only: the writer removed its own files.
        expect(names.filter((n) => n !== 'manifest.json' && !n.startsWith('data-'))).toEqual([])
        expect(names.filter((n) => n.startsWith('data-'))).toHaveLength(1)
        if (saved) outcomes.saved++
        else {
          expect(lines.some((l) => l.startsWith('ERR ') && l.includes('ENOSPC'))).toBe(true)
          outcomes.enospc++
        }
      }
      process.stdout.write(
        `disk-full test: ${trials} tmpfs sizes from ${((smallBytes + 65536) / 1024).toFixed(0)} to ${((smallBytes + largeBytes + 131072) / 1024).toFixed(0)} KiB: ` +
          `ENOSPC ${outcomes.enospc} (old knowledge base kept, loadable, no leftovers), saved ${outcomes.saved}, neither 0\n`,
      )
      expect(outcomes.enospc).toBeGreaterThan(0)
    },
  )
})
