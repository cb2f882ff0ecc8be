/**
 * `policykb serve`: a node:http server for the review page — its files, and the JSON API of
 * `api.ts` over the served documents and a knowledge base.
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename, dirname, resolve } from 'node:path'
import { createKnowledgeBase, type KnowledgeBase, loadKnowledgeBase } from '@policykb/search'
import { EXPORT_FORMATS, type ExportFormat, writeTaskTable } from '@policykb/tasklist'
import type { z } from 'zod'
import { PutCorrections, RangeRequest, SearchRequest } from './api.js'
import { type Asset, loadAssets, WEB_DIR } from './assets.js'
import { collectFiles } from './collect.js'
import {
  analyse,
  correctedTable,
  correctionsPathOf,
  loadCorrections,
  normalizedRange,
  type ServedDocument,
  saveCorrections,
  summaryOf,
  viewOf,
} from './documents.js'
import { dueCalendar, dueView, searchView, unitsView } from './kbViews.js'
import { allowedHosts, isLoopback, refusal, TOKEN_COOKIE } from './security.js'

/** Options of {@link startServer}. */
export interface ServeOptions {
  /** Files and directories to serve (see `collectFiles`). */
  files?: readonly string[]
  /** A knowledge base directory written by `policykb index`: searched, and its documents served when they are files under `cwd`. */
  kb?: string
  /** Interface to listen on; default `127.0.0.1`. Any other requires the access token. */
  host?: string
  /** Port; default 8420, 0 for any free one. */
  port?: number
  /** Largest upload accepted, in bytes; default 20 MiB. */
  maxUpload?: number
  /** Directory the relative paths of FILES and of the KB's documents are resolved against; default the process's. */
  cwd?: string
  /** The built page; default this package's `dist/web`. */
  webDir?: string
  /** Where messages go (a document that cannot be read, a link not followed); default standard error. */
  log?: (line: string) => void
}

/** A running server. */
export interface RunningServer {
  /** The address to open, with the token when one is needed. */
  url: string
  port: number
  /** The access token, null on a loopback host. */
  token: string | null
  /** The id of the one document served when exactly one was given, for the page to open. */
  initial: string | null
  /** Stop listening and close every connection. */
  close(): Promise<void>
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}

// The page runs only its own script: no inline script, nothing from elsewhere.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

function send(res: ServerResponse, status: number, body: string | Uint8Array, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...extra })
  res.end(body)
}

const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8')

async function body(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > max) throw new HttpError(413, `the file is larger than ${Math.round(max / 1048576)} MiB`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > max) throw new HttpError(413, `the file is larger than ${Math.round(max / 1048576)} MiB`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

async function jsonBody<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.output<T>> {
  const raw = await body(req, 8 * 1048576)
  let data: unknown
  try {
    data = JSON.parse(raw.toString('utf8'))
  } catch {
    throw new HttpError(400, 'the request body is not JSON')
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new HttpError(400, `invalid request: ${issue.message}${issue.path.length ? ` at ${issue.path.join('.')}` : ''}`)
  }
  return parsed.data
}

const today = () => new Date().toISOString().slice(0, 10)

/**
 * Start the review server: read and parse the documents, build (or load) the knowledge base,
 * load the page's files, listen.
 * @throws Error when the port cannot be listened on (in use, not permitted)
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const cwd = options.cwd ?? process.cwd()
  const host = options.host ?? '127.0.0.1'
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const maxUpload = options.maxUpload ?? 20 * 1048576
  const token = isLoopback(host) ? null : randomBytes(18).toString('base64url')
  const assets = await loadAssets(options.webDir ?? WEB_DIR)
  if (!assets.has('/index.html')) log('policykb serve: the page is not built (run pnpm build); only the API answers')

  const documents = new Map<string, ServedDocument>()
  let kb: KnowledgeBase
  let kbDir: string | null = null
  const args = [...(options.files ?? [])]
  if (options.kb !== undefined) {
    kbDir = resolve(cwd, options.kb)
    kb = await loadKnowledgeBase(kbDir)
    if (args.length === 0) for (const d of kb.documents()) if (!d.id.startsWith('/') && !d.id.includes('..')) args.push(d.id)
  } else kb = createKnowledgeBase()
  const kbIds = new Set(kb.documents().map((d) => d.id))

  const collected = await collectFiles(args, cwd)
  for (const problem of collected.problems) log(`policykb serve: ${problem}`)
  for (const file of collected.files) {
    const added = await addDocument(await readFile(file.path), file.id, basename(file.path), correctionsPathOf(file.path), 'beside')
    if (typeof added === 'string') log(`policykb serve: ${added}`)
  }
  const initial = collected.files.length === 1 && options.files?.length === 1 ? (collected.files[0]!.id ?? null) : null

  async function addDocument(
    bytes: Uint8Array,
    id: string,
    name: string,
    correctionsPath: string | null,
    savedIn: ServedDocument['savedIn'],
  ): Promise<ServedDocument | string> {
    const a = await analyse(bytes, name)
    if (!a.ok) return a.reason
    const loaded = correctionsPath === null ? { corrections: [], problem: null } : await loadCorrections(correctionsPath)
    if (loaded.problem) log(`policykb serve: ${loaded.problem} (kept; renamed at the next save)`)
    const doc: ServedDocument = {
      id,
      name,
      source: a.source,
      result: a.result,
      readDiagnostics: a.diagnostics,
      table: a.table,
      corrections: loaded.corrections,
      correctionsPath,
      savedIn,
      correctionsProblem: loaded.problem,
    }
    documents.set(id, doc)
    if (!kbIds.has(id)) {
      kb.add(a.result, { document: id })
      kbIds.add(id)
    }
    return doc
  }

  const servedOf = (kbDocument: string) => (documents.has(kbDocument) ? kbDocument : null)
  const docOf = (id: string) => {
    const doc = documents.get(id)
    if (!doc) throw new HttpError(404, `no document '${id}'`)
    return doc
  }

  async function upload(req: IncomingMessage) {
    const raw = req.headers['x-file-name']
    let name = 'upload.txt'
    try {
      if (typeof raw === 'string') name = basename(decodeURIComponent(raw)).replace(/[\u0000-\u001f]/g, '') || name
    } catch {
      throw new HttpError(400, 'x-file-name is not URI-encoded')
    }
    const bytes = await body(req, maxUpload)
    if (bytes.length === 0) throw new HttpError(400, `${name}: the file is empty`)
    let id = name
    for (let n = 2; documents.has(id) || kbIds.has(id); n++) id = `${name} (${n})`
    // With a KB, corrections of an upload are kept in it; without, only in memory.
    const correctionsPath = kbDir === null ? null : resolve(kbDir, 'corrections', `${encodeURIComponent(id)}.corrections.json`)
    if (correctionsPath !== null) await import('node:fs/promises').then((fs) => fs.mkdir(dirname(correctionsPath), { recursive: true }))
    const added = await addDocument(bytes, id, name, correctionsPath, correctionsPath === null ? 'memory' : 'kb')
    if (typeof added === 'string') throw new HttpError(422, added)
    return { document: summaryOf(added) }
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, parts: string[]) {
    const method = req.method ?? 'GET'
    const [resource, id, action] = parts
    if (resource === 'documents') {
      if (id === undefined) {
        if (method === 'GET') return json(res, 200, { documents: [...documents.values()].map(summaryOf), initial })
        if (method === 'POST') return json(res, 200, await upload(req))
      } else {
        const doc = docOf(id)
        if (action === undefined && method === 'GET') return json(res, 200, viewOf(doc))
        if (action === 'corrections' && method === 'PUT') {
          doc.corrections = (await jsonBody(req, PutCorrections)).corrections
          await saveCorrections(doc)
          return json(res, 200, viewOf(doc))
        }
        if (action === 'range' && method === 'POST') {
          const range = await jsonBody(req, RangeRequest)
          if (range.end < range.start || range.end > doc.source.text.length) throw new HttpError(400, 'the range is outside the text')
          return json(res, 200, { range: normalizedRange(doc, range) })
        }
        if (action === 'export' && method === 'GET') {
          const format = url.searchParams.get('format') ?? 'xlsx'
          if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new HttpError(400, `unknown format '${format}'`)
          const data = await writeTaskTable(correctedTable(doc).table, format as ExportFormat)
          const file = `${doc.name.replace(/\.[^.]*$/, '')}.任务清单.${format}`
          return send(res, 200, data, format === 'csv' ? 'text/csv; charset=utf-8' : 'application/octet-stream', {
            'content-disposition': `attachment; filename="tasklist.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`,
          })
        }
      }
    }
    if (resource === 'search' && method === 'GET') {
      const parsed = SearchRequest.safeParse(Object.fromEntries(url.searchParams))
      if (!parsed.success) throw new HttpError(400, `invalid search: ${parsed.error.issues[0]!.message} at ${parsed.error.issues[0]!.path.join('.')}`)
      return json(res, 200, searchView(kb, parsed.data, servedOf))
    }
    if (resource === 'units' && method === 'GET') return json(res, 200, unitsView(kb))
    if ((resource === 'due' || resource === 'due.ics') && method === 'GET') {
      const day = url.searchParams.get('today') || today()
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new HttpError(400, `invalid date '${day}' (expected YYYY-MM-DD)`)
      const unit = url.searchParams.get('unit') || undefined
      const due = dueView(kb, day, unit, servedOf)
      if (resource === 'due') return json(res, 200, due)
      const stamp = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`
      return send(res, 200, dueCalendar(due, unit, stamp), 'text/calendar; charset=utf-8', {
        'content-disposition': `attachment; filename="due.ics"; filename*=UTF-8''${encodeURIComponent(`${unit ?? '全部'}.ics`)}`,
      })
    }
    throw new HttpError(404, `no such API: ${method} /api/${parts.join('/')}`)
  }

  let hosts: Set<string> | null = new Set<string>()
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://server.invalid')
      const refused = refusal(req, url, { hosts, token })
      if (refused) return json(res, refused.status, { error: refused.message })
      // The address printed carries the token once; the page's later requests carry it in a cookie.
      if (token !== null && url.searchParams.get('token') === token) res.setHeader('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`)
      // Segments decoded one by one: an id may hold `/` (as %2F); it is only ever a key of the map.
      const raw = url.pathname.split('/').slice(1)
      let parts: string[]
      try {
        parts = raw.map((p) => decodeURIComponent(p))
      } catch {
        throw new HttpError(400, 'malformed percent-encoding in the path')
      }
      if (parts[0] === 'api') return await api(req, res, url, parts.slice(1))
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed')
      const asset: Asset | undefined = assets.get(url.pathname === '/' ? '/index.html' : url.pathname)
      if (!asset) throw new HttpError(404, 'not found')
      const csp = asset.type.startsWith('text/html') ? { 'content-security-policy': CSP } : {}
      return send(res, 200, asset.body, asset.type, csp)
    } catch (error) {
      if (error instanceof HttpError) {
        if (!res.headersSent) json(res, error.status, { error: error.message })
        if (error.status === 413) req.destroy()
        return
      }
      log(`policykb serve: internal error: ${error instanceof Error ? error.message : String(error)}`)
      if (!res.headersSent) json(res, 500, { error: 'internal error' })
    }
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 8420, host, () => {
      server.off('error', fail)
      done()
    })
  })
  const port = (server.address() as AddressInfo).port
  hosts = allowedHosts(host, port)
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return {
    url: `http://${shown}:${port}/${token === null ? '' : `?token=${token}`}${initial === null ? '' : `#/doc/${encodeURIComponent(initial)}`}`,
    port,
    token,
    initial,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}
