import type { Diagnostic } from '@policykb/model'
import { COLUMN_HEADERS, type TaskColumn } from '../columns.js'
import { columnFit, FIT_THRESHOLD, NO_VOCABULARY, type Vocabulary } from './cellTypes.js'

/** A row whose cells are being put back in their columns. */
export interface AlignedRow {
  cells: string[]
  line: number
  page: number
}

/** What {@link realignRows} returns. */
export interface RealignResult {
  rows: AlignedRow[]
  vocabulary: Vocabulary
  diagnostics: Diagnostic[]
}

const headerName = (column: TaskColumn | null, index: number) =>
  column ? COLUMN_HEADERS[column] : `column ${index + 1}`

function isWellFormed(cells: readonly string[], header: readonly (TaskColumn | null)[], vocabulary: Vocabulary) {
  for (let j = 0; j < cells.length; j++) {
    const cell = cells[j]!
    if (cell === '') continue
    if (j >= header.length) return false
    if (columnFit(cell, header[j]!, vocabulary) < FIT_THRESHOLD) return false
  }
  return true
}

/** Labels of the 所属专项 and 改革方向 columns in rows that read well. */
function collectVocabulary(
  rows: readonly AlignedRow[],
  header: readonly (TaskColumn | null)[],
  vocabulary: Vocabulary,
): Vocabulary {
  const specialty = new Set<string>()
  const direction = new Set<string>()
  const si = header.indexOf('specialty')
  const di = header.indexOf('direction')
  for (const row of rows) {
    if (!isWellFormed(row.cells, header, vocabulary)) continue
    const s = si >= 0 ? (row.cells[si] ?? '').trim() : ''
    const d = di >= 0 ? (row.cells[di] ?? '').trim() : ''
    if (s) specialty.add(s)
    if (d) direction.add(d)
  }
  return { specialty, direction }
}

/**
 * Place the non-empty cells of a row in increasing columns so that each fits its column best
 * (order is kept: a PDF extraction drops or adds blank cells, it does not swap text).
 * @returns the new cell array and where each moved cell came from and went, or null when there
 *   are more non-empty cells than columns
 */
function bestPlacement(
  cells: readonly string[],
  header: readonly (TaskColumn | null)[],
  fixed: number,
  vocabulary: Vocabulary,
): { cells: string[]; moves: { text: string; from: number; to: number }[] } | null {
  const items: { text: string; from: number }[] = []
  cells.forEach((text, from) => {
    if (text !== '' && from !== fixed) items.push({ text, from })
  })
  const slots = header.map((_, j) => j).filter((j) => j !== fixed)
  const m = items.length
  const k = slots.length
  if (m > k) return null
  // score[i][p]: best total placing items[0..i] with item i in slots[p]
  const NEG = Number.NEGATIVE_INFINITY
  const score: number[][] = Array.from({ length: m }, () => new Array<number>(k).fill(NEG))
  const back: number[][] = Array.from({ length: m }, () => new Array<number>(k).fill(-1))
  const gain = (i: number, p: number) => {
    const item = items[i]!
    const slot = slots[p]!
    return columnFit(item.text, header[slot]!, vocabulary) - 0.01 * Math.abs(slot - item.from)
  }
  for (let i = 0; i < m; i++) {
    let bestPrev = NEG
    let bestPrevAt = -1
    for (let p = 0; p < k; p++) {
      if (i === 0) {
        score[0]![p] = gain(0, p)
        continue
      }
      const prev = score[i - 1]![p - 1]
      if (p > 0 && prev !== undefined && prev > bestPrev) {
        bestPrev = prev
        bestPrevAt = p - 1
      }
      if (bestPrevAt >= 0) {
        score[i]![p] = bestPrev + gain(i, p)
        back[i]![p] = bestPrevAt
      }
    }
  }
  const out = header.map((_, j) => (j === fixed ? (cells[j] ?? '') : ''))
  const moves: { text: string; from: number; to: number }[] = []
  if (m === 0) return { cells: out, moves }
  let at = 0
  for (let p = 1; p < k; p++) if (score[m - 1]![p]! > score[m - 1]![at]!) at = p
  for (let i = m - 1; i >= 0; i--) {
    const item = items[i]!
    const to = slots[at]!
    out[to] = item.text
    if (to !== item.from) moves.unshift({ text: item.text, from: item.from, to })
    at = back[i]![at]!
  }
  return { cells: out, moves }
}

/**
 * Put the cells of shifted rows back in their columns.
 *
 * A row reads well when every non-empty cell fits its column (see `columnFit`). For a row that
 * does not, its non-empty cells are placed, in their order, in the columns they fit best; the
 * 序号 cell stays where it is. Labels found in the 所属专项 and 改革方向 columns of rows that read
 * well tell a shifted 所属专项 (`执行合同`) from a shifted 改革方向 (`加大直接融资力度`).
 *
 * Input rows are not mutated.
 * @param rows - rows with cells in header order (cleaned)
 * @param header - the column of each header cell
 * @param file - file name for diagnostics
 */
export function realignRows(
  rows: readonly AlignedRow[],
  header: readonly (TaskColumn | null)[],
  file?: string,
): RealignResult {
  const diagnostics: Diagnostic[] = []
  const where = (line: number) => (file === undefined ? { line } : { file, line })
  const vocabulary = collectVocabulary(rows, header, collectVocabulary(rows, header, NO_VOCABULARY))
  const fixed = header.indexOf('seq')
  const out: AlignedRow[] = []
  for (const row of rows) {
    const cells = header.map((_, j) => row.cells[j] ?? '')
    const extra = row.cells.slice(header.length).filter((c) => c !== '')
    const all = extra.length > 0 ? [...cells, ...extra] : cells
    if (isWellFormed(all, header, vocabulary)) {
      out.push({ ...row, cells })
      continue
    }
    const placed = bestPlacement(all, header, fixed, vocabulary)
    if (!placed) {
      diagnostics.push({
        ruleId: 'import-extra-cells',
        reason: `Row has more cells than the header has columns; dropped: ${extra.map((c) => `「${c}」`).join(' ')}`,
        severity: 'error',
        ...where(row.line),
      })
      out.push({ ...row, cells })
      continue
    }
    const moves = placed.moves.map(
      ({ text, from, to }) =>
        `「${clip(text)}」 ${headerName(header[from] ?? null, from)} → ${headerName(header[to] ?? null, to)}`,
    )
    if (moves.length > 0) {
      diagnostics.push({
        ruleId: 'import-shifted-row',
        reason: `Cells were shifted; put back in their columns: ${moves.join('; ')}`,
        severity: 'warning',
        ...where(row.line),
      })
    }
    placed.cells.forEach((text, j) => {
      if (text !== '' && j !== fixed && columnFit(text, header[j]!, vocabulary) < FIT_THRESHOLD) {
        diagnostics.push({
          ruleId: 'import-unrecognised-cell',
          reason: `「${clip(text)}」 does not read as a ${headerName(header[j] ?? null, j)} cell`,
          severity: 'warning',
          ...where(row.line),
        })
      }
    })
    out.push({ ...row, cells: placed.cells })
  }
  return { rows: out, vocabulary, diagnostics }
}

/** Shorten a cell for a diagnostic message. */
export function clip(text: string, max = 16): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`
}
