import type { TaskColumn } from '../columns.js'

/** One data row of a table as read, before any repair. */
export interface RawRow {
  /** Cells in the order of the header; may be shorter or longer than the header. */
  cells: string[]
  /** 1-based line of the text or csv file, or row of the sheet. */
  line: number
  /** Printed page the row sat on (a repeated header row starts a new page); 0 when unknown. */
  page: number
}

/**
 * Where a table puts the text of a merged cell:
 * - `top`: in the first row of the span (spreadsheets, csv exported from them);
 * - `any`: anywhere in the span, usually its vertical middle, repeated on every printed page
 *   (tables extracted from PDF).
 */
export type MergedLabels = 'top' | 'any'

/** A table as read from text, csv or xlsx: header columns, title and raw rows. */
export interface RawTable {
  title: string | null
  /** The column each header cell names; null for a header cell we do not know (备注 …). */
  header: (TaskColumn | null)[]
  rows: RawRow[]
  mergedLabels: MergedLabels
}
