import type { Origin, PolicyDocument, SourceBlock, SourceMetadata, SourceText, Span } from '@policykb/model'
import { parseDeadline } from './deadline.js'
import { type ParseOptions, type ParseOutput, parse } from './parse.js'
import { toSourceOffset } from './spans.js'

/** What {@link parseSource} returns: {@link ParseOutput}, spans with their origin, and the source. */
export type ParseSourceOutput = ParseOutput & { source: SourceText }

/**
 * Parse what a reader returned: `parse(source.text)`, then
 *
 * - every span of the result (document, parts, sections, tables, measures, units, deadlines,
 *   responsibility entries, diagnostics) gets `origin`: its start, mapped from the normalised
 *   text back to the source text, falls in a block of `source.blocks` (the page, paragraph, table
 *   cell or element it was read from); a start between two blocks (a line break the reader wrote)
 *   takes the next block. Plain text has no blocks, and its spans stay as `parse` gives them.
 * - the document's title, 文号, issuer and date come from the text; where the text gives none,
 *   the source's metadata fills them (`title`, `docNumber`, `issuer`, and the date from
 *   `written`, else `published`). The text wins: it is the document, and metadata tables are
 *   sometimes filled in by a website's editors, not by the issuing office.
 *
 * Never throws; the source is not mutated.
 *
 * @param source - a reader's output (see `read`)
 * @param options - see {@link ParseOptions}
 */
export function parseSource(source: SourceText, options: ParseOptions = {}): ParseSourceOutput {
  const out = parse(source.text, options)
  const document = fillFromMetadata(out.document, source.metadata)
  if (source.blocks.length === 0) return { ...out, document, source }
  const starts = Int32Array.from(source.blocks, (b) => b.start)
  const origin = (span: Span): Origin => blockAt(source.blocks, starts, toSourceOffset(out.normalized, span.start)).origin
  return {
    ...out,
    document: withOrigins(document, origin),
    measures: withOrigins(out.measures, origin),
    diagnostics: withOrigins(out.diagnostics, origin),
    source,
  }
}

/** The block holding a source offset; one in a gap between blocks takes the next (the last at the end). */
function blockAt(blocks: readonly SourceBlock[], starts: Int32Array, offset: number): SourceBlock {
  let lo = 0
  let hi = starts.length - 1
  let at = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (starts[mid]! <= offset) {
      at = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  if (at < 0) return blocks[0]!
  const block = blocks[at]!
  return offset < block.end || at === blocks.length - 1 ? block : blocks[at + 1]!
}

/** A span: offsets into the normalised text and original lines (a `SourceRange` of the original is under `source`). */
const isSpan = (value: Record<string, unknown>) =>
  typeof value['start'] === 'number' && typeof value['end'] === 'number' && typeof value['line'] === 'number' && typeof value['endLine'] === 'number'

/**
 * A copy of `value` with `origin` on every span in it, found by shape so that a span added to the
 * model later gets one too. `SourceRange`s (what normalisation set aside, under the key `source`)
 * point into the original text, not the normalised one, and are left as they are.
 */
function withOrigins<T>(value: T, origin: (span: Span) => Origin): T {
  const visit = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => visit(x, key))
    if (v === null || typeof v !== 'object') return v
    const record = v as Record<string, unknown>
    if (key !== 'source' && isSpan(record)) return { ...record, origin: origin(record as unknown as Span) }
    const copy: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(record)) copy[k] = visit(x, k)
    return copy
  }
  return visit(value, '') as T
}

/** The document with the fields its text lacks taken from the source's metadata. */
function fillFromMetadata(document: PolicyDocument, metadata: SourceMetadata): PolicyDocument {
  const date = isoDate(metadata.written) ?? isoDate(metadata.published)
  return {
    ...document,
    title: document.title ?? metadata.title ?? null,
    docNumber: document.docNumber ?? metadata.docNumber ?? null,
    issuer: document.issuer ?? metadata.issuer ?? null,
    date: document.date ?? date,
  }
}

/** A metadata date as ISO: `2018年12月11日` (read by the one date parser, parseDeadline) or `2018-12-11`. */
function isoDate(text: string | undefined): string | null {
  if (text === undefined) return null
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim())
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`
  const d = parseDeadline(text)
  return d.kind === 'date' && /日/.test(text) ? d.date : null
}
