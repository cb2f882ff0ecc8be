/** The knowledge-base views: search with facets, the unit directory, deadlines by month. */
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { DueResponse, type HitView, SearchResponse, UnitsResponse } from '../../src/api.ts'
import { request } from './client.ts'
import { docHash } from './route.ts'

const ROLE_NAMES: Record<string, string> = { lead: '牵头', responsible: '责任', cooperating: '配合', implementing: '落实', any: '任意' }
const FIELD_NAMES: Record<string, string> = { title: '标题', direction: '改革方向', text: '正文', units: '单位' }

const setHash = (view: string, params: URLSearchParams) => {
  location.hash = `#/${view}?${params}`
}

/** A snippet with its matches in <mark>: slices of text, never markup. */
function Snippet(props: { text: string; ranges: { start: number; end: number }[]; cut: boolean }) {
  const out: ComponentChildren[] = []
  let at = 0
  for (const r of props.ranges) {
    out.push(props.text.slice(at, r.start), <mark>{props.text.slice(r.start, r.end)}</mark>)
    at = r.end
  }
  out.push(props.text.slice(at))
  return <span class="snippet">{props.cut ? ['…', ...out, '…'] : out}</span>
}

export function SearchPage(props: { params: URLSearchParams }) {
  const params = props.params
  const [result, setResult] = useState<SearchResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [q, setQ] = useState(params.get('q') ?? '')
  const key = params.toString()
  useEffect(() => {
    setQ(params.get('q') ?? '')
    request(`/api/search?${params}`, SearchResponse).then(setResult, (e: Error) => setError(e.message))
  }, [key])
  const toggle = (pairs: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(pairs)) {
      if (v === null || next.get(k) === v) next.delete(k)
      else next.set(k, v)
    }
    next.delete('offset')
    setHash('search', next)
  }
  const active = (k: string, v: string) => params.get(k) === v
  const filters = ['unit', 'role', 'specialty', 'month', 'document'].filter((k) => params.get(k))
  return (
    <div class="kb">
      <form
        class="searchbar"
        onSubmit={(e) => {
          e.preventDefault()
          const next = new URLSearchParams(params)
          next.set('q', q)
          next.delete('offset')
          setHash('search', next)
        }}
      >
        <input name="q" value={q} onInput={(e) => setQ(e.currentTarget.value)} placeholder='检索：市税务局 "一网通办" -2021' />
        <button type="submit">检索</button>
        {filters.length > 0 && (
          <button type="button" onClick={() => toggle(Object.fromEntries(filters.map((k) => [k, null])))}>
            清除筛选
          </button>
        )}
      </form>
      {error && <p class="error">{error}</p>}
      {result && (
        <div class="search">
          <aside class="facets">
            <Facet title="单位 · 角色" items={result.facets.unit.map((f) => ({ label: `${f.unit} · ${ROLE_NAMES[f.role]}`, count: f.count, on: active('unit', f.unit) && active('role', f.role), key: `${f.unit}|${f.role}`, click: () => toggle({ unit: f.unit, role: f.role }) }))} />
            <Facet title="所属专项" items={result.facets.specialty.map((f) => ({ label: f.value, count: f.count, on: active('specialty', f.value), key: f.value, click: () => toggle({ specialty: f.value }) }))} />
            <Facet title="完成时限（月）" items={result.facets.month.map((f) => ({ label: f.value, count: f.count, on: active('month', f.value), key: f.value, click: () => toggle({ month: f.value }) }))} />
            <Facet title="文档" items={result.facets.document.map((f) => ({ label: f.value, count: f.count, on: active('document', f.value), key: f.value, click: () => toggle({ document: f.value }) }))} />
          </aside>
          <div class="hits">
            <p class="muted" data-total={result.total}>
              共 {result.total} 条{result.warnings.length > 0 ? `（${result.warnings.join('；')}）` : ''}
            </p>
            {result.hits.map((h) => (
              <Hit hit={h} />
            ))}
            {result.total > result.offset + result.hits.length && (
              <button type="button" onClick={() => setHash('search', new URLSearchParams({ ...Object.fromEntries(params), offset: String(result.offset + result.hits.length) }))}>
                下一页
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  )
}

function Facet(props: { title: string; items: { label: string; count: number; on: boolean; key: string; click: () => void }[] }) {
  if (props.items.length === 0) return null
  return (
    <div class="facet">
      <h3>{props.title}</h3>
      <ul>
        {props.items.map((i) => (
          <li>
            <button type="button" class={i.on ? 'on' : ''} data-facet={i.key} onClick={i.click}>
              {i.label} <span class="count">{i.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

function Hit({ hit }: { hit: HitView }) {
  const open = hit.document === null ? undefined : docHash(hit.document, hit.measureId)
  return (
    <div class="hit" data-hit={hit.id}>
      <div class="hit-head">
        {open ? <a href={open}>{hit.title ?? hit.measureId}</a> : <span>{hit.title ?? hit.measureId}</span>}
        <span class="muted">
          {' '}
          {[hit.kbDocument, hit.specialty, hit.deadline].filter(Boolean).join(' · ')}
        </span>
      </div>
      <div class="hit-units">
        {hit.units.map((u) => (
          <span class={`unit role-${u.role}`}>
            {u.name}
            <small>{ROLE_NAMES[u.role]}</small>
          </span>
        ))}
      </div>
      {hit.snippets.map((s) => (
        <div class="hit-snippet">
          <small>{FIELD_NAMES[s.field] ?? s.field}</small> <Snippet text={s.text} ranges={s.ranges} cut={s.cut} />
        </div>
      ))}
    </div>
  )
}

export function UnitsPage() {
  const [units, setUnits] = useState<UnitsResponse | null>(null)
  const [filter, setFilter] = useState('')
  useEffect(() => {
    request('/api/units', UnitsResponse).then(setUnits)
  }, [])
  if (!units) return <p class="loading">正在读取……</p>
  const shown = units.units.filter((u) => !filter || u.name.includes(filter) || u.aliases.some((a) => a.includes(filter)))
  return (
    <div class="kb">
      <input class="filter" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} placeholder="筛选单位" />
      <table class="units-table">
        <thead>
          <tr>
            <th>单位</th>
            <th>措施</th>
            <th>牵头</th>
            <th>责任</th>
            <th>配合</th>
            <th>落实</th>
            <th>其他名称</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((u) => (
            <tr>
              <td>
                <a href={`#/search?${new URLSearchParams({ q: '', unit: u.name, role: 'any' })}`}>{u.name}</a>
              </td>
              <td>{u.measures}</td>
              <td>{u.roles.lead ?? 0}</td>
              <td>{u.roles.responsible ?? 0}</td>
              <td>{u.roles.cooperating ?? 0}</td>
              <td>{u.roles.implementing ?? 0}</td>
              <td class="muted">{u.aliases.join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function DuePage(props: { params: URLSearchParams }) {
  const [today, setToday] = useState(props.params.get('today') ?? new Date().toISOString().slice(0, 10))
  const [unit, setUnit] = useState(props.params.get('unit') ?? '')
  const [due, setDue] = useState<DueResponse | null>(null)
  const query = new URLSearchParams({ today, ...(unit ? { unit } : {}) })
  useEffect(() => {
    request(`/api/due?${query}`, DueResponse).then(setDue)
  }, [today, unit])
  return (
    <div class="kb">
      <div class="searchbar">
        <label>
          截至 <input type="date" value={today} onInput={(e) => setToday(e.currentTarget.value)} />
        </label>
        <input value={unit} onChange={(e) => setUnit(e.currentTarget.value)} placeholder="单位（如 市税务局）" />
        <a class="button" href={`/api/due.ics?${query}`} download>
          导出日历（.ics）
        </a>
      </div>
      {due?.months.map((m) => (
        <section class="month">
          <h3>
            {m.month}（{m.items.length}）
          </h3>
          <ul>
            {m.items.map((i) => (
              <li class={i.overdue ? 'overdue' : ''}>
                {i.overdue && <span class="badge">逾期</span>}
                {i.document ? <a href={docHash(i.document, i.measureId)}>{i.title}</a> : i.title}
                <span class="muted">
                  {' '}
                  {i.deadline} · {i.lead.join('、')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
