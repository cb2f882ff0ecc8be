import type { NumberingStyle, SectionRole } from '@policykb/model'
import { findLabels, startsWithLabel } from './labels.js'
import type { TextLine } from './lines.js'
import { isBoxMarker, subheadingTitle } from './lineShape.js'
import { matchNumbering } from './numbering.js'
import { parseInlineResponsibility } from './responsibility.js'
import { isGenericHeading, roleOfHeading } from './roles.js'

/** Depth order of numbering in a 公文 (GB/T 9704): 第X章 > 第X节 > 一、 > （一） > 1. > （1） > ①. */
export const RANK: Record<NumberingStyle, number> = {
  attachment: 0,
  markdown: 1,
  chapter: 2,
  section: 3,
  article: 4,
  cn: 5,
  'cn-paren': 6,
  arabic: 7,
  'arabic-paren': 8,
  circled: 9,
  none: 10,
}

/** What sits in a node, in document order. */
export type Content =
  | { kind: 'paragraph'; line: TextLine }
  | { kind: 'labels'; lines: TextLine[] }
  | { kind: 'child'; node: OutlineNode }

/** A heading or numbered item and what belongs to it. */
export interface OutlineNode {
  style: NumberingStyle
  rank: number
  /** numbering as written, e.g. `（一）` */
  numbering: string | null
  /** the heading line; null for a part's root */
  line: TextLine | null
  /** absolute offsets of the title (heading text without numbering and final 。) */
  title: { start: number; end: number } | null
  /** absolute offset where running text begins on the heading line itself, null when none */
  bodyStart: number | null
  ownRole: SectionRole | null
  role: SectionRole
  content: Content[]
  children: OutlineNode[]
  parent: OutlineNode | null
  /** 0 for a part root, 1 for its top-level sections */
  depth: number
  /**
   * absolute offsets of the title of an unnumbered heading line above the node, between it and
   * its parent (`（一）做强增长引擎` / `加强交通建设` / `1.…`, or `专栏3-1 建设数据底座` / `1.…`): the
   * area of work the node falls under; null when none
   */
  subheading: { start: number; end: number } | null
}

const SENTENCE_END = /[。！？]/

/**
 * Split a numbered line into numbering, title and body: `1.完善组织架构。依托…` → title
 * 完善组织架构, body from 依托. A line without a sentence end is all title; a first sentence
 * longer than 50 characters is body without a title.
 */
export function splitHeading(line: TextLine, markerLength: number): Pick<OutlineNode, 'title' | 'bodyStart'> {
  const from = line.contentStart + markerLength
  const rest = line.folded.slice(markerLength)
  const end = rest.search(SENTENCE_END)
  if (end < 0) {
    const t = rest.replace(/(?<![；：\s])[；：\s]+$/, '')
    return t.length > 0 && t.length <= 80 ? { title: { start: from, end: from + t.length }, bodyStart: null } : { title: null, bodyStart: from }
  }
  let after = end + 1
  while (after < rest.length && /[\s”’]/.test(rest[after]!)) after++
  const hasBody = after < rest.length
  if (end > 50) return { title: null, bodyStart: from }
  return { title: { start: from, end: from + end }, bodyStart: hasBody ? from + after : null }
}

/**
 * A heading written with its units (`一、强化科技创新（区科技局牵头）`): the statement is not part of
 * the title. The measures below are given its units (measures.ts).
 */
function withoutStatement(line: TextLine, split: Pick<OutlineNode, 'title' | 'bodyStart'>): Pick<OutlineNode, 'title' | 'bodyStart'> {
  const title = split.title
  if (!title || split.bodyStart !== null) return split
  const draft = parseInlineResponsibility({ text: line.text, folded: line.folded, start: line.contentStart })
  if (!draft || draft.start <= title.start || draft.start >= title.end) return split
  let end = draft.start
  while (end > title.start && /[\s，；。]/.test(line.folded[end - 1 - line.contentStart]!)) end--
  return end > title.start ? { title: { start: title.start, end }, bodyStart: null } : split
}

/** A line of a responsibility block: it starts with a label, or holds several run together. */
export function isLabelLine(line: TextLine): boolean {
  if (startsWithLabel(line.folded)) return true
  const labels = findLabels(line.folded)
  return labels.length >= 2 && labels[0]!.start <= 2
}

/**
 * Whether a line is nothing but a responsibility statement in brackets, `（责任单位：…）`: it
 * closes the text above it rather than starting a text of its own.
 */
export function isStatementLine(line: TextLine): boolean {
  const draft = parseInlineResponsibility({ text: line.text, folded: line.folded, start: line.contentStart })
  return draft !== null && line.folded.slice(0, draft.start - line.contentStart).trim() === ''
}

/**
 * A paragraph holding a run of items (`（1）…。（2）…`, `…现提出以下意见。1.…。2.…`) split into one
 * line per item, so each item is read as if it started a line. A marker opens an item only
 * after `。`/`；`/`）` and only as part of a sequence of at least two consecutive values — the
 * line's own marker counts — so `2.43亿元` or a lone cross-reference never splits; `N.` directly
 * before digits opens one only right after a closing `）`. Each piece
 * is a slice of the line: offsets stay exact.
 */
export function splitRunOnItems(line: TextLine): TextLine[] {
  if (line.headingDepth > 0) return [line]
  const f = line.folded
  const own = matchNumbering(f)
  const found: Array<{ at: number; style: NumberingStyle; value: number }> = []
  for (let i = 1; i < f.length; i++) {
    if (!/[。；）]/.test(f[i - 1]!)) continue
    const rest = f.slice(i)
    // after a closing statement `）` a new item starts even when digits follow its dot
    // (`…（牵头单位：市教育局）11.365育才项目`); whether it continues the run is checked below
    const m = matchNumbering(rest, f[i - 1] === '）' ? Number(/^\d{1,3}(?=\.\d)/.exec(rest)?.[0]) : undefined)
    if (m) found.push({ at: i, style: m.style, value: m.value })
  }
  // keep the markers that continue a sequence: each the next value of the one before it
  const cuts: number[] = []
  const last = new Map<NumberingStyle, { value: number; at: number; pending: boolean }>()
  if (own) last.set(own.style, { value: own.value, at: 0, pending: false })
  for (const m of found) {
    const prev = last.get(m.style)
    if (prev && m.value === prev.value + 1) {
      if (prev.pending) cuts.push(prev.at)
      cuts.push(m.at)
      last.set(m.style, { value: m.value, at: m.at, pending: false })
    } else if (m.value === 1) last.set(m.style, { value: 1, at: m.at, pending: true })
  }
  if (cuts.length === 0) return [line]
  return cutLine(line, cuts)
}

/** Cut a line at the given offsets into its content; each piece is a slice of it. */
function cutLine(line: TextLine, cuts: number[]): TextLine[] {
  const f = line.folded
  cuts.sort((a, b) => a - b)
  const bounds = [0, ...cuts, f.length]
  const pieces: TextLine[] = []
  for (let k = 0; k + 1 < bounds.length; k++) {
    const a = bounds[k]!
    const b = bounds[k + 1]!
    pieces.push({
      ...line,
      start: k === 0 ? line.start : line.contentStart + a,
      contentStart: line.contentStart + a,
      end: line.contentStart + b,
      text: line.text.slice(a, b),
      folded: f.slice(a, b),
      bullet: k === 0 && line.bullet,
    })
  }
  return pieces
}

/**
 * A heading line run on after the statement closing the item above it (`…（牵头单位：区交通局）推动
 * 产业升级`, where a page break was read as a paragraph continuing), when a numbered line follows:
 * cut off, to be read as the heading it is.
 */
function splitRunOnHeading(line: TextLine, next: TextLine | undefined): TextLine[] {
  if (!next || !matchNumbering(next.folded)) return [line]
  const f = line.folded
  const close = f.lastIndexOf('）')
  if (close < 0 || close === f.length - 1) return [line]
  const tail = f.slice(close + 1)
  if (!subheadingTitle(tail.trim())) return [line]
  const head = { text: line.text.slice(0, close + 1), folded: f.slice(0, close + 1), start: line.contentStart }
  const statement = parseInlineResponsibility(head)
  if (!statement || statement.end !== line.contentStart + close + 1) return [line]
  return cutLine(line, [close + 1 + (tail.length - tail.trimStart().length)])
}

/**
 * An unnumbered line heading the numbered items right after it (`加强交通建设`, `专栏3-1 建设数据
 * 底座`): shaped as a heading (see `subheadingTitle`), no statement, and followed by a numbered
 * line; `afterMarker` when it is the title of a box whose marker (`专栏1`) stood alone on the line
 * before. Returns the title's absolute offsets and the rank of the items it heads.
 */
function subheadingAt(
  line: TextLine,
  next: TextLine | undefined,
  nextArabic: number | undefined,
  afterMarker = false,
): { rank: number; box: boolean; title: { start: number; end: number } } | null {
  if (line.headingDepth > 0 || !next || next.headingDepth > 0 || isLabelLine(line) || isStatementLine(line)) return null
  const numbering = matchNumbering(next.folded, nextArabic)
  if (!numbering || numbering.style === 'attachment') return null
  const title = subheadingTitle(line.folded)
  if (!title) return null
  const heading = line.folded.slice(title.start, title.end)
  const box = title.box || afterMarker
  if (!box && (roleOfHeading(heading) || isGenericHeading(heading))) return null
  return { rank: RANK[numbering.style], box, title: { start: line.contentStart + title.start, end: line.contentStart + title.end } }
}

/**
 * Build the outline of one part from its lines: numbered lines open nodes by the rank of their
 * numbering; other lines belong to the innermost open node — except that in a part without
 * responsibility blocks, a paragraph after a self-contained numbered paragraph (title and text
 * on one line) belongs to the enclosing section, not to the item. A line that is only a
 * statement (`（责任单位：…）`) always stays with the item it closes.
 *
 * @param lines - the part's lines, table rows and its title line already removed
 * @param rootRole - role of the part's root (`other` for a covering notice, `task` otherwise)
 */
export function buildOutline(lines: TextLine[], rootRole: SectionRole): OutlineNode {
  const root: OutlineNode = {
    style: 'none',
    rank: -1,
    numbering: null,
    line: null,
    title: null,
    bodyStart: null,
    ownRole: null,
    role: rootRole,
    content: [],
    children: [],
    parent: null,
    depth: 0,
    subheading: null,
  }
  const hasBlocks = lines.some(isLabelLine)
  const stack: OutlineNode[] = [root]
  let lastLabels: TextLine[] | null = null
  const top = () => stack[stack.length - 1]!
  // the last `N.` item and its value: a line continuing its run may put digits right after the dot
  let lastArabic: { node: OutlineNode; value: number; dot: boolean } | null = null
  const nextArabic = () => (lastArabic?.dot && stack.includes(lastArabic.node.parent!) ? lastArabic.value + 1 : undefined)

  // the unnumbered heading the items of one rank currently fall under
  let sub: { rank: number; title: { start: number; end: number } } | null = null
  let titleOfMarker = -1
  const items = lines.flatMap(splitRunOnItems).filter((l) => l.text.trim() !== '')
  const all = items.flatMap((l, i) => splitRunOnHeading(l, items[i + 1]))
  for (const [i, line] of all.entries()) {
    if (isLabelLine(line) || (lastLabels && /^\d{4}\s*年/.test(line.folded) && !matchNumbering(line.folded))) {
      if (lastLabels) lastLabels.push(line)
      else {
        lastLabels = [line]
        top().content.push({ kind: 'labels', lines: lastLabels })
      }
      continue
    }
    lastLabels = null
    const numbering = line.headingDepth > 0 ? null : matchNumbering(line.folded, nextArabic())
    if (numbering || line.headingDepth > 0) {
      const style: NumberingStyle = numbering?.style ?? 'markdown'
      const rank = RANK[style]
      if (sub && rank < sub.rank) sub = null
      while (stack.length > 1 && top().rank >= rank) stack.pop()
      const parent = top()
      const node: OutlineNode = {
        style,
        rank,
        numbering: numbering ? line.text.slice(0, numbering.marker.length) : null,
        line,
        ...withoutStatement(line, splitHeading(line, numbering?.length ?? 0)),
        ownRole: null,
        role: parent.role,
        content: [],
        children: [],
        parent,
        depth: parent.depth + 1,
        subheading: sub?.rank === rank ? sub.title : null,
      }
      if (node.title) {
        node.ownRole = roleOfHeading(line.folded.slice(node.title.start - line.contentStart, node.title.end - line.contentStart))
        node.role = node.ownRole ?? parent.role
      }
      parent.children.push(node)
      parent.content.push({ kind: 'child', node })
      stack.push(node)
      if (numbering?.style === 'arabic') lastArabic = { node, value: numbering.value, dot: numbering.marker.endsWith('.') }
      continue
    }
    if (i === titleOfMarker) continue
    // `专栏1` / `建设数据底座` / `1.…`: the box's title is on the line after its marker
    const boxed = isBoxMarker(line.folded) && all[i + 1] ? subheadingAt(all[i + 1]!, all[i + 2], nextArabic(), true) : null
    const heading = boxed ?? subheadingAt(line, all[i + 1], nextArabic())
    // after an item of a bare title, no sentence end, no statement (`1.建设环线公路` / `完成路基
    // 工程`), a short line is its text
    const bare = (rank: number) => {
      const t = top()
      if (!t.line || t.rank < rank || t.bodyStart !== null || t.content.length > 0) return false
      if (/[。！？；]\s*$/.test(t.line.folded)) return false
      return parseInlineResponsibility({ text: t.line.text, folded: t.line.folded, start: t.line.contentStart }) === null
    }
    if (heading && !bare(heading.rank)) {
      // it closes the items above it: it stands under the numbered heading its items fall under
      let under = stack.length - 1
      while (under > 0 && stack[under]!.rank >= heading.rank) under--
      if (heading.box || under > 0) {
        stack.length = under + 1
        sub = heading
        top().content.push({ kind: 'paragraph', line })
        if (boxed) {
          top().content.push({ kind: 'paragraph', line: all[i + 1]! })
          titleOfMarker = i + 1
        }
        continue
      }
    }
    let holder = top()
    if (!hasBlocks && !isStatementLine(line)) while (holder.bodyStart !== null && holder.parent) holder = holder.parent
    holder.content.push({ kind: 'paragraph', line })
  }
  return root
}
