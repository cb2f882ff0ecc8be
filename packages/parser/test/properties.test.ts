import type { Measure, NormalizedText, Section } from '@policykb/model'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TextLine } from '../src/lines.js'
import { fromMarkdown } from '../src/markdown.js'
import type { OutlineNode } from '../src/outline.js'
import { normalize } from '../src/normalize.js'
import { parse } from '../src/parse.js'
import { toPolicyTree } from '../src/tree.js'
import { seeds } from './helpers.js'

const SEEDS = seeds()
const seedLines = SEEDS.flatMap((s) => s.text.split('\n')).filter((l) => l.trim())

/** Text that looks like a plan: lines of the seeds, shuffled, broken and glued at random. */
const planLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...seedLines),
      fc.constantFrom('', '\n', '\r\n', '\t', '**', '# ', '- ', '（', '）', '、', '¹', '责任单位：', '时间节点：2022年6月', '附件 3'),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 60 },
  )
  .chain((parts) => fc.tuple(fc.constant(parts), fc.array(fc.nat(), { minLength: parts.length, maxLength: parts.length })))
  .map(([parts, cuts]) => parts.map((p, i) => (p.length > 4 && cuts[i]! % 3 === 0 ? p.slice(0, cuts[i]! % p.length) : p)).join('\n'))

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), planLike)

/** Every original character is copied into the text or listed as removed, exactly once. */
function expectPartition(n: NormalizedText, source: string): void {
  const seen = new Uint8Array(source.length)
  for (const s of n.segments) {
    expect(source.slice(s.source, s.source + s.length)).toBe(n.text.slice(s.start, s.start + s.length))
    for (let i = s.source; i < s.source + s.length; i++) seen[i]!++
  }
  for (const r of n.removals) for (let i = r.start; i < r.end; i++) seen[i]!++
  expect(seen.every((c) => c === 1)).toBe(true)
  expect(n.folded.length).toBe(n.text.length)
}

/** Every field with a span slices the normalised text to exactly that field. */
function expectSpansSlice(text: string, measures: Measure[], sections: Section[]): void {
  const at = (span: { start: number; end: number }) => text.slice(span.start, span.end)
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
  sections.forEach(walk)
}

/** Every non-blank line of the normalised text is held by exactly one node of the tree. */
/**
 * Every line of the text is held by exactly one place in the outline — or, when the outline cut
 * a line into pieces (items run together on one line: `…（X牵头）2.…`), its pieces are held once
 * each and together are the whole line — except table rows, which the outline does not hold.
 */
function expectLinesOwnedOnce(text: string): void {
  const n = normalize(text)
  const tree = toPolicyTree(n, fromMarkdown(n))
  const pieces = new Map<number, TextLine[]>()
  const own = (line: TextLine) => pieces.set(line.index, [...(pieces.get(line.index) ?? []), line])
  const visit = (node: OutlineNode) => {
    if (node.line) own(node.line)
    for (const c of node.content) {
      if (c.kind === 'paragraph') own(c.line)
      else if (c.kind === 'labels') for (const l of c.lines) own(l)
      else visit(c.node)
    }
  }
  const lines = n.text.split('\n')
  let tableRows = 0
  for (const part of tree.parts) {
    visit(part.root)
    for (const l of part.metaLines) own(l)
  }
  for (const t of tree.document.tables) tableRows += t.rows.length + 1 + t.headerRepeats
  for (const held of pieces.values()) {
    const sorted = [...held].sort((a, b) => a.contentStart - b.contentStart)
    // no piece held twice, and the pieces follow each other without gap or overlap
    for (let k = 1; k < sorted.length; k++) expect(sorted[k]!.contentStart).toBe(sorted[k - 1]!.end)
  }
  const nonBlank = lines.filter((l) => l.trim() !== '').length
  // what the outline does not hold is exactly the table rows
  expect(pieces.size + tableRows).toBe(nonBlank)
}

describe('parser properties', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parse(text)
        expect(Array.isArray(result.measures)).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })

  it('normalisation loses nothing: each original character is kept or set aside, once', () => {
    fc.assert(
      fc.property(anyText, (text) => expectPartition(normalize(text), text)),
      { numRuns: 3000 },
    )
  })

  it('every span slices the normalised text to exactly the field it claims', () => {
    fc.assert(
      fc.property(planLike, (text) => {
        const r = parse(text)
        expectSpansSlice(r.normalized.text, r.measures, r.document.parts.flatMap((p) => p.sections))
      }),
      { numRuns: 2000 },
    )
  })

  it('every line of the text belongs to exactly one node', () => {
    fc.assert(
      fc.property(planLike, (text) => expectLinesOwnedOnce(text)),
      {
        numRuns: 2000,
        // found by a run: a statement with text run on after it is cut into two pieces of one line
        examples: [['（\n责任单位：市政数局牵头，各县（市、区）人民政府负责落实\n）\n$0\n（十一）保护纳税人合法权益。完善权利救济机制。']],
      },
    )
  })

  it.each(SEEDS.map((s) => [s.name, s.text] as const))('holds on seed %s', (_name, text) => {
    const n = normalize(text)
    expectPartition(n, text)
    const r = parse(text)
    expectSpansSlice(r.normalized.text, r.measures, r.document.parts.flatMap((p) => p.sections))
    expectLinesOwnedOnce(text)
  })
})
