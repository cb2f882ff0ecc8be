/**
 * Ranking: a measure's score for a term is the impact of the term as a whole word (field-weighted,
 * see `searchIndex.ts`); a term the index does not hold as one word (a phrase such as 2022年12月)
 * scores by its weakest indexed word; a term found only inside longer words scores a small floor.
 * Terms add up, each weighted by its idf, `ln(1 + N / df)`.
 */
import { intersect, type Postings, seek } from './postings.js'
import type { SearchIndex } from './searchIndex.js'

/** What a term scores in a measure that contains it only inside other words. */
export const PARTIAL_SCORE = 0.1

/** For each measure of `base`, raise `out[i]` to the word's impact when the measure has the word. */
function gatherMax(base: Postings, docs: Postings, impacts: Float32Array, out: Float64Array): void {
  const gallop = docs.length > base.length * 8
  let j = 0
  for (let i = 0; i < base.length; i++) {
    const x = base[i]!
    if (gallop) j = seek(docs, x, j)
    else while (j < docs.length && docs[j]! < x) j++
    if (j >= docs.length) return
    if (docs[j] === x && impacts[j]! > out[i]!) out[i] = impacts[j]!
  }
}

/**
 * Add one term's weighted score to `scores`.
 * @param index - the index
 * @param base - the measures being ranked (ascending ordinals), all containing the term
 * @param alternatives - the term's folded spellings (alias expansion) with the measures containing
 *   each; the best spelling counts
 * @param weight - the term's idf
 * @param scores - per measure of `base`, accumulated in place
 */
export function addTermScores(
  index: SearchIndex,
  base: Postings,
  alternatives: ReadonlyArray<{ text: string; docs: Postings }>,
  weight: number,
  scores: Float64Array,
): void {
  const best = new Float64Array(base.length)
  for (const alt of alternatives) {
    if (alt.docs.length === 0) continue
    const word = index.word(alt.text)
    if (word) {
      gatherMax(base, word.docs, word.impacts, best)
      continue
    }
    const pieces = index.decompose(alt.text)
    if (pieces.length === 0) continue
    // A phrase: score the measures of `base` that hold it by its weakest word.
    const sub = intersect(base, alt.docs)
    if (sub.length === 0) continue
    const phrase = new Float64Array(sub.length).fill(Number.POSITIVE_INFINITY)
    const piece = new Float64Array(sub.length)
    for (const p of pieces) {
      const w = index.word(p)!
      piece.fill(0)
      gatherMax(sub, w.docs, w.impacts, piece)
      for (let i = 0; i < sub.length; i++) if (piece[i]! < phrase[i]!) phrase[i] = piece[i]!
    }
    for (let i = 0, j = 0; i < base.length && j < sub.length; i++) {
      if (base[i] !== sub[j]) continue
      if (phrase[j]! > best[i]!) best[i] = phrase[j]!
      j++
    }
  }
  for (let i = 0; i < base.length; i++) scores[i]! += weight * Math.max(best[i]!, PARTIAL_SCORE)
}

/**
 * Indices into `base` of the best `k` measures by score (descending), ties in ordinal order.
 * Keeps a small sorted buffer, so ranking ten of ten thousand costs about one pass.
 */
export function topK(base: Postings, scores: Float64Array, k: number): number[] {
  const n = base.length
  if (k >= n / 2) {
    const all = Array.from({ length: n }, (_, i) => i)
    all.sort((a, b) => scores[b]! - scores[a]! || base[a]! - base[b]!)
    return all.slice(0, k)
  }
  const top: number[] = []
  for (let i = 0; i < n; i++) {
    const s = scores[i]!
    if (top.length === k && s <= scores[top[k - 1]!]!) continue // ties keep the earlier ordinal
    let lo = 0
    let hi = top.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (scores[top[mid]!]! >= s) lo = mid + 1
      else hi = mid
    }
    top.splice(lo, 0, i)
    if (top.length > k) top.pop()
  }
  return top
}
