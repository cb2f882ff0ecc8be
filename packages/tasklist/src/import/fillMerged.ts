import type { Diagnostic } from '@policykb/model'
import { bigrams, dice, normalizeForMatch } from '../evaluate/similarity.js'
import type { MergedLabels } from './rawTable.js'
import { clip } from './realign.js'

/** A row as {@link fillMerged} sees it. */
export interface FillRow {
  cells: readonly string[]
  line: number
  page: number
}

/** Which cells {@link fillMerged} fills and what it reads to decide. */
export interface FillOptions {
  /** Index of the column to fill. */
  column: number
  /** Its name for messages, e.g. 所属专项. */
  name: string
  /** Where the table puts a merged cell's text; see {@link MergedLabels}. */
  mergedLabels: MergedLabels
  /** Runs of rows filled independently (a 改革方向 never crosses a 所属专项); inclusive index pairs. */
  groups: readonly (readonly [number, number])[]
  /** Indices of the cells compared with a label's wording (the 升级措施, and 改革方向 for 所属专项). */
  textColumns: readonly number[]
  /** Index of the 责任单位 cell, -1 when none. */
  unitsColumn: number
  /** Weight of each bigram when comparing wording (rare bigrams say more); every bigram weighs 1 when absent. */
  weights?: ReadonlyMap<string, number>
  /** File name for diagnostics. */
  file?: string
}

/** What {@link fillMerged} returns: the value of the column for every row (null: could not fill). */
export interface FillResult {
  values: (string | null)[]
  diagnostics: Diagnostic[]
}

/** How much a blank row leans to the label above when the evidence is even. */
const PRIOR_ABOVE = 0.1

/**
 * Fill the blanks a merged cell leaves in a column (所属专项, 改革方向).
 *
 * Blanks before the first label of a run take that label, blanks after the last take the last.
 * A blank between two rows with the same label takes it. Between two different labels A (above)
 * and B (below):
 * - when merged text sits in the first row of its span (`top`: spreadsheets, csv), the blank is A's;
 * - when it may sit anywhere in the span (`any`: PDF, where a merged cell's text is centred and
 *   repeated on every printed page), rows on A's page belong to A and rows on B's page to B
 *   (each page shows the label of every span it holds, so a span on B's page has B's label);
 *   on a page holding both, the rows are split at the point that best fits the evidence: each
 *   row's 责任单位 compared with those of A's and B's rows (a specialty or direction is led by the
 *   same units throughout), and how much of A's and B's wording its text contains
 *   (`深化“互联网+不动产登记”` belongs under 不动产登记). When the evidence is even the row stays
 *   with A, since a blank cell most often continues the one above.
 *
 * Whether a PDF column is `top` or `any` can be read from the table itself: see {@link labelPlacement}.
 * Input rows are not mutated.
 */
export function fillMerged(rows: readonly FillRow[], options: FillOptions): FillResult {
  const values: (string | null)[] = rows.map((row) => {
    const v = (row.cells[options.column] ?? '').trim()
    return v === '' ? null : v
  })
  const source: (number | null)[] = values.map((v, i) => (v === null ? null : i))
  const boundaries: Diagnostic[] = []
  const unfilled: Diagnostic[] = []
  const where = (line: number) => (options.file === undefined ? { line } : { file: options.file, line })
  const raw = values.slice()

  const put = (i: number, from: number) => {
    values[i] = raw[from]!
    source[i] = from
  }

  for (const [g0, g1] of options.groups) {
    const labels: number[] = []
    for (let i = g0; i <= g1; i++) if (raw[i] !== null) labels.push(i)
    if (labels.length === 0) {
      unfilled.push({
        ruleId: 'import-unfilled-merged',
        reason: `${options.name} is blank in lines ${rows[g0]!.line}–${rows[g1]!.line} and no row of the run names it`,
        severity: 'error',
        ...where(rows[g0]!.line),
      })
      continue
    }
    for (let i = g0; i < labels[0]!; i++) put(i, labels[0]!)
    for (let i = labels.at(-1)! + 1; i <= g1; i++) put(i, labels.at(-1)!)
    for (let k = 0; k + 1 < labels.length; k++) {
      const a = labels[k]!
      const b = labels[k + 1]!
      if (b - a < 2) continue
      const gap: number[] = []
      for (let i = a + 1; i < b; i++) gap.push(i)
      if (raw[a] === raw[b] || options.mergedLabels === 'top') {
        for (const i of gap) put(i, a)
        continue
      }
      const pageA = rows[a]!.page
      const pageB = rows[b]!.page
      if (pageA !== pageB) {
        for (const i of gap) put(i, rows[i]!.page === pageB ? b : a)
        continue
      }
      const split = splitGap(rows, raw, gap, a, b, options)
      gap.forEach((i, n) => {
        put(i, n < split.count ? a : b)
      })
      const lastA = split.count > 0 ? rows[gap[split.count - 1]!]!.line : null
      boundaries.push({
        ruleId: 'import-merged-boundary',
        reason:
          `${options.name} is blank in lines ${rows[gap[0]!]!.line}–${rows[gap.at(-1)!]!.line}, between 「${clip(raw[a]!)}」 ` +
          `(line ${rows[a]!.line}) and 「${clip(raw[b]!)}」 (line ${rows[b]!.line}) on one page: ` +
          (split.count === gap.length
            ? `all read as 「${clip(raw[a]!)}」`
            : split.count === 0
              ? `all read as 「${clip(raw[b]!)}」`
              : `up to line ${lastA} read as 「${clip(raw[a]!)}」, the rest as 「${clip(raw[b]!)}」`) +
          ` (${split.why})`,
        severity: 'info',
        ...where(rows[gap[0]!]!.line),
      })
    }
  }
  return { values, diagnostics: [...fillDiagnostics(rows, raw, values, source, options), ...boundaries, ...unfilled] }
}

/** Rows of the label's own span near the label: the label row and up to two neighbours on its page. */
function profile(rows: readonly FillRow[], raw: readonly (string | null)[], label: number, step: -1 | 1, stop: number) {
  const out = [label]
  for (let i = label + step, n = 0; n < 2 && i !== stop && i >= 0 && i < rows.length; i += step, n++) {
    if (rows[i]!.page !== rows[label]!.page) break
    if (raw[i] !== null && raw[i] !== raw[label]) break
    out.push(i)
  }
  return out
}

function splitGap(
  rows: readonly FillRow[],
  raw: readonly (string | null)[],
  gap: readonly number[],
  a: number,
  b: number,
  options: FillOptions,
): { count: number; why: string } {
  const before = a - 3
  const after = b + 3
  const profileA = profile(rows, raw, a, -1, before)
  const profileB = profile(rows, raw, b, 1, after)
  const units = (i: number) => (options.unitsColumn >= 0 ? (rows[i]!.cells[options.unitsColumn] ?? '').trim() : '')
  const text = (i: number) => options.textColumns.map((c) => rows[i]!.cells[c] ?? '').join(' ')
  const unitsAffinity = (i: number, prof: readonly number[]) => {
    const u = units(i)
    if (u === '') return 0
    let best = 0
    for (const p of prof) {
      const v = units(p)
      if (v !== '') best = Math.max(best, dice(u, v))
    }
    return best
  }
  const prefs = gap.map((i) => {
    const byUnits = unitsAffinity(i, profileA) - unitsAffinity(i, profileB)
    const byText = weightedContainment(raw[a]!, text(i), options.weights) - weightedContainment(raw[b]!, text(i), options.weights)
    return { units: byUnits, text: byText, total: byUnits + byText }
  })
  let best = 0
  let bestCount = 0
  let running = 0
  for (let s = 1; s <= gap.length; s++) {
    running += prefs[s - 1]!.total + PRIOR_ABOVE
    if (running >= best) {
      best = running
      bestCount = s
    }
  }
  const why = prefs
    .map((p, n) => `line ${rows[gap[n]!]!.line}: units ${signed(p.units)}, wording ${signed(p.text)}`)
    .join('; ')
  return { count: bestCount, why: `evidence, positive for the label above: ${why}` }
}

const signed = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(2)

/** One `import-fill-merged` note per run of rows filled from the same label. */
function fillDiagnostics(
  rows: readonly FillRow[],
  raw: readonly (string | null)[],
  values: readonly (string | null)[],
  source: readonly (number | null)[],
  options: FillOptions,
): Diagnostic[] {
  const out: Diagnostic[] = []
  let i = 0
  while (i < rows.length) {
    if (raw[i] !== null || values[i] === null) {
      i++
      continue
    }
    let j = i
    while (j + 1 < rows.length && raw[j + 1] === null && source[j + 1] === source[i]) j++
    const from = rows[source[i]!]!.line
    const lines = i === j ? `line ${rows[i]!.line}` : `lines ${rows[i]!.line}–${rows[j]!.line}`
    out.push({
      ruleId: 'import-fill-merged',
      reason: `${options.name} blank in ${lines} (merged cell): filled with 「${clip(values[i]!)}」 from line ${from}`,
      severity: 'info',
      ...(options.file === undefined ? { line: rows[i]!.line } : { file: options.file, line: rows[i]!.line }),
    })
    i = j + 1
  }
  return out
}

/**
 * The weighted share of a label's bigrams found in a text: `Σ w(g) over shared bigrams / Σ w(g)`.
 * @param label - the label (所属专项 or 改革方向)
 * @param text - the row's wording
 * @param weights - bigram weights; 1 when absent
 */
export function weightedContainment(label: string, text: string, weights?: ReadonlyMap<string, number>): number {
  const grams = bigrams(normalizeForMatch(label))
  const inText = bigrams(normalizeForMatch(text))
  let total = 0
  let found = 0
  for (const g of grams.keys()) {
    const w = weights?.get(g) ?? 1
    total += w
    if (inText.has(g)) found += w
  }
  return total === 0 ? 0 : found / total
}

/**
 * Bigram weights from how many rows use each bigram (inverse document frequency): `进一步`
 * or `企业` say little about which label a row belongs to, `担保` says much.
 * @param texts - the wording of every row
 * @returns log((N + 1) / (df + 1)) for every bigram seen
 */
export function bigramWeights(texts: readonly string[]): Map<string, number> {
  const df = new Map<string, number>()
  for (const text of texts) {
    for (const g of bigrams(normalizeForMatch(text)).keys()) df.set(g, (df.get(g) ?? 0) + 1)
  }
  const n = texts.length
  const out = new Map<string, number>()
  for (const [g, d] of df) out.set(g, Math.log((n + 1) / (d + 1)))
  return out
}

/**
 * Where a PDF table puts the text of merged cells in one column, judged from page breaks inside
 * a span: a span that runs on over a page break shows its text again on the new page, in the
 * first row when the column's cells are aligned to the top, further down when they are centred.
 * So a page that starts with a blank cell inside a run says `any`; pages that start with the
 * label followed by blanks, and never with a blank, say `top`.
 * @param rows - the rows, with their pages
 * @param column - the column's index
 * @param groups - runs of rows the column is filled within (inclusive index pairs)
 * @returns `top` when the evidence says so, else `any`
 */
export function labelPlacement(
  rows: readonly FillRow[],
  column: number,
  groups: readonly (readonly [number, number])[],
): MergedLabels {
  const value = (i: number) => (rows[i]!.cells[column] ?? '').trim()
  let startsBlank = 0
  let startsWithLabel = 0
  for (const [g0, g1] of groups) {
    for (let i = g0 + 1; i <= g1; i++) {
      if (rows[i]!.page === rows[i - 1]!.page) continue
      if (value(i) === '') {
        startsBlank++
        continue
      }
      const nextBlank = i + 1 <= g1 && rows[i + 1]!.page === rows[i]!.page && value(i + 1) === ''
      let last = i - 1
      while (last > g0 && value(last) === '') last--
      if (nextBlank && value(last) === value(i)) startsWithLabel++
    }
  }
  return startsBlank === 0 && startsWithLabel > 0 ? 'top' : 'any'
}
