import { fold } from '../../fold.js'
import { endsComplete, endsContinuing, startsBlock } from '../../lineShape.js'
import { linePitch } from './furniture.js'
import { isCjk, isHan, NO_LINE_END, NO_LINE_START } from './script.js'
import type { Paragraph, PdfLine, PdfPage } from './types.js'

/**
 * When a line break ends a paragraph. A printed paragraph fills each line to the right margin
 * but its last; a new one starts on a fresh line, often indented, sometimes after a gap. So the
 * break after line `a` is a paragraph end when the first word (or character) of the next line
 * would have fitted on `a`, when the next line is indented, or after a gap; otherwise `a` was
 * wrapped and the next line — on the next page too — continues it.
 */
export const PARAGRAPH_RULES = {
  /** a vertical gap of this many line pitches (or more) separates paragraphs (a blank line) */
  gap: 1.5,
  /** a line starting this many ems right of the text's left edge is indented */
  indent: 0.5,
  /** slack at the right margin, in ems: justification and hanging punctuation */
  slack: 0.3,
  /** the right margin is the line end this share of the lines reach or fall short of */
  rightQuantile: 0.95,
} as const

/** The text block's edges: the most common line start and the line end nearly all lines reach. */
export interface Margins {
  left: number
  right: number
  pitch: number
  /** the baseline of the first line of most pages: a page starting lower starts after a blank line */
  top: number
}

/** The margins of the body text of a document. */
export function margins(pages: readonly PdfPage[]): Margins {
  const starts = new Map<number, number>()
  const ends: number[] = []
  for (const page of pages) {
    for (const line of page.lines) {
      if (line.text.includes('\t')) continue
      const key = Math.round(line.x0)
      starts.set(key, (starts.get(key) ?? 0) + 1)
      ends.push(line.x1)
    }
  }
  let left = 0
  let most = -1
  for (const [x, n] of starts) if (n > most || (n === most && x < left)) [left, most] = [x, n]
  ends.sort((a, b) => a - b)
  const right = ends[Math.min(ends.length - 1, Math.floor(ends.length * PARAGRAPH_RULES.rightQuantile))] ?? 0
  const tops = pages.flatMap((p) => (p.lines[0] ? [p.lines[0].y] : [])).sort((a, b) => b - a)
  return { left, right, pitch: linePitch(pages), top: tops[Math.floor(tops.length / 2)] ?? 0 }
}

/**
 * How wide the first thing on `line` is that a line break cannot split: opening brackets, a Han
 * character or a run of anything else up to the next Han character or space, and the closing
 * punctuation bound to it (`110、119、`, `（其`, `会）`, `Ukey。`).
 * Measured on the glyphs: each run's advance shared evenly among its characters.
 */
export function firstUnitWidth(line: PdfLine): number {
  const glyphs: Array<{ ch: string; w: number }> = []
  for (const run of line.runs) {
    const chars = [...run.text]
    const per = run.width / Math.max(1, chars.length)
    for (const ch of chars) glyphs.push({ ch, w: per })
    if (glyphs.length > 64) break
  }
  let i = 0
  while (i < glyphs.length && glyphs[i]!.ch.trim() === '') i++
  const start = i
  while (i < glyphs.length && NO_LINE_END.has(glyphs[i]!.ch)) i++
  // a Han character stands alone; anything else runs on to the next Han character or space
  // (line breaking keeps `110、119、120、122` and `2022-06-01` whole)
  if (i < glyphs.length && isHan(glyphs[i]!.ch)) i++
  else while (i < glyphs.length && !isHan(glyphs[i]!.ch) && glyphs[i]!.ch.trim() !== '') i++
  while (i < glyphs.length && NO_LINE_START.has(glyphs[i]!.ch)) i++
  let width = 0
  for (let k = start; k < Math.min(i, glyphs.length); k++) width += glyphs[k]!.w
  return width
}

/**
 * Whether the break between `a` and the next line `b` ends a paragraph.
 * @param samePage - `b` is on `a`'s page (a gap then means a blank line)
 */
export function breaksAfter(a: PdfLine, b: PdfLine, m: Margins, samePage: boolean): 'join' | 'break' | 'gap' {
  if (a.text.includes('\t') || b.text.includes('\t')) return samePage && gapBetween(a, b, m) ? 'gap' : 'break'
  if (samePage && gapBetween(a, b, m)) return 'gap'
  // a page whose text starts lower than the others' starts after a blank line
  if (!samePage && m.top - b.y > 0.8 * Math.max(m.pitch, b.size)) return 'gap'
  if (b.x0 > m.left + PARAGRAPH_RULES.indent * b.size) return 'break'
  if (m.right - a.x1 > firstUnitWidth(b) + PARAGRAPH_RULES.slack * a.size) return 'break'
  // `a` is full: it may still have ended a paragraph right at the margin
  // (across a page break a blank line at the foot of the page leaves no trace: a new block
  // after anything but a continuing end is a new paragraph)
  const before = fold(a.text)
  if (startsBlock(fold(b.text.trim())) && (samePage ? endsComplete(before) : !endsContinuing(before))) return 'break'
  return 'join'
}

function gapBetween(a: PdfLine, b: PdfLine, m: Margins): boolean {
  return a.y - b.y > PARAGRAPH_RULES.gap * Math.max(m.pitch, a.size * 1.15, b.size * 1.15)
}

/** What goes between the two halves of a paragraph wrapped after `before`: a space between Latin words only. */
export function joiner(before: string, after: string): string {
  const a = before.at(-1)
  const b = after.trimStart()[0]
  if (a === undefined || b === undefined || isCjk(a) || isCjk(b) || a === '-' || a === '/') return ''
  return ' '
}

/**
 * Lines of all pages (furniture already set aside) → paragraphs in reading order, paragraphs
 * broken across pages joined.
 */
export function toParagraphs(pages: readonly PdfPage[], m: Margins): Paragraph[] {
  const out: Paragraph[] = []
  let current: Paragraph | null = null
  let prev: PdfLine | null = null
  for (const page of pages) {
    for (const line of page.lines) {
      const decision = prev === null ? 'break' : breaksAfter(prev, line, m, prev.page === line.page)
      if (current !== null && decision === 'join') {
        const last = current.pieces.at(-1)!
        if (last.page === line.page) last.text += joiner(last.text, line.text) + line.text.trimStart()
        else {
          last.text += joiner(last.text, line.text)
          current.pieces.push({ text: line.text.trimStart(), page: line.page })
        }
      } else {
        current = { pieces: [{ text: line.text.trimStart(), page: line.page }], gapBefore: decision === 'gap' }
        out.push(current)
      }
      prev = line
    }
  }
  return out
}
