import type { TaskRow } from '@policykb/model'
import type { TaskTable } from '../columns.js'

/** One row of the JSON export: a {@link TaskRow}, as `@policykb/model/schema/task-row.schema.json` describes it. */
export type TaskRowJson = TaskRow

/**
 * The JSON-ready rows of a 任务清单, with keys in a fixed order: each a {@link TaskRow} with its
 * units and deadline as records (`deadline.text` as written, `deadlineDate` the ISO date). All
 * fields are written whatever `table.columns` shows, since JSON is read by programs, not printed.
 * @param table - the table (not mutated)
 * @returns one object per row
 */
export function toJsonRows(table: TaskTable): TaskRowJson[] {
  return table.rows.map((row) => ({
    seq: row.seq,
    specialty: row.specialty,
    direction: row.direction,
    measure: row.measure,
    leadUnits: row.leadUnits.map((u) => ({ ...u })),
    units: row.units.map((u) => ({ ...u })),
    deadline: row.deadline === null ? null : { ...row.deadline },
    deadlineDate: row.deadlineDate,
    span: row.span === null ? null : { ...row.span },
    measureId: row.measureId,
    line: row.line,
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
