import type { TaskRow } from '@policykb/model'
import { COLUMN_HEADERS, cellText } from '../columns.js'
import { COMPARED_FIELDS } from './compare.js'
import type { DifferingPair, EvalReport, FieldAgreement } from './evaluate.js'

/** Formats {@link formatReport} writes. */
export type ReportFormat = 'text' | 'md' | 'json'

/** How many characters of a long cell a report shows. */
const CLIP = 40

const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`)
const agreementText = (a: FieldAgreement, of: number) => `${a.same}/${of} ${percent(a.share)}`

function clip(text: string | null, max = CLIP): string {
  const chars = Array.from((text ?? '').replace(/\s+/gu, ' '))
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/** Columns a terminal gives a character: two for CJK and full-width forms. */
function width(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1
  return w
}
const padEnd = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)))
const padStart = (text: string, w: number) => ' '.repeat(Math.max(0, w - width(text))) + text

const rowLabel = (row: TaskRow) => `#${row.seq}${row.line !== null ? ` (line ${row.line})` : ''}`

interface Table {
  head: string[]
  rows: string[][]
  /** Columns aligned right (numbers). */
  right: boolean[]
}

function specialtyTable(report: EvalReport): Table {
  const head = ['所属专项', 'reference', 'matched', 'recall', ...COMPARED_FIELDS.map((f) => COLUMN_HEADERS[f])]
  const rows = report.bySpecialty.map((s) => [
    s.specialty ?? '(none)',
    String(s.reference),
    String(s.matched),
    percent(s.recall),
    ...COMPARED_FIELDS.map((f) => percent(s.fields[f].share)),
  ])
  return { head, rows, right: head.map((_, i) => i > 0) }
}

function textTable(table: Table): string[] {
  const widths = table.head.map((h, i) => Math.max(width(h), ...table.rows.map((r) => width(r[i] ?? ''))))
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (table.right[i] ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join('  ')}`.trimEnd()
  return [line(table.head), ...table.rows.map(line)]
}

function mdTable(table: Table): string[] {
  const esc = (c: string) => c.replace(/\|/gu, '\\|')
  return [
    `| ${table.head.map(esc).join(' | ')} |`,
    `| ${table.right.map((r) => (r ? '---:' : '---')).join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ]
}

function summaryLines(report: EvalReport): [string, string][] {
  const m = report.counts.matched
  return [
    ['reference rows', String(report.counts.reference)],
    ['generated rows', String(report.counts.generated)],
    ['matched rows', String(m)],
    ['recall', `${percent(report.recall)} (${m}/${report.counts.reference})`],
    ['precision', `${percent(report.precision)} (${m}/${report.counts.generated})`],
    ...COMPARED_FIELDS.map((f): [string, string] => [`same ${COLUMN_HEADERS[f]}`, agreementText(report.fields[f], m)]),
  ]
}

function differenceLines(pair: DifferingPair, md: boolean): string[] {
  const q = (t: string) => (md ? `「${clip(t).replace(/\|/gu, '\\|')}」` : `「${clip(t)}」`)
  const head = `${rowLabel(pair.reference)} ↔ generated ${rowLabel(pair.generated)}, Dice ${pair.score.toFixed(2)}: ${clip(pair.reference.measure, 24)}`
  const details = pair.fields.map(
    (f) => `${COLUMN_HEADERS[f]}: reference ${q(cellText(pair.reference, f))} / generated ${q(cellText(pair.generated, f))}`,
  )
  return md ? [`- ${head}`, ...details.map((d) => `  - ${d}`)] : [`  ${head}`, ...details.map((d) => `      ${d}`)]
}

const rowLine = (row: TaskRow) => `${rowLabel(row)} [${clip(row.specialty, 10)}] ${clip(row.measure)}`

/**
 * Render an {@link EvalReport}.
 * `text` and `md`: a summary (counts and percentages), the per-specialty table, then the
 * unmatched rows of both sides and the matched rows whose fields differ, long cells cut to
 * 40 characters. `json`: the whole report.
 * @param report - what `evaluate` returned
 * @param format - `text` (terminal, aligned columns), `md` (markdown) or `json`
 */
export function formatReport(report: EvalReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`
  const md = format === 'md'
  const out: string[] = []
  const title = `任务清单 evaluation (rows matched on 升级措施 bigram Dice ≥ ${report.options.threshold}; 改革方向 same at Dice ≥ ${report.options.directionThreshold})`
  const section = (name: string, n?: number) => {
    const heading = n === undefined ? name : `${name} (${n})`
    out.push('', md ? `## ${heading}` : heading)
    if (md) out.push('')
  }
  out.push(md ? `# ${title}` : title)
  if (md) out.push('')
  const summary = summaryLines(report)
  if (md) {
    out.push('| | |', '| --- | ---: |', ...summary.map(([k, v]) => `| ${k} | ${v} |`))
  } else {
    const w = Math.max(...summary.map(([k]) => width(k)))
    out.push(...summary.map(([k, v]) => `  ${padEnd(k, w)}  ${v}`))
  }
  section('By 所属专项 of the reference')
  const table = specialtyTable(report)
  out.push(...(md ? mdTable(table) : textTable(table)))
  const list = (rows: readonly TaskRow[]) => {
    if (rows.length === 0) out.push(md ? '- none' : '  none')
    for (const row of rows) out.push(md ? `- ${rowLine(row).replace(/\|/gu, '\\|')}` : `  ${rowLine(row)}`)
  }
  section('Reference rows not matched', report.unmatchedReference.length)
  list(report.unmatchedReference)
  section('Generated rows not matched', report.unmatchedGenerated.length)
  list(report.unmatchedGenerated)
  section('Matched rows that differ', report.differing.length)
  if (report.differing.length === 0) out.push(md ? '- none' : '  none')
  for (const pair of report.differing) out.push(...differenceLines(pair, md))
  return `${out.join('\n')}\n`
}
