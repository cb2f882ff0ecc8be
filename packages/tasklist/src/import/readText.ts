import type { Diagnostic } from '@policykb/model'
import { matchHeader } from './headers.js'
import type { RawRow, RawTable } from './rawTable.js'

/** What a table reader returns: the table found (null when none) and what was wrong. */
export interface ReadResult {
  raw: RawTable | null
  diagnostics: Diagnostic[]
}

const PAGE_NUMBER = /^[\s\-—–－]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?\d{1,4}\s*页?)?[\s\-—–－]*$/u

const splitTab = (line: string) => line.split('\t').map((c) => c.trim())
const sameHeader = (a: readonly (string | null)[], b: readonly (string | null)[]) =>
  a.length === b.length && a.every((c, i) => c === b[i])

/** Where the header of a tab-separated 任务清单 is in a text, or -1. */
export function findTextHeader(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.includes('\t') && matchHeader(splitTab(line))) return i
  }
  return -1
}

/**
 * Read a 任务清单 laid out as tab-separated lines, possibly inside a longer document (text
 * extracted from PDF or Word).
 *
 * The table starts at the first line whose cells name the columns (`序号 … 完成时限`); the
 * nearest short line above it is the title. Header rows repeated on every printed page are
 * dropped and start a new page; blank lines and page numbers are skipped. A line without tabs
 * followed by more rows is the rest of the row above, cut where the text wrapped; otherwise it
 * ends the table.
 * @param text - the whole text
 * @param file - file name for diagnostics
 */
export function readTextTable(text: string, file?: string): ReadResult {
  const diagnostics: Diagnostic[] = []
  const where = (line: number) => (file === undefined ? { line } : { file, line })
  const lines = text.split(/\r\n|\r|\n/u)
  const at = findTextHeader(lines)
  if (at < 0) {
    diagnostics.push({
      ruleId: 'import-no-header',
      reason: 'No header row naming the columns of a 任务清单 (序号, 所属专项, 改革方向, 升级措施, 责任单位, 完成时限)',
      severity: 'error',
      ...(file === undefined ? {} : { file }),
    })
    return { raw: null, diagnostics }
  }
  const header = matchHeader(splitTab(lines[at]!))!
  let title: string | null = null
  for (let i = at - 1; i >= 0 && i >= at - 4; i--) {
    const t = lines[i]!.trim()
    if (t === '') continue
    if (!t.includes('\t') && Array.from(t).length <= 60) title = t
    break
  }
  const rows: RawRow[] = []
  let page = 0
  let repeats = 0
  const isRowLine = (line: string) => line.includes('\t') && line.trim() !== ''
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() === '') continue
    if (line.includes('\t')) {
      const cells = splitTab(line)
      const asHeader = matchHeader(cells)
      if (asHeader) {
        if (!sameHeader(asHeader, header)) break
        page++
        repeats++
        continue
      }
      if (cells.every((c) => c === '')) continue
      rows.push({ cells, line: i + 1, page })
      continue
    }
    const t = line.trim()
    if (PAGE_NUMBER.test(t) || (title !== null && t === title)) continue
    let next = i + 1
    while (next < lines.length && lines[next]!.trim() === '') next++
    const prev = rows.at(-1)
    if (prev && next < lines.length && isRowLine(lines[next]!)) {
      let last = prev.cells.length - 1
      while (last > 0 && prev.cells[last] === '') last--
      prev.cells[last] = (prev.cells[last] ?? '') + t
      diagnostics.push({
        ruleId: 'import-joined-line',
        reason: `Line without cells between rows: read as the rest of the row at line ${prev.line} and joined to its last cell`,
        severity: 'warning',
        ...where(i + 1),
      })
      continue
    }
    break
  }
  if (repeats > 0) {
    diagnostics.push({
      ruleId: 'import-repeated-header',
      reason: `Dropped ${repeats} header rows repeated at page breaks`,
      severity: 'info',
      ...where(at + 1),
    })
  }
  return { raw: { title, header, rows, mergedLabels: 'any' }, diagnostics }
}
