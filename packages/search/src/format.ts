/**
 * Plain-text views for a terminal: search hits and the unit directory as aligned tables
 * (CJK characters count two columns). Pure functions returning strings; the CLI prints them.
 */
import { fieldValue } from './fields.js'
import { markSnippet } from './highlight.js'
import type { SearchHit, SearchResult } from './types.js'
import type { UnitEntry } from './units.js'

/** One hit flattened for display or export (CSV, JSON lines). */
export interface HitRow {
  rank: number
  score: number
  document: string
  /** Measure id within its document, e.g. `m12`. */
  measure: string
  numbering: string
  title: string
  /** The lead units the text names (牵头), joined with `、`; empty when it names none. */
  lead: string
  /** The primary unit when no lead is named: the first listed, which the text does not call lead. */
  inferredPrimary: string
  /** All units joined with `、`. */
  units: string
  /** The deadline as written, or the ISO date; empty when none. */
  deadline: string
  /** The best snippet with matches marked `【…】`, or the start of the text. */
  snippet: string
}

/**
 * Flatten hits for display.
 * @param hits - hits, in order
 * @param offset - rank of the first hit minus one (the result's `offset`); default 0
 */
export function hitRows(hits: readonly SearchHit[], offset = 0): HitRow[] {
  return hits.map((hit, i) => {
    const m = hit.measure
    const best = hit.highlights.find((h) => h.field === 'text') ?? hit.highlights[0]
    const d = m.deadline
    return {
      rank: offset + i + 1,
      score: Math.round(hit.score * 100) / 100,
      document: hit.document,
      measure: m.id,
      numbering: m.numbering ?? '',
      title: m.title ?? '',
      lead: m.leadUnits.map((u) => u.name).join('、'),
      inferredPrimary: m.leadUnits.length === 0 && m.primaryUnit?.inferred ? m.primaryUnit.name : '',
      units: fieldValue(m, 'units'),
      deadline: d ? d.text.trim() || ('date' in d ? d.date : d.kind) : '',
      snippet: best ? markSnippet(best) : m.text.slice(0, 40) + (m.text.length > 40 ? '…' : ''),
    }
  })
}

/** Terminal columns a string takes: East Asian wide and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1
  }
  return w
}

/** `text` on one line, cut to `width` columns with `…` (never inside a character) and padded to it. */
function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ')
  if (displayWidth(flat) <= width) return flat + ' '.repeat(width - displayWidth(flat))
  let out = ''
  let w = 0
  for (const ch of flat) {
    const cw = displayWidth(ch)
    if (w + cw > width - 1) break
    out += ch
    w += cw
  }
  return `${out}…${' '.repeat(Math.max(0, width - 1 - w))}`
}

function table(header: string[], rows: string[][], widths: number[]): string {
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => fit(c, widths[i]!))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** A column of a fitted table: how it gives way when the table is too wide. */
interface Column {
  header: string
  cells: string[]
  /** Narrowest width it is cut to (at least its header); `Infinity`: never cut (a 时限). */
  min: number
  /** Columns are cut in this order (1 first), each down to its minimum. */
  cutOrder: number
  /** Columns are given up in this order (1 first) when cutting is not enough; 0 = never. */
  dropOrder: number
}

/**
 * Widths for columns in `width` terminal columns (two spaces between columns): each at its natural
 * width if all fit; else cut one after the other by `cutOrder`, down to their minimums; else the
 * next column by `dropOrder` given up and the rest fitted again. No width: every column at its
 * natural width (output to a pipe or a file).
 */
function fitColumns(columns: Column[], width: number | undefined): { columns: Column[]; widths: number[] } {
  const natural = (c: Column) => Math.max(displayWidth(c.header), ...c.cells.map((x) => displayWidth(x.replace(/\s+/g, ' '))))
  let kept = [...columns]
  for (;;) {
    const widths = kept.map(natural)
    if (width === undefined) return { columns: kept, widths }
    let excess = widths.reduce((a, b) => a + b, 0) + 2 * (kept.length - 1) - width
    const order = kept.map((c, i) => ({ c, i })).sort((x, y) => x.c.cutOrder - y.c.cutOrder)
    for (const { c, i } of order) {
      if (excess <= 0) break
      const cut = Math.max(0, Math.min(excess, widths[i]! - Math.max(c.min, displayWidth(c.header))))
      widths[i]! -= cut
      excess -= cut
    }
    const droppable = kept.filter((c) => c.dropOrder > 0).sort((x, y) => x.dropOrder - y.dropOrder)
    if (excess <= 0 || droppable.length === 0) return { columns: kept, widths }
    kept = kept.filter((c) => c !== droppable[0])
  }
}

/** Cut the start of a marked snippet so its first 【match】 shows in a column `width` wide. */
function keepMarkInView(snippet: string, width: number): string {
  const mark = snippet.indexOf('【')
  if (mark < 0 || displayWidth(snippet.slice(0, mark)) <= width / 3) return snippet
  let start = mark
  while (start > 0 && displayWidth(snippet.slice(start - 1, mark)) <= width / 4) start--
  return `…${snippet.slice(start)}`
}

/** Options of {@link formatHits}. */
export interface FormatHitsOptions {
  /**
   * Total width of the table in terminal columns (a CJK character counts two): columns are cut
   * (with `…`, never inside a character) or dropped to fit. Default: no limit, every cell whole,
   * as for output to a file or a pipe.
   */
  width?: number | undefined
}

/** The mark after a unit shown because it is listed first, not because the text makes it lead. */
export const INFERRED_MARK = '*'

/**
 * Search hits as an aligned text table with a summary line:
 * `共 87 条，显示 1–10` then 序号, 得分, 文档, 措施, 牵头单位, 时限, 摘要 (得分 only when the
 * query has terms). 牵头单位 shows the lead units the text names; where it names none, the first
 * listed unit marked {@link INFERRED_MARK}, explained under the table. Snippets mark matches with
 * 【】; warnings follow the summary as 注意：…. Too wide for `width`: 摘要 is cut first, then the
 * other long columns; 时限 is never cut; 摘要, then 得分 and 文档, are dropped when nothing else helps.
 * @param result - a search result (or just hits)
 * @param options - table width
 */
export function formatHits(result: SearchResult | readonly SearchHit[], options: FormatHitsOptions = {}): string {
  const list = Array.isArray(result) ? (result as readonly SearchHit[]) : undefined
  const r = list ? undefined : (result as SearchResult)
  const hits = list ?? r!.hits
  const offset = r?.offset ?? 0
  const total = r?.total ?? hits.length
  const summary = hits.length === 0 ? `共 ${total} 条` : `共 ${total} 条，显示 ${offset + 1}–${offset + hits.length}`
  const notes = (r?.warnings ?? []).map((w) => `注意：${w}`)
  if (hits.length === 0) return [summary, ...notes].join('\n')
  // Scores mean nothing without query terms (byUnit, filters only): leave the column out.
  const scored = r ? r.terms.some((t) => !t.negate) : hits.some((h) => h.score > 0)
  const rows = hitRows(hits, offset)
  const inferred = rows.some((row) => row.inferredPrimary !== '')
  // A seven-character unit name (市市场监管局*) is 14 columns: 牵头单位 is not cut below that.
  const columns: Column[] = [
    { header: '序号', cells: rows.map((row) => String(row.rank)), min: Number.POSITIVE_INFINITY, cutOrder: 9, dropOrder: 0 },
    ...(scored ? [{ header: '得分', cells: rows.map((row) => row.score.toFixed(2)), min: Number.POSITIVE_INFINITY, cutOrder: 9, dropOrder: 2 }] : []),
    { header: '文档', cells: rows.map((row) => row.document), min: 8, cutOrder: 2, dropOrder: 3 },
    { header: '措施', cells: rows.map((row) => `${row.numbering}${row.title || row.measure}`), min: 16, cutOrder: 3, dropOrder: 0 },
    {
      header: '牵头单位',
      cells: rows.map((row) => row.lead || (row.inferredPrimary ? `${row.inferredPrimary}${INFERRED_MARK}` : '')),
      min: 15,
      cutOrder: 4,
      dropOrder: 0,
    },
    { header: '时限', cells: rows.map((row) => row.deadline), min: Number.POSITIVE_INFINITY, cutOrder: 9, dropOrder: 0 },
    { header: '摘要', cells: rows.map((row) => row.snippet), min: 20, cutOrder: 1, dropOrder: 1 },
  ]
  const fitted = fitColumns(columns, options.width)
  const snippet = fitted.columns.findIndex((c) => c.header === '摘要')
  const cells = rows.map((_, i) =>
    fitted.columns.map((c, j) => (j === snippet ? keepMarkInView(c.cells[i]!, fitted.widths[j]!) : c.cells[i]!)),
  )
  const footer = inferred ? [`${INFERRED_MARK} 原文未写明牵头单位，此为第一个列出的单位`] : []
  return [summary, ...notes, table(fitted.columns.map((c) => c.header), cells, fitted.widths), ...footer].join('\n')
}

/**
 * The unit directory as an aligned text table: 单位, 措施, 牵头, 责任, 配合, 落实, 别名.
 * @param units - `kb.units()`, or a part of it
 * @param options - table width
 */
export function formatUnits(units: readonly UnitEntry[], options: FormatHitsOptions = {}): string {
  const width = Math.max(80, options.width ?? 120)
  const fixed = [26, 6, 6, 6, 6, 6]
  const aliasWidth = width - fixed.reduce((a, b) => a + b + 2, 0)
  const rows = units.map((u) => [
    u.name,
    String(u.measures),
    String(u.roles.lead),
    String(u.roles.responsible),
    String(u.roles.cooperating),
    String(u.roles.implementing),
    u.aliases.join('、'),
  ])
  return table(['单位', '措施', '牵头', '责任', '配合', '落实', '别名'], rows, [...fixed, Math.max(10, aliasWidth)])
}
