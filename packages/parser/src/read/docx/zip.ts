/**
 * The zip container of a docx, read lazily and with a bound: the central directory is listed
 * without inflating anything, and only the parts the reader asks for are inflated, each through
 * fflate's streaming inflater so that a part whose inflated size exceeds its declared size or the
 * budget stops at the budget (a zip bomb costs the budget, not the machine). Media are never
 * asked for, so a huge embedded image costs nothing.
 */
import { Inflate } from 'fflate'

/** One entry of the central directory. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated */
  method: number
  compressedSize: number
  /** the size the directory declares for the inflated entry */
  size: number
  localOffset: number
  encrypted: boolean
}

/** Why the container could not be read. */
export interface ZipProblem {
  ruleId: 'docx-not-zip' | 'docx-zip-corrupt' | 'docx-too-large' | 'docx-encrypted'
  reason: string
  location?: string
}

const u16 = (b: Uint8Array, at: number) => (b[at] as number) | ((b[at + 1] as number) << 8)
const u32 = (b: Uint8Array, at: number) => ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16)) + (b[at + 3] as number) * 0x1000000
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x100000000

const EOCD = 0x06054b50
const EOCD64 = 0x06064b50
const EOCD64_LOCATOR = 0x07064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

const utf8 = new TextDecoder('utf-8')
const latin1 = new TextDecoder('latin1')

/**
 * The entries of a zip's central directory, by name. Never throws: a file that is not a zip, or
 * whose directory runs past the end of the file, comes back as a problem.
 */
export function listEntries(bytes: Uint8Array): { ok: true; entries: Map<string, ZipEntry> } | { ok: false; problem: ZipProblem } {
  const corrupt = (reason: string): { ok: false; problem: ZipProblem } => ({ ok: false, problem: { ruleId: 'docx-zip-corrupt', reason } })
  if (bytes.length < 22) return corrupt('the file is too short to be a zip archive')
  let e = bytes.length - 22
  const stop = Math.max(0, bytes.length - 22 - 0xffff)
  while (e >= stop && u32(bytes, e) !== EOCD) e--
  if (e < stop) return corrupt('no end of central directory record: the zip archive is truncated or corrupt')
  let count = u16(bytes, e + 10)
  let size = u32(bytes, e + 12)
  let offset = u32(bytes, e + 16)
  if (e >= 20 && u32(bytes, e - 20) === EOCD64_LOCATOR) {
    const z = u64(bytes, e - 12)
    if (z + 56 <= bytes.length && u32(bytes, z) === EOCD64) {
      count = u64(bytes, z + 32)
      size = u64(bytes, z + 40)
      offset = u64(bytes, z + 48)
    }
  }
  if (offset + size > bytes.length) return corrupt('the central directory runs past the end of the file: the zip archive is truncated')
  const entries = new Map<string, ZipEntry>()
  let p = offset
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) return corrupt(`central directory entry ${i + 1} of ${count} is damaged`)
    const flags = u16(bytes, p + 8)
    const method = u16(bytes, p + 10)
    let compressedSize = u32(bytes, p + 20)
    let declared = u32(bytes, p + 24)
    const nameLength = u16(bytes, p + 28)
    const extraLength = u16(bytes, p + 30)
    const commentLength = u16(bytes, p + 32)
    let localOffset = u32(bytes, p + 42)
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength)
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes)
    // zip64: sizes and offset saturated at 0xffffffff are in the extra field, in this order
    let x = p + 46 + nameLength
    const xEnd = x + extraLength
    while (x + 4 <= xEnd) {
      const id = u16(bytes, x)
      const len = u16(bytes, x + 2)
      if (id === 1) {
        let q = x + 4
        if (declared === 0xffffffff) {
          declared = u64(bytes, q)
          q += 8
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q)
          q += 8
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q)
      }
      x += 4 + len
    }
    entries.set(name, { name, method, compressedSize, size: declared, localOffset, encrypted: (flags & 1) === 1 })
    p = xEnd + commentLength
  }
  return { ok: true, entries }
}

/** Input is fed to the inflater in slices of this size, so one push can inflate at most ~1000× it. */
const SLICE = 16 * 1024

/**
 * The inflated bytes of one entry, never more than `budget` bytes nor more than the entry
 * declares (a part that inflates past its declared size is corrupt or hostile).
 *
 * @param bytes - the whole zip
 * @param entry - an entry from {@link listEntries}
 * @param budget - the most bytes this entry may inflate to
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): { ok: true; data: Uint8Array } | { ok: false; problem: ZipProblem } {
  const location = entry.name
  if (entry.encrypted) return { ok: false, problem: { ruleId: 'docx-encrypted', reason: 'the document is encrypted (password protected)', location } }
  if (entry.size > budget) {
    return { ok: false, problem: { ruleId: 'docx-too-large', reason: `${entry.name} declares ${entry.size} bytes inflated, more than the limit of ${budget}`, location } }
  }
  const h = entry.localOffset
  if (h + 30 > bytes.length || u32(bytes, h) !== LOCAL) {
    return { ok: false, problem: { ruleId: 'docx-zip-corrupt', reason: `the local header of ${entry.name} is missing or damaged`, location } }
  }
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28)
  const end = start + entry.compressedSize
  if (end > bytes.length) {
    return { ok: false, problem: { ruleId: 'docx-zip-corrupt', reason: `${entry.name} runs past the end of the file: the zip archive is truncated`, location } }
  }
  const raw = bytes.subarray(start, end)
  if (entry.method === 0) return { ok: true, data: raw }
  if (entry.method !== 8) {
    return { ok: false, problem: { ruleId: 'docx-zip-corrupt', reason: `${entry.name} uses zip compression method ${entry.method}, which Word never writes`, location } }
  }
  const limit = Math.min(budget, entry.size)
  const chunks: Uint8Array[] = []
  let total = 0
  let over = false
  let finished = false
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length
    if (total > limit) over = true
    else chunks.push(chunk)
    if (final) finished = true
  })
  try {
    for (let i = 0; i < raw.length && !over; i += SLICE) inflater.push(raw.subarray(i, i + SLICE), i + SLICE >= raw.length)
    if (raw.length === 0) inflater.push(raw, true)
  } catch (error) {
    return {
      ok: false,
      problem: { ruleId: 'docx-zip-corrupt', reason: `${entry.name} cannot be inflated (${error instanceof Error ? error.message : String(error)})`, location },
    }
  }
  if (over) {
    const why = limit < entry.size ? `more than the limit of ${budget} bytes` : `more than the ${entry.size} bytes it declares`
    return { ok: false, problem: { ruleId: 'docx-too-large', reason: `${entry.name} inflates to ${why}`, location } }
  }
  if (!finished) return { ok: false, problem: { ruleId: 'docx-zip-corrupt', reason: `${entry.name} is cut short`, location } }
  if (chunks.length === 1) return { ok: true, data: chunks[0]! }
  const data = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    data.set(c, at)
    at += c.length
  }
  return { ok: true, data }
}
