import type { Diagnostic } from '@policykb/model'
import ExcelJS from 'exceljs'
import { matchHeader } from './headers.js'
import type { RawRow } from './rawTable.js'
import type { ReadResult } from './readText.js'

/** How many rows from the top of a sheet are searched for the header. */
const HEADER_SEARCH_ROWS = 30

/** The text of a cell: rich text joined, formulas by their result, dates as 2022年6月30日. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`
  }
  if (value !== null && typeof value === 'object' && 'result' in value) {
    const result = value.result
    if (result instanceof Date) return `${result.getUTCFullYear()}年${result.getUTCMonth() + 1}月${result.getUTCDate()}日`
    return result === undefined || result === null ? '' : String(result)
  }
  try {
    return cell.text ?? ''
  } catch {
    return ''
  }
}

function rowCells(sheet: ExcelJS.Worksheet, r: number, width: number): string[] {
  const row = sheet.getRow(r)
  const cells: string[] = []
  // A merged cell reads as its master's value in ExcelJS, so merges come out expanded.
  for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)).trim())
  return cells
}

/**
 * Read a 任务清单 from an xlsx workbook with ExcelJS.
 * The first worksheet with a header row naming the columns is read; every cell of a merged range
 * takes the range's value; the nearest non-empty row above the header is the title; repeated
 * header rows and empty rows are dropped. A broken workbook gives a diagnostic, not an exception.
 * @param data - the file's bytes
 * @param file - file name for diagnostics
 */
export async function readXlsxTable(data: Uint8Array, file?: string): Promise<ReadResult> {
  const diagnostics: Diagnostic[] = []
  const inFile = file === undefined ? {} : { file }
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer)
  } catch (error) {
    diagnostics.push({
      ruleId: 'import-bad-xlsx',
      reason: `Cannot read the workbook: ${error instanceof Error ? error.message : String(error)}`,
      severity: 'error',
      ...inFile,
    })
    return { raw: null, diagnostics }
  }
  for (const sheet of workbook.worksheets) {
    const width = sheet.columnCount
    const height = sheet.rowCount
    let at = -1
    for (let r = 1; r <= Math.min(height, HEADER_SEARCH_ROWS); r++) {
      if (matchHeader(rowCells(sheet, r, width))) {
        at = r
        break
      }
    }
    if (at < 0) continue
    const headerCells = rowCells(sheet, at, width)
    let end = headerCells.length
    while (end > 0 && headerCells[end - 1] === '') end--
    const header = matchHeader(headerCells.slice(0, end))!
    let title: string | null = null
    for (let r = at - 1; r >= 1; r--) {
      const cells = rowCells(sheet, r, width).filter((c) => c !== '')
      if (cells.length === 0) continue
      if (cells.every((c) => c === cells[0])) title = cells[0]!
      break
    }
    const rows: RawRow[] = []
    for (let r = at + 1; r <= height; r++) {
      const cells = rowCells(sheet, r, width)
      if (cells.every((c) => c === '')) continue
      if (matchHeader(cells)) continue
      let last = cells.length
      while (last > header.length && cells[last - 1] === '') last--
      rows.push({ cells: cells.slice(0, last), line: r, page: 0 })
    }
    return { raw: { title, header, rows, mergedLabels: 'top' }, diagnostics }
  }
  diagnostics.push({
    ruleId: 'import-no-header',
    reason: 'No worksheet has a header row naming the columns of a 任务清单',
    severity: 'error',
    ...inFile,
  })
  return { raw: null, diagnostics }
}
