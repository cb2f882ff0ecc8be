/**
 * The knowledge-base views of the page, answered by `@policykb/search`: search with facets and
 * highlighted snippets, the unit directory, and measures by deadline (with a calendar export).
 */
import type { Measure, UnitRole } from '@policykb/model'
import type { KnowledgeBase, SearchHit, SearchOptions } from '@policykb/search'
import { deadlineCell } from '@policykb/tasklist'
import type { DueResponse, HitView, SearchRequest, SearchResponse, UnitsResponse } from './api.js'

/** Maps a KB document id to the id of the served document that holds it, null when none does. */
export type ServedOf = (kbDocument: string) => string | null

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

/** The search options of a page request. */
function optionsOf(req: SearchRequest): SearchOptions {
  return {
    limit: Number.POSITIVE_INFINITY,
    ...(req.unit ? { unit: req.unit, role: req.role } : {}),
    ...(req.specialty ? { specialty: req.specialty } : {}),
    ...(req.document ? { document: req.document } : {}),
    ...(req.month ? { dueAfter: `${req.month}-01`, dueBefore: lastDay(req.month) } : {}),
  }
}

function hitView(hit: SearchHit, servedOf: ServedOf): HitView {
  const m = hit.measure
  return {
    id: hit.id,
    document: servedOf(hit.document),
    kbDocument: hit.document,
    measureId: m.id,
    title: m.title ?? (m.text.slice(0, 40) || null),
    specialty: m.specialty,
    units: m.units.map((u) => ({ name: u.name, role: u.role })),
    deadline: deadlineCell(m.deadline),
    score: Math.round(hit.score * 100) / 100,
    snippets: hit.highlights.map((h) => ({
      field: h.field,
      text: h.snippet,
      ranges: h.snippetRanges.map((r) => ({ start: r.start, end: r.end })),
      cut: h.snippetStart > 0 || h.snippetStart + h.snippet.length < h.fieldLength,
    })),
  }
}

/**
 * A search of the page: the query in the CLI's syntax with the filters the facets set; facets
 * count every matching measure — units by canonical name and role.
 */
export function searchView(kb: KnowledgeBase, req: SearchRequest, servedOf: ServedOf): SearchResponse {
  const { offset, limit } = req
  if (kb.size === 0) {
    return { total: 0, offset, hits: [], facets: { unit: [], specialty: [], month: [], document: [] }, warnings: ['还没有文档'] }
  }
  const result = kb.search(req.q, { ...optionsOf(req), highlight: false })
  const facets = kb.facets(result)
  const byUnitRole = new Map<string, { unit: string; role: UnitRole; count: number }>()
  for (const hit of result.hits) {
    const seen = new Set<string>()
    for (const u of hit.measure.units) {
      const unit = kb.unit(u.name)?.name ?? u.name
      const key = `${unit}\u0000${u.role}`
      if (seen.has(key)) continue
      seen.add(key)
      const entry = byUnitRole.get(key) ?? { unit, role: u.role, count: 0 }
      entry.count++
      byUnitRole.set(key, entry)
    }
  }
  const page = kb.search(req.q, { ...optionsOf(req), limit, offset })
  return {
    total: result.total,
    offset,
    hits: page.hits.map((h) => hitView(h, servedOf)),
    facets: {
      unit: [...byUnitRole.values()].sort((a, b) => b.count - a.count || (a.unit < b.unit ? -1 : 1)),
      specialty: facets.specialty,
      month: facets.deadline.filter((f) => /^\d{4}-\d{2}$/.test(f.value)),
      document: facets.document,
    },
    warnings: result.warnings,
  }
}

/** The unit directory. */
export function unitsView(kb: KnowledgeBase): UnitsResponse {
  return {
    units: kb.units().map((u) => ({ name: u.name, aliases: u.aliases, measures: u.measures, roles: { ...u.roles }, documents: u.documents })),
  }
}

/** The date a measure is due, when it names one. */
function dueDate(m: Measure): string | null {
  const d = m.deadline
  return d && (d.kind === 'date' || d.kind === 'period') ? d.date : null
}

/**
 * Dated measures (of one unit, any role, when given) by deadline month, those due before `today`
 * marked overdue.
 */
export function dueView(kb: KnowledgeBase, today: string, unit: string | undefined, servedOf: ServedOf): DueResponse {
  if (kb.size === 0) return { today, months: [] }
  const result = unit ? kb.byUnit(unit, { kind: 'dated' }) : kb.search('', { kind: 'dated', limit: Number.POSITIVE_INFINITY, highlight: false })
  const months = new Map<string, DueResponse['months'][number]['items']>()
  for (const hit of result.hits) {
    const date = dueDate(hit.measure)
    if (date === null) continue
    const month = date.slice(0, 7)
    const items = months.get(month) ?? []
    items.push({
      id: hit.id,
      document: servedOf(hit.document),
      measureId: hit.measure.id,
      title: hit.measure.title ?? hit.measure.text.slice(0, 40),
      deadline: deadlineCell(hit.measure.deadline),
      date,
      overdue: date < today,
      lead: hit.measure.leadUnits.map((u) => u.name),
    })
    months.set(month, items)
  }
  return {
    today,
    months: [...months.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, items]) => ({ month, items })),
  }
}

/** Text escaped for an iCalendar value (RFC 5545 §3.3.11). */
const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1')

/** Lines folded at 75 octets (RFC 5545 §3.1), never inside a character. */
function fold(line: string): string {
  const out: string[] = []
  let current = ''
  let bytes = 0
  for (const ch of line) {
    const n = Buffer.byteLength(ch)
    if (bytes + n > (out.length === 0 ? 75 : 74)) {
      out.push(current)
      current = ''
      bytes = 0
    }
    current += ch
    bytes += n
  }
  out.push(current)
  return out.join('\r\n ')
}

/**
 * The deadlines of a unit's measures as an iCalendar file: one all-day event per dated measure on
 * its due day. Stable UIDs (document and measure), so re-importing updates rather than repeats.
 */
export function dueCalendar(due: DueResponse, unit: string | undefined, stamp: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//policykb//serve//ZH', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${icsText(`${unit ?? '全部单位'}任务时限`)}`]
  for (const { items } of due.months) {
    for (const item of items) {
      const day = item.date.replace(/-/g, '')
      const next = new Date(`${item.date}T00:00:00Z`)
      next.setUTCDate(next.getUTCDate() + 1)
      lines.push(
        'BEGIN:VEVENT',
        `UID:${icsText(item.id)}@policykb`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${day}`,
        `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, '')}`,
        `SUMMARY:${icsText(`【${item.deadline}】${item.title}`)}`,
        `DESCRIPTION:${icsText(`牵头单位：${item.lead.join('、') || '—'}\n文档：${item.id.split('#')[0]}`)}`,
        'END:VEVENT',
      )
    }
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(fold).join('\r\n')}\r\n`
}
