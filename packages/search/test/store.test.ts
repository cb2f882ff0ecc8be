import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createHash } from 'node:crypto'
import {
  createKnowledgeBase,
  type KnowledgeBase,
  KnowledgeBaseFileError,
  KnowledgeBaseLockError,
  loadKnowledgeBase,
  type Tokenizer,
} from '@policykb/search'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeMeasure, resultOf, seedCorpus, unit } from './helpers/seedMeasures.js'

const QUERIES = ['市税务局', '市人社局', '一网通办', '2022年 企业', '政务服务 -一网通办', '"放管服"', '']
const dirs: string[] = []
let kb: KnowledgeBase
let saved: string

/** A tokenizer that must not be used: loading a saved knowledge base needs no segmenter. */
const forbidden: Tokenizer = {
  name: 'node-rs-jieba',
  cut: () => {
    throw new Error('the tokenizer was used')
  },
  cutForSearch: () => {
    throw new Error('the tokenizer was used')
  },
  loadUserDict: () => {},
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'policykb-search-test-'))
  dirs.push(dir)
  return dir
}

async function copyStore(): Promise<string> {
  const dir = await tempDir()
  await cp(saved, dir, { recursive: true })
  return dir
}

/** Where a data file of a saved store is: in the version directory the manifest names. */
async function dataFile(dir: string, name: string): Promise<string> {
  const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { data?: string }
  return m.data === undefined ? join(dir, name) : join(dir, m.data, name)
}

const snapshot = (k: KnowledgeBase, q: string) =>
  k.search(q, { limit: 20 }).hits.map((h) => [h.id, h.score.toFixed(6), JSON.stringify(h.highlights)])

beforeAll(async () => {
  kb = createKnowledgeBase()
  for (const { id, result } of seedCorpus()) kb.add(result, { document: id })
  saved = await tempDir()
  await kb.save(saved)
})

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

describe('save and load', () => {
  test('a loaded knowledge base answers exactly as the saved one, without its tokenizer', async () => {
    const loaded = await loadKnowledgeBase(saved, { tokenizer: forbidden })
    expect(loaded.size).toBe(kb.size)
    expect(loaded.documents()).toEqual(kb.documents())
    expect(loaded.units()).toEqual(kb.units())
    for (const q of QUERIES) expect(snapshot(loaded, q)).toEqual(snapshot(kb, q))
    expect(loaded.byUnit('市税务局', { role: 'lead' }).total).toBe(kb.byUnit('市税务局', { role: 'lead' }).total)
  })

  test('the manifest records format, version, counts and checksums', async () => {
    const manifest = JSON.parse(await readFile(join(saved, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({
      format: 'policykb-search',
      formatVersion: 2,
      data: expect.stringMatching(/^data-/),
      tokenizer: 'node-rs-jieba',
      counts: { documents: 5, measures: kb.size },
    })
    const documents = await readFile(await dataFile(saved, 'documents.json'))
    expect(manifest.files['documents.json']).toEqual({
      bytes: documents.byteLength,
      sha256: createHash('sha256').update(documents).digest('hex'),
    })
  })

  test('documents added after loading are cut with the saved dictionary', async () => {
    const loaded = await loadKnowledgeBase(saved)
    loaded.add(resultOf([makeMeasure(1, { text: '推进“一网通办”', units: [unit('市税务局', 'lead')] })]), { document: 'new' })
    expect(loaded.byUnit('市税务局', { role: 'lead' }).total).toBe(kb.byUnit('市税务局', { role: 'lead' }).total + 1)
    expect(loaded.search('一网通办', { document: 'new' }).hits[0]!.score).toBeGreaterThan(0.5)
  })

  test('other field weights rebuild the index from the saved word boundaries, still without the tokenizer', async () => {
    const fieldWeights = { title: 1, direction: 1, text: 1, units: 5 }
    const loaded = await loadKnowledgeBase(saved, { tokenizer: forbidden, fieldWeights })
    const fresh = createKnowledgeBase({ fieldWeights })
    for (const { id, result } of seedCorpus()) fresh.add(result, { document: id })
    for (const q of QUERIES) expect(snapshot(loaded, q)).toEqual(snapshot(fresh, q))
    expect(snapshot(loaded, '一网通办')).not.toEqual(snapshot(kb, '一网通办'))
  })

  test('words added to the dictionary after saving re-cut only the measures they occur in', async () => {
    const cuts: string[] = []
    const counting: Tokenizer = {
      ...forbidden,
      cut: (t) => {
        cuts.push(t)
        return [t]
      },
    }
    const loaded = await loadKnowledgeBase(saved, { tokenizer: counting, words: ['交房即交证工作'] })
    loaded.search('一网通办')
    expect(cuts).toEqual([])
    const again = await loadKnowledgeBase(saved, { tokenizer: counting, words: ['推行交房即交证'] })
    again.search('一网通办')
    expect(cuts.length).toBeGreaterThan(0)
    expect(cuts.length).toBeLessThan(10)
  })

  test('an empty knowledge base saves and loads', async () => {
    const dir = await tempDir()
    await createKnowledgeBase().save(dir)
    const loaded = await loadKnowledgeBase(dir, { tokenizer: forbidden })
    expect(loaded.size).toBe(0)
    expect(loaded.units()).toEqual([])
    expect(() => loaded.byUnit('市税务局')).toThrow('Cannot `byUnit` before documents are added')
  })

  test('saving twice replaces the files', async () => {
    const dir = await tempDir()
    const small = createKnowledgeBase()
    small.add(resultOf([makeMeasure(1, { text: '一网通办' })]), { document: 'a' })
    await small.save(dir)
    await kb.save(dir)
    expect((await loadKnowledgeBase(dir, { tokenizer: forbidden })).size).toBe(kb.size)
  })
})

describe('a damaged store gives a clear error naming the file, never a wrong answer', () => {
  const expectError = async (dir: string, file: string, reason: string, message: RegExp) => {
    const error = await loadKnowledgeBase(dir, { tokenizer: forbidden }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(KnowledgeBaseFileError)
    const path = file === 'manifest.json' ? join(dir, file) : await dataFile(dir, file)
    expect(error).toMatchObject({ file: path, reason })
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).toContain(path)
  }

  test('no manifest', async () => {
    const dir = await tempDir()
    await expectError(dir, 'manifest.json', 'missing', /is missing: is this a directory written by kb.save\(\)/)
  })

  test('manifest not JSON', async () => {
    const dir = await copyStore()
    await writeFile(join(dir, 'manifest.json'), '{"format": "policykb-search", ')
    await expectError(dir, 'manifest.json', 'invalid', /is not valid JSON/)
  })

  test('another format version', async () => {
    const dir = await copyStore()
    const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...m, formatVersion: 3 }))
    await expectError(dir, 'manifest.json', 'version', /format version 3; this @policykb\/search reads versions 1 and 2/)
  })

  test('not a knowledge base manifest', async () => {
    const dir = await copyStore()
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ name: 'something else' }))
    await expectError(dir, 'manifest.json', 'invalid', /not a policykb knowledge base manifest/)
  })

  test('a corrupted byte in documents.json', async () => {
    const dir = await copyStore()
    const data = await readFile(await dataFile(dir, 'documents.json'))
    const at = data.indexOf('市税务局')
    data[at + 2] = data[at + 2]! ^ 1
    await writeFile(await dataFile(dir, 'documents.json'), data)
    await expectError(dir, 'documents.json', 'checksum', /is corrupted: its sha256 does not match manifest.json/)
  })

  test('a truncated index.bin', async () => {
    const dir = await copyStore()
    const data = await readFile(await dataFile(dir, 'index.bin'))
    await writeFile(await dataFile(dir, 'index.bin'), data.subarray(0, data.byteLength - 100))
    await expectError(dir, 'index.bin', 'truncated', /is truncated: \d+ of \d+ bytes/)
  })

  test('a index.bin with extra bytes', async () => {
    const dir = await copyStore()
    const data = await readFile(await dataFile(dir, 'index.bin'))
    await writeFile(await dataFile(dir, 'index.bin'), Buffer.concat([data, Buffer.alloc(8)]))
    await expectError(dir, 'index.bin', 'size', /has \d+ bytes, manifest.json says \d+/)
  })

  test('a missing data file', async () => {
    const dir = await copyStore()
    await rm(await dataFile(dir, 'documents.json'))
    await expectError(dir, 'documents.json', 'missing', /is missing \(listed in manifest.json\)/)
  })

  test('content that does not agree with the manifest, checksums made to match', async () => {
    const dir = await copyStore()
    const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
    const docs = JSON.parse(await readFile(await dataFile(dir, 'documents.json'), 'utf8'))
    docs.entries.pop()
    const data = Buffer.from(JSON.stringify(docs))
    m.files['documents.json'] = { bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') }
    await writeFile(await dataFile(dir, 'documents.json'), data)
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(m))
    await expectError(dir, 'documents.json', 'mismatch', /holds \d+ measures, manifest.json says \d+/)
  })

  test('a measure that is not a Measure, checksums made to match', async () => {
    const dir = await copyStore()
    const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
    const docs = JSON.parse(await readFile(await dataFile(dir, 'documents.json'), 'utf8'))
    docs.entries[3].measure.units = 'nope'
    const data = Buffer.from(JSON.stringify(docs))
    m.files['documents.json'] = { bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') }
    await writeFile(await dataFile(dir, 'documents.json'), data)
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(m))
    await expectError(dir, 'documents.json', 'invalid', /is not valid:[\s\S]*entries\[3\]\.measure\.units/)
  })
})

/** A pid no process has: a child that ran and exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0'])
  return child.pid!
}

describe('the store directory: one manifest naming one complete version', () => {
  test('a save leaves the manifest, one version directory, and nothing else', async () => {
    const dir = await tempDir()
    await kb.save(dir)
    await kb.save(dir)
    const names = (await readdir(dir)).sort()
    expect(names).toHaveLength(2)
    expect(names[0]).toMatch(/^data-[0-9a-z]+-\d+-[0-9a-f]+$/)
    expect(names[1]).toBe('manifest.json')
    expect((await readdir(join(dir, names[0]!))).sort()).toEqual(['documents.json', 'index.bin'])
  })

  test('a store in the format-1 layout (data files beside the manifest) still loads, and saving over it upgrades it', async () => {
    const dir = await tempDir()
    const m = JSON.parse(await readFile(join(saved, 'manifest.json'), 'utf8'))
    for (const f of ['documents.json', 'index.bin']) await writeFile(join(dir, f), await readFile(await dataFile(saved, f)))
    const { data: _, ...v1 } = m
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...v1, formatVersion: 1 }))
    const loaded = await loadKnowledgeBase(dir, { tokenizer: forbidden })
    for (const q of QUERIES) expect(snapshot(loaded, q)).toEqual(snapshot(kb, q))
    await loaded.save(dir)
    const names = await readdir(dir)
    expect(names.filter((n) => n === 'documents.json' || n === 'index.bin')).toEqual([])
    expect((await loadKnowledgeBase(dir, { tokenizer: forbidden })).size).toBe(kb.size)
  })

  test('what a killed writer left (an unnamed version directory, a temporary manifest) is removed by the next save', async () => {
    const dir = await copyStore()
    const pid = deadPid()
    await mkdir(join(dir, `data-abc-${pid}-0123456789ab`))
    await writeFile(join(dir, `data-abc-${pid}-0123456789ab`, 'index.bin'), 'half')
    await writeFile(join(dir, `.manifest.json.${pid}.0123456789ab.tmp`), '{')
    await kb.save(dir)
    const names = await readdir(dir)
    expect(names).toHaveLength(2)
    expect(names.some((n) => n.includes(String(pid)))).toBe(false)
  })

  test('a stale lock (its process is dead) is recovered; a live one makes the writer wait, then fail naming it', async () => {
    const dir = await copyStore()
    const lock = (pid: number) => JSON.stringify({ pid, host: hostname(), token: 'aaaa', since: '2026-01-01T00:00:00.000Z' })
    await writeFile(join(dir, '.lock'), lock(deadPid()))
    await kb.save(dir, { lockTimeout: 2000 })
    expect(await readdir(dir)).not.toContain('.lock')

    const sleeper = spawn('sleep', ['30'])
    try {
      await writeFile(join(dir, '.lock'), lock(sleeper.pid!))
      const started = Date.now()
      const error = await kb.save(dir, { lockTimeout: 300 }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(Date.now() - started).toBeGreaterThanOrEqual(300)
      expect(error).toBeInstanceOf(KnowledgeBaseLockError)
      expect((error as Error).message).toContain(`it is being written by process ${sleeper.pid}`)
      expect((error as Error).message).toContain(`remove ${join(dir, '.lock')} if no such process is running`)
      // The old knowledge base is untouched.
      expect((await loadKnowledgeBase(dir, { tokenizer: forbidden })).size).toBe(kb.size)
    } finally {
      sleeper.kill()
    }
  })

  test('saves running together in one process wait for each other: the last to take the lock wins, whole', async () => {
    const dir = await tempDir()
    const small = createKnowledgeBase()
    small.add(resultOf([makeMeasure(1, { text: '一网通办' })]), { document: 'a' })
    small.search('')
    await Promise.all([kb.save(dir), small.save(dir), kb.save(dir), small.save(dir)])
    expect([1, kb.size]).toContain((await loadKnowledgeBase(dir, { tokenizer: forbidden })).size)
    expect((await readdir(dir)).length).toBe(2)
  })
})

describe('the loader opens only regular files of the recorded size, and says what else it found', () => {
  const errorOf = (dir: string) =>
    loadKnowledgeBase(dir, { tokenizer: forbidden }).then(
      () => undefined,
      (e: unknown) => e as KnowledgeBaseFileError,
    )

  test('index.bin a symbolic link to /dev/zero: refused at once, unread', async () => {
    const dir = await copyStore()
    const path = await dataFile(dir, 'index.bin')
    await rm(path)
    await symlink('/dev/zero', path)
    const error = await errorOf(dir)
    expect(error).toMatchObject({ file: path, reason: 'not-a-file' })
    expect(error?.message).toContain('is a character device, not a regular file')
  })

  test('documents.json a FIFO: refused at once, the open does not hang', async () => {
    const dir = await copyStore()
    const path = await dataFile(dir, 'documents.json')
    await rm(path)
    execFileSync('mkfifo', [path])
    const error = await errorOf(dir)
    expect(error).toMatchObject({ file: path, reason: 'not-a-file' })
    expect(error?.message).toContain('is a named pipe (FIFO), not a regular file')
  })

  test('a data file that is a directory is not "missing"', async () => {
    const dir = await copyStore()
    const path = await dataFile(dir, 'index.bin')
    await rm(path)
    await mkdir(path)
    const error = await errorOf(dir)
    expect(error).toMatchObject({ file: path, reason: 'not-a-file' })
    expect(error?.message).toMatch(/is a directory, not a regular file/)
  })

  test('a manifest that is a FIFO is refused at once', async () => {
    const dir = await copyStore()
    await rm(join(dir, 'manifest.json'))
    execFileSync('mkfifo', [join(dir, 'manifest.json')])
    expect(await errorOf(dir)).toMatchObject({ file: join(dir, 'manifest.json'), reason: 'not-a-file' })
  })

  test('a file where the directory should be, and a directory that does not exist', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'file.txt'), 'text')
    const notDir = await errorOf(join(dir, 'file.txt'))
    expect(notDir).toMatchObject({ file: join(dir, 'file.txt'), reason: 'not-a-directory' })
    expect(notDir?.message).toContain('is a file, not a knowledge base directory')
    expect(await errorOf(join(dir, 'nothing'))).toMatchObject({ file: join(dir, 'nothing'), reason: 'missing' })
  })

  // Root reads every file whatever its mode: the check runs the loader as `nobody` (setpriv).
  const setpriv = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0
  test.skipIf(!setpriv)('permission denied is said as such, not as missing (run as nobody through setpriv)', async () => {
    const dir = await copyStore()
    await chmod(dir, 0o755)
    const path = await dataFile(dir, 'index.bin')
    await chmod(dirname(path), 0o755)
    await chmod(join(dir, 'manifest.json'), 0o644)
    await chmod(await dataFile(dir, 'documents.json'), 0o644)
    await chmod(path, 0o600)
    const entry = new URL('../dist/index.js', import.meta.url).pathname
    const code = `import(${JSON.stringify(entry)}).then((m) => m.loadKnowledgeBase(${JSON.stringify(dir)})).then(() => console.log('loaded'), (e) => console.log(e.reason, e.message))`
    const child = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', code], { encoding: 'utf8' })
    expect(child.stdout).toContain(`unreadable Cannot load knowledge base: ${path} cannot be read: permission denied`)
  })
})
