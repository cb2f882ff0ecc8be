import { isCjk } from './script.js'
import type { PdfLine, Run } from './types.js'

/**
 * Spacing rules, in ems of the font size: what a gap between two runs on one line means. A gap
 * this wide between runs is a column gap (cells of a table, a label and its value set apart):
 * the text gets a `\t` there.
 */
export const GAP_RULES = {
  /** a gap at least this wide separates table cells */
  cell: 1.5,
  /** between Latin letters or digits a gap this wide is a word space */
  latinSpace: 0.15,
  /**
   * between a CJK character and anything a gap must be this wide to be a space: office software
   * sets a quarter-em "autospace" between Han and Latin text, and justified CJK lines spread
   * their characters apart, neither of which is a space in the text
   */
  cjkSpace: 0.5,
  /** runs on baselines closer than this (ems of the larger font) are on one line */
  sameLine: 0.4,
  /** runs overlapping by this much with the same text are one run drawn twice (fake bold) */
  duplicate: 0.2,
} as const

/** The separator a gap of `gap` points between `before` and `after` stands for. */
export function separator(before: string, after: string, gap: number, size: number): '' | ' ' | '\t' {
  const em = gap / size
  if (em >= GAP_RULES.cell) return '\t'
  const a = before.at(-1)
  const b = after[0]
  if (a === undefined || b === undefined || a === ' ' || b === ' ') return ''
  if (isCjk(a) || isCjk(b)) return em >= GAP_RULES.cjkSpace ? ' ' : ''
  return em >= GAP_RULES.latinSpace ? ' ' : ''
}

/**
 * Group a page's runs into lines by baseline, top to bottom, each line's runs left to right and
 * joined by the separators their gaps stand for.
 *
 * @param runs - the page's runs, in any order; not mutated
 * @param page - the 1-based page, put on every line
 */
export function toLines(runs: readonly Run[], page: number): PdfLine[] {
  const sorted = runs.filter((r) => r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x)
  const groups: Run[][] = []
  let current: Run[] = []
  let baseline = Number.NaN
  let size = 0
  for (const run of sorted) {
    if (current.length > 0 && Math.abs(run.y - baseline) <= GAP_RULES.sameLine * Math.max(size, run.size)) {
      current.push(run)
      if (run.size > size) size = run.size
      continue
    }
    if (current.length > 0) groups.push(current)
    current = [run]
    baseline = run.y
    size = run.size
  }
  if (current.length > 0) groups.push(current)
  return groups.map((group) => toLine(group, page))
}

function toLine(group: Run[], page: number): PdfLine {
  const runs = dropDuplicates(group.sort((a, b) => a.x - b.x))
  const size = commonSize(runs)
  let text = ''
  let end = Number.NEGATIVE_INFINITY
  for (const run of runs) {
    const piece = text === '' ? run.text.trimStart() : run.text
    if (text !== '') {
      const sep = separator(text, piece, run.x - end, size)
      if (sep === '\t') text = text.trimEnd()
      text += sep
      text += sep === '' ? piece : piece.trimStart()
    } else text = piece
    end = Math.max(end, run.x + run.width)
  }
  const first = runs[0]!
  return {
    text: text.trimEnd(),
    x0: first.x,
    x1: end,
    y: median(runs.map((r) => r.y)),
    size,
    page,
    runs,
  }
}

/** Runs drawn twice at (almost) the same place with the same text, as fake bold is, kept once. */
function dropDuplicates(runs: Run[]): Run[] {
  const kept: Run[] = []
  for (const run of runs) {
    // a twin is drawn right after its original: look back a few runs only
    const twin = kept.slice(-4).find(
      (k) =>
        k.text === run.text &&
        Math.abs(k.x - run.x) <= GAP_RULES.duplicate * run.size &&
        Math.abs(k.y - run.y) <= GAP_RULES.duplicate * run.size,
    )
    if (!twin) kept.push(run)
  }
  return kept
}

/** The font size most of the line's characters have. */
function commonSize(runs: readonly Run[]): number {
  const weight = new Map<number, number>()
  for (const r of runs) {
    const key = Math.round(r.size * 10) / 10
    weight.set(key, (weight.get(key) ?? 0) + r.text.length)
  }
  let best = runs[0]?.size ?? 1
  let most = -1
  for (const [s, w] of weight) if (w > most || (w === most && s > best)) [best, most] = [s, w]
  return best > 0 ? best : 1
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
