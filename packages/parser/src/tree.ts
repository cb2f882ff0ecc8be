import type {
  Aside,
  Diagnostic,
  Footnote,
  NormalizedText,
  Part,
  PolicyDocument,
  Section,
  Table,
  TocEntry,
} from '@policykb/model'
import type { Root } from 'mdast'
import { parseTocEntry } from './furniture.js'
import { type TextLine, toLines } from './lines.js'
import { type Metadata, readMetadata } from './metadata.js'
import type { NormalizeExtras } from './normalize.js'
import { buildOutline, type OutlineNode } from './outline.js'
import { findParts } from './parts.js'
import { lineOfSource, makeSpan } from './spans.js'
import { specialtyOfTitle } from './specialty.js'
import { findTables } from './tables.js'

/** A part of the document with its outline. */
export interface PartNode {
  attachment: number | null
  title: string | null
  titleLine: TextLine | null
  specialty: string | null
  /** the covering notice of a bundle: holds no measures unless units are assigned in it */
  isNotice: boolean
  /** lines that are about the part rather than in it: its title, an `附件 N` marker, the notice's attachment list */
  metaLines: TextLine[]
  lines: TextLine[]
  root: OutlineNode
  start: number
  end: number
}

/** The output of {@link toPolicyTree}: the document model plus the outline measures are read from. */
export interface PolicyTree {
  normalized: NormalizedText
  document: PolicyDocument
  parts: PartNode[]
  metadata: Metadata
  diagnostics: Diagnostic[]
}

/** Options of {@link toPolicyTree}. */
export interface PolicyTreeOptions {
  /** file name put on diagnostics */
  file?: string
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '')

/**
 * Build the policy tree: parts (covering notice and attachments), each with its outline of
 * numbered sections, tables, and the document's metadata. Never throws; oddities come back as
 * diagnostics.
 *
 * @param n - the normalised text (with the extras `normalize` returns); not mutated
 * @param mdast - `fromMarkdown(n)`
 */
export function toPolicyTree(n: NormalizedText & { extras?: NormalizeExtras }, mdast: Root, options: PolicyTreeOptions = {}): PolicyTree {
  const diagnostics: Diagnostic[] = []
  const file = options.file === undefined ? {} : { file: options.file }
  const lines = toLines(n, mdast)

  const asides: Aside[] = []
  const toc: TocEntry[] = []
  const sourceOf = (start: number, end: number) => ({
    start,
    end,
    line: lineOfSource(n, start),
    endLine: lineOfSource(n, Math.max(start, end - 1)),
  })
  for (const r of n.removals) {
    if (r.kind !== 'page-header' && r.kind !== 'chrome' && r.kind !== 'toc') continue
    const text = sourceText(n, r.start, r.end)
    if (r.kind === 'toc') {
      const entry = parseTocEntry(text.trim())
      if (!/^目\s*录$/.test(entry.title)) toc.push({ ...entry, source: sourceOf(r.start, r.end) })
    }
    asides.push({ kind: r.kind, text, source: sourceOf(r.start, r.end) })
  }
  const footnotes: Footnote[] = (n.extras?.footnotes ?? []).map((f) => {
    const text = [sourceText(n, f.start, f.end), ...f.more.map(([a, b]) => sourceText(n, a, b))].join('')
    const marker = /^\S+/.exec(text)?.[0] ?? f.marker
    return {
      marker: f.marker,
      text: text.slice(marker.length).trim(),
      source: sourceOf(f.start, f.more.at(-1)?.[1] ?? f.end),
      anchor: null,
    }
  })

  const metadata = readMetadata(
    lines,
    asides.map((a) => a.text),
    n.folded,
  )
  const { parts: boundaries, refs, listLines } = findParts(lines)
  const isBundle = boundaries.length > 1
  const parts: PartNode[] = []
  const tables: Table[] = []
  boundaries.forEach((b, i) => {
    const next = boundaries[i + 1]
    const partLines = lines.slice(b.startLine, next ? next.startLine : lines.length)
    // the title, an `附件 N` marker and the notice's list of attachments are metadata, not outline
    const isMeta = (l: TextLine) =>
      l === b.titleLine || listLines.has(l.index) || (b.attachment !== null && /^附件\s*\d+\s*$/.test(squeeze(l.folded)))
    const bodyLines = partLines.filter((l) => !isMeta(l))
    const found = findTables(n, bodyLines, b.attachment)
    tables.push(...found.tables)
    const outlineLines = bodyLines.filter((l) => !found.consumed.has(l.index))
    const isNotice = isBundle && b.attachment === null
    const titleText = b.titleLine ? b.titleLine.text.trim() : isBundle ? null : metadata.title
    const listed = b.listedTitle
    if (listed && titleText && squeeze(listed) !== squeeze(titleText)) {
      diagnostics.push({
        ruleId: 'part-title-mismatch',
        severity: 'warning',
        reason: `附件${b.attachment} is listed as “${listed}” but titled “${titleText}”; the listed title names its specialty`,
        span: makeSpan(n, b.titleLine!.contentStart, b.titleLine!.end),
        ...file,
      })
    }
    const specialty = specialtyOfTitle(listed ?? titleText ?? '')
    const start = partLines[0]?.start ?? 0
    const end = partLines.at(-1)?.end ?? start
    parts.push({
      attachment: b.attachment,
      title: titleText,
      titleLine: b.titleLine,
      specialty,
      isNotice,
      metaLines: partLines.filter((l) => isMeta(l) && l.text.trim() !== ''),
      lines: outlineLines,
      root: buildOutline(outlineLines, isNotice ? 'other' : 'task'),
      start,
      end,
    })
  })

  const document: PolicyDocument = {
    title: metadata.title,
    issuer: metadata.issuer,
    docNumber: metadata.docNumber,
    date: metadata.date,
    kind: metadata.kind,
    attachments: refs,
    parts: parts.map((p) => toPart(n, p)),
    tables,
    toc,
    footnotes,
    asides,
  }
  return { normalized: n, document, parts, metadata, diagnostics }
}

function sourceText(n: NormalizedText & { extras?: NormalizeExtras }, start: number, end: number): string {
  return n.extras?.source.slice(start, end) ?? ''
}

/** Offset just past the last text of a node and its descendants. */
export function nodeEnd(node: OutlineNode): number {
  let end = node.line?.end ?? 0
  for (const c of node.content) {
    const e = c.kind === 'child' ? nodeEnd(c.node) : c.kind === 'paragraph' ? c.line.end : c.lines.at(-1)!.end
    if (e > end) end = e
  }
  return end
}

/** Text of a node's title. */
export function titleText(n: NormalizedText, node: OutlineNode): string | null {
  return node.title ? n.text.slice(node.title.start, node.title.end) : null
}

function toSection(n: NormalizedText, node: OutlineNode): Section {
  const line = node.line!
  const headingStart = node.title?.start ?? line.contentStart + (node.numbering?.length ?? 0)
  const headingEnd = node.title?.end ?? headingStart
  return {
    level: node.depth,
    numbering: node.numbering,
    style: node.style,
    heading: n.text.slice(headingStart, headingEnd),
    headingSpan: makeSpan(n, headingStart, headingEnd),
    span: makeSpan(n, line.start, Math.max(line.start, nodeEnd(node))),
    role: node.role,
    children: node.children.map((c) => toSection(n, c)),
  }
}

function toPart(n: NormalizedText, p: PartNode): Part {
  return {
    attachment: p.attachment,
    title: p.title,
    titleSpan: p.titleLine ? makeSpan(n, p.titleLine.contentStart, p.titleLine.end) : null,
    specialty: p.specialty,
    span: makeSpan(n, p.start, p.end),
    sections: p.root.children.map((c) => toSection(n, c)),
  }
}
