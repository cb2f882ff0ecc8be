/**
 * The on-disk format of a knowledge base (format version 2): a directory holding one manifest and
 * one complete version of the data in a directory of its own.
 *
 * ```
 * KB/manifest.json          format, version, counts, ranking constants, `data` (the version
 *                           directory), each data file's size and sha256
 * KB/data-<id>/documents.json  documents, measures, and the tokenizer dictionary they were cut with
 * KB/data-<id>/index.bin       the built index and every measure's word boundaries (`indexFile.ts`)
 * KB/.lock                     while a writer is at work (`storeLock.ts`)
 * ```
 *
 * Saving is atomic: under the lock, the new version is written into a new `data-<id>` directory
 * beside the old one (each file fsynced, then the directory), then a new manifest is written under
 * a temporary name, fsynced and renamed over `manifest.json` — the one rename that switches from
 * the old version to the new — and the KB directory is fsynced. Only then are the old version's
 * files removed. A writer killed or failing (a full disk) at any moment leaves the old manifest
 * naming the old, untouched data: the knowledge base is the old one or the new one, never neither.
 * What a failed writer leaves (a `data-*` directory no manifest names, temporary files) is removed
 * by the failing writer itself, or else by the next one.
 *
 * Format version 1 (the data files beside `manifest.json`, no `data`) is still read; saving over it
 * writes version 2 and removes the version-1 files after the switch.
 *
 * Loading checks, in order: the directory exists and is one; the manifest is a regular file, JSON,
 * of this format and a known version; each data file is a regular file (opened without blocking,
 * checked on the open handle: a FIFO or a symbolic link to `/dev/zero` fails at once, unread) of
 * the recorded size (shorter = truncated), with the recorded sha256; its content parses and agrees
 * with the manifest's counts and with itself. Any failure throws a {@link KnowledgeBaseFileError}
 * naming the file; permission denied and is-a-directory are said as such, not as missing.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Measure } from '@policykb/model'
import { z } from 'zod'
import { documentsFileProblem, looksValid } from './documentsFile.js'
import { decodeIndexFile, encodeIndexFile, IndexFileProblem } from './indexFile.js'
import { type KnowledgeBaseState, knowledgeBaseFromState } from './knowledgeBase.js'
import type { KnowledgeBaseOptions } from './options.js'
import { openChecked, readExactly, syncDirectory, writeDurable } from './storeFiles.js'
import { acquireLock, LOCK_FILE, type LockOptions, processAlive } from './storeLock.js'
import type { KnowledgeBase } from './types.js'

/** Name of the format in `manifest.json`. */
export const STORE_FORMAT = 'policykb-search'
/** The format version this package writes. */
export const STORE_FORMAT_VERSION = 2
/** The format versions this package reads. */
const READS = [1, 2]

const MANIFEST = 'manifest.json'
const DOCUMENTS = 'documents.json'
const INDEX = 'index.bin'
/** Files of format version 1, beside the manifest. */
const V1_FILES = [DOCUMENTS, INDEX, 'boundaries.bin']
/** A version directory: `data-<time>-<pid>-<random>`. */
const DATA_DIR = /^data-[0-9a-z]+-\d+-[0-9a-f]+$/
/** Largest manifest read (it is a few hundred bytes). */
const MAX_MANIFEST_BYTES = 1 << 20

/** Why a store could not be loaded. */
export type StoreErrorReason =
  | 'missing'
  | 'unreadable'
  | 'not-a-file'
  | 'not-a-directory'
  | 'invalid'
  | 'version'
  | 'truncated'
  | 'size'
  | 'checksum'
  | 'mismatch'

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
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  /** The version directory holding the data files (format 2); absent in format 1 (files beside the manifest). */
  data: z.string().regex(DATA_DIR).optional(),
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

/** Options of `kb.save`. */
export interface SaveOptions {
  /** How long to wait for another process writing the same directory, in ms; default 30 000. */
  lockTimeout?: number
}

/**
 * Whether `name` is an entry a knowledge base directory may hold: the manifest, a version
 * directory, the lock, a writer's temporary file, or a format-1 data file. A directory holding
 * only such entries can be written as a knowledge base.
 */
export function isStoreEntry(name: string): boolean {
  return (
    name === MANIFEST ||
    name === LOCK_FILE ||
    V1_FILES.includes(name) ||
    DATA_DIR.test(name) ||
    (name.startsWith('.') && name.endsWith('.tmp')) ||
    V1_FILES.some((f) => name === `${f}.tmp`) ||
    name === `${MANIFEST}.tmp`
  )
}

/**
 * Remove what earlier writers left: version directories the manifest does not name, temporary
 * manifests, format-1 temporary files (and format-1 data files when `v1Too`). Called under the
 * lock, and every version directory is made under the lock, so none of these is in use; only a
 * waiting writer's temporary lock file (its pid in the name) is kept while that process lives.
 */
async function removeLeftovers(dir: string, keep: ReadonlySet<string>, v1Too: boolean): Promise<void> {
  for (const name of await readdir(dir)) {
    if (keep.has(name) || name === MANIFEST || name === LOCK_FILE) continue
    const lockTemp = /^\.lock\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)
    const remove =
      DATA_DIR.test(name) ||
      /^\.manifest\.json\.\d+\.[0-9a-f]+\.tmp$/.test(name) ||
      /^\.lock\.stale\.[0-9a-f]+\.tmp$/.test(name) ||
      (lockTemp !== null && !processAlive(Number(lockTemp[1]))) ||
      V1_FILES.some((f) => name === `${f}.tmp`) ||
      (v1Too && V1_FILES.includes(name))
    if (remove) await rm(join(dir, name), { recursive: true, force: true })
  }
}

/** The manifest's `data` directory name, or undefined when there is no readable format-2 manifest. */
async function currentData(dir: string): Promise<string | undefined> {
  try {
    const json = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as { data?: unknown }
    return typeof json.data === 'string' && DATA_DIR.test(json.data) ? json.data : undefined
  } catch {
    return undefined
  }
}

/**
 * Write a knowledge base state to `dir` (internal; call `kb.save(dir)`), atomically (see the
 * module comment): the directory holds the old knowledge base or the new one at every moment.
 * @param dir - directory, created if missing
 * @param state - what to write
 * @throws KnowledgeBaseLockError when another process holds the directory's lock too long; the
 *   file-system error (ENOSPC, EACCES, …) after removing what this save wrote
 */
export async function saveState(dir: string, state: KnowledgeBaseState, options: SaveOptions = {}): Promise<void> {
  if (!state.index) throw new Error('saveState: the state holds no index')
  const documents = Buffer.from(
    JSON.stringify({
      documents: state.documents,
      dictionary: state.dictionary,
      entries: state.entries.map((e) => ({ document: e.document, measure: e.measure })),
    }),
    'utf8',
  )
  const index = encodeIndexFile(state.index, state.entries.map((e) => e.bounds))
  const token = randomBytes(6).toString('hex')
  const dataName = `data-${Date.now().toString(36)}-${process.pid}-${token}`
  const manifest: Manifest = {
    format: STORE_FORMAT,
    formatVersion: STORE_FORMAT_VERSION,
    data: dataName,
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
  await mkdir(dir, { recursive: true })
  const lockOptions: LockOptions = options.lockTimeout === undefined ? {} : { timeout: options.lockTimeout }
  const release = await acquireLock(dir, lockOptions)
  const dataDir = join(dir, dataName)
  const tempManifest = join(dir, `.${MANIFEST}.${process.pid}.${token}.tmp`)
  let switched = false
  try {
    const previous = await currentData(dir)
    await removeLeftovers(dir, new Set(previous ? [previous] : []), false)
    await mkdir(dataDir)
    await writeDurable(join(dataDir, DOCUMENTS), documents)
    await writeDurable(join(dataDir, INDEX), index)
    await syncDirectory(dataDir)
    await writeDurable(tempManifest, `${JSON.stringify(manifest, null, 2)}\n`)
    // The switch: one rename replaces the manifest naming the old data by one naming the new.
    await rename(tempManifest, join(dir, MANIFEST))
    switched = true
    await syncDirectory(dir)
    // The old version, and format-1 files, are no longer named by the manifest.
    await removeLeftovers(dir, new Set([dataName]), true)
  } catch (error) {
    if (!switched) {
      await rm(tempManifest, { force: true }).catch(() => {})
      await rm(dataDir, { recursive: true, force: true }).catch(() => {})
    }
    throw error
  } finally {
    await release()
  }
}

async function readChecked(path: string, entry: z.infer<typeof FileEntry>): Promise<Buffer> {
  const opened = await openChecked(path, { bytes: entry.bytes })
  if (!opened.ok) {
    const listed = opened.reason === 'missing' ? ' (listed in manifest.json)' : ''
    throw new KnowledgeBaseFileError(path, opened.reason, `${opened.detail}${listed}`)
  }
  let data: Buffer
  try {
    data = await readExactly(opened.handle, opened.size)
  } finally {
    await opened.handle.close()
  }
  if (data.byteLength < entry.bytes) {
    throw new KnowledgeBaseFileError(path, 'truncated', `is truncated: ${data.byteLength} of ${entry.bytes} bytes`)
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
  if (!READS.includes(head.data.formatVersion as number)) {
    throw new KnowledgeBaseFileError(
      path,
      'version',
      `has format version ${JSON.stringify(head.data.formatVersion)}; this @policykb/search reads versions ${READS.join(' and ')}. ` +
        'Rebuild the knowledge base from the documents (policykb index).',
    )
  }
  const parsed = Manifest.safeParse(json)
  if (!parsed.success) throw new KnowledgeBaseFileError(path, 'invalid', `is not valid:\n${z.prettifyError(parsed.error)}`)
  if (parsed.data.formatVersion === 2 && parsed.data.data === undefined) {
    throw new KnowledgeBaseFileError(path, 'invalid', 'is not valid: format version 2 names no data directory')
  }
  return parsed.data
}

async function readManifestFile(root: string): Promise<Manifest> {
  const manifestPath = join(root, MANIFEST)
  const opened = await openChecked(manifestPath, { max: MAX_MANIFEST_BYTES })
  if (!opened.ok) {
    const detail = opened.reason === 'missing' ? 'is missing: is this a directory written by kb.save()?' : opened.detail
    throw new KnowledgeBaseFileError(manifestPath, opened.reason, detail)
  }
  let text: string
  try {
    text = (await readExactly(opened.handle, opened.size)).toString('utf8')
  } finally {
    await opened.handle.close()
  }
  return readManifest(manifestPath, text)
}

/** Check that `root` is a directory before looking inside, to say so when it is not. */
async function checkRoot(root: string): Promise<void> {
  try {
    const s = await stat(root)
    if (!s.isDirectory()) {
      throw new KnowledgeBaseFileError(root, 'not-a-directory', 'is a file, not a knowledge base directory (one written by kb.save())')
    }
  } catch (error) {
    if (error instanceof KnowledgeBaseFileError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new KnowledgeBaseFileError(root, 'missing', 'does not exist')
    if (code === 'ENOTDIR') throw new KnowledgeBaseFileError(root, 'missing', 'does not exist: a component of its path is not a directory')
    if (code === 'EACCES' || code === 'EPERM') throw new KnowledgeBaseFileError(root, 'unreadable', 'cannot be read: permission denied')
    throw error
  }
}

/**
 * Load a knowledge base written by `kb.save(dir)`. The index is rebuilt from the stored measures
 * and word boundaries; the tokenizer is not loaded unless documents are added later.
 * @param dir - the directory
 * @param options - as for `createKnowledgeBase`; the tokenizer defaults to the one the store was built with
 * @throws KnowledgeBaseFileError naming the file when the store is missing, unreadable, corrupted, truncated or of another version
 */
export async function loadKnowledgeBase(dir: string, options?: KnowledgeBaseOptions): Promise<KnowledgeBase> {
  const root = resolve(dir)
  await checkRoot(root)
  // A writer may switch versions between our reading the manifest and opening the data (and then
  // remove the old data): read the manifest again when the data it named is gone.
  for (let attempt = 0; ; attempt++) {
    const manifest = await readManifestFile(root)
    try {
      return await loadVersion(root, manifest, options)
    } catch (error) {
      const gone = error instanceof KnowledgeBaseFileError && error.reason === 'missing' && manifest.data !== undefined
      if (!gone || attempt >= 3 || (await currentData(root)) === manifest.data) throw error
    }
  }
}

async function loadVersion(root: string, manifest: Manifest, options: KnowledgeBaseOptions | undefined): Promise<KnowledgeBase> {
  const base = manifest.data === undefined ? root : join(root, manifest.data)
  const documentsPath = join(base, DOCUMENTS)
  const indexPath = join(base, INDEX)
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
