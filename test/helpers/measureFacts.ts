/**
 * What "the same measures" means when a document is read from another format: count, titles,
 * units with roles, deadlines, and the measure texts after whitespace normalisation. Tests of the
 * readers compare these facts, not spans (offsets differ between formats by design).
 */
import type { Measure } from '@policykb/model'

/** Whitespace (ASCII, U+3000, NBSP, line breaks) taken out: formats break and indent lines differently. */
export const squash = (text: string) => text.replace(/[\s\u3000\u00a0\ufeff]+/g, '')

/** The facts of one measure that every rendering of a document must agree on. */
export interface MeasureFact {
  title: string | null
  units: string
  deadline: string | null
  text: string
}

/** The facts of each measure, in document order. */
export function measureFacts(measures: readonly Measure[]): MeasureFact[] {
  return measures.map((m) => ({
    title: m.title === null ? null : squash(m.title),
    units: m.units.map((u) => `${u.name}:${u.role}`).join('、'),
    deadline: m.deadline ? squash(m.deadline.text) : null,
    text: squash(m.text),
  }))
}
