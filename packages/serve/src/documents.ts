/**
 * The documents a server shows: read and parsed with the library's own stages, their 任务清单 as
 * `policykb tasklist` makes it, their corrections loaded from and saved to
 * `<file>.corrections.json` (atomically; a corrupt file reported and kept).
 */
import { randomBytes } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'
import type { Correction, Diagnostic, SourceText } from '@policykb/model'
import { type ParseOutput, parseSource, read, toSourceOffset } from '@policykb/parser'
import { type CorrectionConflict, cellOptions, cellText, correctTable, parseCorrectionsFile, type TaskTable, toTaskTable } from '@policykb/tasklist'
import type { DocumentSummary, DocumentView, Range, RowView } from './api.js'

/** A document being served. */
export interface ServedDocument {
  id: string
  /** File name shown, and put on diagnostics. */
  name: string
  source: SourceText
  result: ParseOutput
  /** What reading noticed (decoding, the reader's notes). */
  readDiagnostics: Diagnostic[]
  /** The 任务清单 as generated, before corrections. */
  table: TaskTable
  corrections: Correction[]
  /** Where corrections are saved; null: only in memory. */
  correctionsPath: string | null
  savedIn: DocumentSummary['savedIn']
  /** Why the saved corrections could not be read; the file is renamed, not overwritten, at the next save. */
  correctionsProblem: string | null
}

/** What {@link analyse} returns. */
export type Analysed = { ok: true; source: SourceText; result: ParseOutput; diagnostics: Diagnostic[]; table: TaskTable } | { ok: false; reason: string }

/**
 * Bytes of a file → its source text, parse and 任务清单, through the same stages (`read`,
 * `parseSource`) and options as `policykb tasklist`. Never throws.
 */
export async function analyse(bytes: Uint8Array, name: string): Promise<Analysed> {
  const outcome = await read(bytes, { name })
  if (!outcome.ok) return { ok: false, reason: `${name}${outcome.location ? ` (${outcome.location})` : ''}: ${outcome.reason}` }
  const result = parseSource(outcome.source, { file: name })
  const table = toTaskTable(result, { measureText: 'lead', direction: 'heading' })
  return { ok: true, source: outcome.source, result, diagnostics: outcome.diagnostics, table }
}

/** Where a document's corrections are saved beside it. */
export const correctionsPathOf = (file: string) => `${file}.corrections.json`

/** Read a saved corrections file: none when it does not exist; a problem (naming the file) when it cannot be used. */
export async function loadCorrections(path: string): Promise<{ corrections: Correction[]; problem: string | null }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { corrections: [], problem: null }
    return { corrections: [], problem: `${path}: ${(error as Error).message}` }
  }
  const parsed = parseCorrectionsFile(text)
  return parsed.ok ? { corrections: parsed.file.corrections, problem: null } : { corrections: [], problem: `${path}: ${parsed.reason}` }
}

/**
 * Save a document's corrections: written to a temporary file beside the target and renamed over
 * it, so a crash leaves the old file or the new one. A file that could not be read is first
 * renamed to `<file>.corrupt-<time>`, so nothing the reviewer had is lost.
 */
export async function saveCorrections(doc: ServedDocument): Promise<void> {
  const path = doc.correctionsPath
  if (path === null) return
  if (doc.correctionsProblem !== null) {
    await rename(path, `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`).catch(() => undefined)
    doc.correctionsProblem = null
  }
  const body = `${JSON.stringify({ version: 1, document: doc.name, corrections: doc.corrections }, null, 2)}\n`
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temporary, body, { flag: 'wx' })
  await rename(temporary, path)
}

/** The corrected 任务清单 of a document and the corrections that did not fit. */
export function correctedTable(doc: ServedDocument): { table: TaskTable; conflicts: CorrectionConflict[] } {
  return correctTable(doc.table, doc.corrections, doc.result.normalized.text)
}

/** The list entry of a document. */
export function summaryOf(doc: ServedDocument): DocumentSummary {
  const { table, conflicts } = correctedTable(doc)
  return {
    id: doc.id,
    name: doc.name,
    format: doc.source.format,
    title: doc.result.document.title,
    kind: doc.result.document.kind,
    rows: table.rows.length,
    corrections: doc.corrections.length,
    conflicts: conflicts.length,
    savedIn: doc.savedIn,
  }
}

/** A span of the normalised text as a range of the source text. */
function sourceRange(doc: ServedDocument, span: { start: number; end: number } | null | undefined): Range | null {
  if (!span) return null
  const n = doc.result.normalized
  const start = toSourceOffset(n, span.start)
  const end = span.end > span.start ? toSourceOffset(n, span.end - 1) + 1 : start
  return { start, end }
}

/**
 * A selection of the source text → the range of the normalised text it covers, with that text:
 * what `measure` and `add-task` corrections anchor to.
 */
export function normalizedRange(doc: ServedDocument, range: Range): { start: number; end: number; text: string } {
  const n = doc.result.normalized
  const starts = n.segments
  // The first normalised offset whose source is at or after the selection's start, and the last before its end.
  let start = n.text.length
  let end = 0
  for (const seg of starts) {
    const s0 = seg.source
    const s1 = seg.source + seg.length
    if (s1 <= range.start || s0 >= range.end) continue
    start = Math.min(start, seg.start + Math.max(0, range.start - s0))
    end = Math.max(end, seg.start + Math.min(seg.length, range.end - s0))
  }
  if (end < start) end = start = Math.min(start, n.text.length)
  return { start, end, text: n.text.slice(start, end) }
}

/** The whole document view the page shows. */
export function viewOf(doc: ServedDocument): DocumentView {
  const { table, conflicts } = correctedTable(doc)
  const measures = new Map(doc.result.measures.map((m) => [m.id, m]))
  const generated = new Map(doc.table.rows.map((r) => [r.measureId, r]))
  const same = (a: object | undefined, b: object) => a !== undefined && JSON.stringify({ ...a, seq: 0 }) === JSON.stringify({ ...b, seq: 0 })
  const cells = cellOptions(table)
  const rows: RowView[] = table.rows.map((row) => {
    const m = row.measureId === null ? undefined : measures.get(row.measureId)
    const span = sourceRange(doc, row.span)
    return {
      seq: row.seq,
      measureId: row.measureId,
      specialty: row.specialty,
      direction: row.direction,
      measure: row.measure,
      leadUnits: row.leadUnits.map((u) => u.name),
      units: cellText(row, 'units', { ...cells, leadColumn: true }),
      deadline: cellText(row, 'deadline', cells),
      line: row.span?.line ?? null,
      span: span ?? (row.measureId?.startsWith('added-') ? addedSpan(doc, row.measureId) : null),
      unitSpans: (m?.units ?? []).flatMap((u) => {
        const r = sourceRange(doc, u.span)
        return r ? [{ ...r, name: u.name, role: u.role }] : []
      }),
      deadlineSpan: sourceRange(doc, m?.deadline?.span),
      corrected: !same(generated.get(row.measureId), row),
    }
  })
  const d = doc.result.document
  const pages: DocumentView['pages'] = []
  for (const block of doc.source.blocks) {
    const page = block.origin.page
    if (page !== undefined && pages[pages.length - 1]?.page !== page) pages.push({ page, start: block.start })
  }
  return {
    summary: summaryOf(doc),
    metadata: { title: d.title, docNumber: d.docNumber, issuer: d.issuer, date: d.date, kind: d.kind },
    text: doc.source.text,
    pages,
    columns: table.columns,
    rows,
    diagnostics: [...doc.readDiagnostics, ...doc.result.diagnostics].map((x) => ({
      severity: x.severity,
      ruleId: x.ruleId,
      reason: x.reason,
      line: x.line ?? x.span?.line ?? null,
    })),
    corrections: doc.corrections,
    conflicts: conflicts.map((c) => ({ index: c.index, reason: c.reason })),
    correctionsProblem: doc.correctionsProblem,
  }
}

/** The source range of a row added from a range of the normalised text (its id says which). */
function addedSpan(doc: ServedDocument, id: string): Range | null {
  const m = /^added-(\d+)-(\d+)$/.exec(id)
  return m ? sourceRange(doc, { start: Number(m[1]), end: Number(m[2]) }) : null
}
