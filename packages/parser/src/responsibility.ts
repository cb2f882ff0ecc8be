import type { UnitRole } from '@policykb/model'
import { type DeadlineDraft, type DeadlineOptions, parseDeadline } from './deadline.js'
import { findLabels, type LabelKind } from './labels.js'
import { parseUnitList, type UnitDraft } from './units.js'

/** A responsibility statement read from text; offsets are absolute (normalised text). */
export interface ResponsibilityDraft {
  start: number
  end: number
  /** labelled parts: label as written (null when unlabelled), kind, value range (absolute) */
  entries: Array<{ label: string | null; kind: LabelKind; start: number; end: number }>
  units: UnitDraft[]
  deadline: { draft: DeadlineDraft; start: number; end: number } | null
}

/** A piece of the normalised text: its content, folded twin, and where it starts. */
export interface TextPiece {
  text: string
  folded: string
  start: number
}

const DEFAULT_ROLE: Record<Exclude<LabelKind, 'deadline'>, UnitRole> = {
  lead: 'lead',
  responsible: 'responsible',
  cooperating: 'cooperating',
  implementing: 'implementing',
}

function trimmed(piece: TextPiece, from: number, to: number): [number, number] {
  while (from < to && /[\s：；。，]/.test(piece.folded[from]!)) from++
  while (to > from && /[\s；。，]/.test(piece.folded[to - 1]!)) to--
  return [from, to]
}

function addUnits(out: UnitDraft[], piece: TextPiece, from: number, to: number, role: UnitRole): void {
  const [a, b] = trimmed(piece, from, to)
  if (a >= b) return
  for (const u of parseUnitList(piece.text.slice(a, b), piece.folded.slice(a, b), role)) {
    out.push({ ...u, start: piece.start + a + u.start, end: piece.start + a + u.end })
  }
}

function addEntry(
  entries: ResponsibilityDraft['entries'],
  piece: TextPiece,
  kind: LabelKind,
  label: string | null,
  from: number,
  to: number,
): void {
  const [a, b] = trimmed(piece, from, to)
  if (a < b) entries.push({ label, kind, start: piece.start + a, end: piece.start + b })
}

function deadlineOf(piece: TextPiece, from: number, to: number, options: DeadlineOptions): ResponsibilityDraft['deadline'] {
  const [a, b] = trimmed(piece, from, to)
  if (a >= b) return null
  return { draft: parseDeadline(piece.text.slice(a, b), options), start: piece.start + a, end: piece.start + b }
}

/**
 * Read labelled responsibility lines: `牵头单位：…`, `责任单位：…`, `配合单位：…`, `时间节点：…`,
 * with `:` or `：`, one per line or run together on one line. A line without a label that
 * follows a deadline label and starts with a date continues the deadline (a second stage).
 *
 * @param lines - consecutive lines of one block
 * @param options - passed to `parseDeadline`; `text`, the whole normalised text, lets a deadline
 *   span several lines
 * @returns the statement, or null when no line carries a label
 */
export function parseLabelLines(lines: TextPiece[], options: DeadlineOptions & { text?: string } = {}): ResponsibilityDraft | null {
  const units: UnitDraft[] = []
  const entries: ResponsibilityDraft['entries'] = []
  let deadline: ResponsibilityDraft['deadline'] = null
  let start = -1
  let end = -1
  for (const line of lines) {
    const labels = findLabels(line.folded)
    if (labels.length === 0) {
      if (deadline && /^\d{4}\s*年/.test(line.folded)) {
        const more = deadlineOf(line, 0, line.text.length, options)
        if (more && options.text !== undefined) {
          // the stages stay one field: its text is exactly what its span covers
          const text = options.text.slice(deadline.start, more.end)
          deadline = { draft: parseDeadline(text, options), start: deadline.start, end: more.end }
          end = line.start + line.text.length
          const last = entries.findLast((e) => e.kind === 'deadline')
          if (last) last.end = more.end
        }
      }
      continue
    }
    if (start < 0) start = line.start + labels[0]!.start
    end = line.start + line.text.length
    labels.forEach((label, i) => {
      const to = labels[i + 1]?.start ?? line.text.length
      addEntry(entries, line, label.kind, line.text.slice(label.start, label.word), label.valueStart, to)
      if (label.kind === 'deadline') deadline = deadlineOf(line, label.valueStart, to, options) ?? deadline
      else addUnits(units, line, label.valueStart, to, DEFAULT_ROLE[label.kind])
    })
  }
  return start < 0 ? null : { start, end, entries, units, deadline }
}

const DEADLINE_CLAUSE = /(\d{4}\s*年|\d{1,2}\s*月底|长期|持续|常态化|年底|年内)/

/**
 * Read unlabelled clauses of a parenthetical (`市大数据局牵头，各区人民政府配合，2023年12月底前完成`):
 * a clause naming a time and no unit is the deadline, the others are units with their role words.
 */
function readClauses(
  piece: TextPiece,
  from: number,
  to: number,
  units: UnitDraft[],
  entries: ResponsibilityDraft['entries'],
  setDeadline: (d: ResponsibilityDraft['deadline']) => void,
  options: DeadlineOptions,
): void {
  let depth = 0
  let start = from
  for (let i = from; i <= to; i++) {
    const ch = piece.folded[i]
    if (ch === '（') depth++
    else if (ch === '）' && depth > 0) depth--
    if (i < to && !(depth === 0 && (ch === '，' || ch === '；'))) continue
    const clause = piece.folded.slice(start, i)
    if (clause.trim()) {
      if (DEADLINE_CLAUSE.test(clause) && !UNITISH.test(clause)) {
        const d = deadlineOf(piece, start, i, options)
        if (d) setDeadline(d)
        addEntry(entries, piece, 'deadline', null, start, i)
      } else {
        addEntry(entries, piece, 'responsible', null, start, i)
        addUnits(units, piece, start, i, 'responsible')
      }
    }
    start = i + 1
  }
}

const INLINE_HINT = /(牵头|配合|负责|责任单位|牵头单位|完成时限|时间节点)/
const UNITISH = /(局|委|办|院|中心|公司|支行|政府|部|厅)/

/**
 * Find a responsibility statement closing a paragraph in parentheses:
 * `（牵头单位：…；责任单位：…；完成时限：…）`, `（2022年6月底前，牵头单位：…）`,
 * `（市发展改革委牵头，市财政局配合）`; or labels closing it without parentheses
 * (`…。责任单位：市政务服务局。`).
 *
 * @param piece - the paragraph
 * @returns the statement (its span covers the parentheses), or null
 */
export function parseInlineResponsibility(piece: TextPiece, options: DeadlineOptions = {}): ResponsibilityDraft | null {
  return parseParenthetical(piece, options) ?? parseTrailingLabels(piece, options)
}

/**
 * Labels closing a paragraph without parentheses: `…实现全程网办。责任单位：市政务服务局；完成时限：2023年6月。`
 */
function parseTrailingLabels(piece: TextPiece, options: DeadlineOptions): ResponsibilityDraft | null {
  const first = findLabels(piece.folded)[0]
  if (!first || first.start === 0 || !/[。；]\s*$/.test(piece.folded.slice(0, first.start))) return null
  const sub = { text: piece.text.slice(first.start), folded: piece.folded.slice(first.start), start: piece.start + first.start }
  const draft = parseLabelLines([sub], options)
  return draft && draft.units.length > 0 ? draft : null
}

function parseParenthetical(piece: TextPiece, options: DeadlineOptions): ResponsibilityDraft | null {
  const f = piece.folded
  let close = f.length - 1
  while (close >= 0 && /[\s。；]/.test(f[close]!)) close--
  if (f[close] !== '）') return null
  let depth = 0
  let open = -1
  for (let i = close; i >= 0; i--) {
    if (f[i] === '）') depth++
    else if (f[i] === '（' && --depth === 0) {
      open = i
      break
    }
  }
  if (open < 0) return null
  const inner = f.slice(open + 1, close)
  if (!INLINE_HINT.test(inner) || !UNITISH.test(inner)) return null

  const units: UnitDraft[] = []
  const entries: ResponsibilityDraft['entries'] = []
  let deadline: ResponsibilityDraft['deadline'] = null
  let segStart = open + 1
  const segments: Array<[number, number]> = []
  for (let i = open + 1; i <= close; i++) {
    if (i === close || f[i] === '；') {
      segments.push([segStart, i])
      segStart = i + 1
    }
  }
  for (const [a, b] of segments) {
    const labels = findLabels(f.slice(a, b))
    if (labels.length > 0) {
      // a clause before the first label (`2022年6月底前，牵头单位：…`) is read like an unlabelled one
      if (labels[0]!.start > 0) readClauses(piece, a, a + labels[0]!.start, units, entries, (d) => (deadline = d), options)
      labels.forEach((label, i) => {
        const from = a + label.valueStart
        const to = a + (labels[i + 1]?.start ?? b - a)
        addEntry(entries, piece, label.kind, piece.text.slice(a + label.start, a + label.word), from, to)
        if (label.kind === 'deadline') deadline = deadlineOf(piece, from, to, options)
        else addUnits(units, piece, from, to, DEFAULT_ROLE[label.kind])
      })
    } else readClauses(piece, a, b, units, entries, (d) => (deadline = d), options)
  }
  if (units.length === 0) return null
  return { start: piece.start + open, end: piece.start + close + 1, entries, units, deadline }
}
