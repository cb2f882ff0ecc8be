import { type Diagnostic, TaskRow } from '@policykb/model'
import type { TaskColumn, TaskTable } from '../columns.js'
import { COLUMN_HEADERS } from '../columns.js'
import { cleanCell, cleanDeadline } from './clean.js'
import { deadlineDate } from '../deadlineText.js'
import { bigramWeights, fillMerged, labelPlacement } from './fillMerged.js'
import type { RawTable } from './rawTable.js'
import { findCsvHeader, parseCsv, readCsvTable } from './readCsv.js'
import { findTextHeader, type ReadResult, readTextTable } from './readText.js'
import { readXlsxTable } from './readXlsx.js'
import { type AlignedRow, clip, realignRows } from './realign.js'
import { repairSequence } from './sequence.js'
import { cellDeadline, rowUnits } from './rowUnits.js'

/** The formats {@link readTaskTable} reads. */
export type TaskTableFormat = 'text' | 'csv' | 'xlsx'

/** Options of {@link readTaskTable}. */
export interface ReadTaskTableOptions {
  /** The input's format; detected when not given (xlsx: zip bytes; csv: a comma-separated header; else text). */
  format?: TaskTableFormat
  /** File name put in diagnostics. */
  file?: string
}

/** What {@link readTaskTable} returns: the table (empty when none was found) and every repair and problem. */
export interface ReadTaskTableResult {
  table: TaskTable
  diagnostics: Diagnostic[]
}

const isZip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b

/**
 * Decide the format of an input: xlsx when the bytes start with the zip signature `PK`;
 * otherwise csv when a comma-separated record names the columns before any tab-separated line
 * does; otherwise text.
 * @param input - the file's text or bytes
 */
export function detectFormat(input: string | Uint8Array): TaskTableFormat {
  if (typeof input !== 'string' && isZip(input)) return 'xlsx'
  const text = typeof input === 'string' ? input : decode(input)
  const lines = text.split(/\r\n|\r|\n/u)
  const textAt = findTextHeader(lines)
  const records = parseCsv(text)
  const csvAt = findCsvHeader(records)
  if (csvAt >= 0 && (textAt < 0 || records[csvAt]!.line < textAt + 1)) return 'csv'
  return 'text'
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes)
}

const emptyTable = (): TaskTable => ({ title: null, columns: [], rows: [] })

/**
 * Read an existing 任务清单 (made by hand) from text, csv or xlsx, repairing what a PDF
 * extraction or a careless export broke, and reporting every repair.
 *
 * Stages: read the rows under the header (dropping repeated headers) → clean spaces inside CJK
 * text (`import-normalize-space`) → settle 序号 (`import-seq-repaired`, `import-joined-row`) →
 * put cells of shifted rows back in their columns (`import-shifted-row`) → drop a 所属专项 that
 * only repeats the row's 改革方向 (`import-suspect-specialty`) → fill blanks left by merged
 * 所属专项 and 改革方向 cells (`import-fill-merged`, `import-merged-boundary`) → report cells
 * that are lost (`import-lost-cell`) → validate each row.
 *
 * Never throws on malformed input: an empty string, a broken workbook or a file without a header
 * gives an empty table and an error diagnostic.
 * @param input - the file's text or bytes (UTF-8 for text and csv, BOM allowed)
 * @param options - see {@link ReadTaskTableOptions}
 */
export async function readTaskTable(
  input: string | Uint8Array,
  options: ReadTaskTableOptions = {},
): Promise<ReadTaskTableResult> {
  const file = options.file
  const inFile = file === undefined ? {} : { file }
  try {
    const format = options.format ?? detectFormat(input)
    let read: ReadResult
    if (format === 'xlsx') {
      if (typeof input === 'string') {
        return {
          table: emptyTable(),
          diagnostics: [
            { ruleId: 'import-bad-input', reason: 'xlsx needs the file’s bytes, not text', severity: 'error', ...inFile },
          ],
        }
      }
      read = await readXlsxTable(input, file)
    } else {
      let text = typeof input === 'string' ? input : decode(input)
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      read = format === 'csv' ? readCsvTable(text, file) : readTextTable(text, file)
    }
    if (!read.raw) return { table: emptyTable(), diagnostics: read.diagnostics }
    const built = buildTable(read.raw, file)
    return { table: built.table, diagnostics: [...read.diagnostics, ...built.diagnostics] }
  } catch (error) {
    return {
      table: emptyTable(),
      diagnostics: [
        {
          ruleId: 'import-failed',
          reason: `Could not read the table: ${error instanceof Error ? error.message : String(error)}`,
          severity: 'error',
          ...inFile,
        },
      ],
    }
  }
}

/**
 * Turn a table as read into a {@link TaskTable}: clean, renumber, realign, fill and validate.
 * Pure; the input is not mutated.
 * @param raw - the table as read
 * @param file - file name for diagnostics
 */
export function buildTable(raw: RawTable, file?: string): { table: TaskTable; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const where = (line: number) => (file === undefined ? { line } : { file, line })
  const header = raw.header
  const col = (c: TaskColumn) => header.indexOf(c)
  const name = (j: number) => {
    const c = header[j]
    return c ? COLUMN_HEADERS[c] : `column ${j + 1}`
  }

  // 1. spaces inside CJK text
  const cleaned = raw.rows.map((row) => {
    const changed: string[] = []
    const cells = row.cells.map((cell, j) => {
      const c = cleanCell(cell)
      if (c.changed) changed.push(name(j))
      return c.text
    })
    if (changed.length > 0) {
      diagnostics.push({
        ruleId: 'import-normalize-space',
        reason: `Removed spaces inside CJK text in ${changed.join(', ')}`,
        severity: 'info',
        ...where(row.line),
      })
    }
    return { ...row, cells }
  })

  // 2. 序号
  const numbered = repairSequence(cleaned, col('seq'), file)
  diagnostics.push(...numbered.diagnostics)

  // 3. shifted rows
  const aligned = realignRows(numbered.rows, header, file)
  diagnostics.push(...aligned.diagnostics)
  const rows: (AlignedRow & { seq: number })[] = aligned.rows.map((row, i) => ({ ...row, seq: numbered.rows[i]!.seq }))

  const si = col('specialty')
  const di = col('direction')
  const mi = col('measure')
  const ui = col('units')
  const ti = col('deadline')
  const li = col('lead')

  // 4. a 所属专项 that only copies the row's 改革方向
  if (si >= 0 && di >= 0) {
    const counts = new Map<string, number>()
    for (const row of rows) {
      const s = row.cells[si] ?? ''
      if (s) counts.set(s, (counts.get(s) ?? 0) + 1)
    }
    for (const row of rows) {
      const s = row.cells[si] ?? ''
      if (s && s === row.cells[di] && counts.get(s) === 1 && rows.length > 1) {
        row.cells = row.cells.map((c, j) => (j === si ? '' : c))
        diagnostics.push({
          ruleId: 'import-suspect-specialty',
          reason: `所属专项 「${clip(s)}」 only repeats this row’s 改革方向 and names no other row: read as a copy and filled from the merged cell instead`,
          severity: 'warning',
          ...where(row.line),
        })
      }
    }
  }

  // 5. merged cells
  const textColumns = (extra: number[]) => [...extra, mi].filter((j) => j >= 0)
  const all: [number, number][] = rows.length > 0 ? [[0, rows.length - 1]] : []
  const placement = (column: number, groups: readonly (readonly [number, number])[], label: string) => {
    if (raw.mergedLabels === 'top') return 'top'
    const found = labelPlacement(rows, column, groups)
    if (found === 'top') {
      diagnostics.push({
        ruleId: 'import-merged-placement',
        reason: `${label}: every span that runs over a page break shows its text in the first row of the new page, so merged ${label} text is read as sitting in the first row of its span`,
        severity: 'info',
        ...where(rows[0]!.line),
      })
    }
    return found
  }
  const weights = bigramWeights(rows.map((row) => [si, di, mi].map((j) => (j >= 0 ? (row.cells[j] ?? '') : '')).join(' ')))
  let specialty: (string | null)[] = rows.map(() => null)
  if (si >= 0) {
    const filled = fillMerged(rows, {
      column: si,
      name: '所属专项',
      mergedLabels: placement(si, all, '所属专项'),
      groups: all,
      textColumns: textColumns(di >= 0 ? [di] : []),
      unitsColumn: ui,
      weights,
      ...(file === undefined ? {} : { file }),
    })
    specialty = filled.values
    diagnostics.push(...filled.diagnostics)
  }
  let direction: (string | null)[] = rows.map(() => null)
  if (di >= 0) {
    const groups: [number, number][] = []
    for (let i = 0; i < rows.length; i++) {
      const last = groups.at(-1)
      if (last && specialty[i] === specialty[last[1]]) last[1] = i
      else groups.push([i, i])
    }
    const filled = fillMerged(rows, {
      column: di,
      name: '改革方向',
      mergedLabels: placement(di, groups, '改革方向'),
      groups,
      textColumns: textColumns([]),
      unitsColumn: ui,
      weights,
      ...(file === undefined ? {} : { file }),
    })
    direction = filled.values
    diagnostics.push(...filled.diagnostics)
  }

  // 6. lost cells, 7. rows
  const out: TaskRow[] = []
  rows.forEach((row, i) => {
    const lost = [mi, ui, ti].filter((j) => j >= 0 && (row.cells[j] ?? '') === '')
    if (lost.length > 0) {
      diagnostics.push({
        ruleId: 'import-lost-cell',
        reason: `${lost.map(name).join(', ')} ${lost.length > 1 ? 'are' : 'is'} empty in row ${row.seq}: the cell was lost and is left blank`,
        severity: mi >= 0 && lost.includes(mi) ? 'error' : 'warning',
        ...where(row.line),
      })
    }
    const deadline = cellDeadline(ti >= 0 ? cleanDeadline(row.cells[ti] ?? '').text : '')
    const candidate = {
      seq: row.seq,
      specialty: specialty[i] ?? null,
      direction: direction[i] ?? null,
      measure: mi >= 0 ? (row.cells[mi] ?? '') : '',
      ...rowUnits(li >= 0 ? (row.cells[li] ?? '') : null, ui >= 0 ? (row.cells[ui] ?? '') : null),
      deadline,
      deadlineDate: deadlineDate(deadline),
      span: null,
      measureId: null,
      line: row.line,
    }
    const parsed = TaskRow.safeParse(candidate)
    if (parsed.success) out.push(parsed.data)
    else {
      diagnostics.push({
        ruleId: 'import-invalid-row',
        reason: `Row dropped: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
        severity: 'error',
        ...where(row.line),
      })
    }
  })
  const columns = header.filter((c): c is TaskColumn => c !== null)
  if (raw.rows.length === 0) {
    diagnostics.push({ ruleId: 'import-empty-table', reason: 'The table has a header but no rows', severity: 'warning', ...(file === undefined ? {} : { file }) })
  }
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return { table: { title: raw.title, columns, rows: out }, diagnostics }
}
