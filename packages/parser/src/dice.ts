/** Character bigrams of a string (a single character counts as one gram). */
function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>()
  if (s.length === 1) grams.set(s, 1)
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2)
    grams.set(g, (grams.get(g) ?? 0) + 1)
  }
  return grams
}

/**
 * Sørensen–Dice coefficient on character bigrams, 0 (nothing shared) to 1 (same multiset).
 * @param a - first string
 * @param b - second string
 */
export function dice(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0
  const ga = bigrams(a)
  const gb = bigrams(b)
  let shared = 0
  let total = 0
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0)
    total += n
  }
  for (const n of gb.values()) total += n
  return total ? (2 * shared) / total : 0
}
