import type { Diagnostic } from '@policykb/model'
import type { RawRow } from './rawTable.js'

/** A raw row with its 序号 settled. */
export interface NumberedRow extends RawRow {
  seq: number
}

/** What {@link repairSequence} returns. */
export interface SequenceResult {
  rows: NumberedRow[]
  diagnostics: Diagnostic[]
}

function parseSeq(cell: string | undefined): number | null {
  const t = (cell ?? '').normalize('NFKC').trim()
  return /^\d{1,5}$/u.test(t) ? Number(t) : null
}

/**
 * Settle the 序号 of every row, using the fact that 序号 counts up by one.
 *
 * - a row without 序号 between rows n and n+1 is the rest of row n cut by a page break: its cells
 *   are appended to row n's (`import-joined-row`);
 * - a row without 序号 between n and n+2 is row n+1 (`import-seq-repaired`);
 * - a 序号 out of sequence between n and n+2 (`245, 256, 247`) is read as n+1 (`import-seq-repaired`);
 * - any other jump is kept as written and reported (`import-seq-gap`).
 *
 * Without a 序号 column rows are numbered 1, 2, 3 … in order. Input rows are not mutated.
 * @param rows - rows as read
 * @param seqIndex - index of the 序号 cell, -1 when the table has none
 * @param file - file name for diagnostics
 */
export function repairSequence(rows: readonly RawRow[], seqIndex: number, file?: string): SequenceResult {
  const diagnostics: Diagnostic[] = []
  const where = (line: number) => (file === undefined ? { line } : { file, line })
  if (seqIndex < 0) return { rows: rows.map((row, i) => ({ ...row, seq: i + 1 })), diagnostics }
  const out: NumberedRow[] = []
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const written = parseSeq(row.cells[seqIndex])
    const prev = out.at(-1)
    const next = i + 1 < rows.length ? parseSeq(rows[i + 1]!.cells[seqIndex]) : null
    const expected = prev ? prev.seq + 1 : null
    if (written === null) {
      if (prev && next !== null && next === prev.seq + 1) {
        const cells = [...prev.cells]
        row.cells.forEach((cell, j) => {
          if (j !== seqIndex && cell !== '') cells[j] = (cells[j] ?? '') + cell
        })
        out[out.length - 1] = { ...prev, cells }
        diagnostics.push({
          ruleId: 'import-joined-row',
          reason: `Row without 序号 between rows ${prev.seq} and ${next}: read as the rest of row ${prev.seq} and joined to it`,
          severity: 'warning',
          ...where(row.line),
        })
        continue
      }
      const seq = expected ?? (next !== null && next > 1 ? next - 1 : 1)
      const cell = (row.cells[seqIndex] ?? '').trim()
      diagnostics.push({
        ruleId: 'import-seq-repaired',
        reason: cell
          ? `序号 「${cell}」 is not a number; numbered ${seq} from its neighbours`
          : `序号 is missing; numbered ${seq} from its neighbours`,
        severity: 'warning',
        ...where(row.line),
      })
      out.push({ ...row, seq })
      continue
    }
    if (expected === null || written === expected) {
      out.push({ ...row, seq: written })
      continue
    }
    if (next !== null && next === expected + 1) {
      diagnostics.push({
        ruleId: 'import-seq-repaired',
        reason: `序号 ${written} is out of sequence between ${expected - 1} and ${next}; read as ${expected}`,
        severity: 'warning',
        ...where(row.line),
      })
      out.push({ ...row, seq: expected })
      continue
    }
    diagnostics.push({
      ruleId: 'import-seq-gap',
      reason: `序号 goes from ${expected - 1} to ${written}`,
      severity: 'warning',
      ...where(row.line),
    })
    out.push({ ...row, seq: written })
  }
  return { rows: out, diagnostics }
}
