/**
 * The document view: the source on the left, the 任务清单 rows (as `policykb tasklist` makes them,
 * with the corrections applied) on the right, the editor of the selected row below them.
 */
import type { Correction, CorrectionAnchor, UnitRole } from '@policykb/model'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { DocumentView, type Range, RangeResponse, type RowView } from '../../src/api.ts'
import { docPath, jsonInit, request } from './client.ts'
import { lineStarts, type Mark, SourcePane, scrollToOffset } from './source.tsx'

const ROLE_NAMES: Record<UnitRole, string> = { lead: '牵头', responsible: '责任', cooperating: '配合', implementing: '落实' }
const KIND_NAMES: Record<string, string> = { plan: '方案/规划', reply: '复函', unknown: '未识别' }
const EXPORTS = ['xlsx', 'docx', 'csv'] as const

const anchorOf = (row: RowView): CorrectionAnchor => ({ measureId: row.measureId ?? '', text: row.measure })

/** The marks of a row: its measure, each unit, its deadline. */
function marksOf(row: RowView | undefined, selection: Range | null): Mark[] {
  const marks: Mark[] = []
  if (selection) marks.push({ ...selection, kind: 'selection' })
  if (!row) return marks
  if (row.span) marks.push({ ...row.span, kind: 'measure' })
  for (const u of row.unitSpans) marks.push({ start: u.start, end: u.end, kind: 'unit' })
  if (row.deadlineSpan) marks.push({ ...row.deadlineSpan, kind: 'deadline' })
  return marks
}

export function DocumentPage(props: { id: string; row: string | null }) {
  const [view, setView] = useState<DocumentView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [selected, setSelected] = useState<string | null>(props.row)
  const [editing, setEditing] = useState(false)
  const [selection, setSelection] = useState<Range | null>(null)
  const rowsRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    setView(null)
    request(docPath(props.id), DocumentView).then(setView, (e: Error) => setError(e.message))
  }, [props.id])

  const starts = useMemo(() => (view ? lineStarts(view.text) : [0]), [view?.text])
  const rows = view?.rows ?? []
  const index = rows.findIndex((r) => r.measureId === selected)
  const row = index >= 0 ? rows[index] : undefined
  const marks = useMemo(() => marksOf(row, selection), [row, selection])

  // Open at the row the URL names (a search hit), once the view is there.
  useEffect(() => {
    if (view && props.row) select(props.row, true)
  }, [view === null, props.row])

  function select(measureId: string | null, scroll: boolean) {
    setSelected(measureId)
    const r = rows.find((x) => x.measureId === measureId) ?? view?.rows.find((x) => x.measureId === measureId)
    if (scroll && r?.span) requestAnimationFrame(() => scrollToOffset(starts, r.span!.start))
    requestAnimationFrame(() => rowsRef.current?.querySelector('.row.selected')?.scrollIntoView({ block: 'nearest' }))
  }

  async function save(corrections: Correction[]) {
    try {
      setView(await request(`${docPath(props.id)}/corrections`, DocumentView, jsonInit('PUT', { corrections })))
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    }
  }
  const correct = (c: Correction) => save([...(view?.corrections ?? []), c])
  const undo = () => view && view.corrections.length > 0 && save(view.corrections.slice(0, -1))

  async function rangeOf(r: Range) {
    return (await request(`${docPath(props.id)}/range`, RangeResponse, jsonInit('POST', r))).range
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement
      if (target.closest('input, textarea, select')) {
        if (e.key === 'Escape') setEditing(false)
        return
      }
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault()
        const next = rows[Math.min(rows.length - 1, index + 1)]
        if (next) select(next.measureId, true)
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault()
        const prev = rows[Math.max(0, index - 1)]
        if (prev) select(prev.measureId, true)
      } else if (e.key === 'Enter' || e.key === 'o') {
        if (row?.span) scrollToOffset(starts, row.span.start)
      } else if (e.key === 'e') {
        if (row) setEditing(true)
      } else if (e.key === 'Escape') setEditing(false)
      else if (e.key === 'z' && (e.ctrlKey || e.metaKey)) undo()
    }
    addEventListener('keydown', onKey)
    return () => removeEventListener('keydown', onKey)
  })

  if (error && !view) return <p class="error">{error}</p>
  if (!view) return <p class="loading">正在打开……</p>

  const pick = (offset: number) => {
    // The innermost row whose measure holds the offset.
    const holding = view.rows.filter((r) => r.span && r.span.start <= offset && offset < r.span.end)
    holding.sort((a, b) => a.span!.end - a.span!.start - (b.span!.end - b.span!.start))
    if (holding[0]) select(holding[0].measureId, false)
  }
  const m = view.metadata
  return (
    <div class="doc">
      <section class="left">
        <header class="pane-head">
          <span>
            <a href="#/">文档</a> › <strong>{view.summary.name}</strong>
          </span>
          <span class="muted">
            {' '}
            共 {starts.length} 行{view.pages.length > 0 ? `，${view.pages.length} 页` : ''}
          </span>
        </header>
        <SourcePane text={view.text} starts={starts} marks={marks} pages={view.pages} onPick={pick} onSelect={setSelection} />
      </section>
      <section class="right">
        <header class="pane-head">
          <div class="meta">
            <div class="title">{m.title ?? '（无标题）'}</div>
            <div class="muted">
              {[m.docNumber, m.issuer, m.date, KIND_NAMES[m.kind]].filter(Boolean).join(' · ')} · {view.rows.length} 条任务
            </div>
          </div>
          <div class="actions">
            {EXPORTS.map((f) => (
              <a class="button" href={`${docPath(props.id)}/export?format=${f}`} download data-export={f}>
                导出 {f}
              </a>
            ))}
            <button type="button" onClick={undo} disabled={view.corrections.length === 0} title="撤销上一条更正 (Ctrl+Z)">
              撤销（{view.corrections.length}）
            </button>
          </div>
        </header>
        {error && <p class="error">{error}</p>}
        {view.correctionsProblem && <p class="error">更正文件无法读取，已保留原文件：{view.correctionsProblem}</p>}
        {view.conflicts.length > 0 && (
          <details class="conflicts" open>
            <summary>{view.conflicts.length} 条更正与当前文本不符，未应用</summary>
            <ul>
              {view.conflicts.map((c) => (
                <li>
                  第 {c.index + 1} 条（{view.corrections[c.index]?.kind}）：{c.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
        <div class="rows" ref={rowsRef} role="listbox" aria-label="任务清单">
          {view.rows.map((r) => (
            <div
              class={`row${r.measureId === selected ? ' selected' : ''}${r.corrected ? ' corrected' : ''}`}
              data-seq={r.seq}
              data-measure={r.measureId ?? ''}
              role="option"
              tabIndex={-1}
              aria-selected={r.measureId === selected}
              onClick={() => select(r.measureId, true)}
              onKeyDown={(e) => e.key === ' ' && select(r.measureId, true)}
              onDblClick={() => setEditing(true)}
            >
              <div class="seq">{r.seq}</div>
              <div class="cells">
                <div class="direction">
                  {r.specialty && <span class="tag">{r.specialty}</span>}
                  {r.direction}
                </div>
                <div class="measure">{r.measure}</div>
                <div class="units">
                  {r.leadUnits.length > 0 && <span class="lead">牵头：{r.leadUnits.join('、')}</span>}
                  {r.units && <span class="resp">责任：{r.units}</span>}
                  {r.deadline && <span class="deadline">时限：{r.deadline}</span>}
                </div>
              </div>
            </div>
          ))}
        </div>
        {row && editing && (
          <Editor row={row} selection={selection} onCorrect={correct} rangeOf={rangeOf} onClose={() => setEditing(false)} rows={view.rows} />
        )}
        {row && !editing && (
          <p class="hint">
            第 {row.seq} 条，原文第 {row.line ?? '—'} 行。j/k 上下，Enter 定位原文，e 更正
            <button type="button" onClick={() => setEditing(true)}>
              更正
            </button>
          </p>
        )}
        <details class="diagnostics">
          <summary>解析提示（{view.diagnostics.length}）</summary>
          <ul>
            {view.diagnostics.map((d) => (
              <li class={d.severity}>
                {d.line ? `第 ${d.line} 行 ` : ''}[{d.ruleId}] {d.reason}
              </li>
            ))}
          </ul>
        </details>
      </section>
    </div>
  )
}

/** The corrections of one row. */
function Editor(props: {
  row: RowView
  rows: RowView[]
  selection: Range | null
  onCorrect: (c: Correction) => void
  rangeOf: (r: Range) => Promise<{ start: number; end: number; text: string }>
  onClose: () => void
}) {
  const { row } = props
  const anchor = anchorOf(row)
  const [direction, setDirection] = useState(row.direction ?? '')
  const [measure, setMeasure] = useState(row.measure)
  const [deadline, setDeadline] = useState(row.deadline)
  const [deadlineDate, setDeadlineDate] = useState('')
  const [unit, setUnit] = useState('')
  const [role, setRole] = useState<UnitRole>('responsible')
  useEffect(() => {
    setDirection(row.direction ?? '')
    setMeasure(row.measure)
    setDeadline(row.deadline)
  }, [row.measureId, row.measure])
  const named = [
    ...row.leadUnits.map((name) => ({ name, role: 'lead' as UnitRole })),
    ...row.units
      .split(/[、，,；;](?![^（(]*[）)])/)
      .map((s) => s.trim().replace(/(牵头|配合|负责落实|按职责分工负责|负责)$/, ''))
      .filter((s) => s && !row.leadUnits.includes(s))
      .map((name) => ({ name, role: 'responsible' as UnitRole })),
  ]
  return (
    <div class="editor" data-editing={row.measureId ?? ''}>
      <div class="editor-head">
        更正第 {row.seq} 条
        <button type="button" onClick={props.onClose}>
          关闭
        </button>
      </div>
      <label>
        改革方向
        <input value={direction} onInput={(e) => setDirection(e.currentTarget.value)} name="direction" />
        <button type="button" onClick={() => props.onCorrect({ kind: 'direction', anchor, value: direction.trim() || null })}>
          保存
        </button>
      </label>
      <label>
        升级措施
        <textarea value={measure} onInput={(e) => setMeasure(e.currentTarget.value)} rows={4} name="measure" />
        <button type="button" onClick={() => measure.trim() && props.onCorrect({ kind: 'measure', anchor, value: measure.trim(), range: null })}>
          保存
        </button>
        <button
          type="button"
          disabled={!props.selection}
          title="在左侧原文中选中一段"
          onClick={async () => {
            if (!props.selection) return
            const range = await props.rangeOf(props.selection)
            props.onCorrect({ kind: 'measure', anchor, value: range.text.replace(/\s+/g, ''), range })
          }}
        >
          以选中原文为措施
        </button>
      </label>
      <div class="units-edit">
        单位
        <ul>
          {named.map((u) => (
            <li data-unit={u.name}>
              {u.name}
              <select
                value={u.role}
                onChange={(e) => props.onCorrect({ kind: 'unit-role', anchor, unit: u.name, role: e.currentTarget.value as UnitRole })}
                aria-label={`${u.name} 的角色`}
              >
                {Object.entries(ROLE_NAMES).map(([k, v]) => (
                  <option value={k}>{v}</option>
                ))}
              </select>
              <button type="button" class="remove" onClick={() => props.onCorrect({ kind: 'unit-remove', anchor, unit: u.name })}>
                删除
              </button>
            </li>
          ))}
        </ul>
        <input value={unit} onInput={(e) => setUnit(e.currentTarget.value)} placeholder="新增单位" name="unit" />
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as UnitRole)} name="role">
          {Object.entries(ROLE_NAMES).map(([k, v]) => (
            <option value={k}>{v}</option>
          ))}
        </select>
        <button type="button" class="add-unit" onClick={() => unit.trim() && props.onCorrect({ kind: 'unit-add', anchor, unit: unit.trim(), role })}>
          添加
        </button>
      </div>
      <label>
        完成时限
        <input value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} name="deadline" />
        <input type="date" value={deadlineDate} onInput={(e) => setDeadlineDate(e.currentTarget.value)} />
        <button type="button" onClick={() => props.onCorrect({ kind: 'deadline', anchor, value: deadline.trim(), date: deadlineDate || null })}>
          保存
        </button>
      </label>
      <div class="editor-actions">
        <button type="button" class="danger" onClick={() => props.onCorrect({ kind: 'not-a-task', anchor })}>
          不是任务
        </button>
        <button
          type="button"
          disabled={!props.selection}
          onClick={async () => {
            if (!props.selection) return
            const range = await props.rangeOf(props.selection)
            props.onCorrect({
              kind: 'add-task',
              after: anchor,
              range,
              measure: range.text.replace(/\s+/g, ''),
              direction: row.direction,
              leadUnits: [],
              units: '',
              deadline: '',
            })
          }}
        >
          以选中原文新增任务（排在本条之后）
        </button>
      </div>
    </div>
  )
}

