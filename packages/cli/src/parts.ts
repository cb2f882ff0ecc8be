import type { Diagnostic, Measure } from '@policykb/model'
import { UsageError } from './command.js'

/**
 * Parts of a bundle as `--parts` selects them: attachment numbers, `null` for the covering
 * notice or main text. `undefined` means every part.
 */
export type PartList = ReadonlyArray<number | null> | undefined

/** What {@link parsePartSpec} returns: the parts, or why the spec is wrong. */
export type PartSpecResult = { ok: true; parts: PartList } | { ok: false; reason: string }

/** The largest attachment number `--parts` takes; a bigger one is a typo, not a bundle. */
const MAX_ATTACHMENT = 999

const ITEM = /^(?:(main)|(\d+)(?:-(\d+))?)$/

/**
 * Read a `--parts` value: `all` (every part), or a comma-separated list of attachment numbers
 * (`5`), ranges (`2-23`) and `main` (the covering notice or main text), e.g. `main,2,5,7-9`.
 * Spaces around items are ignored; the result is in the order given, without repeats.
 *
 * @param spec - the option value; `undefined` means `all`
 * @returns `ok: false` with a one-line reason for an empty item, a reversed range, 0 or a
 *   number above 999, or anything else
 */
export function parsePartSpec(spec: string | undefined): PartSpecResult {
  if (spec === undefined || spec.trim().toLowerCase() === 'all') return { ok: true, parts: undefined }
  const parts: (number | null)[] = []
  const add = (part: number | null) => {
    if (!parts.includes(part)) parts.push(part)
  }
  for (const raw of spec.split(',')) {
    const item = raw.trim().toLowerCase()
    if (item === '') return { ok: false, reason: `empty item in '${spec}'` }
    if (item === 'all') return { ok: false, reason: `'all' cannot be combined with other parts` }
    const match = ITEM.exec(item)
    if (!match) {
      return { ok: false, reason: `'${raw.trim()}' is not a part (expected an attachment number, a range like 2-23, main or all)` }
    }
    if (match[1]) {
      add(null)
      continue
    }
    const from = Number(match[2])
    const to = match[3] === undefined ? from : Number(match[3])
    if (from < 1 || to > MAX_ATTACHMENT) return { ok: false, reason: `attachment numbers run from 1 to ${MAX_ATTACHMENT}, not '${item}'` }
    if (to < from) return { ok: false, reason: `range '${item}' runs backwards` }
    for (let n = from; n <= to; n++) add(n)
  }
  return { ok: true, parts }
}

/** A part's name in messages: `main text` or `attachment 5`. */
export function partName(part: number | null): string {
  return part === null ? 'main text' : `attachment ${part}`
}

/**
 * The selected parts that hold no measure, for a warning: a `--parts` that names attachments
 * a document does not have (or that have no numbered measures) selects nothing there.
 *
 * @param parts - the selection; `undefined` (all) never misses
 * @param measures - the document's measures
 */
export function partsWithoutMeasures(parts: PartList, measures: readonly Pick<Measure, 'part'>[]): (number | null)[] {
  if (parts === undefined) return []
  const present = new Set(measures.map((m) => m.part))
  return parts.filter((p) => !present.has(p))
}

/**
 * Describe a list of parts compactly: consecutive attachments as ranges, e.g.
 * `main text, attachments 1-23`.
 */
export function describeParts(parts: readonly (number | null)[]): string {
  const out: string[] = []
  if (parts.includes(null)) out.push('main text')
  const numbers = [...new Set(parts.filter((p): p is number => p !== null))].sort((a, b) => a - b)
  const ranges: string[] = []
  for (let i = 0; i < numbers.length; ) {
    let j = i
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++
    ranges.push(i === j ? `${numbers[i]}` : `${numbers[i]}-${numbers[j]}`)
    i = j + 1
  }
  if (ranges.length > 0) out.push(`${numbers.length === 1 ? 'attachment' : 'attachments'} ${ranges.join(',')}`)
  return out.length > 0 ? out.join(', ') : 'no parts'
}

/** Options `tasklist` and `eval` share: which parts of a bundle the rows come from. */
export const PARTS_OPTION = {
  type: 'string',
  short: 'p',
  value: 'SPEC',
  description: 'parts to take rows from: all (default), main, 5, 2-23, main,2,7-9',
} as const

/**
 * Read a `--parts` value for `command`.
 *
 * @throws UsageError with the reason the spec is wrong
 */
export function partsOption(spec: string | undefined, command: string): PartList {
  const result = parsePartSpec(spec)
  if (!result.ok) throw new UsageError(`invalid --parts: ${result.reason}`, command)
  return result.parts
}

/**
 * A `parts-without-measures` warning when the selection names parts that hold no measure
 * (see {@link partsWithoutMeasures}), saying where the measures are; null when none is missing.
 */
export function partsWarning(parts: PartList, measures: readonly { part: number | null }[], file: string): Diagnostic | null {
  const missing = partsWithoutMeasures(parts, measures)
  if (missing.length === 0) return null
  const present = [...new Set(measures.map((m) => m.part))]
  const where = present.length > 0 ? `the measures are in: ${describeParts(present)}` : 'the document has no measures'
  const which = missing.length === 1 ? partName(missing[0]!) : describeParts(missing)
  return {
    ruleId: 'parts-without-measures',
    severity: 'warning',
    reason: `--parts selects ${which}, which ${missing.length === 1 ? 'has' : 'have'} no measures; ${where}`,
    file,
  }
}
