import type { Diagnostic, Measure, NormalizedText, PrimaryUnit, UnitRef } from '@policykb/model'
import type { TextLine } from './lines.js'
import type { Content, OutlineNode } from './outline.js'
import { parseInlineResponsibility, parseLabelLines, type ResponsibilityDraft } from './responsibility.js'
import { makeSpan } from './spans.js'
import { measuresFromTable } from './tableMeasures.js'
import { nodeEnd, type PartNode, type PolicyTree, titleText } from './tree.js'

/** Options of {@link extractMeasures}. */
export interface ExtractOptions {
  /** file name put on diagnostics */
  file?: string
}

/** A responsibility statement and the node it was written under. */
interface Block {
  draft: ResponsibilityDraft
  owner: OutlineNode
  /** index of the labels in the owner's content (-1 for an inline statement) */
  at: number
}

/** A measure before it becomes a `Measure`: where its text is and what it is responsible for. */
interface Draft {
  part: PartNode
  node: OutlineNode
  start: number
  end: number
  title: { start: number; end: number } | null
  direction: { start: number; end: number } | null
  path: string[]
  block: Block | null
  shared: number
}

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
      if (draft) blocks.push({ draft, owner: node, at })
    })
  })
  return blocks
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

function pathOf(n: NormalizedText, node: OutlineNode): string[] {
  const path: string[] = []
  for (let p = node.parent; p?.line; p = p.parent) {
    const t = titleText(n, p)
    if (t) path.unshift(t)
  }
  return path
}

/** 改革方向: the enclosing heading when measures are two-level, the measure's own title otherwise. */
function directionOf(node: OutlineNode): { start: number; end: number } | null {
  const parent = node.parent
  if (parent?.line && parent.depth >= 2 && parent.title) return parent.title
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
  for (const part of tree.parts) drafts.push(...partMeasures(n, part, tree.metadata.year, diagnostics, file))
  drafts.sort((a, b) => a.start - b.start)
  const measures = drafts.map((d, i) => toMeasure(n, d, i + 1, tree.metadata.firstListedIsLead))
  if (measures.length === 0) {
    // A 任务分工方案 may give its tasks only as a table. When the text holds measures, a task
    // table restates them (seed 002's attachment 24) and stays a table.
    for (const table of tree.document.tables.filter((t) => t.kind === 'tasklist')) {
      measures.push(...measuresFromTable(n, table, measures.length + 1))
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
): Draft[] {
  const blocks = labelBlocks(n, part.root, year)
  const rank = measureRank(blocks)
  const drafts: Draft[] = []
  const base = (node: OutlineNode): Omit<Draft, 'start' | 'end' | 'block' | 'shared'> => ({
    part,
    node,
    title: node.title,
    direction: directionOf(node),
    path: pathOf(n, node),
  })

  if (rank === null) {
    // No responsibility blocks: measures are the topmost numbered items of task sections.
    if (part.isNotice) return drafts
    const visit = (node: OutlineNode) => {
      for (const child of node.children) {
        if (child.role !== 'task') continue
        const item = child.bodyStart !== null || (child.children.length === 0 && (child.title !== null || child.content.length > 0))
        if (!item || child.style === 'markdown') {
          visit(child)
          continue
        }
        const inline = inlineBlock(child, year)
        const [start, end] = trimRange(n, textStart(child), textEnd(child, inline?.draft.start ?? null))
        drafts.push({ ...base(child), start, end, block: inline, shared: 1 })
      }
    }
    visit(part.root)
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
    if (own.length >= 2 && own.every((b) => b.owner === node)) {
      drafts.push(...splitByBlocks(n, node, own, base(node)))
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
    if (later.length > 0 || node.role !== 'task' || node.rank !== rank) continue
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
    if (node.rank !== rank || claimed.has(node) || node.role !== 'task' || part.isNotice) return
    for (let p = node.parent; p; p = p.parent) if (claimed.has(p)) return
    const inline = inlineBlock(node, year)
    const [start, end] = trimRange(n, textStart(node), textEnd(node, inline?.draft.start ?? null))
    if (start >= end) return
    drafts.push({ ...base(node), start, end, block: inline, shared: 1 })
    if (!inline) {
      diagnostics.push({
        ruleId: 'measure-without-units',
        severity: 'info',
        reason: 'an item of a task section has no responsibility block',
        span: makeSpan(n, start, end),
        ...file,
      })
    }
  })
  return drafts
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
  return draft ? { draft, owner: node, at: -1 } : null
}

/**
 * An item holding several blocks (`16.着力破解要素保障难题。` with three paragraphs, each
 * followed by its own units) is one measure per block; the item's title is their direction.
 */
function splitByBlocks(
  n: NormalizedText,
  node: OutlineNode,
  own: Block[],
  base: Omit<Draft, 'start' | 'end' | 'block' | 'shared'>,
): Draft[] {
  const drafts: Draft[] = []
  let from = node.bodyStart ?? -1
  let contentIndex = 0
  const path = [...base.path, ...(node.title ? [n.text.slice(node.title.start, node.title.end)] : [])]
  for (const block of own.sort((a, b) => a.at - b.at)) {
    if (from < 0) {
      const first = node.content.slice(contentIndex, block.at)[0]
      from = first ? firstContentOffset(first) : block.draft.start
    }
    const [start, end] = trimRange(n, from, block.draft.start)
    const firstSentence = /^[^。！？]{2,50}(?=[。！？])/.exec(n.folded.slice(start, end))
    drafts.push({
      ...base,
      path,
      start,
      end,
      title: firstSentence ? { start, end: start + firstSentence[0].length } : null,
      direction: node.title ?? base.direction,
      block,
      shared: 1,
    })
    contentIndex = block.at + 1
    const next = node.content[contentIndex]
    from = next ? firstContentOffset(next) : -1
  }
  return drafts
}

function toMeasure(n: NormalizedText, d: Draft, seq: number, firstListedIsLead: boolean): Measure {
  const span = (r: { start: number; end: number }) => makeSpan(n, r.start, r.end)
  const slice = (r: { start: number; end: number }) => n.text.slice(r.start, r.end)
  const units: UnitRef[] = (d.block?.draft.units ?? []).map((u) => ({
    name: n.text.slice(u.start, u.end),
    normalized: u.normalized,
    role: u.role,
    span: span(u),
  }))
  if (firstListedIsLead && units.length > 0 && !units.some((u) => u.role === 'lead')) units[0]!.role = 'lead'
  const leadUnits = units.filter((u) => u.role === 'lead')
  const first = leadUnits[0] ?? units[0]
  const primaryUnit: PrimaryUnit | null = first ? { ...first, inferred: leadUnits.length === 0 } : null
  const draft = d.block?.draft
  const deadline = draft?.deadline ? { ...draft.deadline.draft, span: span(draft.deadline) } : null
  return {
    id: `m${seq}`,
    seq,
    part: d.part.attachment,
    numbering: d.node.numbering,
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
          entries: draft.entries.map((e) => ({ label: e.label, kind: e.kind, value: slice(e), span: span(e) })),
        }
      : null,
    deadline,
    sharedBlock: d.shared,
  }
}

