/**
 * The in-memory index: a positional character-bigram index that finds every occurrence of any
 * string (recall is exact, by construction), and a word index of field-weighted impacts that ranks.
 *
 * Each measure is one "hay": its searchable fields, width-folded, each closed by U+0000
 * (`title␀direction␀text␀units␀`). All hays are kept as one string; a position is an offset into it.
 * For every bigram (two adjacent code units, the second possibly the U+0000 closing a field) the
 * index keeps the sorted positions where it starts — 4 bytes per indexed character. A string of
 * length ≥ 2 is found by walking the positions of its rarest bigram and comparing the string there;
 * a single character by the bigrams it starts. No candidate is ever dropped, and no text is scanned
 * that does not hold the rarest bigram.
 *
 * Words come from the tokenizer as boundaries (stored with the knowledge base, so loading needs no
 * segmenter). Every word of two or more characters gets, per measure, an impact
 * `Σ_field weight · tf·(k+1)/(tf+k)` (BM25's saturation, k = 1.2).
 */
import { type Postings, range } from './postings.js'
import { buildWords } from './words.js'

/** The fields of a measure that are searched, in hay order. */
export const FIELDS = ['title', 'direction', 'text', 'units'] as const
/** One searched field: the measure's title, its direction (改革方向), its text, or its unit list. */
export type SearchField = (typeof FIELDS)[number]

/** How much a word counts in each field. */
export interface FieldWeights {
  title: number
  direction: number
  text: number
  units: number
}

/** Title and direction above body text; the unit list as much as the direction. */
export const DEFAULT_FIELD_WEIGHTS: Readonly<FieldWeights> = Object.freeze({ title: 3, direction: 2, text: 1, units: 2 })

/** Closes every field in a hay; never part of a query. */
export const FIELD_END = '\u0000'

/** One measure prepared for indexing. */
export interface IndexDoc {
  /** Folded fields, each closed by {@link FIELD_END}: `title␀direction␀text␀units␀`. */
  hay: string
  /** Word boundaries as offsets into `hay`, ascending. */
  bounds: ArrayLike<number>
  /** Where the lead units end in `hay` (they come first in the units field); their names weigh `RANK_PARAMS.leadBoost` times more. */
  leadEnd?: number
}


/** A word's postings: measures (ascending ordinals) and the word's impact in each. */
export interface WordPostings {
  docs: Postings
  impacts: Float32Array
}

/**
 * The index as flat arrays, for saving; {@link SearchIndex.fromArrays} takes them back without
 * recomputing anything.
 */
export interface IndexArrays {
  /** All hays, as UTF-16 code units. */
  all: Uint16Array
  docStart: Int32Array
  fieldStart: Int32Array
  /** Code units in the order their ids were given (id = index + 1). */
  chars: Uint16Array
  /** The bigram key of each slot. */
  slotKeys: Int32Array
  slotStart: Int32Array
  positions: Int32Array
  /** The indexed words, joined by U+0000, in postings order. */
  words: Uint16Array
  wordStart: Int32Array
  wordDocs: Int32Array
  wordImpacts: Float32Array
}

/**
 * A string from UTF-16 code units, exactly: Node's `utf16le` decoding copies code units as they
 * are (lone surrogates kept, unlike TextDecoder) and is fast.
 */
export function stringFromCodes(codes: Uint16Array): string {
  return Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf16le')
}

/** The UTF-16 code units of a string. */
export function codesOf(text: string): Uint16Array {
  const bytes = Buffer.from(text, 'utf16le')
  const out = new Uint16Array(text.length)
  new Uint8Array(out.buffer).set(bytes)
  return out
}

/** Sizes, for benchmarks and the manifest. */
export interface IndexStats {
  /** Measures indexed. */
  measures: number
  characters: number
  bigrams: number
  words: number
  wordPostings: number
}


/** Index over a fixed list of measures. Build with {@link SearchIndex.build}; immutable after. */
export class SearchIndex {
  /** All hays, one after the other. */
  readonly all: string
  /** `docStart[d]` is where hay `d` starts in `all`; `docStart[size]` is `all.length`. */
  readonly docStart: Int32Array
  /** Start of each field in `all`: `fieldStart[d * 4 + f]`. */
  readonly fieldStart: Int32Array
  readonly size: number
  private readonly charId: Uint16Array
  private readonly slotOf: Map<number, number>
  private readonly slotStart: Int32Array
  private readonly positions: Int32Array
  private slotsByFirst: Map<number, number[]> | undefined
  private readonly words: Map<string, WordPostings>
  private readonly maxWordLength: number

  private constructor(
    all: string,
    docStart: Int32Array,
    fieldStart: Int32Array,
    charId: Uint16Array,
    slotOf: Map<number, number>,
    slotStart: Int32Array,
    positions: Int32Array,
    words: Map<string, WordPostings>,
    maxWordLength: number,
  ) {
    this.all = all
    this.docStart = docStart
    this.fieldStart = fieldStart
    this.size = docStart.length - 1
    this.charId = charId
    this.slotOf = slotOf
    this.slotStart = slotStart
    this.positions = positions
    this.words = words
    this.maxWordLength = maxWordLength
  }

  /**
   * Build the index.
   * @param docs - the measures' hays and word boundaries, in ordinal order; not mutated
   * @param weights - field weights for word impacts (default {@link DEFAULT_FIELD_WEIGHTS})
   */
  static build(docs: readonly IndexDoc[], weights: FieldWeights = DEFAULT_FIELD_WEIGHTS): SearchIndex {
    const n = docs.length
    const docStart = new Int32Array(n + 1)
    const fieldStart = new Int32Array(n * 4)
    const parts: string[] = new Array(n)
    let offset = 0
    for (let d = 0; d < n; d++) {
      const hay = docs[d]!.hay
      parts[d] = hay
      docStart[d] = offset
      fieldStart[d * 4] = offset
      let f = 1
      for (let at = hay.indexOf(FIELD_END); at >= 0 && f < 4; at = hay.indexOf(FIELD_END, at + 1)) {
        fieldStart[d * 4 + f++] = offset + at + 1
      }
      if (f < 4 || !hay.endsWith(FIELD_END)) throw new Error(`SearchIndex.build: hay ${d} does not hold four closed fields`)
      offset += hay.length
    }
    docStart[n] = offset
    const all = parts.join('')

    // Bigrams, in two passes: count per slot, then place the positions in one typed array.
    const charId = new Uint16Array(65536)
    let nextId = 1
    const slotOf = new Map<number, number>()
    const slotAt = new Int32Array(all.length)
    let counts = new Int32Array(1024)
    let slots = 0
    for (let i = 0; i + 1 < all.length; i++) {
      const c1 = all.charCodeAt(i)
      if (c1 === 0) {
        slotAt[i] = -1
        continue
      }
      const c2 = all.charCodeAt(i + 1)
      let id1 = charId[c1]!
      if (id1 === 0) id1 = charId[c1] = nextId++
      let id2 = charId[c2]!
      if (id2 === 0) id2 = charId[c2] = nextId++
      const key = id1 * 65536 + id2
      let slot = slotOf.get(key)
      if (slot === undefined) {
        slot = slots++
        slotOf.set(key, slot)
        if (slot >= counts.length) {
          const grown = new Int32Array(counts.length * 2)
          grown.set(counts)
          counts = grown
        }
      }
      counts[slot]!++
      slotAt[i] = slot
    }
    if (all.length > 0) slotAt[all.length - 1] = -1
    const slotStart = new Int32Array(slots + 1)
    for (let s = 0; s < slots; s++) slotStart[s + 1] = slotStart[s]! + counts[s]!
    const cursor = slotStart.slice(0, slots)
    const positions = new Int32Array(slotStart[slots]!)
    for (let i = 0; i < slotAt.length; i++) {
      const s = slotAt[i]!
      if (s >= 0) positions[cursor[s]!++] = i
    }

    const { words, maxWordLength } = buildWords(all, docs, docStart, fieldStart, weights)
    return new SearchIndex(all, docStart, fieldStart, charId, slotOf, slotStart, positions, words, maxWordLength)
  }

  /** The index as flat arrays (see {@link IndexArrays}). */
  toArrays(): IndexArrays {
    const chars: number[] = []
    for (let code = 0; code < 65536; code++) {
      const id = this.charId[code]!
      if (id !== 0) chars[id - 1] = code
    }
    const slotKeys = new Int32Array(this.slotStart.length - 1)
    for (const [key, slot] of this.slotOf) slotKeys[slot] = key
    const words = [...this.words]
    const wordStart = new Int32Array(words.length + 1)
    for (let i = 0; i < words.length; i++) wordStart[i + 1] = wordStart[i]! + words[i]![1].docs.length
    const wordDocs = new Int32Array(wordStart[words.length]!)
    const wordImpacts = new Float32Array(wordStart[words.length]!)
    words.forEach(([, p], i) => {
      wordDocs.set(p.docs, wordStart[i]!)
      wordImpacts.set(p.impacts, wordStart[i]!)
    })
    return {
      all: codesOf(this.all),
      docStart: this.docStart,
      fieldStart: this.fieldStart,
      chars: Uint16Array.from(chars),
      slotKeys,
      slotStart: this.slotStart,
      positions: this.positions,
      words: codesOf(words.map(([w]) => w).join(FIELD_END)),
      wordStart,
      wordDocs,
      wordImpacts,
    }
  }

  /**
   * An index from its arrays, as {@link SearchIndex.toArrays} gave them.
   * @throws Error saying which array does not fit the others
   */
  static fromArrays(a: IndexArrays): SearchIndex {
    const n = a.docStart.length - 1
    const slots = a.slotKeys.length
    const check = (ok: boolean, what: string): void => {
      if (!ok) throw new Error(`index arrays do not fit together: ${what}`)
    }
    check(n >= 0 && a.docStart[n] === a.all.length, 'docStart does not end at the text length')
    check(a.fieldStart.length === n * 4, 'fieldStart is not four fields a measure')
    check(a.slotStart.length === slots + 1 && a.slotStart[slots] === a.positions.length, 'slotStart does not match positions')
    check(a.wordStart[a.wordStart.length - 1] === a.wordDocs.length, 'wordStart does not match wordDocs')
    check(a.wordDocs.length === a.wordImpacts.length, 'wordDocs and wordImpacts differ in length')
    const charId = new Uint16Array(65536)
    for (let i = 0; i < a.chars.length; i++) charId[a.chars[i]!] = i + 1
    const slotOf = new Map<number, number>()
    for (let s = 0; s < slots; s++) slotOf.set(a.slotKeys[s]!, s)
    const list = a.words.length === 0 ? [] : stringFromCodes(a.words).split(FIELD_END)
    check(list.length === a.wordStart.length - 1, 'the word list does not match wordStart')
    const words = new Map<string, WordPostings>()
    let maxWordLength = 2
    list.forEach((w, i) => {
      const from = a.wordStart[i]!
      const to = a.wordStart[i + 1]!
      words.set(w, { docs: a.wordDocs.subarray(from, to), impacts: a.wordImpacts.subarray(from, to) })
      if (w.length > maxWordLength) maxWordLength = w.length
    })
    return new SearchIndex(
      stringFromCodes(a.all),
      a.docStart,
      a.fieldStart,
      charId,
      slotOf,
      a.slotStart,
      a.positions,
      words,
      maxWordLength,
    )
  }

  /** Sizes of the index. */
  stats(): IndexStats {
    let wordPostings = 0
    for (const w of this.words.values()) wordPostings += w.docs.length
    return {
      measures: this.size,
      characters: this.all.length,
      bigrams: this.slotStart.length - 1,
      words: this.words.size,
      wordPostings,
    }
  }

  /** The measure holding position `pos` of `all`. */
  docOf(pos: number): number {
    return this.docFrom(pos, 0)
  }

  /**
   * The measure holding position `pos`, searching forward from measure `from` (which must start at
   * or before `pos`): gallops, so walking ascending positions costs about one step per measure.
   */
  private docFrom(pos: number, from: number): number {
    const starts = this.docStart
    const last = this.size - 1
    let lo = from
    let step = 1
    let hi = from + 1
    while (hi <= last && starts[hi]! <= pos) {
      lo = hi
      hi += step
      step <<= 1
    }
    if (hi > last) hi = last
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (starts[mid]! <= pos) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  private slot(c1: number, c2: number): number | undefined {
    const id1 = this.charId[c1]!
    const id2 = this.charId[c2]!
    if (id1 === 0 || id2 === 0) return undefined
    return this.slotOf.get(id1 * 65536 + id2)
  }

  /**
   * Every measure whose hay contains `needle` (already folded), ascending. Exact: no measure
   * containing it is missed and none is returned that does not contain it.
   * @param needle - folded text; the empty string matches every measure
   */
  docsContaining(needle: string): Postings {
    const len = needle.length
    if (len === 0) return range(this.size)
    if (needle.includes(FIELD_END)) return new Int32Array(0)
    if (len === 1) return this.docsWithChar(needle.charCodeAt(0))
    let best = -1
    let bestAt = 0
    let bestCount = Number.POSITIVE_INFINITY
    for (let i = 0; i + 1 < len; i++) {
      const s = this.slot(needle.charCodeAt(i), needle.charCodeAt(i + 1))
      if (s === undefined) return new Int32Array(0)
      const count = this.slotStart[s + 1]! - this.slotStart[s]!
      if (count < bestCount) {
        best = s
        bestAt = i
        bestCount = count
      }
    }
    const from = this.slotStart[best]!
    const to = this.slotStart[best + 1]!
    const out = new Int32Array(Math.min(to - from, this.size))
    const positions = this.positions
    const docStart = this.docStart
    let n = 0
    let doc = 0
    let docEnd = -1
    if (len === 2) {
      // The bigram is the needle: every position is a match; keep one per measure.
      for (let k = from; k < to; k++) {
        const start = positions[k]!
        if (start < docEnd) continue
        doc = this.docFrom(start, doc)
        docEnd = docStart[doc + 1]!
        out[n++] = doc
      }
      return out.subarray(0, n)
    }
    const all = this.all
    for (let k = from; k < to; k++) {
      const start = positions[k]! - bestAt
      if (start < docEnd && n > 0 && out[n - 1] === doc) continue // already have this measure
      if (start < 0 || !all.startsWith(needle, start)) continue
      if (start >= docEnd) {
        doc = this.docFrom(start, doc)
        docEnd = docStart[doc + 1]!
      }
      out[n++] = doc
    }
    return out.subarray(0, n)
  }

  private docsWithChar(code: number): Postings {
    const id = this.charId[code]!
    if (id === 0) return new Int32Array(0)
    if (!this.slotsByFirst) {
      const byFirst = new Map<number, number[]>()
      for (const [key, slot] of this.slotOf) {
        const first = Math.floor(key / 65536)
        const list = byFirst.get(first)
        if (list) list.push(slot)
        else byFirst.set(first, [slot])
      }
      this.slotsByFirst = byFirst
    }
    const seen = new Uint8Array(this.size)
    for (const slot of this.slotsByFirst.get(id) ?? []) {
      let doc = 0
      let docEnd = -1
      for (let k = this.slotStart[slot]!; k < this.slotStart[slot + 1]!; k++) {
        const p = this.positions[k]!
        if (p < docEnd) continue
        doc = this.docFrom(p, doc)
        seen[doc] = 1
        docEnd = this.docStart[doc + 1]!
      }
    }
    let n = 0
    for (let d = 0; d < seen.length; d++) if (seen[d]) n++
    const out = new Int32Array(n)
    n = 0
    for (let d = 0; d < seen.length; d++) if (seen[d]) out[n++] = d
    return out
  }

  /**
   * Where `needle` (folded) occurs in measure `doc`: positions relative to the hay's start.
   * @param doc - ordinal
   * @param needle - folded text, non-empty
   */
  occurrences(doc: number, needle: string): number[] {
    const start = this.docStart[doc]!
    const end = this.docStart[doc + 1]!
    const out: number[] = []
    if (needle.length === 0) return out
    // Search the measure's own hay: indexOf on `all` would run to the end of the corpus on a miss.
    const hay = this.all.slice(start, end)
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) out.push(at)
    return out
  }

  /** Which field a hay-relative position of measure `doc` lies in, and its offset in that field. */
  fieldAt(doc: number, relative: number): { field: number; offset: number } {
    const base = this.docStart[doc]!
    const pos = base + relative
    let f = 3
    while (f > 0 && this.fieldStart[doc * 4 + f]! > pos) f--
    return { field: f, offset: pos - this.fieldStart[doc * 4 + f]! }
  }

  /** Postings of a word (folded, two characters or more), or `undefined` if no measure has it. */
  word(word: string): WordPostings | undefined {
    return this.words.get(word)
  }

  /**
   * Split folded text into the longest indexed words, left to right; characters that start no
   * indexed word are skipped. `2022年6月底前` → `['2022', '月底']` if those are words of the index.
   * @param text - folded text
   */
  decompose(text: string): string[] {
    const out: string[] = []
    let i = 0
    while (i < text.length) {
      let len = Math.min(this.maxWordLength, text.length - i)
      for (; len >= 2; len--) if (this.words.has(text.slice(i, i + len))) break
      if (len >= 2) {
        out.push(text.slice(i, i + len))
        i += len
      } else i++
    }
    return out
  }
}
