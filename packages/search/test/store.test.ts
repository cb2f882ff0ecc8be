import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import {
  createKnowledgeBase,
  type KnowledgeBase,
  KnowledgeBaseFileError,
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
  for (const f of ['manifest.json', 'documents.json', 'index.bin']) await writeFile(join(dir, f), await readFile(join(saved, f)))
  return dir
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
      formatVersion: 1,
      tokenizer: 'node-rs-jieba',
      counts: { documents: 5, measures: kb.size },
    })
    const documents = await readFile(join(saved, 'documents.json'))
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
    expect(error).toMatchObject({ file: join(dir, file), reason })
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).toContain(join(dir, file))
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
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...m, formatVersion: 2 }))
    await expectError(dir, 'manifest.json', 'version', /format version 2; this @policykb\/search reads version 1/)
  })

  test('not a knowledge base manifest', async () => {
    const dir = await copyStore()
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ name: 'something else' }))
    await expectError(dir, 'manifest.json', 'invalid', /not a policykb knowledge base manifest/)
  })

  test('a corrupted byte in documents.json', async () => {
    const dir = await copyStore()
    const data = await readFile(join(dir, 'documents.json'))
    const at = data.indexOf('市税务局')
    data[at + 2] = data[at + 2]! ^ 1
    await writeFile(join(dir, 'documents.json'), data)
    await expectError(dir, 'documents.json', 'checksum', /is corrupted: its sha256 does not match manifest.json/)
  })

  test('a truncated index.bin', async () => {
    const dir = await copyStore()
    const data = await readFile(join(dir, 'index.bin'))
    await writeFile(join(dir, 'index.bin'), data.subarray(0, data.byteLength - 100))
    await expectError(dir, 'index.bin', 'truncated', /is truncated: \d+ of \d+ bytes/)
  })

  test('a index.bin with extra bytes', async () => {
    const dir = await copyStore()
    const data = await readFile(join(dir, 'index.bin'))
    await writeFile(join(dir, 'index.bin'), Buffer.concat([data, Buffer.alloc(8)]))
    await expectError(dir, 'index.bin', 'size', /has \d+ bytes, manifest.json says \d+/)
  })

  test('a missing data file', async () => {
    const dir = await copyStore()
    await rm(join(dir, 'documents.json'))
    await expectError(dir, 'documents.json', 'missing', /is missing \(listed in manifest.json\)/)
  })

  test('content that does not agree with the manifest, checksums made to match', async () => {
    const dir = await copyStore()
    const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
    const docs = JSON.parse(await readFile(join(dir, 'documents.json'), 'utf8'))
    docs.entries.pop()
    const data = Buffer.from(JSON.stringify(docs))
    m.files['documents.json'] = { bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') }
    await writeFile(join(dir, 'documents.json'), data)
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(m))
    await expectError(dir, 'documents.json', 'mismatch', /holds \d+ measures, manifest.json says \d+/)
  })

  test('a measure that is not a Measure, checksums made to match', async () => {
    const dir = await copyStore()
    const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
    const docs = JSON.parse(await readFile(join(dir, 'documents.json'), 'utf8'))
    docs.entries[3].measure.units = 'nope'
    const data = Buffer.from(JSON.stringify(docs))
    m.files['documents.json'] = { bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') }
    await writeFile(join(dir, 'documents.json'), data)
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(m))
    await expectError(dir, 'documents.json', 'invalid', /is not valid:[\s\S]*entries\[3\]\.measure\.units/)
  })
})
