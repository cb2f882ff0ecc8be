import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { writeDocx } from '../src/export/docx.js'
import { crc32, reproducibleZip, stampCoreXml } from '../src/export/reproducible.js'
import { writeXlsx } from '../src/export/xlsx.js'
import { SMALL_TABLE } from './fixtures/export/tables.js'
import { unzip, zipText } from './fixtures/export/unzip.js'

/** Each entry's MS-DOS time and date fields, from the central directory and the local header. */
function entryTimes(bytes: Uint8Array): Array<{ name: string; central: number[]; local: number[] }> {
  const buf = Buffer.from(bytes)
  let eocd = buf.length - 22
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--
  let at = buf.readUInt32LE(eocd + 16)
  const out = []
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const n = buf.readUInt16LE(at + 28)
    const local = buf.readUInt32LE(at + 42)
    out.push({
      name: buf.toString('utf8', at + 46, at + 46 + n),
      central: [buf.readUInt16LE(at + 12), buf.readUInt16LE(at + 14)],
      local: [buf.readUInt16LE(local + 10), buf.readUInt16LE(local + 12)],
    })
    at += 46 + n + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32)
  }
  return out
}

afterEach(() => {
  vi.useRealTimers()
})

describe.each([
  { format: 'xlsx', write: writeXlsx },
  { format: 'docx', write: writeDocx },
])('$format: the same table gives the same bytes', ({ write }) => {
  test('two runs at different times are byte-identical', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-01T08:00:00Z'))
    const first = await write(SMALL_TABLE)
    vi.setSystemTime(new Date('2031-07-15T21:37:42Z'))
    const second = await write(SMALL_TABLE)
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0)
  })

  test('the date given is on every entry and in docProps/core.xml; the default is 2000-01-01', async () => {
    const date = new Date('2023-11-14T22:13:20Z') // SOURCE_DATE_EPOCH=1700000000
    const bytes = await write(SMALL_TABLE, { date })
    // 22:13:20 → (22 << 11) | (13 << 5) | 10; 2023-11-14 → (43 << 9) | (11 << 5) | 14
    const dos = [(22 << 11) | (13 << 5) | 10, (43 << 9) | (11 << 5) | 14]
    for (const e of entryTimes(bytes)) expect({ name: e.name, central: e.central, local: e.local }).toEqual({ name: e.name, central: dos, local: dos })
    const core = zipText(bytes, 'docProps/core.xml')
    expect(core).toMatch(/<dcterms:created[^>]*>2023-11-14T22:13:20Z<\/dcterms:created>/)
    expect(core).toMatch(/<dcterms:modified[^>]*>2023-11-14T22:13:20Z<\/dcterms:modified>/)
    expect(zipText(await write(SMALL_TABLE), 'docProps/core.xml')).toContain('>2000-01-01T00:00:00Z<')
  })

  test('the rewritten file is a valid zip with the same entries and content (unzip -t; every CRC checked)', async () => {
    const bytes = await write(SMALL_TABLE)
    const entries = unzip(bytes)
    expect(entries.size).toBeGreaterThan(5)
    const file = `${process.env.TMPDIR ?? '/tmp'}/policykb-reproducible-${process.pid}.zip`
    const { writeFileSync, rmSync } = await import('node:fs')
    writeFileSync(file, bytes)
    try {
      expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toMatch(/No errors detected/)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error // no unzip on this machine
    } finally {
      rmSync(file, { force: true })
    }
  })
})

describe('reproducibleZip', () => {
  test('crc32 of the check string', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
  })

  test('core.xml stamps only created and modified', () => {
    const xml = '<cp:coreProperties><dc:title>任务清单</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2026-12-04T18:34:28.534Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-04T18:34:28.550Z</dcterms:modified></cp:coreProperties>'
    expect(stampCoreXml(xml, new Date(0))).toBe(
      '<cp:coreProperties><dc:title>任务清单</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">1970-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">1970-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>',
    )
  })

  test('what is not a zip comes back unchanged', () => {
    const bytes = new Uint8Array([1, 2, 3])
    expect(reproducibleZip(bytes, new Date())).toBe(bytes)
  })
})
