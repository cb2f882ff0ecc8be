/**
 * Properties of every reader on damaged files: for each fixture input of each format under
 * fixtures/ (`<name>/<name>.txt`, `.html`, `.htm`, `.docx`, `.doc`, `.pdf`), truncated and
 * bit-flipped copies are given to `readers[format]` directly — not through `read`, whose catch
 * would hide a throw. A reader never throws; what it reads is well formed (blocks inside the
 * text, in order, not overlapping); parsing it gives spans that slice the normalised text to
 * their fields, each with an origin when the reader gave blocks.
 *
 * The default tier makes 1500 copies of the text and HTML inputs (each a window of at most
 * 1 KiB, so a case costs a few milliseconds) and 12 of the smallest input of each binary format;
 * POLICYKB_READ_RUNS=N makes N × 1500 of the first kind and N × 40 of every binary input.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Measure, Section, SourceFormat, SourceText } from '@policykb/model'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readers } from '../src/read/index.js'
import { parseSource } from '../src/source.js'
import { FIXTURES } from './helpers.js'

const FORMATS: Array<[string, SourceFormat]> = [
  ['txt', 'text'],
  ['html', 'html'],
  ['htm', 'html'],
  ['docx', 'docx'],
  ['doc', 'doc'],
  ['pdf', 'pdf'],
]
const inputs = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    FORMATS.filter(([ext]) => existsSync(join(FIXTURES, d.name, `${d.name}.${ext}`))).map(([ext, format]) => ({
      file: `${d.name}.${ext}`,
      format,
      bytes: new Uint8Array(readFileSync(join(FIXTURES, d.name, `${d.name}.${ext}`))),
    })),
  )
const textual = inputs.filter((i) => i.format === 'text' || i.format === 'html')
const scale = Math.max(1, Number(process.env['POLICYKB_READ_RUNS'] ?? 1) || 1)
/** Binary inputs: in the default tier the smallest of each format (a PDF read costs far more than a page's), all of them when scaled. */
const binary = [...new Set(inputs.map((i) => i.format))]
  .filter((f) => f !== 'text' && f !== 'html')
  .flatMap((f) => {
    const all = inputs.filter((i) => i.format === f).sort((a, b) => a.bytes.length - b.bytes.length)
    return scale > 1 ? all : all.slice(0, 1)
  })
const BINARY_RUNS = scale > 1 ? 40 * scale : 12
const WINDOW = 1024

/** A damaged copy: a window of the file (a text input) or its prefix (a binary one), with 0–8 bits flipped. */
const damage = (bytes: Uint8Array, window: boolean) =>
  fc
    .record({
      start: window ? fc.nat({ max: Math.max(0, bytes.length - 1) }) : fc.constant(0),
      length: fc.nat({ max: window ? WINDOW : bytes.length }),
      flips: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 7 })), { maxLength: 8 }),
    })
    .map(({ start, length, flips }) => {
      const copy = bytes.slice(start, Math.min(bytes.length, start + length))
      for (const [at, bit] of flips) if (copy.length > 0) copy[at % copy.length]! ^= 1 << bit
      return copy
    })

/** Blocks lie inside the text, in order, without overlapping. */
function expectBlocksWellFormed(source: SourceText): void {
  let end = 0
  for (const b of source.blocks) {
    expect(b.start).toBeGreaterThanOrEqual(end)
    expect(b.end).toBeGreaterThanOrEqual(b.start)
    expect(b.end).toBeLessThanOrEqual(source.text.length)
    end = b.end
  }
}

/** Every field with a span slices the normalised text to exactly that field, and has an origin when blocks exist. */
function expectSpans(source: SourceText): void {
  const result = parseSource(source)
  const text = result.normalized.text
  const withOrigin = source.blocks.length > 0
  const at = (span: { start: number; end: number; origin?: unknown }) => {
    if (withOrigin) expect(span.origin).toBeDefined()
    return text.slice(span.start, span.end)
  }
  const measures: Measure[] = result.measures
  for (const m of measures) {
    expect(at(m.span)).toBe(m.text)
    if (m.titleSpan) expect(at(m.titleSpan)).toBe(m.title)
    if (m.directionSpan) expect(at(m.directionSpan)).toBe(m.direction)
    for (const u of m.units) expect(at(u.span)).toBe(u.name)
    if (m.responsibility) {
      expect(at(m.responsibility.span)).toBe(m.responsibility.text)
      for (const e of m.responsibility.entries) expect(at(e.span)).toBe(e.value)
    }
    if (m.deadline) expect(at(m.deadline.span)).toBe(m.deadline.text)
  }
  const walk = (s: Section) => {
    expect(at(s.headingSpan)).toBe(s.heading)
    s.children.forEach(walk)
  }
  for (const part of result.document.parts) part.sections.forEach(walk)
}

async function check(format: SourceFormat, file: string, bytes: Uint8Array): Promise<void> {
  let outcome: Awaited<ReturnType<(typeof readers)['text']>>
  try {
    outcome = await readers[format](bytes, { name: file })
  } catch (error) {
    throw new Error(`readers.${format} threw on a damaged copy of ${file} (${bytes.length} bytes): ${String(error)}`)
  }
  if (!outcome.ok) {
    expect(outcome.reason).toMatch(/\S/)
    return
  }
  expect(outcome.source.format).toBe(format)
  expectBlocksWellFormed(outcome.source)
  expectSpans(outcome.source)
}

describe('readers on damaged copies of every fixture', () => {
  it.skipIf(textual.length === 0)(`text and HTML: ${1500 * scale} copies, never a throw, spans slicing the text`, async () => {
    const perFile = Math.ceil((1500 * scale) / textual.length)
    for (const { file, format, bytes } of textual) {
      await fc.assert(
        fc.asyncProperty(damage(bytes, true), (copy) => check(format, file, copy)),
        { numRuns: perFile },
      )
    }
  }, 120_000)

  it.skipIf(binary.length === 0)(`docx, doc, PDF: ${BINARY_RUNS} truncated and flipped copies of ${scale > 1 ? 'each input' : 'the smallest input of each format'}`, async () => {
    for (const { file, format, bytes } of binary) {
      await fc.assert(
        fc.asyncProperty(damage(bytes, false), (copy) => check(format, file, copy)),
        { numRuns: BINARY_RUNS },
      )
    }
  }, 300_000)

  it('covers every format found under fixtures/', () => {
    expect(new Set(inputs.map((i) => i.format))).toContain('html')
    expect(new Set(inputs.map((i) => i.format))).toContain('text')
  })
})
