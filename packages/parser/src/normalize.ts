import { type NormalizedText, type Removal, RemovalKind, type Segment } from '@policykb/model'
import { fold } from './fold.js'
import { endsComplete, endsContinuing, hasCellTab, isHeadingLike, isTableLine, startsBlock, startsWithFragment } from './lineShape.js'
import { breaksParagraph, isHtml, leadingMargin, tagRanges, trailingMargin, withoutTags } from './html.js'
import { startsWithLabel } from './labels.js'
import { classifyFurniture, FOOTNOTE_LINE, SUPERSCRIPT_DIGITS, superscriptValue } from './furniture.js'

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  /** Re-join paragraphs broken by page breaks. Default `true`. */
  joinPageBreaks?: boolean
}

const KINDS: readonly RemovalKind[] = RemovalKind.options
const KEEP = 0
const code = (kind: RemovalKind) => KINDS.indexOf(kind) + 1

const LEADING_SPACE = /^[ \u3000\u00a0\ufeff]+/
// A run before `$` is matched only from where the run starts (the lookbehind): without it the
// search restarts inside every run of spaces in the line and is quadratic in the run's length.
const TRAILING_SPACE = /(?<![ \u3000\u00a0])[ \u3000\u00a0]+$/
/** Leading and trailing whitespace counting tabs, for lines whose tabs separate no cells. */
const LEADING_WHITE = /^[ \t\u3000\u00a0\ufeff]+/
const TRAILING_WHITE = /(?<![ \t\u3000\u00a0])[ \t\u3000\u00a0]+$/

/**
 * How much of `raw` is indentation before and trailing space after the content. A tab is a cell
 * separator only between two non-empty cells: text copied from web pages and word processors
 * indents with `\t　　`, and such a tab is indentation like the spaces around it. When the line
 * does hold a separator, it is a table row and its outer tabs are empty cells, kept.
 */
function margins(raw: string, html: boolean): { lead: number; trail: number } {
  if (html) {
    // tags at either end are margin like the spaces around them (the tags become markup later)
    if (withoutTags(raw).trim() === '') return { lead: raw.length, trail: 0 }
    const lead = leadingMargin(raw)
    return { lead, trail: trailingMargin(raw.slice(lead)) }
  }
  if (raw.trim() === '') return { lead: raw.length, trail: 0 }
  const lead = LEADING_WHITE.exec(raw)?.[0].length ?? 0
  const trail = TRAILING_WHITE.exec(raw)?.[0].length ?? 0
  if (!hasCellTab(fold(raw.slice(lead, raw.length - trail)))) return { lead, trail }
  const spaceLead = LEADING_SPACE.exec(raw)?.[0].length ?? 0
  return { lead: spaceLead, trail: raw.length > spaceLead ? (TRAILING_SPACE.exec(raw)?.[0].length ?? 0) : 0 }
}

/** A physical line of the original text. */
interface Line {
  /** offset of the first character */
  start: number
  /** offset of the line terminator (or end of text) */
  end: number
  /** trimmed content range */
  cs: number
  ce: number
  /** trimmed content, folded, `**` removed: what shape tests look at */
  shape: string
  /** the content was wrapped in `**…**` (a bold heading) */
  bold: boolean
  /** what the line is: running content, or furniture to set aside */
  role: 'content' | 'blank' | RemovalKind
}

/** A footnote found while normalising, before it is attached to the document. */
export interface FootnoteDraft {
  marker: string
  start: number
  end: number
  /** further original ranges holding the rest of its text (continued on the next page) */
  more: Array<[number, number]>
}

/** What {@link normalize} found besides the text: footnotes and the table of contents lines. */
export interface NormalizeExtras {
  /** the original text, for reading what was set aside */
  source: string
  footnotes: FootnoteDraft[]
  /** footnote markers removed from the running text: original offset and marker value */
  markers: Array<{ source: number; value: number; text: string }>
}

/**
 * Turn decoded text into running text: page breaks inside paragraphs re-joined, page headers,
 * footers, web chrome, tables of contents and footnotes set aside, emphasis markup dropped.
 * Nothing is lost: every original character is either copied (see `segments`) or listed in
 * `removals` with the reason. Characters are never rewritten in `text`; `folded` holds the
 * width-folded twin used for matching. Lines end at LF, CRLF or a lone CR; every CR is a `cr`
 * removal, and a line break kept at a lone CR is a `\n` of `text` that no segment covers.
 *
 * @param source - decoded text (a leading BOM is recorded and dropped); not mutated
 * @param options - see {@link NormalizeOptions}
 * @returns the normalised text and what was set aside
 */
export function normalize(source: string, options: NormalizeOptions = {}): NormalizedText & { extras: NormalizeExtras } {
  const joinPageBreaks = options.joinPageBreaks ?? true
  const kind = new Uint8Array(source.length)
  const mark = (from: number, to: number, k: RemovalKind) => kind.fill(code(k), from, to)

  if (source.charCodeAt(0) === 0xfeff) mark(0, 1, 'bom')
  const html = isHtml(source)
  // a CR not followed by LF (old Mac files, or mixed with CRLF) ends a line like LF does
  const loneCr = new Set<number>()
  const lines = splitLines(source, mark, html, loneCr)
  const lineStarts = lines.map((l) => l.start)

  classifyLines(lines)
  const extras: NormalizeExtras = { source, footnotes: [], markers: [] }
  collectFootnotes(lines, source, extras)
  removeInterruptingHeaders(lines)
  if (joinPageBreaks) resolvePendingFootnotes(lines, extras)

  for (const line of lines) {
    if (line.role !== 'content' && line.role !== 'blank') mark(line.cs, line.ce, line.role)
  }
  const breaks = markSeparators(lines, kind, mark, joinPageBreaks, html ? source : null, loneCr)
  markEmphasis(lines, source, mark)
  markSpacing(lines, source, mark)
  markFootnoteMarkers(lines, source, kind, mark, extras)
  if (html) for (const [a, b] of tagRanges(source)) mark(a, b, 'markup')

  return { ...build(source, kind, breaks), lineStarts, extras }
}

function splitLines(source: string, mark: (a: number, b: number, k: RemovalKind) => void, html: boolean, loneCr: Set<number>): Line[] {
  const lines: Line[] = []
  let start = 0
  const n = source.length
  while (start <= n) {
    let end = start
    while (end < n && source[end] !== '\n' && source[end] !== '\r') end++
    let next = end
    if (source[end] === '\r') {
      mark(end, end + 1, 'cr')
      next = end + 1
      if (source[next] === '\n') next++
      else loneCr.add(end)
    } else if (source[end] === '\n') next = end + 1
    const bomOffset = start === 0 && source.charCodeAt(0) === 0xfeff ? 1 : 0
    const raw = source.slice(start + bomOffset, end)
    // a line of nothing but spaces and tabs is blank, whatever tabs mean elsewhere
    const { lead, trail } = margins(raw, html)
    const cs = start + bomOffset + lead
    const ce = Math.max(cs, end - trail)
    if (lead) mark(start + bomOffset, cs, lead === raw.length ? 'blank' : 'indent')
    if (trail && ce < end) mark(ce, end, 'trailing-space')
    const content = source.slice(cs, ce)
    const folded = fold(html ? withoutTags(content) : content)
    const bold = /^\*\*.+\*\*$/.test(folded) && !folded.slice(2, -2).includes('**')
    lines.push({
      start,
      end,
      cs,
      ce,
      shape: folded.replaceAll('**', ''),
      bold,
      role: ce > cs ? 'content' : 'blank',
    })
    if (next === end) break
    start = next
  }
  return lines
}

function classifyLines(lines: Line[]): void {
  let inToc = false
  for (const line of lines) {
    if (line.role === 'blank') continue
    const furniture = classifyFurniture(line.shape, inToc)
    if (furniture === 'toc-start') {
      inToc = true
      line.role = 'toc'
      continue
    }
    if (furniture === 'toc') {
      line.role = 'toc'
      continue
    }
    inToc = false
    if (furniture === 'chrome') line.role = 'chrome'
    else if (furniture === 'page-number') line.role = 'page-header'
  }
}

function collectFootnotes(lines: Line[], source: string, extras: NormalizeExtras): void {
  // A footnote line is numbered with a marker that already appeared as a superscript in the text.
  const seen = new Set<number>()
  for (const line of lines) {
    if (line.role !== 'content') continue
    const m = FOOTNOTE_LINE.exec(line.shape)
    if (m) {
      const value = superscriptValue(m[1]!)
      if (seen.has(value)) {
        line.role = 'footnote'
        extras.footnotes.push({ marker: m[1]!, start: line.cs, end: line.ce, more: [] })
        continue
      }
    }
    const text = source.slice(line.cs, line.ce)
    for (const sup of text.matchAll(SUPERSCRIPT_RUN)) seen.add(superscriptValue(sup[0]))
  }
}

const SUPERSCRIPT_RUN = new RegExp(`[${SUPERSCRIPT_DIGITS}]+`, 'g')

function nextContent(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i]!.role === 'content') return i
  return -1
}
function prevContent(lines: Line[], from: number): number {
  for (let i = from; i >= 0; i--) if (lines[i]!.role === 'content') return i
  return -1
}

/** A line that would continue the text of `a`. */
function continues(a: Line, b: Line): boolean {
  if (startsWithFragment(b.shape)) return true
  if (isTableLine(a.shape) || isTableLine(b.shape)) return false
  if (startsBlock(b.shape)) return endsContinuing(a.shape)
  return true
}

/** `a` stops short: it neither ends a sentence nor stands alone as a heading or a label line. */
function brokenOff(a: Line): boolean {
  if (isTableLine(a.shape)) return false
  if (endsContinuing(a.shape)) return true
  if (endsComplete(a.shape) || isHeadingLike(a.shape, a.bold)) return false
  if (startsWithLabel(a.shape)) return false
  return true
}

/** The break between `a` and `b` is a page break inside a paragraph (or inside a unit name). */
function joins(a: Line, b: Line): boolean {
  if (brokenOff(a)) return continues(a, b)
  // A label line ends wherever its list ends, unless what follows is the rest of a name or of
  // the list: a short line that is no new block and ends like a unit list does.
  if (endsComplete(a.shape) || isTableLine(a.shape) || isTableLine(b.shape)) return false
  return startsWithFragment(b.shape) || (startsWithLabel(a.shape) && endsLikeUnitList(b.shape))
}

const UNIT_LIST_END = /(局|委|办|院|中心|公司|支行|分局|政府|管委会|单位|部门|负责|落实|配合|牵头)）?$/

/** A short line that ends the way a unit list ends (`区内供水企业落实`, `信息化局、市公安局`). */
function endsLikeUnitList(line: string): boolean {
  return line.length <= 30 && !startsBlock(line) && !/[。！？；]/.test(line) && UNIT_LIST_END.test(line)
}

/**
 * A page header printed in the middle of a sentence (`# 市委办公室…` between `整合规` and `范为`),
 * a running header repeated on several pages, or a page number: set aside when it interrupts
 * text that continues across it.
 */
function removeInterruptingHeaders(lines: Line[]): void {
  const counts = new Map<string, number>()
  for (const l of lines) if (l.role === 'content') counts.set(l.shape, (counts.get(l.shape) ?? 0) + 1)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.role !== 'content') continue
    const headerLike =
      /^#{1,6}\s/.test(line.shape) ||
      /^\d{1,3}$/.test(line.shape) ||
      ((counts.get(line.shape) ?? 0) > 1 && line.shape.length <= 40 && !startsBlock(line.shape))
    if (!headerLike) continue
    const a = prevContent(lines, i - 1)
    const b = nextContent(lines, i + 1)
    if (a < 0 || b < 0) continue
    if (brokenOff(lines[a]!) && continues(lines[a]!, lines[b]!)) {
      line.role = 'page-header'
    }
  }
}

/**
 * A footnote cut off at the bottom of a page continues at the bottom of the next one, where it
 * sits between two halves of a body paragraph: `…建设方` / `以原始…为准。` / `要提前通知…`.
 * When a footnote is pending and a complete line sits between a broken paragraph and its
 * continuation, the line is the rest of the footnote.
 */
function resolvePendingFootnotes(lines: Line[], extras: NormalizeExtras): void {
  let pending: FootnoteDraft | null = null
  let pendingLine = -1
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.role === 'footnote') {
      const draft: FootnoteDraft | undefined = extras.footnotes.find((f) => f.start === line.cs)
      pending = draft && !endsComplete(line.shape) ? draft : null
      pendingLine = i
      continue
    }
    if (!pending || line.role !== 'content') continue
    if (i - pendingLine > 60) {
      pending = null
      continue
    }
    const b = nextContent(lines, i + 1)
    const c = b < 0 ? -1 : nextContent(lines, b + 1)
    if (b < 0 || c < 0) continue
    const [A, B, C] = [line, lines[b]!, lines[c]!]
    if (
      brokenOff(A) &&
      !startsBlock(B.shape) &&
      !startsWithFragment(B.shape) &&
      endsComplete(B.shape) &&
      continues(A, C) &&
      !startsBlock(C.shape)
    ) {
      B.role = 'footnote'
      pending.more.push([B.cs, B.ce])
      pending = null
    }
  }
}

/**
 * Decide, for each pair of consecutive content lines, whether the break between them is a page
 * break inside a paragraph (removed as `join`) or a real one (one newline kept, two where the
 * original had a blank line, so Markdown sees the same blocks). A lone CR stays a `cr` removal
 * whatever is decided; where its break is kept, `text` gets a `\n` for it.
 *
 * @returns the lone CRs whose line break is kept
 */
function markSeparators(
  lines: Line[],
  kind: Uint8Array,
  mark: (a: number, b: number, k: RemovalKind) => void,
  joinPageBreaks: boolean,
  /** the source when it is HTML: a paragraph tag between two lines keeps them apart */
  html: string | null,
  /** offsets of CRs not followed by LF: line terminators already marked `cr` */
  loneCr: Set<number>,
): Set<number> {
  const breaks = new Set<number>()
  const drop = (p: number, k: RemovalKind) => {
    if (!loneCr.has(p)) mark(p, p + 1, k)
  }
  let prev = -1
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i]
    if (line && line.role !== 'content') continue
    const gapStart = prev < 0 ? 0 : lines[prev]!.ce
    const gapEnd = line ? line.cs : kind.length
    // What is still unmarked in a gap is line terminators.
    const free: number[] = []
    for (let p = gapStart; p < gapEnd; p++) if (kind[p] === KEEP || loneCr.has(p)) free.push(p)
    if (prev < 0 || !line) {
      for (const p of free) drop(p, 'blank')
    } else if (joinPageBreaks && !(html !== null && breaksParagraph(html.slice(lines[prev]!.ce, line.cs))) && joins(lines[prev]!, line)) {
      for (const p of free) drop(p, 'join')
    } else {
      let blankLine = false
      for (let j = prev + 1; j < i; j++) if (lines[j]!.role === 'blank') blankLine = true
      const keep = new Set([free[0], blankLine ? free.at(-1) : undefined])
      for (const p of free) {
        if (!keep.has(p)) drop(p, 'blank')
        else if (loneCr.has(p)) breaks.add(p)
      }
    }
    prev = i
  }
  return breaks
}

/** `**bold**` markers of republished web pages carry no meaning a numbering does not already give. */
function markEmphasis(lines: Line[], source: string, mark: (a: number, b: number, k: RemovalKind) => void): void {
  for (const line of lines) {
    if (line.role !== 'content') continue
    const text = source.slice(line.cs, line.ce)
    const re = /\*\*(?=\S)([^*]*?\S)\*\*/g
    for (const m of text.matchAll(re)) {
      const at = line.cs + m.index
      mark(at, at + 2, 'markup')
      mark(at + m[0].length - 2, at + m[0].length, 'markup')
    }
  }
}

/**
 * One space between a digit and a Chinese character (`2022 年 6 月`, `5 个工作日`) is typesetting
 * — Word spaces Latin runs from CJK, and PDF extraction writes that space out — not text; without
 * it, `2022年6月` finds what the document prints as `2022 年 6 月`. Two or more spaces may
 * separate columns and are kept.
 */
const TYPESET_SPACE = /(?<=[0-9０-９])\u0020(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\u0020(?=[0-9０-９])/g

function markSpacing(lines: Line[], source: string, mark: (a: number, b: number, k: RemovalKind) => void): void {
  for (const line of lines) {
    if (line.role !== 'content') continue
    const text = source.slice(line.cs, line.ce)
    for (const m of text.matchAll(TYPESET_SPACE)) mark(line.cs + m.index, line.cs + m.index + 1, 'spacing')
  }
}

/** Superscript footnote markers (¹ ² ¹⁰) after a word are taken out of the running text. */
function markFootnoteMarkers(
  lines: Line[],
  source: string,
  kind: Uint8Array,
  mark: (a: number, b: number, k: RemovalKind) => void,
  extras: NormalizeExtras,
): void {
  for (const line of lines) {
    if (line.role !== 'content') continue
    const text = source.slice(line.cs, line.ce)
    for (const m of text.matchAll(SUPERSCRIPT_RUN)) {
      const before = text[m.index - 1] ?? ''
      // m², 10³ are units and powers, not markers.
      if (!before || /[A-Za-z0-9]/.test(before)) continue
      const at = line.cs + m.index
      if (kind[at] !== KEEP) continue
      mark(at, at + m[0].length, 'footnote-marker')
      extras.markers.push({ source: at, value: superscriptValue(m[0]), text: m[0] })
    }
  }
}

/**
 * Copy the kept runs into the text, list the rest as removals. A lone CR whose line break is
 * kept (`breaks`) is a `cr` removal like any CR, and the text gets the `\n` it stands for: a
 * character of `text` in no segment.
 */
function build(source: string, kind: Uint8Array, breaks: Set<number>): Omit<NormalizedText, 'lineStarts'> {
  const segments: Segment[] = []
  const removals: Removal[] = []
  let text = ''
  let p = 0
  const CR = code('cr')
  while (p < source.length) {
    const k = kind[p]!
    let q = p + 1
    while (q < source.length && kind[q] === k) q++
    if (k === KEEP) {
      segments.push({ start: text.length, source: p, length: q - p })
      text += source.slice(p, q)
    } else {
      removals.push({ kind: KINDS[k - 1]!, start: p, end: q })
      if (k === CR && breaks.size > 0) for (let c = p; c < q; c++) if (breaks.has(c)) text += '\n'
    }
    p = q
  }
  return { text, folded: fold(text), segments, removals, originalLength: source.length }
}

