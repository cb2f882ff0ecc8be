/**
 * Filters on measure attributes (document, specialty, deadline), over attribute arrays computed once
 * per index, so a filter costs one pass over typed arrays.
 */
import type { MeasureBrief } from './brief.js'
import { foldText } from './fold.js'
import { boundEnd, boundStart, type DeadlineFilter, type ResolvedSearchOptions } from './options.js'
import type { Postings } from './postings.js'

const KIND_DATED = 1
const KIND_ONGOING = 2
const KIND_NONE = 4

/** Per measure (by ordinal): document index, deadline as `yyyymmdd` (-1 = none), kind bits, folded specialty. */
export interface MeasureAttributes {
  doc: Int32Array
  due: Int32Array
  kind: Uint8Array
  specialty: string[]
}

/**
 * The attributes of every measure.
 * @param entries - measures with their document ids, in ordinal order
 * @param documents - the document ids, in order
 */
export function measureAttributes(
  entries: ReadonlyArray<{ document: string; measure: MeasureBrief }>,
  documents: readonly string[],
): MeasureAttributes {
  const n = entries.length
  const doc = new Int32Array(n)
  const due = new Int32Array(n)
  const kind = new Uint8Array(n)
  const specialty: string[] = new Array(n)
  const docIndex = new Map(documents.map((id, i) => [id, i]))
  entries.forEach((e, i) => {
    doc[i] = docIndex.get(e.document) ?? -1
    const d = e.measure.deadline
    const dated = d !== null && (d.kind === 'date' || d.kind === 'period')
    due[i] = dated ? dayNumber(d.date) : -1
    let k = 0
    if (!d || d.kind === 'unspecified') k |= KIND_NONE
    if (dated) k |= KIND_DATED
    if (d && (d.kind === 'ongoing' || (dated && d.alsoOngoing))) k |= KIND_ONGOING
    kind[i] = k
    specialty[i] = e.measure.specialty ? foldText(e.measure.specialty) : ''
  })
  return { doc, due, kind, specialty }
}

/** `2022-06-30` → 20220630. */
export function dayNumber(isoDate: string): number {
  return Number(isoDate.replaceAll('-', ''))
}

/** The filters of a search, resolved; `undefined` when there are none. */
export interface Filters {
  units: string[] | undefined
  specialties: string[] | undefined
  documents: string[] | undefined
  kinds: DeadlineFilter[] | undefined
  /** Deadline on or before this day (`yyyymmdd`). */
  before: number | undefined
  /** Deadline on or after this day (`yyyymmdd`). */
  after: number | undefined
}

const list = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v])

/**
 * The filters in search options.
 * @returns `undefined` when the options filter nothing
 */
export function filtersOf(o: ResolvedSearchOptions): Filters | undefined {
  const f: Filters = {
    units: list(o.unit),
    specialties: list(o.specialty)?.map(foldText),
    documents: list(o.document),
    kinds: list(o.kind),
    before: o.dueBefore ? dayNumber(boundEnd(o.dueBefore)) : undefined,
    after: o.dueAfter ? dayNumber(boundStart(o.dueAfter)) : undefined,
  }
  return Object.values(f).some((v) => v !== undefined) ? f : undefined
}

/**
 * The measures of `base` that pass the attribute filters (units are filtered by the caller).
 * @param attrs - attributes of every measure
 * @param base - candidate ordinals, ascending
 * @param filters - the filters; `documents` as document indexes (-1 for an unknown id)
 * @returns ascending ordinals
 */
export function filterMeasures(
  attrs: MeasureAttributes,
  base: Postings,
  filters: Omit<Filters, 'documents'> & { documents: number[] | undefined },
): Postings {
  const docSet = filters.documents ? new Set(filters.documents) : undefined
  const spec = filters.specialties ? new Set(filters.specialties) : undefined
  let kindMask = 0
  for (const k of filters.kinds ?? []) kindMask |= k === 'dated' ? KIND_DATED : k === 'ongoing' ? KIND_ONGOING : KIND_NONE
  const { before, after } = filters
  const out = new Int32Array(base.length)
  let n = 0
  for (let i = 0; i < base.length; i++) {
    const d = base[i]!
    if (docSet && !docSet.has(attrs.doc[d]!)) continue
    if (spec && !spec.has(attrs.specialty[d]!)) continue
    if (kindMask && (attrs.kind[d]! & kindMask) === 0) continue
    const due = attrs.due[d]!
    if (before !== undefined && (due < 0 || due > before)) continue
    if (after !== undefined && (due < 0 || due < after)) continue
    out[n++] = d
  }
  return out.subarray(0, n)
}
