/**
 * The word index: for every word of two or more characters (as the tokenizer cut the text), the
 * measures holding it and its impact there, `Σ_field weight · tf·(k+1)/(tf+k)` (BM25's saturation,
 * k = 1.2); a lead unit's name counts 1.5 times.
 */
import type { FieldWeights, IndexDoc, WordPostings } from './searchIndex.js'

/** Constants the word impacts depend on; a saved index built with others is rebuilt on load. */
export const RANK_PARAMS = Object.freeze({ saturation: 1.2, leadBoost: 1.5, minWordLength: 2 })

function isWordChar(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a)
  )
}

/**
 * Build the word postings.
 * @param all - all hays, one after the other
 * @param docs - the measures' hays and boundaries (offsets into each hay), by ordinal
 * @param docStart - where each hay starts in `all`
 * @param fieldStart - where each field starts in `all` (four a measure)
 * @param weights - field weights
 */
export function buildWords(
  all: string,
  docs: readonly IndexDoc[],
  docStart: Int32Array,
  fieldStart: Int32Array,
  weights: FieldWeights,
): { words: Map<string, WordPostings>; maxWordLength: number } {
  const w = [weights.title, weights.direction, weights.text, weights.units]
  const { saturation, leadBoost, minWordLength } = RANK_PARAMS
  const builders = new Map<string, { docs: number[]; impacts: number[] }>()
  const local = new Map<string, number>()
  let tf = new Float64Array(256)
  let maxWordLength = 2
  for (let d = 0; d < docs.length; d++) {
    const base = docStart[d]!
    const bounds = docs[d]!.bounds
    local.clear()
    const f1 = fieldStart[d * 4 + 1]! - base
    const f2 = fieldStart[d * 4 + 2]! - base
    const f3 = fieldStart[d * 4 + 3]! - base
    const leadEnd = docs[d]!.leadEnd ?? 0
    for (let k = 0; k + 1 < bounds.length; k++) {
      const s = bounds[k]!
      const e = bounds[k + 1]!
      if (e - s < minWordLength) continue
      const field = s >= f3 ? 3 : s >= f2 ? 2 : s >= f1 ? 1 : 0
      const fieldEnd = field === 3 ? docStart[d + 1]! - base : fieldStart[d * 4 + field + 1]! - base
      if (e >= fieldEnd) continue // would span a field end
      if (!isWordChar(all.charCodeAt(base + s)) && !isWordChar(all.charCodeAt(base + e - 1))) continue
      const word = all.slice(base + s, base + e)
      let slot = local.get(word)
      if (slot === undefined) {
        slot = local.size
        local.set(word, slot)
        if ((slot + 1) * 4 > tf.length) {
          const grown = new Float64Array(tf.length * 2)
          grown.set(tf)
          tf = grown
        }
        tf.fill(0, slot * 4, slot * 4 + 4)
      }
      tf[slot * 4 + field]! += field === 3 && e <= leadEnd ? leadBoost : 1
    }
    for (const [word, slot] of local) {
      let impact = 0
      for (let f = 0; f < 4; f++) {
        const x = tf[slot * 4 + f]!
        if (x > 0) impact += (w[f]! * (x * (saturation + 1))) / (x + saturation)
      }
      let b = builders.get(word)
      if (!b) {
        b = { docs: [], impacts: [] }
        builders.set(word, b)
        if (word.length > maxWordLength) maxWordLength = word.length
      }
      b.docs.push(d)
      b.impacts.push(impact)
    }
  }
  const words = new Map<string, WordPostings>()
  for (const [word, b] of builders) words.set(word, { docs: Int32Array.from(b.docs), impacts: Float32Array.from(b.impacts) })
  return { words, maxWordLength }
}
