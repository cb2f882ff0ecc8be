import type { Diagnostic } from '@policykb/model'
import { matchHeader } from './headers.js'
import type { RawRow } from './rawTable.js'
import type { ReadResult } from './readText.js'

/** One record of a csv file with the line it starts on. */
export interface CsvRecord {
  cells: string[]
  line: number
}

/**
 * Parse csv text (RFC 4180): fields separated by commas, optionally quoted with `"`, a quote
 * inside a quoted field doubled, line breaks allowed inside quoted fields, CRLF or LF. A leading
 * byte order mark is skipped. Never throws: an unterminated quote runs to the end of the text.
 * @param text - the csv text
 * @returns the records, each with the 1-based line it starts on
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let start = 1
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let any = false
  const endRecord = () => {
    cells.push(field)
    records.push({ cells, line: start })
    cells = []
    field = ''
    any = false
  }
  for (; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (ch === '\n') line++
        field += ch
      }
      continue
    }
    if (ch === '"') {
      quoted = true
      any = true
    } else if (ch === ',') {
      cells.push(field)
      field = ''
      any = true
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      start = line
    } else {
      field += ch
      any = true
    }
  }
  if (any || field !== '' || cells.length > 0) endRecord()
  return records
}

/** Index of the first csv record that reads as a 任务清单 header, or -1. */
export function findCsvHeader(records: readonly CsvRecord[]): number {
  return records.findIndex((r) => matchHeader(r.cells) !== null)
}

/**
 * Read a 任务清单 from csv text (UTF-8, with or without BOM).
 * The first record naming the columns is the header; a record above it with one non-empty cell
 * (or the same text in every cell, as a merged title exports) is the title. Repeated header
 * records and empty records are dropped. Merged cells of a spreadsheet export keep their text in
 * the first row of the span.
 * @param text - the csv text
 * @param file - file name for diagnostics
 */
export function readCsvTable(text: string, file?: string): ReadResult {
  const diagnostics: Diagnostic[] = []
  const records = parseCsv(text)
  const at = findCsvHeader(records)
  if (at < 0) {
    diagnostics.push({
      ruleId: 'import-no-header',
      reason: 'No csv record names the columns of a 任务清单 (序号, 所属专项, 改革方向, 升级措施, 责任单位, 完成时限)',
      severity: 'error',
      ...(file === undefined ? {} : { file }),
    })
    return { raw: null, diagnostics }
  }
  const header = matchHeader(records[at]!.cells)!
  let title: string | null = null
  if (at > 0) {
    const above = records[at - 1]!.cells.map((c) => c.trim()).filter((c) => c !== '')
    if (above.length > 0 && above.every((c) => c === above[0])) title = above[0]!
  }
  const rows: RawRow[] = []
  for (let r = at + 1; r < records.length; r++) {
    const record = records[r]!
    const cells = record.cells.map((c) => c.trim())
    if (cells.every((c) => c === '')) continue
    if (matchHeader(cells)) continue
    rows.push({ cells, line: record.line, page: 0 })
  }
  return { raw: { title, header, rows, mergedLabels: 'top' }, diagnostics }
}
