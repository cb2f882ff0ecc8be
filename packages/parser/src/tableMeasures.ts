import type { Measure, NormalizedText, Table, UnitRef, UnitRole } from '@policykb/model'
import { parseDeadline } from './deadline.js'
import { fold } from './fold.js'
import { makeSpan } from './spans.js'
import { parseUnitList } from './units.js'

type Column = 'specialty' | 'direction' | 'measure' | 'lead' | 'units' | 'cooperating' | 'deadline'

const HEADERS: Array<[Column, RegExp]> = [
  ['specialty', /^(所属专项|专项|所属领域|领域)$/],
  ['direction', /^(改革方向|方向|任务类别|类别|重点领域)$/],
  ['measure', /(措施|任务|重点工作|工作内容|内容|事项)/],
  ['lead', /^(牵头单位|牵头部门|牵头)$/],
  ['units', /^(责任单位|责任部门|责任主体|实施单位)$/],
  ['cooperating', /^(配合单位|配合部门|协办单位)$/],
  ['deadline', /^(完成时限|完成时间|时间节点|时限|完成期限|时间安排)$/],
]

const ROLE: Partial<Record<Column, UnitRole>> = { lead: 'lead', units: 'responsible', cooperating: 'cooperating' }

/** Which column of a header row holds what; null when the table has no task column. */
function columnsOf(header: string[]): Map<Column, number> | null {
  const cols = new Map<Column, number>()
  header.forEach((cell, i) => {
    const h = fold(cell).replace(/\s+/g, '')
    for (const [col, re] of HEADERS) {
      if (!cols.has(col) && re.test(h)) {
        cols.set(col, i)
        break
      }
    }
  })
  // `重点任务 | 具体措施`: the task names the group the measures of its rows belong to
  const task = cols.get('measure')
  const measures = header.findIndex((cell, i) => i !== task && /措施|举措/.test(fold(cell).replace(/\s+/g, '')))
  if (task !== undefined && measures > task && !/措施|举措/.test(fold(header[task]!)) && !cols.has('direction')) {
    cols.set('direction', task)
    cols.set('measure', measures)
  }
  return cols.has('measure') && (cols.has('units') || cols.has('lead')) ? cols : null
}

/**
 * Offsets of each cell within a row: cells are separated by tabs, or, in a row with no tab, by
 * `|` (a row drawn with pipes, or written one cell per line); a leading `|` is frame.
 */
function cellRanges(n: NormalizedText, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  const sep = n.text.slice(start, end).includes('\t') ? '\t' : '|'
  let from = start
  if (sep === '|') {
    let k = start
    while (k < end && /\s/.test(n.text[k]!)) k++
    if (n.text[k] === '|') from = k + 1
  }
  for (let i = from; i <= end; i++) {
    if (i === end || n.text[i] === sep) {
      let a = from
      let b = i
      while (a < b && /\s/.test(n.text[a]!)) a++
      while (b > a && /\s/.test(n.text[b - 1]!)) b--
      out.push([a, b])
      from = i + 1
    }
  }
  return out
}

/**
 * Measures of a document whose tasks are given only as a table (a 任务分工表): one per row, with
 * units from its 牵头单位/责任单位 cells and the deadline from its 完成时限 cell. Blank 所属专项 and
 * 改革方向 cells left by merged cells take the value above.
 *
 * @param n - the normalised text
 * @param table - a table of kind `tasklist`
 * @param firstSeq - sequence number of the first measure
 * @param year - the document's year, for deadlines that name none (`全年`, `6月底前`)
 */
export function measuresFromTable(n: NormalizedText, table: Table, firstSeq: number, year?: number): Measure[] {
  const cols = columnsOf(table.header)
  if (!cols) return []
  const measures: Measure[] = []
  const carried: Partial<Record<'specialty' | 'direction', { start: number; end: number }>> = {}
  for (const row of table.rows) {
    const ranges = cellRanges(n, row.span.start, row.span.end)
    const at = (col: Column) => {
      const i = cols.get(col)
      const r = i === undefined ? undefined : ranges[i]
      return r && r[1] > r[0] ? { start: r[0], end: r[1] } : null
    }
    const measure = at('measure')
    if (!measure) continue
    for (const key of ['specialty', 'direction'] as const) {
      const r = at(key)
      if (r) carried[key] = r
    }
    const units: UnitRef[] = []
    for (const col of ['lead', 'units', 'cooperating'] as const) {
      const r = at(col)
      if (!r) continue
      const text = n.text.slice(r.start, r.end)
      for (const u of parseUnitList(text, fold(text), ROLE[col]!)) {
        units.push({ name: u.name, normalized: u.normalized, role: u.role, span: makeSpan(n, r.start + u.start, r.start + u.end) })
      }
    }
    const d = at('deadline')
    const leadUnits = units.filter((u) => u.role === 'lead')
    const first = leadUnits[0] ?? units[0]
    const text = n.text.slice(measure.start, measure.end)
    const titleMatch = /^[^。！？]{2,40}(?=[。！？])/.exec(text)
    const direction = carried.direction ?? null
    const seq = firstSeq + measures.length
    measures.push({
      id: `m${seq}`,
      seq,
      part: table.part,
      numbering: null,
      title: titleMatch ? titleMatch[0] : null,
      titleSpan: titleMatch ? makeSpan(n, measure.start, measure.start + titleMatch[0].length) : null,
      direction: direction ? n.text.slice(direction.start, direction.end) : null,
      directionSpan: direction ? makeSpan(n, direction.start, direction.end) : null,
      text,
      span: makeSpan(n, measure.start, measure.end),
      path: table.title ? [table.title] : [],
      specialty: carried.specialty ? n.text.slice(carried.specialty.start, carried.specialty.end) : null,
      leadUnits,
      units,
      primaryUnit: first ? { ...first, inferred: leadUnits.length === 0 } : null,
      responsibility: null,
      deadline: d ? { ...parseDeadline(n.folded.slice(d.start, d.end), year === undefined ? {} : { year }), text: n.text.slice(d.start, d.end), span: makeSpan(n, d.start, d.end) } : null,
      sharedBlock: 1,
    })
  }
  return measures
}
