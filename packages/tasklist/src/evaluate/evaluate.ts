import type { TaskRow } from '@policykb/model'
import { COMPARED_FIELDS, type ComparedField, sameDeadline, sameDirection, sameSpecialty, sameUnits } from './compare.js'
import { matchTexts } from './match.js'
import { normalizeForMatch } from './similarity.js'

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Minimum bigram Dice of the 升级措施 for two rows to match; default 0.5. */
  threshold?: number
  /** Minimum bigram Dice for two 改革方向 to count as the same; default 0.8. */
  directionThreshold?: number
}

/** How many matched pairs agree on a field, and the share (null when nothing matched). */
export interface FieldAgreement {
  same: number
  share: number | null
}

/** A generated row matched to a reference row, and which fields agree. */
export interface MatchedPair {
  generated: TaskRow
  reference: TaskRow
  /** Bigram Dice of the two 升级措施. */
  score: number
  same: Record<ComparedField, boolean>
  /** The 升级措施 are equal after folding whitespace and width. */
  sameMeasure: boolean
}

/** The numbers for the reference rows of one 所属专项. */
export interface SpecialtyBreakdown {
  /** The reference's 所属专项 (null for rows without one). */
  specialty: string | null
  reference: number
  matched: number
  /** matched / reference */
  recall: number | null
  fields: Record<ComparedField, FieldAgreement>
}

/** A matched pair whose fields differ, with the names of the differing fields (`measure`: reworded). */
export interface DifferingPair {
  generated: TaskRow
  reference: TaskRow
  score: number
  fields: (ComparedField | 'measure')[]
}

/** What {@link evaluate} finds. Shares are 0 … 1; null when their denominator is 0. */
export interface EvalReport {
  options: Required<EvaluateOptions>
  counts: { generated: number; reference: number; matched: number }
  /** matched / reference rows */
  recall: number | null
  /** matched / generated rows */
  precision: number | null
  fields: Record<ComparedField, FieldAgreement>
  bySpecialty: SpecialtyBreakdown[]
  pairs: MatchedPair[]
  unmatchedGenerated: TaskRow[]
  unmatchedReference: TaskRow[]
  differing: DifferingPair[]
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d)

function agreement(pairs: readonly MatchedPair[]): Record<ComparedField, FieldAgreement> {
  const out = {} as Record<ComparedField, FieldAgreement>
  for (const field of COMPARED_FIELDS) {
    const same = pairs.filter((p) => p.same[field]).length
    out[field] = { same, share: ratio(same, pairs.length) }
  }
  return out
}

/**
 * Measure a generated 任务清单 against a reference one (e.g. a table made by hand).
 *
 * Rows are matched one-to-one by the bigram Dice coefficient of their 升级措施 (at least
 * `threshold`, best pairs first). For matched pairs the 责任单位, 完成时限, 改革方向 and 所属专项
 * are compared (see `sameUnits`, `sameDeadline`, `sameDirection`, `sameSpecialty`). Recall is
 * matched / reference rows, precision matched / generated rows; the per-specialty breakdown
 * follows the reference's 所属专项, in the order they first appear. Inputs are not mutated.
 * @param generated - the rows to judge
 * @param reference - the rows taken as right
 * @param options - thresholds, see {@link EvaluateOptions}
 */
export function evaluate(generated: readonly TaskRow[], reference: readonly TaskRow[], options: EvaluateOptions = {}): EvalReport {
  const threshold = options.threshold ?? 0.5
  const directionThreshold = options.directionThreshold ?? 0.8
  const matches = matchTexts(
    generated.map((r) => r.measure),
    reference.map((r) => r.measure),
    threshold,
  )
  const byReference = new Map<number, MatchedPair>()
  const matchedGenerated = new Set<number>()
  for (const m of matches) {
    const g = generated[m.generated]!
    const r = reference[m.reference]!
    byReference.set(m.reference, {
      generated: g,
      reference: r,
      score: m.score,
      same: {
        units: sameUnits(g.units, r.units),
        deadline: sameDeadline(g.deadline, r.deadline),
        direction: sameDirection(g.direction, r.direction, directionThreshold),
        specialty: sameSpecialty(g.specialty, r.specialty),
      },
      sameMeasure: normalizeForMatch(g.measure) === normalizeForMatch(r.measure),
    })
    matchedGenerated.add(m.generated)
  }
  // pairs in reference order, so reports read like the reference table
  const pairs: MatchedPair[] = []
  reference.forEach((_, i) => {
    const p = byReference.get(i)
    if (p) pairs.push(p)
  })

  const groups = new Map<string, { specialty: string | null; rows: number; pairs: MatchedPair[] }>()
  reference.forEach((row, i) => {
    const key = normalizeForMatch(row.specialty ?? '')
    let group = groups.get(key)
    if (!group) {
      group = { specialty: row.specialty, rows: 0, pairs: [] }
      groups.set(key, group)
    }
    group.rows++
    const p = byReference.get(i)
    if (p) group.pairs.push(p)
  })
  const bySpecialty: SpecialtyBreakdown[] = [...groups.values()].map((g) => ({
    specialty: g.specialty,
    reference: g.rows,
    matched: g.pairs.length,
    recall: ratio(g.pairs.length, g.rows),
    fields: agreement(g.pairs),
  }))

  const differing: DifferingPair[] = []
  for (const p of pairs) {
    const fields: (ComparedField | 'measure')[] = COMPARED_FIELDS.filter((f) => !p.same[f])
    if (!p.sameMeasure) fields.push('measure')
    if (fields.length > 0) differing.push({ generated: p.generated, reference: p.reference, score: p.score, fields })
  }

  return {
    options: { threshold, directionThreshold },
    counts: { generated: generated.length, reference: reference.length, matched: pairs.length },
    recall: ratio(pairs.length, reference.length),
    precision: ratio(pairs.length, generated.length),
    fields: agreement(pairs),
    bySpecialty,
    pairs,
    unmatchedGenerated: generated.filter((_, i) => !matchedGenerated.has(i)),
    unmatchedReference: reference.filter((_, i) => !byReference.has(i)),
    differing,
  }
}
