/**
 * Reproducible office files: the same table gives the same bytes. ExcelJS and docx stamp every zip
 * entry with the time of writing, and docx writes the time into `docProps/core.xml`; this step
 * rewrites both with one given date (UTC), keeping every entry's compressed data as it is
 * except core.xml's, which is deflated again.
 *
 * Only what those libraries write is handled: a zip without zip64 or encryption. Anything else is
 * returned unchanged.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib'

/** The date written when none is given: 2000-01-01T00:00:00Z. */
export const DEFAULT_FILE_DATE = new Date(Date.UTC(2000, 0, 1))

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 of the zip format. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** MS-DOS time and date fields of a date, in UTC (zip times carry no zone); 1980 at the earliest. */
function dosDateTime(date: Date): { time: number; date: number } {
  const d = date.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : date
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  }
}

/** The W3CDTF form core.xml takes: `2000-01-01T00:00:00Z`. */
const w3cdtf = (date: Date) => `${date.toISOString().slice(0, 19)}Z`

/** Set `dcterms:created` and `dcterms:modified` of a core.xml to `date`. */
export function stampCoreXml(xml: string, date: Date): string {
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${w3cdtf(date)}$3`)
}

interface Entry {
  name: Uint8Array
  flags: number
  method: number
  crc: number
  data: Uint8Array
  size: number
  external: number
}

/**
 * Rewrite a zip so it depends only on its content and `date`: every entry's time is `date`, and
 * `docProps/core.xml` (when present) has `date` as its created and modified time. Entries keep
 * their order and compressed bytes.
 * @param zip - the file bytes (not mutated)
 * @param date - the date to write
 * @returns the rewritten file, or `zip` itself when it is not a zip this step understands
 */
export function reproducibleZip(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return zip
  const count = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  if (count === 0xffff || at === 0xffffffff) return zip
  const entries: Entry[] = []
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return zip
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    const crc = view.getUint32(at + 16, true)
    const csize = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const external = view.getUint32(at + 38, true)
    const local = view.getUint32(at + 42, true)
    if ((flags & 1) !== 0 || local + 30 > zip.length || view.getUint32(local, true) !== 0x04034b50) return zip
    const name = zip.subarray(at + 46, at + 46 + nameLength)
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    if (dataAt + csize > zip.length) return zip
    entries.push({ name, flags: flags & ~0x0008, method, crc, data: zip.subarray(dataAt, dataAt + csize), size, external })
    at += 46 + nameLength + extraLength + commentLength
  }

  for (const e of entries) {
    if (Buffer.from(e.name).toString('utf8') !== 'docProps/core.xml' || (e.method !== 0 && e.method !== 8)) continue
    const xml = Buffer.from(e.method === 8 ? inflateRawSync(e.data) : e.data).toString('utf8')
    const raw = Buffer.from(stampCoreXml(xml, date), 'utf8')
    e.data = e.method === 8 ? deflateRawSync(raw, { level: 9 }) : raw
    e.crc = crc32(raw)
    e.size = raw.length
  }

  const { time, date: day } = dosDateTime(date)
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const e of entries) {
    const head = Buffer.alloc(30)
    head.writeUInt32LE(0x04034b50, 0)
    head.writeUInt16LE(20, 4)
    head.writeUInt16LE(e.flags, 6)
    head.writeUInt16LE(e.method, 8)
    head.writeUInt16LE(time, 10)
    head.writeUInt16LE(day, 12)
    head.writeUInt32LE(e.crc, 14)
    head.writeUInt32LE(e.data.length, 18)
    head.writeUInt32LE(e.size, 22)
    head.writeUInt16LE(e.name.length, 26)
    head.writeUInt16LE(0, 28)
    parts.push(head, e.name, e.data)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(20, 4)
    dir.writeUInt16LE(20, 6)
    dir.writeUInt16LE(e.flags, 8)
    dir.writeUInt16LE(e.method, 10)
    dir.writeUInt16LE(time, 12)
    dir.writeUInt16LE(day, 14)
    dir.writeUInt32LE(e.crc, 16)
    dir.writeUInt32LE(e.data.length, 20)
    dir.writeUInt32LE(e.size, 24)
    dir.writeUInt16LE(e.name.length, 28)
    dir.writeUInt32LE(e.external, 38)
    dir.writeUInt32LE(offset, 42)
    central.push(dir, e.name)
    offset += 30 + e.name.length + e.data.length
  }
  const centralSize = central.reduce((a, p) => a + p.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...parts, ...central, end]))
}
