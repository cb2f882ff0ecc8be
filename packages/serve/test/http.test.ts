/**
 * The server over HTTP: what it refuses (foreign Host and Origin, paths out of what it serves,
 * requests without the token on another host, oversized uploads), and how corrections are kept.
 */
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CorrectionsFile } from '@policykb/model'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DocumentList, DocumentView, SearchResponse } from '../src/api.js'
import { type RunningServer, startServer } from '../src/server.js'
import { documentsFolder, HOSTILE, raw, root, SEED_001 } from './setup.js'

let folder: ReturnType<typeof documentsFolder>
let server: RunningServer
const logged: string[] = []
const id = `docs/${SEED_001}.txt`
const docUrl = `/api/documents/${encodeURIComponent(id)}`

beforeAll(async () => {
  folder = documentsFolder([SEED_001], { 'hostile.txt': HOSTILE })
  // A link in the served folder to a file outside it, and a corrupt corrections file.
  symlinkSync(join(root, 'package.json'), join(folder.dir, 'docs', 'link-out.txt'))
  writeFileSync(join(folder.dir, 'docs', 'hostile.txt.corrections.json'), '{"version":1,"document":"hostile.txt","corr')
  server = await startServer({ files: ['docs'], cwd: folder.dir, port: 0, maxUpload: 4096, log: (l) => logged.push(l) })
})
afterAll(async () => {
  await server.close()
  folder.remove()
})

it('lists the documents of the folder, not the link that leads out of it', async () => {
  const res = await raw(server.port, '/api/documents')
  expect(res.status).toBe(200)
  const list = DocumentList.parse(JSON.parse(res.body))
  expect(list.documents.map((d) => d.id)).toEqual(['docs/001_d25d4ccf3a63151e.txt', 'docs/hostile.txt'])
  expect(logged.some((l) => /link-out\.txt: a link out of/.test(l))).toBe(true)
})

it('answers a document view that the schema accepts', async () => {
  const res = await raw(server.port, docUrl)
  const view = DocumentView.parse(JSON.parse(res.body))
  expect(view.rows.length).toBe(25)
  const row = view.rows[1]!
  expect(view.text.slice(row.span!.start, row.span!.end)).toContain('全面落实减税降费政策')
  for (const u of row.unitSpans) expect(view.text.slice(u.start, u.end)).toBe(u.name)
})

describe('no file outside the served documents can be read', () => {
  it.each([
    '/../../package.json',
    '/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/..%2F..%2F..%2Fpackage.json',
    '//etc/passwd',
    '/etc/passwd',
    `/${encodeURIComponent(join(root, 'package.json'))}`,
    '/api/documents/..%2F..%2Fpackage.json',
    `/api/documents/${encodeURIComponent(join(root, 'package.json'))}`,
    '/api/documents/docs%2Flink-out.txt',
    '/api/documents/docs%2F..%2F..%2Fetc%2Fpasswd/export?format=csv',
    '/api/documents/%E0%A4%A',
  ])('%s', async (path) => {
    const res = await raw(server.port, path)
    expect([400, 404]).toContain(res.status)
    expect(res.body).not.toContain('policykb-monorepo')
    expect(res.body).not.toContain('root:')
  })

  it('a link in the page folder to a file outside it is not served', async () => {
    const web = documentsFolder([])
    writeFileSync(join(web.dir, 'index.html'), '<!doctype html><title>t</title>')
    symlinkSync(join(root, 'package.json'), join(web.dir, 'leak.json'))
    const other = await startServer({ port: 0, cwd: web.dir, webDir: web.dir, log: () => undefined })
    try {
      expect((await raw(other.port, '/')).status).toBe(200)
      expect((await raw(other.port, '/leak.json')).status).toBe(404)
    } finally {
      await other.close()
      web.remove()
    }
  })
})

describe('requests from elsewhere are refused', () => {
  it.each([
    { what: 'a foreign Host (DNS rebinding)', headers: { host: 'attacker.example:80' }, status: 421 },
    { what: 'the right address, another port', headers: { host: '127.0.0.1:1' }, status: 421 },
    { what: 'a foreign Origin', headers: { origin: 'http://attacker.example' }, status: 403 },
    { what: "Origin 'null' (a sandboxed page)", headers: { origin: 'null' }, status: 403 },
  ])('$what', async ({ headers, status }) => {
    const res = await raw(server.port, '/api/documents', { headers })
    expect(res.status).toBe(status)
    expect(JSON.parse(res.body).error).toMatch(/^refused/)
  })

  it('a change without the page header (a cross-site form) is refused, with it accepted', async () => {
    const body = JSON.stringify({ corrections: [] })
    const put = (headers: Record<string, string>) => raw(server.port, `${docUrl}/corrections`, { method: 'PUT', body, headers: { 'content-type': 'application/json', ...headers } })
    expect((await put({})).status).toBe(403)
    expect((await put({ 'x-policykb': '1', 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await put({ 'x-policykb': '1', origin: `http://127.0.0.1:${server.port}` })).status).toBe(200)
  })

  it('a request body that is not a list of corrections is refused with the place named', async () => {
    const res = await raw(server.port, `${docUrl}/corrections`, {
      method: 'PUT',
      headers: { 'x-policykb': '1' },
      body: JSON.stringify({ corrections: [{ kind: 'unit-add', anchor: { measureId: 'm1', text: 'x' }, role: 'boss' }] }),
    })
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).error).toMatch(/at corrections\.0\./)
  })
})

it('an upload above the bound is refused (413) and adds nothing', async () => {
  const res = await raw(server.port, '/api/documents', { method: 'POST', headers: { 'x-policykb': '1', 'x-file-name': 'big.txt' }, body: '一'.repeat(3000) })
  expect(res.status).toBe(413)
  const list = DocumentList.parse(JSON.parse((await raw(server.port, '/api/documents')).body))
  expect(list.documents.some((d) => d.name === 'big.txt')).toBe(false)
})

it('an uploaded text document is parsed and listed, kept in memory without a KB', async () => {
  const res = await raw(server.port, '/api/documents', {
    method: 'POST',
    headers: { 'x-policykb': '1', 'x-file-name': encodeURIComponent('上传.txt') },
    body: HOSTILE,
  })
  expect(res.status).toBe(200)
  const { document } = JSON.parse(res.body)
  expect(document).toMatchObject({ id: '上传.txt', rows: 2, savedIn: 'memory' })
})

describe('corrections on disk', () => {
  it('a corrupt corrections file is reported, and kept (renamed) when the next save replaces it', async () => {
    const hostile = '/api/documents/docs%2Fhostile.txt'
    const view = DocumentView.parse(JSON.parse((await raw(server.port, hostile)).body))
    expect(view.correctionsProblem).toMatch(/hostile\.txt\.corrections\.json: not JSON/)
    expect(view.corrections).toEqual([])
    const correction = { kind: 'not-a-task', anchor: { measureId: view.rows[1]!.measureId!, text: view.rows[1]!.measure } }
    const res = await raw(server.port, `${hostile}/corrections`, { method: 'PUT', headers: { 'x-policykb': '1' }, body: JSON.stringify({ corrections: [correction] }) })
    const after = DocumentView.parse(JSON.parse(res.body))
    expect(after.rows.length).toBe(1)
    expect(after.correctionsProblem).toBeNull()
    const files = readdirSync(join(folder.dir, 'docs'))
    const kept = files.find((f) => f.startsWith('hostile.txt.corrections.json.corrupt-'))
    expect(kept).toBeDefined()
    expect(readFileSync(join(folder.dir, 'docs', kept!), 'utf8')).toBe('{"version":1,"document":"hostile.txt","corr')
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([])
    const saved = CorrectionsFile.parse(JSON.parse(readFileSync(join(folder.dir, 'docs', 'hostile.txt.corrections.json'), 'utf8')))
    expect(saved.corrections).toEqual([correction])
  })

  it('a source range maps to the normalised text a correction anchors to', async () => {
    const view = DocumentView.parse(JSON.parse((await raw(server.port, docUrl)).body))
    const start = view.text.indexOf('全面落实减税降费政策')
    const res = await raw(server.port, `${docUrl}/range`, { method: 'POST', headers: { 'x-policykb': '1' }, body: JSON.stringify({ start, end: start + 10 }) })
    expect(JSON.parse(res.body).range.text).toBe('全面落实减税降费政策')
  })
})

it('search answers with facets and offsets of the search package', async () => {
  const res = await raw(server.port, `/api/search?q=${encodeURIComponent('市税务局')}`)
  const result = SearchResponse.parse(JSON.parse(res.body))
  expect(result.total).toBeGreaterThan(0)
  const snippet = result.hits[0]!.snippets.find((s) => s.ranges.length > 0)!
  expect(snippet.text.slice(snippet.ranges[0]!.start, snippet.ranges[0]!.end)).toBe('市税务局')
  expect(result.facets.unit.some((f) => f.unit === '市税务局' && f.role === 'lead')).toBe(true)
})

it('the calendar of a unit has one event per dated measure, lines folded', async () => {
  const res = await raw(server.port, '/api/due.ics?today=2022-06-01')
  expect(res.status).toBe(200)
  expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
  const due = JSON.parse((await raw(server.port, '/api/due?today=2022-06-01')).body)
  const items = due.months.flatMap((m: { items: unknown[] }) => m.items)
  expect(items.length).toBeGreaterThan(0)
  expect(res.body.match(/BEGIN:VEVENT/g)?.length).toBe(items.length)
  for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
})

describe('on another host than loopback', () => {
  let open: RunningServer
  beforeAll(async () => {
    open = await startServer({ files: [`docs/${SEED_001}.txt`], cwd: folder.dir, host: '0.0.0.0', port: 0, log: () => undefined })
  })
  afterAll(() => open.close())

  it('every request needs the token; the first with ?token= sets a cookie the page then sends', async () => {
    expect(open.token).toMatch(/^[\w-]{20,}$/)
    expect(open.url).toContain(`?token=${open.token}`)
    expect((await raw(open.port, '/api/documents', { headers: { host: `192.0.2.1:${open.port}` } })).status).toBe(401)
    expect((await raw(open.port, '/?token=wrong')).status).toBe(401)
    const first = await raw(open.port, `/api/documents?token=${open.token}`)
    expect(first.status).toBe(200)
    const cookie = String(first.headers['set-cookie']).split(';')[0]!
    expect((await raw(open.port, '/api/documents', { headers: { cookie } })).status).toBe(200)
    expect((await raw(open.port, '/api/documents', { headers: { 'x-policykb-token': open.token! } })).status).toBe(200)
  })
})

it('no corrections file was written into fixtures/', () => {
  expect(existsSync(join(root, 'fixtures', SEED_001, `${SEED_001}.txt.corrections.json`))).toBe(false)
})
