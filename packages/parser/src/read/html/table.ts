/**
 * Tables of a page: a data table (a 任务分工表, an indicator table) is laid out as a grid with
 * its merged cells expanded, one line per row; a layout table (the nested tables old
 * government sites are built of, a one-column frame, a cell holding whole paragraphs of an
 * article) is not a table to a reader and is read as blocks.
 */
import type { Element, ElementContent } from 'hast'
import { type PathStep, stepOf } from './path.js'
import { BLOCK } from './rules.js'

/** One slot of the expanded grid. */
export interface GridCell {
  element: Element
  step: PathStep | null
  /** how the slot is covered: by the cell's own first slot (null), a column or a row it spans */
  spanned: 'column' | 'row' | null
}

/** A row of the grid: its `<tr>` and one slot per column (null: no cell there). */
export interface GridRow {
  step: PathStep | null
  slots: (GridCell | null)[]
}

/** What {@link tableGrid} returns for a data table. */
export interface Grid {
  rows: GridRow[]
  /** `<caption>`s, read as lines above the rows */
  captions: { element: Element; step: PathStep | null }[]
}

/** Columns kept of a row, and slots a table's spans may fill: bounds on what a hostile page costs. */
const MAX_COLUMNS = 256
const SPAN_BUDGET = 1_000_000
/** A cell holding more blocks or text than this is a frame around content, not a cell of data. */
const LAYOUT_BLOCKS = 12
const LAYOUT_INK = 3000
const SCAN_NODES = 20_000

const SECTIONS = new Set(['thead', 'tbody', 'tfoot'])
const CELLS = new Set(['td', 'th'])

const childElements = (el: Element) => el.children.filter((c): c is Element => c.type === 'element')

/** Steps of the element children of `parent`, with `:nth-of-type` counted among them. */
function childSteps(parent: Element, step: PathStep | null, keep: (el: Element) => boolean): { element: Element; step: PathStep }[] {
  const children = childElements(parent)
  const counts = new Map<string, number>()
  for (const c of children) counts.set(c.tagName, (counts.get(c.tagName) ?? 0) + 1)
  const seen = new Map<string, number>()
  const out: { element: Element; step: PathStep }[] = []
  for (const c of children) {
    const nth = (seen.get(c.tagName) ?? 0) + 1
    seen.set(c.tagName, nth)
    if (keep(c)) out.push({ element: c, step: stepOf(c, step, nth, counts.get(c.tagName)!) })
  }
  return out
}

/**
 * The grid of a data table, or null for a layout table: one that has fewer than two columns,
 * nests a table in a cell, or has a cell holding more than a dozen blocks or 3000 characters.
 * `colspan` fills the columns a cell spans with empty slots (marked `column`), `rowspan` repeats
 * the cell in every row it spans (marked `row`): a 牵头单位 merged over three measures belongs
 * to each of them.
 *
 * @param table - a `<table>` element; not mutated
 * @param step - its path step
 */
export function tableGrid(table: Element, step: PathStep | null): Grid | null {
  const rows: { element: Element; step: PathStep }[] = []
  const captions: Grid['captions'] = []
  for (const c of childSteps(table, step, () => true)) {
    if (c.element.tagName === 'tr') rows.push(c)
    else if (c.element.tagName === 'caption') captions.push(c)
    else if (SECTIONS.has(c.element.tagName)) rows.push(...childSteps(c.element, c.step, (e) => e.tagName === 'tr'))
  }
  const cells = rows.map((r) => childSteps(r.element, r.step, (e) => CELLS.has(e.tagName)))
  let columns = 0
  for (const row of cells) {
    let width = 0
    for (const c of row) {
      width += span(c.element.properties['colSpan'], MAX_COLUMNS)
      if (isFrame(c.element)) return null
    }
    columns = Math.max(columns, width)
  }
  if (columns < 2) return null

  const grid: GridRow[] = rows.map((r) => ({ step: r.step, slots: [] }))
  let budget = SPAN_BUDGET
  cells.forEach((row, r) => {
    const slots = grid[r]!.slots
    let col = 0
    for (const c of row) {
      while (col < MAX_COLUMNS && slots[col]) col++
      if (col >= MAX_COLUMNS) break
      let colSpan = Math.min(span(c.element.properties['colSpan'], MAX_COLUMNS), MAX_COLUMNS - col)
      const rowSpanValue = c.element.properties['rowSpan']
      let rowSpan = rowSpanValue === 0 ? rows.length - r : Math.min(span(rowSpanValue, rows.length), rows.length - r)
      if (colSpan * rowSpan > budget) {
        colSpan = 1
        rowSpan = 1
      }
      budget -= colSpan * rowSpan
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = grid[r + dr]!.slots
        for (let dc = 0; dc < colSpan; dc++) {
          if (target[col + dc]) continue
          target[col + dc] = { element: c.element, step: c.step, spanned: dc > 0 ? 'column' : dr > 0 ? 'row' : null }
        }
      }
      col += colSpan
    }
  })
  for (const row of grid) for (let i = 0; i < row.slots.length; i++) row.slots[i] ??= null
  return { rows: grid, captions }
}

/** A span attribute's value: a positive integer, at most `max`; anything else is 1. */
function span(value: unknown, max: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), max) : 1
}

/** A cell that frames content: it holds a table, many blocks, or a long text (scan bounded). */
function isFrame(cell: Element): boolean {
  let blocks = 0
  let ink = 0
  let nodes = 0
  const stack: ElementContent[] = [...cell.children]
  while (stack.length > 0) {
    if (++nodes > SCAN_NODES) return true
    const n = stack.pop()!
    if (n.type === 'text') {
      ink += n.value.length
      if (ink > LAYOUT_INK) return true
    } else if (n.type === 'element') {
      if (n.tagName === 'table') return true
      if (BLOCK.has(n.tagName) && ++blocks > LAYOUT_BLOCKS) return true
      for (const c of n.children) stack.push(c)
    }
  }
  return false
}
