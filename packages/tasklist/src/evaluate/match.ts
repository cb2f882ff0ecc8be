import { bigrams, normalizeForMatch } from './similarity.js'

/** A generated row paired with a reference row, and the Dice coefficient of their 升级措施. */
export interface RowMatch {
  /** Index into the generated rows. */
  generated: number
  /** Index into the reference rows. */
  reference: number
  /** Bigram Dice coefficient of the two texts, 0 … 1. */
  score: number
}

interface Indexed {
  ids: Int32Array
  counts: Int32Array
  size: number
}

/**
 * Pair texts one-to-one by bigram Dice coefficient: every pair scoring at least `threshold` is a
 * candidate; candidates are taken best first (ties: lower generated index, then lower reference
 * index), skipping any whose generated or reference text is already taken.
 *
 * Candidates are found through an inverted index from bigram to the reference texts holding it,
 * so only pairs sharing a bigram are ever scored. Cost: building the index is linear in the
 * reference text; each generated text costs the summed length of the posting lists of its
 * bigrams (about G × R × (shared bigrams) / (distinct bigrams) in practice, G × R × L at worst),
 * plus sorting the candidates. Empty texts never match.
 * @param generated - generated texts (升级措施)
 * @param reference - reference texts
 * @param threshold - minimum Dice coefficient for a pair, default 0.5
 * @returns the chosen pairs, best first
 */
export function matchTexts(generated: readonly string[], reference: readonly string[], threshold = 0.5): RowMatch[] {
  const vocabulary = new Map<string, number>()
  const index = (text: string, grow: boolean): Indexed => {
    const grams = bigrams(normalizeForMatch(text))
    const ids: number[] = []
    const counts: number[] = []
    let size = 0
    for (const [g, c] of grams) {
      size += c
      let id = vocabulary.get(g)
      if (id === undefined) {
        if (!grow) continue
        id = vocabulary.size
        vocabulary.set(g, id)
      }
      ids.push(id)
      counts.push(c)
    }
    return { ids: Int32Array.from(ids), counts: Int32Array.from(counts), size }
  }
  const refs = reference.map((text) => index(text, true))
  // postings of bigram id: flat [reference index, count, …] at postingData[postingStart[id] … postingStart[id + 1])
  const postingStart = new Int32Array(vocabulary.size + 1)
  for (const ref of refs) for (const id of ref.ids) postingStart[id + 1]! += 2
  for (let id = 0; id < vocabulary.size; id++) postingStart[id + 1]! += postingStart[id]!
  const postingData = new Int32Array(postingStart[vocabulary.size]!)
  const fill = postingStart.slice(0, vocabulary.size)
  refs.forEach((ref, r) => {
    for (let k = 0; k < ref.ids.length; k++) {
      const id = ref.ids[k]!
      postingData[fill[id]!] = r
      postingData[fill[id]! + 1] = ref.counts[k]!
      fill[id]! += 2
    }
  })
  const candidates: RowMatch[] = []
  const shared = new Int32Array(reference.length)
  const touched: number[] = []
  generated.forEach((text, g) => {
    const gen = index(text, false)
    if (gen.size === 0) return
    for (let k = 0; k < gen.ids.length; k++) {
      const id = gen.ids[k]!
      const c = gen.counts[k]!
      const end = postingStart[id + 1]!
      for (let p = postingStart[id]!; p < end; p += 2) {
        const r = postingData[p]!
        if (shared[r] === 0) touched.push(r)
        const d = postingData[p + 1]!
        shared[r]! += Math.min(c, d)
      }
    }
    for (const r of touched) {
      const score = (2 * shared[r]!) / (gen.size + refs[r]!.size)
      if (score >= threshold) candidates.push({ generated: g, reference: r, score })
      shared[r] = 0
    }
    touched.length = 0
  })
  candidates.sort((a, b) => b.score - a.score || a.generated - b.generated || a.reference - b.reference)
  const usedG = new Uint8Array(generated.length)
  const usedR = new Uint8Array(reference.length)
  const chosen: RowMatch[] = []
  for (const c of candidates) {
    if (usedG[c.generated] || usedR[c.reference]) continue
    usedG[c.generated] = 1
    usedR[c.reference] = 1
    chosen.push(c)
  }
  return chosen
}
