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
  /** Lead units joined with `、` (the primary unit when no lead is named). */
  lead: string
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
    const lead = m.leadUnits.length > 0 ? m.leadUnits.map((u) => u.name) : m.primaryUnit ? [m.primaryUnit.name] : []
    const best = hit.highlights.find((h) => h.field === 'text') ?? hit.highlights[0]
    const d = m.deadline
    return {
      rank: offset + i + 1,
      score: Math.round(hit.score * 100) / 100,
      document: hit.document,
      measure: m.id,
      numbering: m.numbering ?? '',
      title: m.title ?? '',
      lead: lead.join('、'),
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
  /** Total width of the table in columns; default 120. */
  width?: number
}

/**
 * Search hits as an aligned text table with a summary line:
 * `共 87 条，显示 1–10` then 序号, 得分, 文档, 措施, 牵头单位, 时限, 摘要 (得分 only when the
 * query has terms). Snippets mark matches with 【】; warnings follow the summary as 注意：….
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
  const width = Math.max(80, options.width ?? 120)
  const header = ['序号', ...(scored ? ['得分'] : []), '文档', '措施', '牵头单位', '时限', '摘要']
  const fixed = [4, ...(scored ? [6] : []), 10, 24, 16, 10]
  const snippetWidth = Math.max(10, width - fixed.reduce((a, b) => a + b + 2, 0))
  const rows = hitRows(hits, offset).map((row) => [
    String(row.rank),
    ...(scored ? [row.score.toFixed(2)] : []),
    row.document,
    `${row.numbering}${row.title || row.measure}`,
    row.lead,
    row.deadline,
    keepMarkInView(row.snippet, snippetWidth),
  ])
  return [summary, ...notes, table(header, rows, [...fixed, snippetWidth])].join('\n')
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
