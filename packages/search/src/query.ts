/**
 * Query syntax: words separated by spaces must all occur (AND); `"a phrase"` (or `“a phrase”`) is
 * one literal term that may hold spaces and is never alias-expanded; a leading `-` excludes a term
 * or phrase. Inside quotes, `\"` is a quote and `\\` a backslash.
 *
 * `市税务局 一网通办 -"2022年6月"` → all measures naming 市税务局 and 一网通办, except those with 2022年6月.
 */

/** One term of a query. */
export interface QueryTerm {
  /** The text to find, as typed (folded for matching later). */
  text: string
  /** `true` for a quoted phrase: found literally, no alias expansion. */
  exact: boolean
  /** `true` for `-term`: measures containing it are excluded. */
  negate: boolean
}

/** A parsed query: its terms, in the order typed. An empty list matches every measure. */
export interface ParsedQuery {
  terms: QueryTerm[]
}

const SPACE = /[\s\u3000]/
const OPEN_QUOTES: Record<string, string> = { '"': '"', '“': '”', '”': '”' }

/**
 * Parse the query syntax. Never throws: an unterminated quote runs to the end, a lone `-` is
 * ignored, empty phrases are dropped, repeated terms are kept once.
 * @param query - what the user typed
 * @returns the terms in the order typed
 */
export function parseQuery(query: string): ParsedQuery {
  const terms: QueryTerm[] = []
  const seen = new Set<string>()
  const push = (term: QueryTerm): void => {
    const key = `${term.negate ? '-' : '+'}${term.exact ? 'q' : 'w'}${term.text}`
    if (term.text.length === 0 || seen.has(key)) return
    seen.add(key)
    terms.push(term)
  }
  let i = 0
  const n = query.length
  while (i < n) {
    while (i < n && SPACE.test(query[i]!)) i++
    if (i >= n) break
    let negate = false
    if ((query[i] === '-' || query[i] === '－') && i + 1 < n && !SPACE.test(query[i + 1]!)) {
      negate = true
      i++
    } else if ((query[i] === '-' || query[i] === '－') && (i + 1 >= n || SPACE.test(query[i + 1]!))) {
      i++
      continue
    }
    const close = OPEN_QUOTES[query[i]!]
    if (close !== undefined) {
      i++
      let text = ''
      while (i < n && query[i] !== close && !(close === '”' && query[i] === '"')) {
        if (query[i] === '\\' && i + 1 < n && (query[i + 1] === '"' || query[i + 1] === '\\')) i++
        text += query[i]
        i++
      }
      i++ // the closing quote, if any
      push({ text, exact: true, negate })
      continue
    }
    let text = ''
    while (i < n && !SPACE.test(query[i]!)) text += query[i++]
    push({ text, exact: false, negate })
  }
  return { terms }
}

/**
 * Write a parsed query back in the query syntax: `parseQuery(formatQuery(q))` gives `q` back for
 * any query `parseQuery` can produce.
 * @param query - the terms
 */
export function formatQuery(query: ParsedQuery): string {
  return query.terms
    .map((t) => {
      const sign = t.negate ? '-' : ''
      const needsQuotes = t.exact || SPACE.test(t.text) || /^["“”]/.test(t.text) || (!t.negate && /^[-－]/.test(t.text))
      if (!needsQuotes) return sign + t.text
      return `${sign}"${t.text.replace(/[\\"]/g, (c) => `\\${c}`)}"`
    })
    .join(' ')
}
