/** The review page: the list of documents, a document's view, and the knowledge-base views. */
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { DocumentList, UploadResponse } from '../../src/api.ts'
import { request } from './client.ts'
import { DocumentPage } from './document.tsx'
import { DuePage, SearchPage, UnitsPage } from './kb.tsx'
import { docHash, useRoute } from './route.ts'
import './style.css'

/** Upload dropped or picked files; opens the document when there is one. */
async function upload(files: FileList | File[], onDone: () => void, onError: (message: string) => void) {
  const list = [...files]
  let last: string | null = null
  for (const file of list) {
    try {
      const answer = await request('/api/documents', UploadResponse, {
        method: 'POST',
        headers: { 'x-file-name': encodeURIComponent(file.name), 'content-type': 'application/octet-stream' },
        body: file,
      })
      last = answer.document.id
    } catch (e) {
      onError(`${file.name}：${(e as Error).message}`)
    }
  }
  onDone()
  if (list.length === 1 && last !== null) location.hash = docHash(last)
}

function ListPage(props: { version: number; onPick: (files: FileList) => void }) {
  const [list, setList] = useState<DocumentList | null>(null)
  useEffect(() => {
    request('/api/documents', DocumentList).then(setList)
  }, [props.version])
  return (
    <div class="list">
      <h2>文档</h2>
      <table>
        <thead>
          <tr>
            <th>文件</th>
            <th>标题</th>
            <th>任务</th>
            <th>更正</th>
            <th>冲突</th>
            <th>更正保存于</th>
          </tr>
        </thead>
        <tbody>
          {list?.documents.map((d) => (
            <tr data-doc={d.id}>
              <td>
                <a href={docHash(d.id)}>{d.name}</a>
              </td>
              <td>{d.title ?? '—'}</td>
              <td>{d.rows}</td>
              <td>{d.corrections}</td>
              <td>{d.conflicts}</td>
              <td class="muted">{{ beside: '原文旁', kb: '知识库', memory: '仅本次' }[d.savedIn]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label class="dropzone">
        把文件拖到页面上，或 <u>选择文件</u>（txt、html、docx、doc、pdf）
        <input type="file" multiple hidden onChange={(e) => e.currentTarget.files && props.onPick(e.currentTarget.files)} />
      </label>
    </div>
  )
}

function App() {
  const route = useRoute()
  const [version, setVersion] = useState(0)
  const [dragging, setDragging] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const onFiles = (files: FileList | File[]) => upload(files, () => setVersion((v) => v + 1), setError)

  useEffect(() => {
    // One document given on the command line: open it.
    if (location.hash === '' || location.hash === '#/') {
      request('/api/documents', DocumentList.extend({ initial: DocumentList.shape.documents.element.shape.id.nullable() })).then((l) => {
        if (l.initial && (location.hash === '' || location.hash === '#/')) location.replace(docHash(l.initial))
      })
    }
    const over = (e: DragEvent) => {
      e.preventDefault()
      setDragging(true)
    }
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false)
    }
    const drop = (e: DragEvent) => {
      e.preventDefault()
      setDragging(false)
      if (e.dataTransfer?.files.length) onFiles(e.dataTransfer.files)
    }
    addEventListener('dragover', over)
    addEventListener('dragleave', leave)
    addEventListener('drop', drop)
    return () => {
      removeEventListener('dragover', over)
      removeEventListener('dragleave', leave)
      removeEventListener('drop', drop)
    }
  }, [])

  const nav = (view: string, label: string) => (
    <a href={`#/${view}`} class={route.view === view || (view === '' && route.view === 'list') ? 'on' : ''}>
      {label}
    </a>
  )
  return (
    <div class={`app${dragging ? ' dragging' : ''}`}>
      <nav class="top">
        <span class="brand">policykb 审阅</span>
        {nav('', '文档')}
        {nav('search', '检索')}
        {nav('units', '单位')}
        {nav('due', '时限')}
      </nav>
      {error && (
        <p class="error">
          {error}{' '}
          <button type="button" onClick={() => setError(null)}>
            关闭
          </button>
        </p>
      )}
      <main>
        {route.view === 'doc' && route.id !== null && <DocumentPage key={route.id} id={route.id} row={route.params.get('row')} />}
        {route.view === 'list' && <ListPage version={version} onPick={onFiles} />}
        {route.view === 'search' && <SearchPage params={route.params} />}
        {route.view === 'units' && <UnitsPage />}
        {route.view === 'due' && <DuePage params={route.params} />}
      </main>
      {dragging && <div class="drop-overlay">松开以添加文档</div>}
    </div>
  )
}

render(<App />, document.getElementById('app')!)
