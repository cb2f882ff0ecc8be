import type { Span } from '@policykb/model'
import type { TaskTable } from '../columns.js'

/** One row of the JSON export. */
export interface TaskRowJson {
  seq: number
  specialty: string | null
  direction: string | null
  measure: string
  leadUnits: string[]
  /** 责任单位 as displayed. */
  units: string
  /** 完成时限 as displayed; empty when none. */
  deadline: string
  /** ISO date (YYYY-MM-DD) of the deadline, null when none or ongoing. */
  deadlineDate: string | null
  /** Span of the source measure in the normalised text (UTF-16 offsets), null for imported rows. */
  span: Span | null
}

/**
 * The JSON-ready rows of a 任务清单, with keys in a fixed order. All rows' fields are written
 * whatever `table.columns` shows, since JSON is read by programs, not printed.
 * @param table - the table (not mutated)
 * @returns one object per row
 */
export function toJsonRows(table: TaskTable): TaskRowJson[] {
  return table.rows.map((row) => ({
    seq: row.seq,
    specialty: row.specialty,
    direction: row.direction,
    measure: row.measure,
    leadUnits: [...row.leadUnits],
    units: row.units,
    deadline: row.deadline,
    deadlineDate: row.deadlineDate,
    span:
      row.span === null
        ? null
        : { start: row.span.start, end: row.span.end, line: row.span.line, endLine: row.span.endLine },
  }))
}

/**
 * Write a 任务清单 as a pretty-printed JSON array of {@link TaskRowJson}. JSON is data, not
 * evaluated, so formula-like cells are left as they are.
 * @param table - the table (not mutated)
 * @returns the JSON text (two-space indent) ending with a newline
 */
export function writeJson(table: TaskTable): string {
  return JSON.stringify(toJsonRows(table), null, 2) + '\n'
}
