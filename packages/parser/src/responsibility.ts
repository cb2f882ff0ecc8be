import type { UnitRole } from '@policykb/model'
import { type DeadlineDraft, type DeadlineOptions, parseDeadline } from './deadline.js'
import { fold } from './fold.js'
import { findLabels, type LabelKind } from './labels.js'
import { isNoteClause, parseUnitList, type UnitDraft } from './units.js'

/** A person named in a statement (`责任领导：张三`, `分管省领导：李四`): never a unit. Offsets absolute. */
export interface PersonDraft {
  /** the label as written */
  label: string
  start: number
  end: number
}

/**
 * A note written inside a statement after its units (`…负责。列第一位者为牵头单位，下同`,
 * `…。以下措施均需各区人民政府落实，不再单独列出`), read as a rule. Offsets absolute.
 */
export interface StatementNote {
  start: number
  end: number
  /** `列第一位者为牵头单位`: the first unit listed in a statement is its lead */
  firstListedIsLead: boolean
  /** `下同`, `以下…`, `不再单独列出`, `不再做分工`: the note speaks for the statements after it too */
  following: boolean
  /**
   * Units the note gives to every measure it covers (`以下措施均需X落实`, `具体任务均涉及X`), role
   * `implementing` unless the note names another. The statement's own measure already has them
   * unless `coversOwn` is false.
   */
  units: UnitDraft[]
  /** false for `以下…`, which speaks of the measures after the statement only */
  coversOwn: boolean
}

/** One part of a statement: a label (null when unlabelled) and its value range (absolute). */
export interface EntryDraft {
  label: string | null
  kind: UnitRole | 'deadline'
  start: number
  end: number
}

/** A responsibility statement read from text; offsets are absolute (normalised text). */
export interface ResponsibilityDraft {
  start: number
  end: number
  /** labelled parts; a `分工` value is `responsible` (its clauses carry their own role words); people are not entries */
  entries: EntryDraft[]
  units: UnitDraft[]
  deadline: { draft: DeadlineDraft; start: number; end: number } | null
  /** people the statement names (leaders, 责任人) */
  persons: PersonDraft[]
  /** notes after the units: what measures.ts should carry to later measures */
  notes: StatementNote[]
}

/** A piece of the normalised text: its content, folded twin, and where it starts. */
export interface TextPiece {
  text: string
  folded: string
  start: number
}

const ROLE_OF: Record<Exclude<LabelKind, 'deadline' | 'person'>, UnitRole> = {
  lead: 'lead',
  responsible: 'responsible',
  cooperating: 'cooperating',
  implementing: 'implementing',
  division: 'responsible',
}

const OPEN = '（《“〔【［'
const CLOSE = '）》”〕】］'
const DEADLINE_CLAUSE =
  /(\d{4}\s*年|\d{1,2}\s*月(底|末|前|中|上旬|中旬|下旬)|长期|持续|常态化|年底|年末|年内|全年|今年|上半年|下半年|季度)/
const INLINE_HINT = /(牵头|配合|负责|落实|责任单位|牵头单位|完成时限|时间节点)/
/** A unit name or a unit-list word (`市直相关单位`, `各有关部门`, `工作专班`). */
const UNITISH = /(局|委|办|院|中心|公司|支行|政府|部|厅|单位|部门|机构|专班)/

function trimmed(piece: TextPiece, from: number, to: number): [number, number] {
  while (from < to && /[\s：；。，]/.test(piece.folded[from]!)) from++
  while (to > from && /[\s；。，]/.test(piece.folded[to - 1]!)) to--
  return [from, to]
}

/** Offsets in [from, to) of `separators` standing outside brackets. */
function topLevel(folded: string, from: number, to: number, separators: string): number[] {
  const out: number[] = []
  let depth = 0
  for (let i = from; i < to; i++) {
    const ch = folded[i]!
    if (OPEN.includes(ch)) depth++
    else if (CLOSE.includes(ch) && depth > 0) depth--
    else if (depth === 0 && separators.includes(ch)) out.push(i)
  }
  return out
}

/** Split [from, to) into clauses at top-level separators. */
function clauses(folded: string, from: number, to: number, separators = '，；'): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let start = from
  for (const at of topLevel(folded, from, to, separators)) {
    out.push([start, at])
    start = at + 1
  }
  out.push([start, to])
  return out
}

const isDeadlineClause = (clause: string) => DEADLINE_CLAUSE.test(clause) && !UNITISH.test(clause)

/** Collects what a statement says while its parts are read. */
class Statement {
  readonly units: UnitDraft[] = []
  readonly entries: EntryDraft[] = []
  readonly persons: PersonDraft[] = []
  readonly notes: StatementNote[] = []
  deadline: ResponsibilityDraft['deadline'] = null

  constructor(
    /** the line or paragraph being read (a block of label lines reads one line after another) */
    public piece: TextPiece,
    readonly options: DeadlineOptions,
  ) {}

  entry(kind: EntryDraft['kind'], label: string | null, from: number, to: number): void {
    const [a, b] = trimmed(this.piece, from, to)
    if (a < b) this.entries.push({ label, kind, start: this.piece.start + a, end: this.piece.start + b })
  }

  addUnits(from: number, to: number, role: UnitRole): void {
    const [a, b] = trimmed(this.piece, from, to)
    if (a >= b) return
    for (const u of parseUnitList(this.piece.text.slice(a, b), this.piece.folded.slice(a, b), role)) {
      this.units.push({ ...u, start: this.piece.start + a + u.start, end: this.piece.start + a + u.end })
    }
  }

  setDeadline(from: number, to: number, label: string | null): void {
    const [a, b] = trimmed(this.piece, from, to)
    if (a >= b) return
    this.entry('deadline', label, a, b)
    const p = this.piece
    // read on the folded text (traditional script, full-width digits), kept as written
    const draft = { ...parseDeadline(p.folded.slice(a, b), this.options), text: p.text.slice(a, b) }
    this.deadline = { draft, start: p.start + a, end: p.start + b }
  }

  /**
   * A labelled value. Units: text after a top-level `。` is a note; a clause naming a time and no
   * unit (`…，6月底完成`) is the deadline.
   */
  value(kind: LabelKind, label: string | null, from: number, to: number): void {
    if (kind === 'deadline') {
      this.setDeadline(from, to, label)
      return
    }
    if (kind === 'person') {
      const [a, b] = trimmed(this.piece, from, to)
      if (a < b) this.persons.push({ label: label ?? '', start: this.piece.start + a, end: this.piece.start + b })
      return
    }
    to = this.cutNote(from, to)
    let run: [number, number] | null = null
    const flush = () => {
      if (!run) return
      this.entry(ROLE_OF[kind], label, run[0], run[1])
      this.addUnits(run[0], run[1], ROLE_OF[kind])
      run = null
    }
    for (const [a, b] of clauses(this.piece.folded, from, to)) {
      const clause = this.piece.folded.slice(a, b)
      if (!clause.trim()) continue
      if (isDeadlineClause(clause)) {
        flush()
        this.setDeadline(a, b, null)
      } else if (isNoteClause(clause)) {
        flush()
        this.note(a, b)
      } else run = run ? [run[0], b] : [a, b]
    }
    flush()
  }

  /**
   * Unlabelled clauses of a parenthetical (`市大数据局牵头，各区人民政府配合，2023年12月底前完成`):
   * each clause is an entry of its own; time clauses are the deadline, note clauses notes.
   */
  unlabelled(from: number, to: number): void {
    to = this.cutNote(from, to)
    for (const [a, b] of clauses(this.piece.folded, from, to)) {
      const clause = this.piece.folded.slice(a, b)
      if (!clause.trim()) continue
      if (isDeadlineClause(clause)) this.setDeadline(a, b, null)
      else if (isNoteClause(clause)) this.note(a, b)
      else {
        this.entry('responsible', null, a, b)
        this.addUnits(a, b, 'responsible')
      }
    }
  }

  /** Set aside the text after the first top-level `。` of [from, to) as a note; returns the new end. */
  cutNote(from: number, to: number): number {
    const f = this.piece.folded
    for (const dot of topLevel(f, from, to, '。')) {
      const [a, b] = trimmed(this.piece, dot + 1, to)
      if (a >= b) continue
      this.note(a, b)
      return dot
    }
    return to
  }

  note(from: number, to: number): void {
    const [a, b] = trimmed(this.piece, from, to)
    if (a >= b) return
    const f = this.piece.folded
    const text = f.slice(a, b)
    const units: UnitDraft[] = []
    for (const [ca, cb] of clauses(f, a, b)) {
      const m = /均(?:需|须|要|应|由|涉及)/.exec(f.slice(ca, cb))
      if (!m) continue
      const from = ca + m.index + m[0].length
      for (const u of parseUnitList(this.piece.text.slice(from, cb), f.slice(from, cb), 'implementing')) {
        if (isNoteClause(u.normalized)) continue
        units.push({ ...u, start: this.piece.start + from + u.start, end: this.piece.start + from + u.end })
      }
    }
    this.notes.push({
      start: this.piece.start + a,
      end: this.piece.start + b,
      firstListedIsLead: /(列|排)(在)?(第一|首)位/.test(text) && /为牵头/.test(text),
      following: /(下同|以下|不再(单独|另行|一一)?列出|不再(做|作|一一)?分工)/.test(text),
      units,
      coversOwn: !/^以下/.test(text),
    })
  }

  /** The statement, or null when it names no unit and no person (unless `always`). */
  done(start: number, end: number, always = false): ResponsibilityDraft | null {
    if (!always && this.units.length === 0 && this.persons.length === 0) return null
    for (const note of this.notes) {
      if (note.firstListedIsLead && this.units[0] && !this.units.some((u) => u.role === 'lead')) this.units[0].role = 'lead'
      if (!note.coversOwn) continue
      for (const u of note.units) if (!this.units.some((v) => v.normalized === u.normalized)) this.units.push(u)
    }
    const { units, entries, deadline, persons, notes } = this
    return { start, end, entries, units, deadline, persons, notes }
  }
}

/**
 * Read labelled responsibility lines: `牵头单位：…`, `责任单位：…`, `配合单位：…`, `时间节点：…`,
 * `部门分工：X牵头，Y配合`, `分管领导：…` (a person), with `:` or `：`, one per line or run together
 * on one line. A line without a label that follows a deadline label and starts with a date
 * continues the deadline (a second stage).
 *
 * @param lines - consecutive lines of one block
 * @param options - passed to `parseDeadline`; `text`, the whole normalised text, lets a deadline
 *   span several lines
 * @returns the statement, or null when no line carries a label
 */
export function parseLabelLines(lines: TextPiece[], options: DeadlineOptions & { text?: string } = {}): ResponsibilityDraft | null {
  let s: Statement | null = null
  let start = -1
  let end = -1
  for (const line of lines) {
    const labels = findLabels(line.folded)
    if (labels.length === 0) {
      const deadline = s?.deadline
      if (s && deadline && /^\d{4}\s*年/.test(line.folded) && options.text !== undefined) {
        const [, b] = trimmed(line, 0, line.text.length)
        // the stages stay one field: its text is exactly what its span covers
        const moreEnd = line.start + b
        const written = options.text.slice(deadline.start, moreEnd)
        s.deadline = { draft: { ...parseDeadline(fold(written), options), text: written }, start: deadline.start, end: moreEnd }
        end = line.start + line.text.length
        const last = s.entries.findLast((e) => e.kind === 'deadline')
        if (last) last.end = moreEnd
      }
      continue
    }
    if (start < 0) start = line.start + labels[0]!.start
    end = line.start + line.text.length
    s ??= new Statement(line, options)
    s.piece = line
    for (const [i, label] of labels.entries()) {
      const to = labels[i + 1]?.start ?? line.text.length
      s.value(label.kind, line.text.slice(label.start, label.word), label.valueStart, to)
    }
  }
  return s ? s.done(start, end, true) : null
}

/**
 * Find a responsibility statement closing a paragraph in brackets — `（）`, `〔〕`, `【】`, `[]`:
 * `（牵头单位：…；责任单位：…；完成时限：…）`, `（2022年6月底前，牵头单位：…）`,
 * `（市发展改革委牵头，市财政局配合）`, `〔责任单位：…。下同〕`; or labels closing it without
 * brackets (`…。责任单位：市政务服务局。`).
 *
 * @param piece - the paragraph
 * @returns the statement (its span covers the brackets), or null
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

const BRACKETS: Record<string, string> = { '）': '（', '〕': '〔', '】': '【', '］': '［' }

function parseParenthetical(piece: TextPiece, options: DeadlineOptions): ResponsibilityDraft | null {
  const f = piece.folded
  let close = f.length - 1
  while (close >= 0 && /[\s。；]/.test(f[close]!)) close--
  const opener = BRACKETS[f[close] ?? '']
  if (!opener) return null
  let depth = 0
  let open = -1
  for (let i = close; i >= 0; i--) {
    if (f[i] === f[close]) depth++
    else if (f[i] === opener && --depth === 0) {
      open = i
      break
    }
  }
  if (open < 0) return null
  const inner = f.slice(open + 1, close)
  if (!(findLabels(inner).length > 0 || (INLINE_HINT.test(inner) && UNITISH.test(inner)))) return null

  const s = new Statement(piece, options)
  // text after a `。` that no label follows is a note (`…负责。列第一位者为牵头单位，下同`)
  let end = close
  for (const dot of topLevel(f, open + 1, close, '。')) {
    if (findLabels(f.slice(dot + 1, close)).length > 0) continue
    if (f.slice(dot + 1, close).trim()) s.note(dot + 1, close)
    end = dot
    break
  }
  for (const [a, b] of clauses(f, open + 1, end, '；。')) {
    const labels = findLabels(f.slice(a, b))
    if (labels.length === 0) {
      s.unlabelled(a, b)
      continue
    }
    // a clause before the first label (`2022年6月底前，牵头单位：…`) is read like an unlabelled one
    if (labels[0]!.start > 0) s.unlabelled(a, a + labels[0]!.start)
    labels.forEach((label, i) => {
      const to = a + (labels[i + 1]?.start ?? b - a)
      s.value(label.kind, piece.text.slice(a + label.start, a + label.word), a + label.valueStart, to)
    })
  }
  return s.done(piece.start + open, piece.start + close + 1)
}
