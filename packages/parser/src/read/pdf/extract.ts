import type { Diagnostic, SourceBlock } from '@policykb/model'
import type { ReadOptions, ReadOutcome } from '../types.js'
import { findFurniture } from './furniture.js'
import { toLines } from './lines.js'
import { openPdf, type OpenedPdf } from './load.js'
import { margins, toParagraphs } from './paragraphs.js'
import type { Paragraph, PdfPage } from './types.js'

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024

/** What pdf.js's errors mean to a user. */
function openFailure(error: unknown): { ruleId: string; reason: string } {
  const name = error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'PasswordException') {
    return { ruleId: 'pdf-encrypted', reason: 'encrypted PDF: it needs a password to open, which policykb does not take' }
  }
  if (name === 'InvalidPDFException') return { ruleId: 'pdf-invalid', reason: `not a readable PDF: ${message}` }
  return { ruleId: 'pdf-invalid', reason: `broken PDF: ${message}` }
}

/**
 * Read a PDF's text layer: runs → lines → page furniture set aside → paragraphs in reading order,
 * joined across page breaks → one paragraph a line, each piece with its page. Never throws.
 */
export async function extractPdf(bytes: Uint8Array, options: ReadOptions): Promise<ReadOutcome> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const fail = (ruleId: string, reason: string, location?: string): ReadOutcome => ({
    ok: false,
    format: 'pdf',
    ruleId,
    reason,
    ...(location === undefined ? {} : { location }),
  })
  if (bytes.length > maxBytes) return fail('read-too-large', `the PDF is ${bytes.length} bytes, more than the limit of ${maxBytes}`)

  let pdf: OpenedPdf
  try {
    pdf = await openPdf(bytes)
  } catch (error) {
    const { ruleId, reason } = openFailure(error)
    return fail(ruleId, reason)
  }
  const pages: PdfPage[] = []
  const diagnostics: Diagnostic[] = []
  const file = options.name === undefined ? {} : { file: options.name }
  const empty: number[] = []
  let skipped = 0
  let size = 0
  try {
    for (let n = 1; n <= pdf.pages; n++) {
      let page: Awaited<ReturnType<OpenedPdf['page']>>
      try {
        page = await pdf.page(n)
      } catch (error) {
        return fail('pdf-invalid', `broken PDF: page ${n} cannot be read (${error instanceof Error ? error.message : String(error)})`, `page ${n}`)
      }
      skipped += page.skipped
      for (const run of page.runs) size += run.text.length * 2
      if (size > maxBytes) return fail('read-too-large', `the text of the PDF passes the limit of ${maxBytes} bytes at page ${n}`, `page ${n}`)
      const lines = toLines(page.runs, n)
      if (lines.length === 0) empty.push(n)
      pages.push({ page: n, width: page.width, height: page.height, lines })
    }
  } finally {
    await pdf.close()
  }

  if (pages.length > 0 && empty.length === pages.length) {
    return fail('pdf-no-text-layer', 'no text layer: scanned PDF, OCR is not supported')
  }
  if (empty.length > 0) {
    diagnostics.push({
      ruleId: 'pdf-page-without-text',
      severity: 'warning',
      reason: `no text layer on ${pageList(empty)} (scanned or drawn pages; OCR is not supported): their text is missing`,
      ...file,
    })
  }
  if (skipped > 0) {
    diagnostics.push({
      ruleId: 'pdf-rotated-text',
      severity: 'info',
      reason: `${skipped} runs of rotated or vertical text (stamps, watermarks, side notes) left out`,
      ...file,
    })
  }

  const furniture = findFurniture(pages)
  const body = pages.map((p, i) => ({ ...p, lines: p.lines.filter((_, k) => !furniture.lines[i]!.has(k)) }))
  if (furniture.headers + furniture.pageNumbers > 0) {
    diagnostics.push({
      ruleId: 'pdf-furniture',
      severity: 'info',
      reason: `set aside ${furniture.pageNumbers} page numbers and ${furniture.headers} lines of running headers and footers`,
      ...file,
    })
  }
  const paragraphs = toParagraphs(body, margins(body))
  const { text, blocks } = layOut(paragraphs)
  return {
    ok: true,
    source: { format: 'pdf', text, blocks, metadata: {}, pages: pages.length },
    diagnostics,
  }
}

/** One paragraph a line, a blank line where the page had a gap; a block per piece of a paragraph on one page. */
function layOut(paragraphs: readonly Paragraph[]): { text: string; blocks: SourceBlock[] } {
  const parts: string[] = []
  const blocks: SourceBlock[] = []
  let at = 0
  for (const [i, p] of paragraphs.entries()) {
    if (i > 0) {
      const sep = p.gapBefore ? '\n\n' : '\n'
      parts.push(sep)
      at += sep.length
    }
    for (const piece of p.pieces) {
      if (piece.text === '') continue
      blocks.push({ start: at, end: at + piece.text.length, origin: { page: piece.page } })
      parts.push(piece.text)
      at += piece.text.length
    }
  }
  return { text: parts.join(''), blocks }
}

/** `page 3`, `pages 3, 5 and 7`, `pages 2–9` for long runs. */
function pageList(pages: readonly number[]): string {
  if (pages.length === 1) return `page ${pages[0]}`
  const contiguous = pages.every((p, i) => i === 0 || p === pages[i - 1]! + 1)
  if (contiguous && pages.length > 2) return `pages ${pages[0]}–${pages.at(-1)}`
  if (pages.length > 10) return `${pages.length} pages (${pages.slice(0, 10).join(', ')}, …)`
  return `pages ${pages.slice(0, -1).join(', ')} and ${pages.at(-1)}`
}
