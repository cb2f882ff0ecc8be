/**
 * The searched fields of a measure, the hay built from them (see `searchIndex.ts`), and its word
 * boundaries.
 */
import type { Measure } from '@policykb/model'
import type { MeasureBrief } from './brief.js'
import { foldText } from './fold.js'
import { FIELD_END, FIELDS, type SearchField } from './searchIndex.js'
import { pushBoundaries, type Tokenizer } from './tokenizer.js'

/** Separator of the unit list as searched and highlighted: `市税务局、市财政局`. */
export const UNIT_SEPARATOR = '、'

/** The unit names of a measure, lead units first, each once, as written. */
export function unitNames(measure: Pick<MeasureBrief, 'units' | 'leadUnits'>): string[] {
  const names: string[] = []
  for (const u of [...measure.leadUnits, ...measure.units]) if (!names.includes(u.name)) names.push(u.name)
  return names
}

/**
 * The text of one searched field: title, direction, text, or the unit names joined with `、`.
 * Highlight ranges are offsets into this string.
 */
export function fieldValue(measure: Measure, field: SearchField): string {
  switch (field) {
    case 'title':
      return measure.title ?? ''
    case 'direction':
      return measure.direction ?? ''
    case 'text':
      return measure.text
    case 'units':
      return unitNames(measure).join(UNIT_SEPARATOR)
  }
}

const clean = (s: string): string => (s.includes(FIELD_END) ? s.replaceAll(FIELD_END, ' ') : s)

/** The folded values of the four fields of a measure. */
export function foldedFields(measure: Measure): string[] {
  return FIELDS.map((f) => foldText(clean(fieldValue(measure, f))))
}

/** The hay of a measure: its folded fields, each closed by U+0000. */
export function hayOf(fields: readonly string[]): string {
  return fields.map((f) => f + FIELD_END).join('')
}

/**
 * Word boundaries of a hay: title, direction and text as the tokenizer cuts them, each unit name
 * one word.
 * @param hay - the measure's hay (folded; see {@link hayOf})
 * @param measure - the measure, for its unit names
 * @param tokenizer - the segmenter
 */
export function boundariesOf(hay: string, measure: Pick<MeasureBrief, 'units' | 'leadUnits'>, tokenizer: Tokenizer): Uint32Array {
  const fields = hay.split(FIELD_END)
  const out: number[] = []
  let offset = 0
  for (let f = 0; f < 3; f++) {
    const text = fields[f]!
    if (text.length > 0) pushBoundaries(tokenizer.cut(text), text, offset, out)
    offset += text.length + 1
  }
  for (const name of unitNames(measure)) {
    if (out[out.length - 1] !== offset) out.push(offset)
    offset += name.length
    out.push(offset)
    offset += UNIT_SEPARATOR.length
  }
  return Uint32Array.from(out)
}

/**
 * Where the lead units end in a hay (lead units come first in the units field).
 * @param hay - the measure's hay
 * @param measure - the measure
 */
export function leadEndOf(hay: string, measure: Pick<MeasureBrief, 'units' | 'leadUnits'>): number {
  const names = unitNames(measure)
  const leads = new Set(measure.leadUnits.map((u) => u.name))
  let at = hay.length - 1 - names.join(UNIT_SEPARATOR).length // start of the units field
  for (const name of names) {
    if (!leads.has(name)) break
    at += name.length + UNIT_SEPARATOR.length
  }
  return at
}
