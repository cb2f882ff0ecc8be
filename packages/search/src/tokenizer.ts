/**
 * The segmenter interface the knowledge base depends on, so no single jieba binding is built in.
 *
 * Two implementations ship: {@link createJiebaTokenizer} (@node-rs/jieba, the default) and
 * {@link createNodejiebaTokenizer} (nodejieba, an optional dependency). Tests can pass any object
 * with these three methods.
 */

/** A Chinese word segmenter. */
export interface Tokenizer {
  /** Short stable name, recorded in a saved knowledge base (`node-rs-jieba`, `nodejieba`, …). */
  readonly name: string
  /**
   * Cut text into words, in order; the words put together give back the text (punctuation and
   * spaces come back as words of their own).
   */
  cut(text: string): string[]
  /** Cut in search mode: long words are also returned in their shorter parts. */
  cutForSearch(text: string): string[]
  /**
   * Add words that must come out whole (unit names, policy terms). Words containing spaces are
   * ignored. May be called before or after the first cut.
   */
  loadUserDict(words: Iterable<string>): void
}

/** Options shared by the shipped tokenizers. */
export interface TokenizerOptions {
  /** Words to add to the dictionary right away (same as calling `loadUserDict`). */
  userDict?: Iterable<string>
  /** Let jieba's HMM find words missing from its dictionary; default `true`, as jieba does. */
  hmm?: boolean
}

/** Words fit for a jieba user dictionary: no whitespace, at least two characters. */
export function dictionaryWords(words: Iterable<string>): string[] {
  const out: string[] = []
  for (const w of words) if (w.length >= 2 && !/\s/.test(w)) out.push(w)
  return out
}

/**
 * Word boundaries of `text` as cut by `tokens`: the offsets where a word starts or ends, ascending,
 * each shifted by `offset` and pushed onto `out`. Tokens the segmenter dropped are skipped over, so
 * a segmenter that loses characters still yields boundaries inside `text`.
 * @param tokens - the words of `text`, in order
 * @param text - the text that was cut
 * @param offset - added to every boundary (the field's start in a longer string)
 * @param out - where boundaries are pushed
 */
export function pushBoundaries(tokens: readonly string[], text: string, offset: number, out: number[]): void {
  let pos = 0
  let last = -1
  for (const token of tokens) {
    if (token.length === 0) continue
    let at = text.startsWith(token, pos) ? pos : text.indexOf(token, pos)
    if (at < 0) continue
    if (at !== last) out.push(offset + at)
    at += token.length
    out.push(offset + at)
    last = at
    pos = at
  }
}
