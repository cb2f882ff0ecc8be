/**
 * `index.bin`: the built index and every measure's word boundaries as typed arrays.
 *
 * Layout: u32 magic `PKBI`, u32 version, u32 section count, u32 byte length of each section, then
 * the sections in {@link SECTIONS} order, each padded to 4 bytes. Numbers are in the platform's byte
 * order, little-endian on every platform Node supports; a big-endian reader refuses the file.
 */
import { endianness } from 'node:os'
import { crc32 } from 'node:zlib'
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
  readonly reason: 'invalid' | 'version' | 'mismatch' | 'checksum'
  constructor(reason: 'invalid' | 'version' | 'mismatch' | 'checksum', detail: string, options?: { cause?: unknown }) {
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

// ---------------------------------------------------------------- version 2 (store format 2)

/** Version of the index file layout written with store format 2. */
export const INDEX_FILE_VERSION_2 = 2

/**
 * The sections of a format-2 `index.bin`, in file order: the index arrays, the offsets and CRC-32
 * of each measure's line in `measures.jsonl`, the boundary offsets, and last the word boundaries,
 * which a query never needs and the loader leaves on disk until an index rebuild or a save asks.
 */
export const SECTIONS_2: ReadonlyArray<[string, ArrayKind]> = [
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
  ['measureOffsets', 'u32'],
  ['measureCrcs', 'u32'],
  ['boundOffsets', 'u32'],
  ['bounds', 'u32'],
]

/**
 * Encode a format-2 index file: u32 magic, u32 version 2, u32 section count, then per section its
 * byte length and CRC-32 (u32 each), then the sections, each padded to 4 bytes.
 * @returns the file as parts to write one after the other (no copy of the big arrays)
 */
export function encodeIndexFile2(
  index: IndexArrays,
  perMeasure: readonly Uint32Array[],
  measureOffsets: Uint32Array,
  measureCrcs: Uint32Array,
): Uint8Array[] {
  const boundOffsets = new Uint32Array(perMeasure.length + 1)
  perMeasure.forEach((b, i) => {
    boundOffsets[i + 1] = boundOffsets[i]! + b.length
  })
  const bounds = new Uint32Array(boundOffsets[perMeasure.length]!)
  perMeasure.forEach((b, i) => {
    bounds.set(b, boundOffsets[i]!)
  })
  const arrays: Record<string, ArrayBufferView> = { ...index, measureOffsets, measureCrcs, boundOffsets, bounds }
  const parts = SECTIONS_2.map(([name]) => arrays[name]!)
  const head = new Uint32Array(3 + 2 * parts.length)
  head[0] = MAGIC
  head[1] = INDEX_FILE_VERSION_2
  head[2] = parts.length
  const out: Uint8Array[] = [new Uint8Array(head.buffer)]
  parts.forEach((p, i) => {
    const bytes = new Uint8Array(p.buffer, p.byteOffset, p.byteLength)
    head[3 + 2 * i] = p.byteLength
    head[4 + 2 * i] = crc32(bytes)
    out.push(bytes)
    if (p.byteLength % 4 !== 0) out.push(new Uint8Array(4 - (p.byteLength % 4)))
  })
  return out
}

/** Where the sections of a format-2 index file are, from its header. */
export interface IndexLayout2 {
  headerBytes: number
  sections: Array<{ name: string; kind: ArrayKind; at: number; bytes: number; crc: number }>
  /** Where the lazily read `bounds` section starts: the loader reads the file up to here. */
  eagerEnd: number
  total: number
}

/**
 * Read the header of a format-2 index file.
 * @param head - the file's first bytes (at least 12 + 8 × section count)
 * @param size - the file's size
 * @throws IndexFileProblem
 */
export function indexLayout2(head: Uint8Array, size: number): IndexLayout2 {
  const bad = (detail: string) => new IndexFileProblem('invalid', detail)
  if (endianness() !== 'LE') throw bad('is little-endian and this machine is not')
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength)
  if (head.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw bad('is not an index file (bad magic)')
  if (view.getUint32(4, true) !== INDEX_FILE_VERSION_2) {
    throw new IndexFileProblem('version', `has version ${view.getUint32(4, true)}; this @policykb/search reads ${INDEX_FILE_VERSION_2} here`)
  }
  const count = view.getUint32(8, true)
  const headerBytes = 12 + 8 * SECTIONS_2.length
  if (count !== SECTIONS_2.length || head.byteLength < headerBytes) throw bad(`does not hold ${SECTIONS_2.length} sections`)
  let at = headerBytes
  const sections = SECTIONS_2.map(([name, kind], i) => {
    const bytes = view.getUint32(12 + 8 * i, true)
    const crc = view.getUint32(16 + 8 * i, true)
    if (bytes % ARRAY[kind].bytes !== 0 || at + bytes > size) throw bad(`has a bad length for section ${name}`)
    const s = { name, kind, at, bytes, crc }
    at += (bytes + 3) & ~3
    return s
  })
  if (at !== size) throw bad('has bytes after its last section')
  return { headerBytes, sections, eagerEnd: sections[sections.length - 1]!.at, total: at }
}

/** The arrays of a format-2 index file but the bounds, checked. */
export interface Decoded2 {
  index: IndexArrays
  measureOffsets: Uint32Array
  measureCrcs: Uint32Array
  boundOffsets: Uint32Array
}

/**
 * Decode the eagerly read part of a format-2 index file: check each section's CRC-32, the counts of
 * the manifest and the arrays against each other. `buffer` holds the file from its start to
 * `layout.eagerEnd`, at offset 0 of an ArrayBuffer (typed arrays view it without a copy).
 * @throws IndexFileProblem
 */
export function decodeIndexFile2(buffer: ArrayBuffer, layout: IndexLayout2, counts: IndexFileCounts): Decoded2 {
  const arrays: Record<string, ArrayBufferView> = {}
  for (const s of layout.sections) {
    if (s.name === 'bounds') continue
    const bytes = new Uint8Array(buffer, s.at, s.bytes)
    if (crc32(bytes) !== s.crc) throw new IndexFileProblem('checksum', `is corrupted: section ${s.name} does not match its CRC-32`)
    arrays[s.name] = ARRAY[s.kind].make(buffer, s.at, s.bytes / ARRAY[s.kind].bytes)
  }
  const a = arrays as unknown as IndexArrays & { measureOffsets: Uint32Array; measureCrcs: Uint32Array; boundOffsets: Uint32Array }
  const n = a.docStart.length - 1
  const mismatch = (what: string, found: number, expected: number) =>
    new IndexFileProblem('mismatch', `holds ${found} ${what}, manifest.json says ${expected}`)
  if (n !== counts.measures) throw mismatch('measures', n, counts.measures)
  if (a.all.length !== counts.characters) throw mismatch('characters', a.all.length, counts.characters)
  if (a.slotKeys.length !== counts.bigrams) throw mismatch('bigrams', a.slotKeys.length, counts.bigrams)
  if (a.wordStart.length - 1 !== counts.words) throw mismatch('words', a.wordStart.length - 1, counts.words)
  const boundsSection = layout.sections[layout.sections.length - 1]!
  if (boundsSection.bytes / 4 !== counts.boundaries) throw mismatch('boundaries', boundsSection.bytes / 4, counts.boundaries)
  if (a.boundOffsets.length !== n + 1 || a.boundOffsets[n] !== counts.boundaries) throw new IndexFileProblem('invalid', 'has bad boundary offsets')
  if (a.measureOffsets.length !== n + 1 || a.measureCrcs.length !== n) throw new IndexFileProblem('invalid', 'has bad measure offsets')
  for (let i = 0; i < n; i++) {
    if (a.measureOffsets[i + 1]! < a.measureOffsets[i]!) throw new IndexFileProblem('invalid', `has bad offsets for measure ${i}`)
  }
  // That the arrays fit together is checked when the knowledge base builds its SearchIndex of them.
  return { index: a, measureOffsets: a.measureOffsets, measureCrcs: a.measureCrcs, boundOffsets: a.boundOffsets }
}

/**
 * Split and check the bounds section read from disk against the boundary offsets.
 * @throws IndexFileProblem
 */
export function decodeBounds(bytes: Uint8Array, crc: number, boundOffsets: Uint32Array, docStart: Int32Array): Uint32Array[] {
  if (crc32(bytes) !== crc) throw new IndexFileProblem('checksum', 'is corrupted: section bounds does not match its CRC-32')
  const copy = new Uint32Array(bytes.byteLength / 4)
  new Uint8Array(copy.buffer).set(bytes)
  const n = boundOffsets.length - 1
  const out: Uint32Array[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const b = copy.subarray(boundOffsets[i]!, boundOffsets[i + 1]!)
    const end = docStart[i + 1]! - docStart[i]!
    for (let k = 0; k < b.length; k++) {
      if ((k > 0 && b[k]! <= b[k - 1]!) || b[k]! > end) throw new IndexFileProblem('invalid', `has bad word boundaries for measure ${i}`)
    }
    out[i] = b
  }
  return out
}
