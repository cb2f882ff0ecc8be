import type { NormalizedText, Table } from '@policykb/model'
import { fold } from './fold.js'
import { isTableLine } from './lineShape.js'
import type { TextLine } from './lines.js'
import { makeSpan } from './spans.js'

/** How a line holds table cells: tab-separated, a row drawn with `|`, or one cell closed by `|`. */
type RowForm = 'tab' | 'pipe' | 'cell'

/**
 * Cells of a row line: split at tabs, or at `|` for a row drawn with pipes (the outer pipes of
 * `| a | b |` are frame, not empty cells).
 */
function cellsOf(text: string): string[] {
  if (text.includes('\t')) return text.split('\t').map((c) => c.trim())
  return text
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim())
}

function formOf(text: string): RowForm | null {
  if (text.includes('\t')) return 'tab'
  const t = text.trim()
  if (!isTableLine(t)) return null
  const cells = cellsOf(t)
  if (cells.length >= 2) return 'pipe'
  return t.endsWith('|') ? 'cell' : null
}

/** A Markdown delimiter row `|---|:---:|`. */
const isDelimiterRow = (cells: string[]) => cells.every((c) => /^:?-{3,}:?$/.test(c))
const headerKey = (cells: string[]) => cells.map((c) => c.replace(/\s+/g, '')).join('\t')

function kindOf(header: string[]): Table['kind'] {
  const h = fold(header.join('|'))
  if (/(措施|任务|举措|重点工作)/.test(h) && /(责任|牵头)/.test(h)) return 'tasklist'
  if (/指标/.test(h)) return 'indicators'
  return 'other'
}

/** A header cell: a short label (`序号`, `重点工作`, `完成时限`), not a number or a sentence. */
const isHeaderCell = (cell: string) => cell.length >= 1 && cell.length <= 8 && !/^\d+$/.test(cell) && !/[。，；：、,.;:]/.test(fold(cell))

/**
 * Rows of a table written one cell per line, each line closed by `|`: the header is the run of
 * label cells at the top, its length the column count. When the first column is 序号, a cell
 * holding the next number starts a row (so a cell broken over two lines does not shift the
 * rest); otherwise cells fill rows in order.
 *
 * @returns the header length, then each row as the indices (into `cells`) of its first and last cell
 */
function cellRows(cells: string[]): { width: number; rows: Array<[number, number]> } | null {
  let width = 0
  while (width < cells.length && isHeaderCell(cells[width]!)) width++
  if (width < 2 || width >= cells.length) return null
  const numbered = /^(序号|编号)$/.test(cells[0]!.replace(/\s+/g, ''))
  const rows: Array<[number, number]> = []
  let next = 1
  for (let i = width; i < cells.length; i++) {
    const current = rows.at(-1)
    const opens = numbered ? current === undefined || (cells[i] === String(next) && current[1] - current[0] + 1 >= width) : current === undefined || current[1] - current[0] + 1 >= width
    if (opens) {
      rows.push([i, i])
      if (numbered && cells[i] === String(next)) next++
    } else current![1] = i
  }
  return { width, rows }
}

/**
 * Group table lines into tables: runs of tab-separated lines, of rows drawn with `|`, or of
 * cells written one per line and closed by `|`. Blank lines may separate rows; a header row
 * repeated on every printed page is recognised by its cells and folded into one table.
 *
 * @param n - the normalised text
 * @param lines - the lines of one part, in order
 * @param part - attachment number of the part
 * @returns the tables and the indices of the lines they consumed
 */
export function findTables(n: NormalizedText, lines: TextLine[], part: number | null): { tables: Table[]; consumed: Set<number> } {
  const tables: Table[] = []
  const consumed = new Set<number>()
  const titleBefore = (i: number) => {
    const before = lines.slice(0, i).reverse().find((l) => l.text.trim() !== '')
    return before && before.text.length <= 60 && !/[。；]$/.test(before.text) ? before.text : null
  }
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    const form = formOf(line.text)
    if (form === null) {
      i++
      continue
    }
    // the run of lines of the same form, blank lines between them allowed
    const run: TextLine[] = [line]
    let j = i + 1
    for (; j < lines.length; j++) {
      const l = lines[j]!
      if (l.text.trim() === '') continue
      if (formOf(l.text) !== form) {
        // a row merged across the whole table (its section heading: `一、提升政务服务效能`) comes
        // without the tabs of its empty cells; it is a row of one cell when rows go on after it
        const next = lines.slice(j + 1).find((x) => x.text.trim() !== '')
        // (a title line before the next table's header row is not one: that row is all labels)
        const nextCells = next === undefined ? [] : cellsOf(next.text)
        const continues = next !== undefined && formOf(next.text) === 'tab' && nextCells.length === cellsOf(line.text).length && !nextCells.every(isHeaderCell)
        if (form === 'tab' && continues && l.text.trim().length <= 40) {
          run.push(l)
          continue
        }
        break
      }
      run.push(l)
    }
    // a lone line drawn with `|` is text that happens to hold the character, not a table
    const table = form === 'cell' ? cellTable(n, run, part) : form === 'tab' || run.length >= 2 ? rowTable(n, run, part) : null
    if (table) {
      table.title = titleBefore(i)
      tables.push(table)
      for (const l of run) consumed.add(l.index)
    }
    i = j
  }
  return { tables, consumed }
}

/** A table whose lines are rows (tab-separated or drawn with `|`), the first line its header. */
function rowTable(n: NormalizedText, run: TextLine[], part: number | null): Table {
  const first = run[0]!
  const header = cellsOf(first.text)
  const key = headerKey(header)
  const rows: Table['rows'] = []
  let repeats = 0
  for (const l of run.slice(1)) {
    const cells = cellsOf(l.text)
    if (headerKey(cells) === key) repeats++
    else if (!isDelimiterRow(cells)) rows.push({ cells, span: makeSpan(n, l.start, l.end) })
  }
  return { header, rows, headerRepeats: repeats, kind: kindOf(header), part, title: null, span: makeSpan(n, first.start, run.at(-1)!.end) }
}

/** A table written one cell per line (see {@link cellRows}); null when no header row is found. */
function cellTable(n: NormalizedText, run: TextLine[], part: number | null): Table | null {
  const cells = run.map((l) => cellsOf(l.text)[0]!)
  const shape = cellRows(cells)
  if (!shape) return null
  const header = cells.slice(0, shape.width)
  const rows = shape.rows.map(([a, b]) => ({ cells: cells.slice(a, b + 1), span: makeSpan(n, run[a]!.start, run[b]!.end) }))
  return { header, rows, headerRepeats: 0, kind: kindOf(header), part, title: null, span: makeSpan(n, run[0]!.start, run.at(-1)!.end) }
}
