/**
 * Highlights computed from match offsets in the measure's own fields (not FlexSearch's highlighter,
 * which marks the wrong characters in Chinese text): every match as a range, plus a snippet.
 */
import type { Measure } from '@policykb/model'
import { fieldValue } from './fields.js'
import { FIELDS, type SearchField, type SearchIndex } from './searchIndex.js'

/** A matched range, `[start, end)` in UTF-16 offsets. */
export interface MatchRange {
  start: number
  end: number
}

/** The matches of a hit in one field. */
export interface Highlight {
  field: SearchField
  /** Every match, as offsets into the field's value (`measure.text` for `text`, see `fieldValue`). */
  ranges: MatchRange[]
  /** A window of the field around the first match (the whole field when it is short). */
  snippet: string
  /** Offset of the snippet in the field's value. */
  snippetStart: number
  /** The ranges that fall in the snippet, relative to it (clipped at its edges). */
  snippetRanges: MatchRange[]
  /** Length of the whole field value: the snippet was cut at the end when it ends before this. */
  fieldLength: number
}

function merge(ranges: MatchRange[]): MatchRange[] {
  ranges.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: MatchRange[] = []
  for (const r of ranges) {
    const last = out[out.length - 1]
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end)
    else out.push({ ...r })
  }
  return out
}

/**
 * Highlights of one measure for the given needles.
 * @param index - the index the measure is in
 * @param doc - its ordinal
 * @param measure - the measure (for the field values)
 * @param needles - folded strings to mark
 * @param snippetLength - characters per snippet
 * @returns one highlight per field with matches, in field order
 */
export function highlightsOf(
  index: SearchIndex,
  doc: number,
  measure: Measure,
  needles: readonly string[],
  snippetLength: number,
): Highlight[] {
  const byField: MatchRange[][] = [[], [], [], []]
  for (const needle of needles) {
    if (needle.length === 0) continue
    for (const at of index.occurrences(doc, needle)) {
      const { field, offset } = index.fieldAt(doc, at)
      byField[field]!.push({ start: offset, end: offset + needle.length })
    }
  }
  const out: Highlight[] = []
  FIELDS.forEach((field, f) => {
    if (byField[f]!.length === 0) return
    const ranges = merge(byField[f]!)
    const value = fieldValue(measure, field)
    out.push({ field, ranges, ...snippetOf(value, ranges, snippetLength), fieldLength: value.length })
  })
  return out
}

function snippetOf(
  value: string,
  ranges: readonly MatchRange[],
  length: number,
): Pick<Highlight, 'snippet' | 'snippetStart' | 'snippetRanges'> {
  let start = 0
  if (value.length > length) {
    const first = ranges[0]!
    start = Math.max(0, Math.min(first.start - Math.floor(length / 4), value.length - length))
  }
  const end = Math.min(value.length, start + length)
  const snippetRanges = ranges
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start }))
  return { snippet: value.slice(start, end), snippetStart: start, snippetRanges }
}

/**
 * The snippet of a highlight with its matches marked, and `…` where the field goes on.
 * @param h - a highlight
 * @param open - mark before a match; default `【`
 * @param close - mark after a match; default `】`
 */
export function markSnippet(h: Highlight, open = '【', close = '】'): string {
  let out = h.snippetStart > 0 ? '…' : ''
  let at = 0
  for (const r of h.snippetRanges) {
    out += h.snippet.slice(at, r.start) + open + h.snippet.slice(r.start, r.end) + close
    at = r.end
  }
  out += h.snippet.slice(at)
  if (h.snippetStart + h.snippet.length < h.fieldLength) out += '…'
  return out
}
