/**
 * `index.bin`: the built index and every measure's word boundaries as typed arrays.
 *
 * Layout: u32 magic `PKBI`, u32 version, u32 section count, u32 byte length of each section, then
 * the sections in {@link SECTIONS} order, each padded to 4 bytes. Numbers are in the platform's byte
 * order, little-endian on every platform Node supports; a big-endian reader refuses the file.
 */
import { endianness } from 'node:os'
import { type IndexArrays, SearchIndex } from './searchIndex.js'

/** Version of the index file layout (the store's format version). */
export const INDEX_FILE_VERSION = 1
const MAGIC = 0x49424b50 // "PKBI" little-endian

type ArrayKind = 'u16' | 'i32' | 'u32' | 'f32'
/** The sections of `index.bin`, in file order: the index arrays, then the word boundaries. */
export const SECTIONS: ReadonlyArray<[keyof IndexArrays | 'boundOffsets' | 'bounds', ArrayKind]> = [
  ['all', 'u16'],
  ['docStart', 'i32'],
  ['fieldStart', 'i32'],
  ['chars', 'u16'],
  ['slotKeys', 'i32'],
  ['slotStart', 'i32'],
  ['positions', 'i32'],
  ['words', 'u16'],
  ['wordStart', 'i32'],
  ['wordDocs', 'i32'],
  ['wordImpacts', 'f32'],
  ['boundOffsets', 'u32'],
  ['bounds', 'u32'],
]

/** A problem with the index file; the store turns it into a `KnowledgeBaseFileError` naming the file. */
export class IndexFileProblem extends Error {
  readonly reason: 'invalid' | 'version' | 'mismatch'
  constructor(reason: 'invalid' | 'version' | 'mismatch', detail: string, options?: { cause?: unknown }) {
    super(detail, options)
    this.reason = reason
  }
}

/** Counts the file must agree with (from the manifest). */
export interface IndexFileCounts {
  measures: number
  characters: number
  bigrams: number
  words: number
  boundaries: number
}

/**
 * Encode the index and the word boundaries of every measure.
 * @param index - the index arrays
 * @param perMeasure - word boundaries of each measure, by ordinal
 */
export function encodeIndexFile(index: IndexArrays, perMeasure: readonly Uint32Array[]): Uint8Array {
  const boundOffsets = new Uint32Array(perMeasure.length + 1)
  perMeasure.forEach((b, i) => {
    boundOffsets[i + 1] = boundOffsets[i]! + b.length
  })
  const bounds = new Uint32Array(boundOffsets[perMeasure.length]!)
  perMeasure.forEach((b, i) => {
    bounds.set(b, boundOffsets[i]!)
  })
  const arrays = { ...index, boundOffsets, bounds }
  const parts = SECTIONS.map(([name]) => arrays[name])
  const head = new Uint32Array(3 + parts.length)
  head[0] = MAGIC
  head[1] = INDEX_FILE_VERSION
  head[2] = parts.length
  let total = head.byteLength
  parts.forEach((p, i) => {
    head[3 + i] = p.byteLength
    total += (p.byteLength + 3) & ~3
  })
  const out = new Uint8Array(total)
  out.set(new Uint8Array(head.buffer), 0)
  let at = head.byteLength
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at)
    at += (p.byteLength + 3) & ~3
  }
  return out
}

const ARRAY: Record<ArrayKind, { bytes: number; make: (b: ArrayBuffer, at: number, n: number) => ArrayBufferView }> = {
  u16: { bytes: 2, make: (b, at, n) => new Uint16Array(b, at, n) },
  i32: { bytes: 4, make: (b, at, n) => new Int32Array(b, at, n) },
  u32: { bytes: 4, make: (b, at, n) => new Uint32Array(b, at, n) },
  f32: { bytes: 4, make: (b, at, n) => new Float32Array(b, at, n) },
}

/**
 * Decode an index file and check it against the manifest's counts and against itself.
 * @throws IndexFileProblem saying what is wrong
 */
export function decodeIndexFile(data: Uint8Array, counts: IndexFileCounts): { index: IndexArrays; bounds: Uint32Array[] } {
  const bad = (detail: string) => new IndexFileProblem('invalid', detail)
  if (endianness() !== 'LE') throw bad('is little-endian and this machine is not')
  // Typed array views need aligned offsets: copy into a fresh buffer.
  const buffer = new ArrayBuffer(data.byteLength)
  new Uint8Array(buffer).set(data)
  if (data.byteLength < 12) throw bad('is not an index file (too short)')
  const head = new Uint32Array(buffer, 0, 3)
  if (head[0] !== MAGIC) throw bad('is not an index file (bad magic)')
  if (head[1] !== INDEX_FILE_VERSION) {
    throw new IndexFileProblem('version', `has version ${head[1]}; this @policykb/search reads ${INDEX_FILE_VERSION}`)
  }
  if (head[2] !== SECTIONS.length || data.byteLength < 12 + 4 * SECTIONS.length) throw bad(`does not hold ${SECTIONS.length} sections`)
  const sizes = new Uint32Array(buffer, 12, SECTIONS.length)
  const arrays: Record<string, ArrayBufferView> = {}
  let at = 12 + 4 * SECTIONS.length
  SECTIONS.forEach(([name, kind], i) => {
    const { bytes, make } = ARRAY[kind]
    const size = sizes[i]!
    if (size % bytes !== 0 || at + size > data.byteLength) throw bad(`has a bad length for section ${name}`)
    arrays[name] = make(buffer, at, size / bytes)
    at += (size + 3) & ~3
  })
  if (at !== data.byteLength) throw bad('has bytes after its last section')
  const index = arrays as unknown as IndexArrays & { boundOffsets: Uint32Array; bounds: Uint32Array }
  const n = index.docStart.length - 1
  const mismatch = (what: string, found: number, expected: number) =>
    new IndexFileProblem('mismatch', `holds ${found} ${what}, manifest.json says ${expected}`)
  if (n !== counts.measures) throw mismatch('measures', n, counts.measures)
  if (index.all.length !== counts.characters) throw mismatch('characters', index.all.length, counts.characters)
  if (index.slotKeys.length !== counts.bigrams) throw mismatch('bigrams', index.slotKeys.length, counts.bigrams)
  if (index.wordStart.length - 1 !== counts.words) throw mismatch('words', index.wordStart.length - 1, counts.words)
  if (index.bounds.length !== counts.boundaries) throw mismatch('boundaries', index.bounds.length, counts.boundaries)
  if (index.boundOffsets.length !== n + 1 || index.boundOffsets[n] !== index.bounds.length) throw bad('has bad boundary offsets')
  const bounds: Uint32Array[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const b = index.bounds.subarray(index.boundOffsets[i]!, index.boundOffsets[i + 1]!)
    const end = index.docStart[i + 1]! - index.docStart[i]!
    for (let k = 0; k < b.length; k++) {
      if ((k > 0 && b[k]! <= b[k - 1]!) || b[k]! > end) throw bad(`has bad word boundaries for measure ${i}`)
    }
    bounds[i] = b
  }
  try {
    SearchIndex.fromArrays(index)
  } catch (cause) {
    throw new IndexFileProblem('invalid', (cause as Error).message, { cause })
  }
  return { index, bounds }
}
