/**
 * The on-disk format of a knowledge base (format version 1): a directory of three files.
 *
 * - `documents.json` — documents, measures, and the tokenizer dictionary they were cut with;
 * - `index.bin` — the built index (bigram positions, word postings and impacts, the folded text)
 *   and every measure's word boundaries, as typed arrays: loading maps them back without
 *   recomputing and without the segmenter. If the ranking constants of the loading code differ from
 *   the saved ones (`manifest.rank`), the index is rebuilt from the saved boundaries — still
 *   without the segmenter;
 * - `manifest.json` — format name and version, counts, ranking constants, and each file's size and
 *   sha256; written last, so an interrupted save leaves no manifest that matches.
 *
 * See `documentsFile.ts` and `indexFile.ts` for the two data files.
 *
 * Loading checks, in order: the manifest exists, is JSON, names this format and version; each file
 * exists, has the recorded size (shorter = truncated) and sha256; its content parses and agrees with
 * the manifest's counts and with itself. Any failure throws a {@link KnowledgeBaseFileError} naming
 * the file.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Measure } from '@policykb/model'
import { z } from 'zod'
import { documentsFileProblem, looksValid } from './documentsFile.js'
import { decodeIndexFile, encodeIndexFile, IndexFileProblem } from './indexFile.js'
import { type KnowledgeBaseState, knowledgeBaseFromState } from './knowledgeBase.js'
import type { KnowledgeBaseOptions } from './options.js'
import type { KnowledgeBase } from './types.js'

/** Name of the format in `manifest.json`. */
export const STORE_FORMAT = 'policykb-search'
/** The format version this package writes and reads. */
export const STORE_FORMAT_VERSION = 1

const MANIFEST = 'manifest.json'
const DOCUMENTS = 'documents.json'
const INDEX = 'index.bin'

/** Why a store could not be loaded. */
export type StoreErrorReason = 'missing' | 'invalid' | 'version' | 'truncated' | 'size' | 'checksum' | 'mismatch'

/** A knowledge base directory that cannot be loaded; `file` is the file at fault. */
export class KnowledgeBaseFileError extends Error {
  override readonly name = 'KnowledgeBaseFileError'
  /** Absolute path of the file at fault. */
  readonly file: string
  readonly reason: StoreErrorReason
  constructor(file: string, reason: StoreErrorReason, detail: string, options?: { cause?: unknown }) {
    super(`Cannot load knowledge base: ${file} ${detail}`, options)
    this.file = file
    this.reason = reason
  }
}

const FileEntry = z.object({ bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })

/** The manifest of a saved knowledge base. */
export const Manifest = z.object({
  format: z.literal(STORE_FORMAT),
  formatVersion: z.literal(STORE_FORMAT_VERSION),
  tokenizer: z.string(),
  counts: z.object({
    documents: z.number().int().nonnegative(),
    measures: z.number().int().nonnegative(),
    dictionaryWords: z.number().int().nonnegative(),
    characters: z.number().int().nonnegative(),
    bigrams: z.number().int().nonnegative(),
    words: z.number().int().nonnegative(),
    boundaries: z.number().int().nonnegative(),
  }),
  rank: z.object({
    title: z.number(),
    direction: z.number(),
    text: z.number(),
    units: z.number(),
    saturation: z.number(),
    leadBoost: z.number(),
    minWordLength: z.number(),
  }),
  files: z.object({ [DOCUMENTS]: FileEntry, [INDEX]: FileEntry }),
})
export type Manifest = z.infer<typeof Manifest>

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(`${path}.tmp`, data)
  await rename(`${path}.tmp`, path)
}

/**
 * Write a knowledge base state to `dir` (internal; call `kb.save(dir)`).
 * @param dir - directory, created if missing
 * @param state - what to write
 */
export async function saveState(dir: string, state: KnowledgeBaseState): Promise<void> {
  if (!state.index) throw new Error('saveState: the state holds no index')
  await mkdir(dir, { recursive: true })
  const documents = Buffer.from(
    JSON.stringify({
      documents: state.documents,
      dictionary: state.dictionary,
      entries: state.entries.map((e) => ({ document: e.document, measure: e.measure })),
    }),
    'utf8',
  )
  const index = encodeIndexFile(state.index, state.entries.map((e) => e.bounds))
  const manifest: Manifest = {
    format: STORE_FORMAT,
    formatVersion: STORE_FORMAT_VERSION,
    tokenizer: state.tokenizerName,
    counts: {
      documents: state.documents.length,
      measures: state.entries.length,
      dictionaryWords: state.dictionary.length,
      characters: state.index.all.length,
      bigrams: state.index.slotKeys.length,
      words: state.index.wordStart.length - 1,
      boundaries: state.entries.reduce((a, e) => a + e.bounds.length, 0),
    },
    rank: state.rank,
    files: {
      [DOCUMENTS]: { bytes: documents.byteLength, sha256: sha256(documents) },
      [INDEX]: { bytes: index.byteLength, sha256: sha256(index) },
    },
  }
  // The manifest goes last: until it is replaced, the old one no longer matches the new files.
  await writeAtomic(join(dir, DOCUMENTS), documents)
  await writeAtomic(join(dir, INDEX), index)
  await writeAtomic(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
  await rm(join(dir, 'boundaries.bin'), { force: true })
}

async function readChecked(path: string, entry: z.infer<typeof FileEntry>): Promise<Buffer> {
  let data: Buffer
  try {
    data = await readFile(path)
  } catch (cause) {
    throw new KnowledgeBaseFileError(path, 'missing', 'is missing (listed in manifest.json)', { cause })
  }
  if (data.byteLength < entry.bytes) {
    throw new KnowledgeBaseFileError(path, 'truncated', `is truncated: ${data.byteLength} of ${entry.bytes} bytes`)
  }
  if (data.byteLength > entry.bytes) {
    throw new KnowledgeBaseFileError(path, 'size', `has ${data.byteLength} bytes, manifest.json says ${entry.bytes}`)
  }
  if (sha256(data) !== entry.sha256) {
    throw new KnowledgeBaseFileError(path, 'checksum', 'is corrupted: its sha256 does not match manifest.json')
  }
  return data
}

function readManifest(path: string, text: string): Manifest {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    throw new KnowledgeBaseFileError(path, 'invalid', `is not valid JSON (${(cause as Error).message})`, { cause })
  }
  const head = z.object({ format: z.unknown(), formatVersion: z.unknown() }).safeParse(json)
  if (!head.success || head.data.format !== STORE_FORMAT) {
    throw new KnowledgeBaseFileError(path, 'invalid', `is not a policykb knowledge base manifest (format must be "${STORE_FORMAT}")`)
  }
  if (head.data.formatVersion !== STORE_FORMAT_VERSION) {
    throw new KnowledgeBaseFileError(
      path,
      'version',
      `has format version ${JSON.stringify(head.data.formatVersion)}; this @policykb/search reads version ${STORE_FORMAT_VERSION}. ` +
        'Rebuild the knowledge base from the documents (policykb index).',
    )
  }
  const parsed = Manifest.safeParse(json)
  if (!parsed.success) throw new KnowledgeBaseFileError(path, 'invalid', `is not valid:\n${z.prettifyError(parsed.error)}`)
  return parsed.data
}

/**
 * Load a knowledge base written by `kb.save(dir)`. The index is rebuilt from the stored measures
 * and word boundaries; the tokenizer is not loaded unless documents are added later.
 * @param dir - the directory
 * @param options - as for `createKnowledgeBase`; the tokenizer defaults to the one the store was built with
 * @throws KnowledgeBaseFileError naming the file when the store is missing, corrupted, truncated or of another version
 */
export async function loadKnowledgeBase(dir: string, options?: KnowledgeBaseOptions): Promise<KnowledgeBase> {
  const root = resolve(dir)
  const manifestPath = join(root, MANIFEST)
  let text: string
  try {
    text = await readFile(manifestPath, 'utf8')
  } catch (cause) {
    throw new KnowledgeBaseFileError(manifestPath, 'missing', 'is missing: is this a directory written by kb.save()?', { cause })
  }
  const manifest = readManifest(manifestPath, text)
  const documentsPath = join(root, DOCUMENTS)
  const indexPath = join(root, INDEX)
  const [documentsData, indexData] = await Promise.all([
    readChecked(documentsPath, manifest.files[DOCUMENTS]),
    readChecked(indexPath, manifest.files[INDEX]),
  ])
  let json: unknown
  try {
    json = JSON.parse(documentsData.toString('utf8'))
  } catch (cause) {
    throw new KnowledgeBaseFileError(documentsPath, 'invalid', `is not valid JSON (${(cause as Error).message})`, { cause })
  }
  if (!looksValid(json)) {
    throw new KnowledgeBaseFileError(documentsPath, 'invalid', `is not valid:\n${await documentsFileProblem(json)}`)
  }
  const docs = json
  const counted = { documents: docs.documents.length, measures: docs.entries.length, dictionaryWords: docs.dictionary.length }
  for (const [key, value] of Object.entries(counted)) {
    const expected = manifest.counts[key as keyof typeof counted]
    if (value !== expected) {
      throw new KnowledgeBaseFileError(documentsPath, 'mismatch', `holds ${value} ${key}, manifest.json says ${expected}`)
    }
  }
  let decoded: ReturnType<typeof decodeIndexFile>
  try {
    decoded = decodeIndexFile(indexData, manifest.counts)
  } catch (e) {
    if (!(e instanceof IndexFileProblem)) throw e
    throw new KnowledgeBaseFileError(indexPath, e.reason, e.message, { cause: e })
  }
  const { index, bounds } = decoded
  const state: KnowledgeBaseState = {
    tokenizerName: manifest.tokenizer,
    dictionary: docs.dictionary,
    documents: docs.documents,
    entries: docs.entries.map((e, i) => ({ document: e.document, measure: e.measure as Measure, bounds: bounds[i]! })),
    index,
    rank: manifest.rank,
  }
  return knowledgeBaseFromState(state, options)
}
