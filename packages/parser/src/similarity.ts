/**
 * Text similarity for 任务清单 rows: character bigrams and the Dice coefficient.
 *
 * Chinese has no spaces between words, so character bigrams are the usual cheap unit of
 * comparison: `深化政企协同办电机制` and `深化政企协同办电机制。建设政企协同…` share most bigrams.
 */

/**
 * Fold text for comparison: NFKC (full-width letters, digits and ASCII punctuation to one width,
 * `（）` → `()`, `，` → `,`), whitespace removed.
 * @param text - any text
 */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00A0\u3000]+/gu, '')
}

/**
 * The character bigrams of a text, with their counts (a multiset).
 * A text of one character has that character as its only "bigram", so it still compares.
 * @param text - text already folded with {@link normalizeForMatch}
 */
export function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text)
  const out = new Map<string, number>()
  if (chars.length === 1) {
    out.set(chars[0]!, 1)
    return out
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!
    out.set(g, (out.get(g) ?? 0) + 1)
  }
  return out
}

/** Total count of a bigram multiset. */
export function bigramCount(grams: Map<string, number>): number {
  let n = 0
  for (const c of grams.values()) n += c
  return n
}

/**
 * The Dice coefficient of two texts over their bigram multisets: 2·|A∩B| / (|A|+|B|).
 * Texts are folded with {@link normalizeForMatch} first.
 * @returns 1 for texts equal after folding (two empty texts included), 0 when one is empty
 */
export function dice(a: string, b: string): number {
  const na = normalizeForMatch(a)
  const nb = normalizeForMatch(b)
  if (na === nb) return 1
  if (na === '' || nb === '') return 0
  const ga = bigrams(na)
  const gb = bigrams(nb)
  let common = 0
  for (const [g, c] of ga) {
    const d = gb.get(g)
    if (d !== undefined) common += Math.min(c, d)
  }
  return (2 * common) / (bigramCount(ga) + bigramCount(gb))
}
