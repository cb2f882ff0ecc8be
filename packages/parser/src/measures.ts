import type { Diagnostic, Measure, NormalizedText, PrimaryUnit, UnitRef } from '@policykb/model'
import { fold } from './fold.js'
import type { TextLine } from './lines.js'
import { type Content, isStatementLine, type OutlineNode } from './outline.js'
import { parseInlineResponsibility, parseLabelLines, type ResponsibilityDraft } from './responsibility.js'
import { isGenericHeading } from './roles.js'
import { makeSpan } from './spans.js'
import { measuresFromTable } from './tableMeasures.js'
import { nodeEnd, type PartNode, type PolicyTree, titleText } from './tree.js'
import type { UnitDraft } from './units.js'

/** Options of {@link extractMeasures}. */
export interface ExtractOptions {
  /** file name put on diagnostics */
  file?: string
}

/** A responsibility statement and the node it was written under. */
interface Block {
  draft: ResponsibilityDraft
  owner: OutlineNode
  /** index of the labels or paragraph in the owner's content (-1 for the owner's own line) */
  at: number
  /**
   * the block stands apart from the text above it (label lines, or a paragraph that is only a
   * statement), so it can close a group of items; a statement ending an item's own text belongs
   * to that item alone
   */
  closing: boolean
}

/** A measure before it becomes a `Measure`: where its text is and what it is responsible for. */
interface Draft {
  part: PartNode
  node: OutlineNode
  /** numbering as written; null for an unnumbered paragraph measure */
  numbering: string | null
  start: number
  end: number
  title: { start: number; end: number } | null
  direction: { start: number; end: number } | null
  path: string[]
  block: Block | null
  /** the statement closing a heading above the measure, for the units its own block does not name */
  inherited: Block | null
  shared: number
}

type Base = Omit<Draft, 'start' | 'end' | 'block' | 'shared'>

const isWs = (ch: string | undefined) => ch !== undefined && /[\s\u3000]/.test(ch)

function trimRange(n: NormalizedText, start: number, end: number): [number, number] {
  while (start < end && isWs(n.text[start])) start++
  while (end > start && isWs(n.text[end - 1])) end--
  return [start, end]
}

function pieceOf(line: TextLine) {
  return { text: line.text, folded: line.folded, start: line.contentStart }
}

function walk(node: OutlineNode, visit: (node: OutlineNode) => void): void {
  visit(node)
  for (const child of node.children) walk(child, visit)
}

/** The labelled blocks of a part, each with its owner node. */
function labelBlocks(n: NormalizedText, root: OutlineNode, year: number | undefined): Block[] {
  const blocks: Block[] = []
  walk(root, (node) => {
    node.content.forEach((c, at) => {
      if (c.kind !== 'labels') return
      const draft = parseLabelLines(c.lines.map(pieceOf), year === undefined ? { text: n.text } : { year, text: n.text })
      if (draft) blocks.push({ draft, owner: node, at, closing: true })
    })
  })
  return blocks
}

/**
 * The statements a line holds: one closing it, and any closing a sentence in its middle when a
 * new sentence follows (`…应归尽归。（牵头单位：…）完善共享域建设。…` — two paragraphs run
 * together), in order.
 */
function lineStatements(line: TextLine, year: number | undefined): ResponsibilityDraft[] {
  const options = year === undefined ? {} : { year }
  const found: ResponsibilityDraft[] = []
  const f = line.folded
  for (let i = f.indexOf('）'); i >= 0 && i < f.length - 1; i = f.indexOf('）', i + 1)) {
    // a new sentence must start right after the bracket, and the bracket must close a sentence
    if (!/^\s*[^\s。；，、：）”’]/.test(f.slice(i + 1))) continue
    const piece = { text: line.text.slice(0, i + 1), folded: f.slice(0, i + 1), start: line.contentStart }
    const draft = parseInlineResponsibility(piece, options)
    if (!draft || draft.start < (found.at(-1)?.end ?? line.contentStart)) continue
    const before = f.slice(0, draft.start - line.contentStart).trimEnd()
    if (/[。；！？]$/.test(before)) found.push(draft)
  }
  const last = parseInlineResponsibility(pieceOf(line), options)
  if (last && last.start >= (found.at(-1)?.end ?? line.contentStart)) found.push(last)
  return found
}

/**
 * The inline statements of a part (`…。（市商务局牵头）`, or a paragraph that is only
 * `（责任单位：…）`), each owned by the node whose line or paragraph it closes. A statement closing
 * the heading line of a node with numbered items below it is about the whole heading: it is
 * returned apart, in `headings`, and given to the measures below that name no lead.
 */
function inlineBlocks(root: OutlineNode, year: number | undefined): { blocks: Block[]; headings: Map<OutlineNode, Block> } {
  const blocks: Block[] = []
  const headings = new Map<OutlineNode, Block>()
  walk(root, (node) => {
    if (!node.line) return
    const own = lineStatements(node.line, year)
    if (own.length === 1 && node.children.length > 0) headings.set(node, { draft: own[0]!, owner: node, at: -1, closing: false })
    else for (const draft of own) blocks.push({ draft, owner: node, at: -1, closing: false })
    node.content.forEach((c, at) => {
      if (c.kind !== 'paragraph') return
      const closing = isStatementLine(c.line)
      for (const draft of lineStatements(c.line, year)) blocks.push({ draft, owner: node, at, closing })
    })
  })
  return { blocks, headings }
}

/**
 * The rank at which responsibility blocks are written most often: where the measures are.
 * When ranks tie (a short plan with one block at `1.`, one after a sub-item `（2）` and one at
 * `（二）`), the rank whose items would each receive at most one block wins — a rank that would
 * gather two blocks into one item is too shallow — and then the shallower rank, since a block
 * closing a list of sub-items belongs to the item that holds the list.
 */
function measureRank(blocks: Block[]): number | null {
  const counts = new Map<number, number>()
  for (const b of blocks) if (b.owner.rank >= 0) counts.set(b.owner.rank, (counts.get(b.owner.rank) ?? 0) + 1)
  const most = Math.max(0, ...counts.values())
  const tied = [...counts].filter(([, count]) => count === most).map(([rank]) => rank)
  if (tied.length === 0) return null
  const cost = (rank: number) => gathered(blocks, rank) * 1000 + rank
  return tied.reduce((best, rank) => (cost(rank) < cost(best) ? rank : best))
}

/** How many items at `rank` would receive blocks of two or more different owners. */
function gathered(blocks: Block[], rank: number): number {
  const owners = new Map<OutlineNode, Set<OutlineNode>>()
  for (const b of blocks) {
    const node = b.owner.rank > rank ? liftTo(b.owner, rank) : b.owner
    const set = owners.get(node) ?? new Set()
    set.add(b.owner)
    owners.set(node, set)
  }
  return [...owners.values()].filter((set) => set.size > 1).length
}

/** Lift a block written under a sub-item (`（4）`) to the measure that holds it (`2.`). */
function liftTo(node: OutlineNode, rank: number): OutlineNode {
  let n = node
  while (n.rank > rank && n.parent && n.parent.rank >= rank) n = n.parent
  return n
}

/** Titles of the headings above a node, outermost first, unnumbered heading lines included. */
function pathOf(n: NormalizedText, node: OutlineNode): string[] {
  const path: string[] = []
  for (let p: OutlineNode | null = node; p?.line; p = p.parent) {
    const t = p === node ? null : titleText(n, p)
    if (t) path.unshift(t)
    if (p.subheading) path.unshift(n.text.slice(p.subheading.start, p.subheading.end))
  }
  return path
}

/**
 * 改革方向: the nearest heading above the measure that names an area of work — an unnumbered
 * heading line over its items (`加强交通建设`, `专栏3-1 建设数据底座`), a numbered heading, but not
 * the part's root nor a wrapper that only says 重点任务/主要措施/保障措施 — or the measure's own
 * title when there is none (a one-level plan).
 */
function directionOf(node: OutlineNode): { start: number; end: number } | null {
  for (let p: OutlineNode | null = node; p?.line; p = p.parent) {
    if (p !== node && p.title) {
      const heading = p.line.folded.slice(p.title.start - p.line.contentStart, p.title.end - p.line.contentStart)
      if (!isGenericHeading(heading)) return p.title
    }
    if (p.subheading) return p.subheading
  }
  return node.title
}

function textStart(node: OutlineNode): number {
  const line = node.line!
  return node.title?.start ?? node.bodyStart ?? line.contentStart
}

/** Where the text of a node ends: before its first own block, or at the end of its subtree. */
function textEnd(node: OutlineNode, stopAt: number | null): number {
  const end = nodeEnd(node)
  return stopAt !== null && stopAt < end ? stopAt : end
}

function firstContentOffset(c: Content): number {
  return c.kind === 'child' ? c.node.line!.start : c.kind === 'paragraph' ? c.line.start : c.lines[0]!.start
}

/** Last paragraph line of a node's subtree that is not a label line: where inline statements sit. */
function lastTextLine(node: OutlineNode): TextLine | null {
  for (let i = node.content.length - 1; i >= 0; i--) {
    const c = node.content[i]!
    if (c.kind === 'paragraph') return c.line
    if (c.kind === 'child') {
      const inner = lastTextLine(c.node)
      if (inner) return inner
    }
  }
  return node.line
}

/**
 * Read the measures of a parsed document: numbered items (or titled paragraphs) in task
 * sections, and any item that carries a responsibility block, each with its units, deadline,
 * direction and spans. A block shared by several items applies to each; an item holding several
 * blocks becomes one measure per block. A document that is not a plan has no measures.
 *
 * @param tree - output of `toPolicyTree`; not mutated
 * @param options - see {@link ExtractOptions}
 */
export function extractMeasures(tree: PolicyTree, options: ExtractOptions = {}): { measures: Measure[]; diagnostics: Diagnostic[] } {
  const n = tree.normalized
  const diagnostics: Diagnostic[] = []
  const file = options.file === undefined ? {} : { file: options.file }
  if (tree.document.kind === 'reply') {
    diagnostics.push({
      ruleId: 'not-a-plan',
      severity: 'info',
      reason: `the document reads as a reply (${tree.document.title ?? 'untitled'}), not a plan: no measures extracted`,
      ...file,
    })
    return { measures: [], diagnostics }
  }
  const drafts: Draft[] = []
  const requirementsEnd = noticeRequirementsEnd(n, tree.document.title, tree.parts.length > 1)
  for (const part of tree.parts) drafts.push(...partMeasures(n, part, tree.metadata.year, diagnostics, file, requirementsEnd))
  drafts.sort((a, b) => a.start - b.start)
  // `（责任单位：…。以下措施均需各区人民政府落实，不再单独列出）`: a note that speaks for the
  // statements after it gives its units to every later measure of the same part
  const carried = new Map<PartNode, UnitDraft[]>()
  const measures = drafts.map((d, i) => {
    const measure = toMeasure(n, d, i + 1, tree.metadata.firstListedIsLead, carried.get(d.part) ?? [])
    const notes = (d.block?.draft.notes ?? []).filter((note) => note.following && note.units.length > 0)
    if (notes.length > 0) carried.set(d.part, [...(carried.get(d.part) ?? []), ...notes.flatMap((note) => note.units)])
    return measure
  })
  if (measures.length === 0) {
    // A 任务分工方案 may give its tasks only as a table. When the text holds measures, a task
    // table restates them (seed 002's attachment 24) and stays a table.
    for (const table of tree.document.tables.filter((t) => t.kind === 'tasklist')) {
      measures.push(...measuresFromTable(n, table, measures.length + 1, tree.metadata.year))
    }
    if (measures.length > 0) {
      diagnostics.push({ ruleId: 'measures-from-table', severity: 'info', reason: `no measures in the text: ${measures.length} read from its task table`, ...file })
    }
  }
  return { measures, diagnostics }
}

function partMeasures(
  n: NormalizedText,
  part: PartNode,
  year: number | undefined,
  diagnostics: Diagnostic[],
  file: { file?: string },
  requirementsEnd = -1,
): Draft[] {
  // numbered items of the issuing notice itself (see noticeRequirementsEnd) are not tasks
  let requirements = 0
  const isRequirement = (node: OutlineNode) => {
    const before = node.line !== null && node.line.start < requirementsEnd && node.numbering !== null
    if (before) requirements++
    return before
  }
  const reportRequirements = () => {
    if (requirements === 0) return
    diagnostics.push({
      ruleId: 'notice-requirements',
      severity: 'info',
      reason: `${requirements} numbered item(s) before the notice's date line are the issuing notice's own requirements, not tasks of the plan`,
      ...file,
    })
  }
  const inline = inlineBlocks(part.root, year)
  const blocks = [...labelBlocks(n, part.root, year), ...inline.blocks]
  const rank = measureRank(blocks)
  const drafts: Draft[] = []
  const base = (node: OutlineNode): Base => ({
    part,
    node,
    numbering: node.numbering,
    title: node.title,
    direction: directionOf(node),
    path: pathOf(n, node),
    inherited: headingBlock(node, inline.headings),
  })

  if (rank === null) {
    // No responsibility blocks: measures are the topmost numbered items of task sections.
    if (part.isNotice) return drafts
    const visit = (node: OutlineNode) => {
      for (const child of node.children) {
        if (child.role !== 'task' || isRequirement(child)) continue
        // 第X条 are the articles of a legal text (条例, 办法, 规定): provisions, not tasks, unless a
        // statement assigns them units (then blocks decide, below).
        if (child.style === 'article') continue
        const item = child.bodyStart !== null || (child.children.length === 0 && (child.title !== null || child.content.length > 0))
        if (!item || child.style === 'markdown') {
          visit(child)
          continue
        }
        const own = inlineBlock(child, year)
        const [start, end] = trimRange(n, textStart(child), textEnd(child, own?.draft.start ?? null))
        drafts.push({ ...base(child), start, end, block: own, shared: 1 })
      }
    }
    visit(part.root)
    reportRequirements()
    return drafts
  }

  // Blocks decide: each block belongs to the item at the measure rank that holds it.
  const byNode = new Map<OutlineNode, Block[]>()
  for (const block of blocks) {
    const owner = block.owner.rank > rank ? liftTo(block.owner, rank) : block.owner
    const list = byNode.get(owner) ?? []
    list.push(block)
    byNode.set(owner, list)
  }

  const claimed = new Set<OutlineNode>()
  for (const [node, own] of byNode) {
    if (!node.line) continue
    if ((own.length >= 2 && own.every((b) => b.owner === node)) || (own.length === 1 && hasTail(n, node, own[0]!))) {
      drafts.push(...splitByBlocks(n, node, own, base(node)))
      claimed.add(node)
      continue
    }
    const owners = new Set(own.map((b) => b.owner))
    if (own.length >= 2 && owners.size === own.length && !owners.has(node) && own.every((b) => !b.closing)) {
      // sub-items each closed by their own statement: the item is their container, they are the measures
      for (const b of own) {
        const [start, end] = trimRange(n, textStart(b.owner), textEnd(b.owner, b.draft.start))
        drafts.push({ ...base(b.owner), start, end, block: b, shared: 1 })
      }
      claimed.add(node)
      continue
    }
    const block = own[0]!
    const [start, end] = trimRange(n, textStart(node), textEnd(node, block.draft.start))
    drafts.push({ ...base(node), start, end, block, shared: 1 })
    claimed.add(node)
    // Items before it without a block of their own share it when it closes their group.
    const siblings = node.parent?.children ?? []
    const at = siblings.indexOf(node)
    const later = siblings.slice(at + 1).filter((s) => s.rank === node.rank)
    if (!block.closing || later.length > 0 || node.role !== 'task' || node.rank !== rank) continue
    const sharing: OutlineNode[] = []
    for (let i = at - 1; i >= 0; i--) {
      const s = siblings[i]!
      if (s.rank !== node.rank || holdsBlock(s, blocks)) break
      sharing.unshift(s)
    }
    for (const s of sharing) {
      const [a, b] = trimRange(n, textStart(s), textEnd(s, null))
      drafts.push({ ...base(s), start: a, end: b, block, shared: sharing.length + 1 })
      claimed.add(s)
    }
    if (sharing.length > 0) for (const d of drafts) if (d.block === block) d.shared = sharing.length + 1
  }

  // Items at the measure rank in task sections that no block reached.
  walk(part.root, (node) => {
    if (node.rank !== rank || claimed.has(node) || node.role !== 'task' || part.isNotice || isRequirement(node)) return
    for (let p = node.parent; p; p = p.parent) if (claimed.has(p)) return
    const [start, end] = trimRange(n, textStart(node), textEnd(node, null))
    if (start >= end) return
    const draft: Draft = { ...base(node), start, end, block: null, shared: 1 }
    drafts.push(draft)
    if (!draft.inherited) {
      diagnostics.push({
        ruleId: 'measure-without-units',
        severity: 'info',
        reason: 'an item of a task section has no responsibility block',
        span: makeSpan(n, start, end),
        ...file,
      })
    }
  })
  reportRequirements()
  return drafts
}

/**
 * Where the requirements of an issuing notice end. A notice that issues a plan (`关于印发X的通知`,
 * `现将《X》印发给你们`) may set out its own numbered requirements to the recipients (一、高度重视…
 * 二、压实责任…) before its signature; those are not tasks of the plan. Their end is the notice's
 * date line (a line holding only a date). -1 when the document is no issuing notice, has no such
 * line, or is a bundle, whose covering notice is a part of its own.
 */
function noticeRequirementsEnd(n: NormalizedText, title: string | null, bundle: boolean): number {
  if (bundle || !title || !/(印发|转发)/.test(fold(title))) return -1
  const date = /^[ \t\u3000]*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[ \t\u3000]*$/m.exec(n.folded)
  return date ? date.index : -1
}

/** The statement closing the nearest heading at or above a node (`一、强化科技创新（区科技局牵头）`). */
function headingBlock(node: OutlineNode, headings: Map<OutlineNode, Block>): Block | null {
  for (let p: OutlineNode | null = node; p; p = p.parent) {
    const block = headings.get(p)
    if (block) return block
  }
  return null
}

/** Whether any block was written in a node or below it. */
function holdsBlock(node: OutlineNode, blocks: Block[]): boolean {
  return blocks.some((b) => {
    for (let p: OutlineNode | null = b.owner; p; p = p.parent) if (p === node) return true
    return false
  })
}

function inlineBlock(node: OutlineNode, year: number | undefined): Block | null {
  const line = lastTextLine(node)
  if (!line) return null
  const draft = parseInlineResponsibility(pieceOf(line), year === undefined ? {} : { year })
  return draft ? { draft, owner: node, at: -1, closing: false } : null
}

/** Where text resumes after a block: on its own line when a sentence follows it there, else at the next content (-1 when none). */
function resumeAfter(n: NormalizedText, node: OutlineNode, block: Block): number {
  const c = block.at < 0 ? null : node.content[block.at]
  const line = block.at < 0 ? node.line : c?.kind === 'paragraph' ? c.line : null
  if (line && n.text.slice(block.draft.end, line.end).trim() !== '') return block.draft.end
  const next = node.content[block.at + 1]
  return next ? firstContentOffset(next) : -1
}

/** The block leaves text on its own line after it: a paragraph run on after the statement. */
function hasTail(n: NormalizedText, node: OutlineNode, block: Block): boolean {
  return block.owner === node && resumeAfter(n, node, block) === block.draft.end
}

/**
 * An item holding several blocks (`16.着力破解要素保障难题。` with three paragraphs, each
 * followed by its own units) is one measure per block; the item's title is their direction.
 * When the item's own line already ends with its statement, the item is a measure by itself and
 * each paragraph after it is a measure of its own beside it, with the statement that closes it —
 * or none, when the text (cut short) runs on after the last statement.
 */
function splitByBlocks(n: NormalizedText, node: OutlineNode, own: Block[], base: Base): Draft[] {
  const drafts: Draft[] = []
  const sorted = [...own].sort((a, b) => a.at - b.at || a.draft.start - b.draft.start)
  let from = node.bodyStart ?? -1
  let contentIndex = 0
  let sub: Pick<Draft, 'path' | 'direction' | 'numbering'> = {
    path: [...base.path, ...(node.title ? [n.text.slice(node.title.start, node.title.end)] : [])],
    direction: node.title ?? base.direction,
    numbering: base.numbering,
  }
  if (sorted[0]!.at < 0) {
    const block = sorted.shift()!
    const [start, end] = trimRange(n, textStart(node), block.draft.start)
    drafts.push({ ...base, start, end, block, shared: 1 })
    sub = { path: base.path, direction: base.direction, numbering: null }
    from = resumeAfter(n, node, block)
  }
  const piece = (start: number, end: number, block: Block | null): Draft => {
    const firstSentence = /^[^。！？]{2,50}(?=[。！？])/.exec(n.folded.slice(start, end))
    const title = firstSentence ? { start, end: start + firstSentence[0].length } : null
    // a measure beside the item takes the item's heading as direction, or its own title when the item named itself
    const direction = sub.numbering === null && base.direction === node.title ? title : sub.direction
    return { ...base, ...sub, direction, start, end, title, block, shared: 1 }
  }
  for (const block of sorted) {
    if (from < 0) {
      const first = node.content.slice(contentIndex, block.at + 1)[0]
      from = first ? firstContentOffset(first) : block.draft.start
    }
    const [start, end] = trimRange(n, from, block.draft.start)
    drafts.push(piece(start, end, block))
    contentIndex = block.at + 1
    from = resumeAfter(n, node, block)
  }
  const last = own.length > 0 ? sorted.at(-1) ?? own[0]! : null
  if (last && from >= 0 && from === last.draft.end) {
    const [start, end] = trimRange(n, from, textEnd(node, null))
    if (start < end) drafts.push(piece(start, end, null))
  }
  return drafts
}

/**
 * @param carried - units that notes of earlier statements give to the measures after them
 */
function toMeasure(n: NormalizedText, d: Draft, seq: number, firstListedIsLead: boolean, carried: readonly UnitDraft[]): Measure {
  const span = (r: { start: number; end: number }) => makeSpan(n, r.start, r.end)
  const slice = (r: { start: number; end: number }) => n.text.slice(r.start, r.end)
  const toRef = (u: { start: number; end: number; normalized: string; role: UnitRef['role'] }): UnitRef => ({
    name: n.text.slice(u.start, u.end),
    normalized: u.normalized,
    role: u.role,
    span: span(u),
  })
  const own = d.block?.draft.units ?? []
  // a heading's statement gives its lead to the measures below that name none of their own
  const fromHeading = (d.inherited?.draft.units ?? []).filter((u) => (d.block ? u.role === 'lead' : true))
  const named = [...(own.some((u) => u.role === 'lead') ? [] : fromHeading), ...own]
  const added = carried.filter((u, i) => !named.some((v) => v.normalized === u.normalized) && carried.findIndex((v) => v.normalized === u.normalized) === i)
  const units: UnitRef[] = [...named, ...added].map(toRef)
  if (firstListedIsLead && units.length > 0 && !units.some((u) => u.role === 'lead')) units[0]!.role = 'lead'
  const leadUnits = units.filter((u) => u.role === 'lead')
  const first = leadUnits[0] ?? units[0]
  const primaryUnit: PrimaryUnit | null = first ? { ...first, inferred: leadUnits.length === 0 } : null
  const draft = (d.block ?? d.inherited)?.draft
  const deadline = draft?.deadline ? { ...draft.deadline.draft, span: span(draft.deadline) } : null
  return {
    id: `m${seq}`,
    seq,
    part: d.part.attachment,
    numbering: d.numbering,
    title: d.title ? slice(d.title) : null,
    titleSpan: d.title ? span(d.title) : null,
    direction: d.direction ? slice(d.direction) : null,
    directionSpan: d.direction ? span(d.direction) : null,
    text: slice(d),
    span: span(d),
    path: d.path,
    specialty: d.part.specialty,
    leadUnits,
    units,
    primaryUnit,
    responsibility: draft
      ? {
          text: slice(draft),
          span: span(draft),
          entries: [
            ...draft.entries.map((e) => ({ label: e.label, kind: e.kind, value: slice(e), span: span(e) })),
            ...draft.persons.map((p) => ({ label: p.label, kind: 'person' as const, value: slice(p), span: span(p) })),
          ].sort((a, b) => a.span.start - b.span.start),
        }
      : null,
    deadline,
    sharedBlock: d.shared,
  }
}

