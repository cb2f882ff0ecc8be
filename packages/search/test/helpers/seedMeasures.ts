/**
 * Test helpers: the seed corpus as parsed by the real parser, and hand-written measures for
 * table tests.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Measure, ParseResult, PolicyDocument, Span, UnitRef, UnitRole } from '@policykb/model'
import { parse } from '@policykb/parser'

/** Root of the repository's `fixtures/` folder. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../../../fixtures/', import.meta.url))

/** The seed documents: `{ id, text }`, id being the fixture folder name (`002_c5ffb9b641a0b531`). */
export function seedTexts(): Array<{ id: string; text: string }> {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => /^\d{3}_/.test(name))
    .sort()
    .map((id) => ({ id, text: readFileSync(`${FIXTURES_DIR}${id}/${id}.txt`, 'utf8') }))
}

let corpus: Array<{ id: string; result: ParseResult }> | undefined

/** Every seed document parsed with `@policykb/parser`; `id` is the 3-digit seed number (`002`). */
export function seedCorpus(): Array<{ id: string; result: ParseResult }> {
  corpus ??= seedTexts().map(({ id, text }) => {
    const { document, measures, diagnostics } = parse(text, { file: `${id}.txt` })
    return { id: id.slice(0, 3), result: { document, measures, diagnostics } }
  })
  return corpus
}

const emptyDocument = (title: string | null): PolicyDocument => ({
  title,
  issuer: null,
  docNumber: null,
  date: null,
  kind: 'plan',
  attachments: [],
  parts: [],
  tables: [],
  toc: [],
  footnotes: [],
  asides: [],
})

const zeroSpan: Span = { start: 0, end: 0, line: 1, endLine: 1 }

/** A unit reference for hand-written measures. */
export function unit(name: string, role: UnitRole = 'responsible'): UnitRef {
  return { name, normalized: name, role, span: zeroSpan }
}

/** A hand-written measure: give the text and whatever else the test is about. */
export function makeMeasure(seq: number, fields: Partial<Measure> & { text: string }): Measure {
  const units = fields.units ?? []
  const leadUnits = fields.leadUnits ?? units.filter((u) => u.role === 'lead')
  const first = leadUnits[0] ?? units[0]
  return {
    id: `m${seq}`,
    seq,
    part: null,
    numbering: `${seq}.`,
    title: null,
    titleSpan: null,
    direction: null,
    directionSpan: null,
    span: { start: 0, end: fields.text.length, line: 1, endLine: 1 },
    path: [],
    specialty: null,
    primaryUnit: first ? { ...first, inferred: leadUnits.length === 0 } : null,
    responsibility: null,
    deadline: null,
    sharedBlock: 1,
    ...fields,
    units,
    leadUnits,
  }
}

/** A ParseResult holding the given measures. */
export function resultOf(measures: Measure[], title: string | null = null): ParseResult {
  return { document: emptyDocument(title), measures, diagnostics: [] }
}
