import type { Measure, ParseResult, TaskRow } from '@policykb/model'
import type { DeadlineDisplay, TaskColumn, TaskTable } from './columns.js'
import { deadlineDate } from './deadlineText.js'

/** Which parts of a bundle to take rows from: attachment numbers, `null` meaning the main text. */
export type PartSelector = ReadonlyArray<number | null> | ((part: number | null) => boolean)

/** Options of {@link toTaskRows} and {@link toTaskTable}. */
export interface TaskRowOptions {
  /** parts to include; default all (seed 002 wants `2-23` so the 总体方案 does not double every specialty) */
  parts?: PartSelector
  /**
   * What goes into 升级措施: `lead` (default) the measure's own text with its sub-items reduced to
   * their titles, as printed 任务清单 do; `full` the whole text with every sub-item.
   */
  measureText?: 'lead' | 'full'
  /**
   * What goes into 改革方向 when measures are two-level (a heading above titled items):
   * `heading` (default) the heading, so one direction spans several rows; `title` each measure's
   * own title, which then leaves the 升级措施. One-level measures use their title either way.
   * Offices differ: seed 002's hand-made table uses both conventions, attachment by attachment.
   */
  direction?: DirectionMode
}

/** Where a row's 改革方向 comes from: see {@link TaskRowOptions.direction}. */
export type DirectionMode = 'heading' | 'title'

/** The 改革方向 modes, for command lines and validation. */
export const DIRECTION_MODES: readonly DirectionMode[] = ['heading', 'title']

/** Options of {@link toTaskTable}. */
export interface TaskTableOptions extends TaskRowOptions {
  /** columns to show; default chosen from the document (see {@link defaultColumns}) */
  columns?: TaskColumn[]
  /** table title; default `<plan title>任务清单` */
  title?: string | null
  /** 完成时限 as written in the source (`written`, default) or normalised (`normalized`: `2022年6月`) */
  deadlineText?: DeadlineDisplay
}

const SUBITEM = /^(（\d{1,2}）|\(\d{1,2}\)|[①-⑳]|\d{1,2}[.、．](?!\d))/
const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '')

function selected(parts: PartSelector | undefined, part: number | null): boolean {
  if (!parts) return true
  return typeof parts === 'function' ? parts(part) : parts.includes(part)
}

/** 改革方向 of a measure under the given convention (see {@link TaskRowOptions.direction}). */
export function directionCell(m: Measure, mode: DirectionMode = 'heading'): string | null {
  return mode === 'title' && m.title ? m.title : m.direction
}

/**
 * 升级措施 of a measure. When its title is the 改革方向 column (a one-level measure, or any
 * measure in `title` direction mode) the cell starts after the title; sub-items are reduced to
 * their titles in `lead` mode.
 */
export function measureCell(m: Measure, mode: 'lead' | 'full' = 'lead', direction: DirectionMode = 'heading'): string {
  let text = m.text
  if (m.title && directionCell(m, direction) === m.title && text.startsWith(m.title)) {
    const rest = text.slice(m.title.length).replace(/^[。：:；\s]+/, '')
    if (rest) text = rest
  }
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  if (mode === 'full') return lines.join('')
  const lead: string[] = []
  const subs: string[] = []
  for (const line of lines) {
    const sub = SUBITEM.exec(line)
    if (!sub || lead.length === 0) {
      if (subs.length === 0) lead.push(line)
      continue
    }
    const rest = line.slice(sub[0].length)
    const title = /^[^。！？]{2,40}(?=[。！？])/.exec(rest)?.[0] ?? rest.slice(0, 40)
    subs.push(`${sub[0]}${title}`)
  }
  return lead.join('') + (subs.length ? subs.join('；') + '。' : '')
}


/** The source distinguishes a lead with its own label (牵头单位：…), so it gets its own column. */
export function hasLeadLabel(measures: Measure[]): boolean {
  return measures.some((m) => m.responsibility?.entries.some((e) => e.kind === 'lead' && e.label !== null))
}

/**
 * One 任务清单 row per task: every measure with a responsibility block, or every measure of a
 * plan that assigns none, in document order. A block shared by several measures gives each its
 * own row with the same units and deadline. Rows keep the measure's span, its units and its
 * deadline as data; the exporters write the cells from them (see `cellText`).
 *
 * @param measures - measures from `parse`; not mutated
 * @param options - see {@link TaskRowOptions}
 */
export function toTaskRows(measures: Measure[], options: TaskRowOptions = {}): TaskRow[] {
  const picked = measures.filter((m) => selected(options.parts, m.part))
  return picked.map((m, i) => ({
    seq: i + 1,
    specialty: m.specialty,
    direction: directionCell(m, options.direction),
    measure: measureCell(m, options.measureText, options.direction),
    leadUnits: m.leadUnits,
    units: m.units,
    deadline: m.deadline,
    deadlineDate: deadlineDate(m.deadline),
    span: m.span,
    measureId: m.id,
    line: null,
  }))
}

/**
 * The columns a document's 任务清单 needs: 序号, 所属专项 when there are specialties, 改革方向,
 * 升级措施, 牵头单位 only when the source names leads with their own label, 责任单位, 完成时限.
 */
export function defaultColumns(measures: Measure[], rows: TaskRow[]): TaskColumn[] {
  const cols: TaskColumn[] = ['seq']
  if (rows.some((r) => r.specialty)) cols.push('specialty')
  if (rows.some((r) => r.direction)) cols.push('direction')
  cols.push('measure')
  if (hasLeadLabel(measures)) cols.push('lead')
  if (rows.some((r) => r.units.length > 0)) cols.push('units')
  if (rows.some((r) => r.deadline)) cols.push('deadline')
  return cols
}

/**
 * The plan's own title: `关于印发《X》的通知` or `关于印发X的通知` → X (also 转发/发布); a title wholly in 《》 without
 * them; the title otherwise — a 《》 inside it names another document (`2023年《政府工作报告》
 * 重点工作任务分解方案`) and stays.
 */
export function planTitle(title: string | null): string | null {
  if (!title) return null
  const t = squeeze(title)
  const issued = /(?:印发|转发|发布)《([^》]+)》/.exec(t) ?? /关于(?:印发|转发)(.{4,}?)的通知$/.exec(t)
  if (issued) return issued[1]!
  const whole = /^《([^《》]+)》$/.exec(t)
  return whole ? whole[1]! : t
}

/**
 * The 任务清单 of a parsed document: rows, the columns it needs, and a title. A document that
 * is not a plan (a reply letter) yields no rows.
 * @param result - output of `parse`
 * @param options - see {@link TaskTableOptions}
 */
export function toTaskTable(result: Pick<ParseResult, 'document' | 'measures'>, options: TaskTableOptions = {}): TaskTable {
  const measures = result.document.kind === 'reply' ? [] : result.measures
  const rows = toTaskRows(measures, options)
  const plan = planTitle(result.document.title)
  const title = options.title !== undefined ? options.title : plan ? `${plan.replace(/（\d{4}版）$|\(\d{4}版\)$/, '')}任务清单` : '任务清单'
  const picked = measures.filter((m) => selected(options.parts, m.part))
  const deadlineText = options.deadlineText ?? 'written'
  return { title, columns: options.columns ?? defaultColumns(picked, rows), rows, deadlineText }
}
