/**
 * A page's syntax tree (hast) → lines of text, the way a browser lays them out: block elements
 * and `<br>` end lines, inline elements run on, whitespace collapses (text.ts), data tables
 * become one line per row with `\t` between cells (table.ts), hidden and non-text elements
 * (scripts, styles, forms' controls, display:none) give nothing. Every line keeps the block it
 * came from, its link text and whether it is a heading, for content.ts to tell the article from
 * the page's chrome; every block element is a box with the range of lines it holds.
 */
import type { SourceMetadata } from '@policykb/model'
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { textOf } from './dom.js'
import { readMetadataTable } from './metadata.js'
import { type PathStep, stepOf } from './path.js'
import { BLOCK, CHROME_HINT, CONTENT_HINT, DROPPED, HEADING, LANDMARK_CHROME, META_NAMES, PREFORMATTED } from './rules.js'
import { type GridRow, tableGrid } from './table.js'
import { CELL_BREAK, collapseWhitespace, inkLength } from './text.js'

/** A block element of the page, with the lines it holds. */
export interface Box {
  /** index of the enclosing box; -1 for the page itself */
  parent: number
  tag: string
  step: PathStep | null
  /** lines `[firstLine, endLine)` are inside the box */
  firstLine: number
  endLine: number
  /** nav, aside, header, footer: chrome by their HTML5 meaning */
  landmark: boolean
  /** a class or id word of chrome (share, print, breadcrumb …) */
  chromeHint: boolean
  /** a class or id word of an article body (content, article, TRS_Editor …) */
  contentHint: boolean
}

/** A cell of a table row line: its range in the line's text and where it came from. */
export interface LineCell {
  start: number
  end: number
  step: PathStep | null
  table: number
  row: number
  column: number
}

/** One rendered line. */
export interface RenderedLine {
  text: string
  /** characters that are not whitespace */
  ink: number
  /** ink inside links */
  links: number
  heading: boolean
  /** innermost box holding the line */
  box: number
  /** the element the line belongs to (its block, or the table row) */
  step: PathStep | null
  /** the cells of a table row line, else null */
  cells: LineCell[] | null
}

/** What {@link renderPage} returns. */
export interface RenderedPage {
  lines: RenderedLine[]
  boxes: Box[]
  /** fields of metadata tables (索引号, 发文机关 …), set aside from the lines */
  metadata: SourceMetadata
  /** `<meta name=…>` values and the `<title>` of the page */
  head: { meta: SourceMetadata; title: string | null }
}

interface Pending {
  raw: string
  ink: number
  links: number
  heading: boolean
}

/** Limits that keep a hostile page bounded: nesting depth walked, table size expanded. */
const MAX_DEPTH = 2000

/**
 * Render a page's tree to lines. Never throws on odd markup (the tree is parse5's, already
 * repaired); nesting deeper than 2000 elements is read as text without further structure.
 *
 * @param tree - the page's hast tree; not mutated
 */
export function renderPage(tree: Root): RenderedPage {
  const lines: RenderedLine[] = []
  const boxes: Box[] = [
    { parent: -1, tag: '#root', step: null, firstLine: 0, endLine: 0, landmark: false, chromeHint: false, contentHint: false },
  ]
  const metadata: SourceMetadata = {}
  const head: RenderedPage['head'] = { meta: {}, title: null }
  let tables = 0
  let box = 0
  let linkDepth = 0
  let preDepth = 0
  let headingDepth = 0
  /** > 0 while rendering the content of a table cell: blocks and `<br>` are spaces, not lines */
  let cellDepth = 0
  let pending: Pending = { raw: '', ink: 0, links: 0, heading: false }
  let owner: PathStep | null = null

  const flush = () => {
    if (cellDepth > 0) {
      pending.raw += CELL_BREAK
      return
    }
    const p = pending
    pending = { raw: '', ink: 0, links: 0, heading: false }
    if (p.ink === 0) return
    const texts = preDepth > 0 ? p.raw.split(/\r\n?|\n/).map((t) => t.replace(/\s+$/, '')) : [collapseWhitespace(p.raw)]
    for (const text of texts) {
      const ink = inkLength(text)
      if (ink === 0) continue
      // Link ink is shared out over the lines of a preformatted block by their length.
      const links = texts.length === 1 ? p.links : Math.round((p.links * ink) / p.ink)
      lines.push({ text, ink, links, heading: p.heading, box, step: owner, cells: null })
    }
  }

  const addText = (value: string) => {
    const ink = inkLength(value)
    pending.raw += value.includes(CELL_BREAK) ? value.replaceAll(CELL_BREAK, '') : value
    pending.ink += ink
    if (linkDepth > 0) pending.links += ink
    if (headingDepth > 0 && ink > 0) pending.heading = true
  }

  const visitChildren = (children: readonly (RootContent | ElementContent)[], parent: PathStep | null, depth: number) => {
    const counts = new Map<string, number>()
    for (const c of children) if (c.type === 'element') counts.set(c.tagName, (counts.get(c.tagName) ?? 0) + 1)
    const seen = new Map<string, number>()
    for (const child of children) {
      if (child.type === 'text') addText(child.value)
      else if (child.type === 'element') {
        const nth = (seen.get(child.tagName) ?? 0) + 1
        seen.set(child.tagName, nth)
        visit(child, child.tagName === 'html' ? null : stepOf(child, parent, nth, counts.get(child.tagName) ?? 1), depth + 1)
      }
    }
  }

  const visit = (el: Element, step: PathStep | null, depth: number): void => {
    const tag = el.tagName
    if (tag === 'title') {
      head.title ??= textOf(el)
      return
    }
    if (tag === 'meta') {
      readMeta(el, head.meta)
      return
    }
    if (tag === 'head') {
      // <title> and <meta> are read; nothing in the head is text.
      for (const c of el.children) if (c.type === 'element') visit(c, null, depth + 1)
      return
    }
    if (DROPPED.has(tag) || isHidden(el)) return
    if (tag === 'br') {
      if (cellDepth > 0) pending.raw += CELL_BREAK
      else if (pending.ink > 0) flush()
      else pending.raw = ''
      return
    }
    if (depth > MAX_DEPTH) {
      addText(textOf(el))
      return
    }
    if (tag === 'table' && cellDepth === 0) {
      const found = readMetadataTable(el)
      if (found) {
        flush()
        for (const [k, v] of Object.entries(found) as [keyof SourceMetadata, string][]) metadata[k] ??= v
        return
      }
      const grid = tableGrid(el, step)
      if (grid) {
        flush()
        for (const c of grid.captions) visit(c.element, c.step, depth + 1)
        renderTable(grid.rows, tables++, step, depth)
        return
      }
    }
    const block = BLOCK.has(tag)
    const isLink = tag === 'a' && el.properties['href'] !== undefined
    const pre = PREFORMATTED.has(tag)
    const heading = HEADING.has(tag)
    const saved = { box, owner }
    if (block) {
      flush()
      if (cellDepth === 0) {
        const names = nameWords(el)
        boxes.push({
          parent: box,
          tag,
          step,
          firstLine: lines.length,
          endLine: lines.length,
          landmark: LANDMARK_CHROME.has(tag),
          chromeHint: CHROME_HINT.test(names),
          contentHint: CONTENT_HINT.test(names),
        })
        box = boxes.length - 1
        owner = step
      }
    }
    if (isLink) linkDepth++
    if (pre) preDepth++
    if (heading) headingDepth++
    visitChildren(el.children, step, depth)
    if (heading) headingDepth--
    if (isLink) linkDepth--
    if (block) {
      flush()
      if (cellDepth === 0) boxes[box]!.endLine = lines.length
    }
    if (pre) preDepth--
    box = saved.box
    owner = saved.owner
  }

  /** One line per row: cells rendered inline, joined by tabs, empty cells at the end dropped. */
  const renderTable = (grid: GridRow[], table: number, tableStep: PathStep | null, depth: number) => {
    const texts = new Map<Element, { text: string; ink: number; links: number }>()
    const cellText = (cell: Element, step: PathStep | null) => {
      let t = texts.get(cell)
      if (t === undefined) {
        const before = pending
        pending = { raw: '', ink: 0, links: 0, heading: false }
        cellDepth++
        visitChildren(cell.children, step, depth + 2)
        cellDepth--
        const text = collapseWhitespace(pending.raw).replaceAll('\t', ' ')
        t = { text, ink: inkLength(text), links: pending.links }
        pending = before
        texts.set(cell, t)
      }
      return t
    }
    const tableBox = boxes.length
    boxes.push({ parent: box, tag: 'table', step: tableStep, firstLine: lines.length, endLine: lines.length, landmark: false, chromeHint: false, contentHint: false })
    grid.forEach((row, r) => {
      let text = ''
      let ink = 0
      let links = 0
      const cells: LineCell[] = []
      row.slots.forEach((slot, column) => {
        if (column > 0) text += '\t'
        // A cell that spans columns is written once, in its first column; one that spans rows, in each.
        if (slot === null || slot.spanned === 'column') return
        const t = cellText(slot.element, slot.step)
        if (t.text === '') return
        cells.push({ start: text.length, end: text.length + t.text.length, step: slot.step, table, row: r, column })
        text += t.text
        ink += t.ink
        links += t.links
      })
      if (ink === 0) return
      text = text.replace(/\t+$/, '')
      lines.push({ text, ink, links, heading: false, box: tableBox, step: row.step, cells })
    })
    boxes[tableBox]!.endLine = lines.length
  }

  visitChildren(tree.children, null, 0)
  flush()
  boxes[0]!.endLine = lines.length
  return { lines, boxes, metadata, head }
}

/** The class and id words of an element, space-separated, for the hint patterns. */
function nameWords(el: Element): string {
  const id = el.properties['id']
  const classes = el.properties['className']
  return `${typeof id === 'string' ? id : ''} ${Array.isArray(classes) ? classes.join(' ') : ''}`
}

/** `hidden`, or an inline style that hides the element: a person does not see its text. */
function isHidden(el: Element): boolean {
  if (el.properties['hidden'] === true || el.properties['hidden'] === '') return true
  const style = el.properties['style']
  return typeof style === 'string' && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important\s*)?(;|$)/i.test(style)
}

/** A `<meta name=… content=…>` of the page's metadata (see META_NAMES). */
function readMeta(el: Element, into: SourceMetadata): void {
  const name = el.properties['name'] ?? el.properties['property']
  const content = el.properties['content']
  if (typeof name !== 'string' || typeof content !== 'string') return
  const field = metaField(name)
  const value = collapseWhitespace(content)
  if (field && value !== '') into[field] ??= value
}

function metaField(name: string): keyof SourceMetadata | undefined {
  return META_NAMES[name.trim().toLowerCase()]
}
