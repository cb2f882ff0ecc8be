import type { NormalizedText, Table } from '@policykb/model'
import { fold } from './fold.js'
import type { TextLine } from './lines.js'
import { makeSpan } from './spans.js'

const cellsOf = (line: TextLine) => line.text.split('\t').map((c) => c.trim())
const headerKey = (cells: string[]) => cells.map((c) => c.replace(/\s+/g, '')).join('\t')

function kindOf(header: string[]): Table['kind'] {
  const h = fold(header.join('|'))
  if (/(措施|任务|举措)/.test(h) && /(责任|牵头)/.test(h)) return 'tasklist'
  if (/指标/.test(h)) return 'indicators'
  return 'other'
}

/**
 * Group runs of tab-separated lines into tables. Blank lines may separate rows; a header row
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
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (!line.text.includes('\t')) {
      i++
      continue
    }
    const header = cellsOf(line)
    const key = headerKey(header)
    const rows: Table['rows'] = []
    let repeats = 0
    let last = i
    consumed.add(line.index)
    let j = i + 1
    for (; j < lines.length; j++) {
      const l = lines[j]!
      if (l.text.trim() === '') continue
      if (!l.text.includes('\t')) break
      consumed.add(l.index)
      last = j
      const cells = cellsOf(l)
      if (headerKey(cells) === key) repeats++
      else rows.push({ cells, span: makeSpan(n, l.start, l.end) })
    }
    const before = lines.slice(0, i).reverse().find((l) => l.text.trim() !== '')
    const title = before && before.text.length <= 60 && !/[。；]$/.test(before.text) ? before.text : null
    tables.push({
      header,
      rows,
      headerRepeats: repeats,
      kind: kindOf(header),
      part,
      title,
      span: makeSpan(n, line.start, lines[last]!.end),
    })
    i = j
  }
  return { tables, consumed }
}
