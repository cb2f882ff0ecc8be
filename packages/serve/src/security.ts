/**
 * Who may talk to the server: requests must name this server in Host (no DNS rebinding), come from
 * its own origin when they carry one, and — when it listens beyond the loopback interface — carry
 * the access token printed at start.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** Is the host a loopback address (or localhost)? */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

/** Listening on every interface: any name may reach it, so Host cannot be checked (the token guards it). */
export const isWildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '[::]'

/** The `host:port` values a request's Host header may carry; null when any may (a wildcard address). */
export function allowedHosts(host: string, port: number): Set<string> | null {
  if (isWildcard(host)) return null
  const names = new Set(['127.0.0.1', 'localhost', '[::1]'])
  names.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host)
  return new Set([...names].map((n) => `${n.toLowerCase()}:${port}`))
}

/** The cookie that carries the token after the first request with `?token=`. */
export const TOKEN_COOKIE = 'policykb_token'

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return undefined
}

/** Why a request is refused (status and message), or null when it may go on. */
export function refusal(
  req: IncomingMessage,
  url: URL,
  options: { hosts: ReadonlySet<string> | null; token: string | null },
): { status: number; message: string } | null {
  const host = (req.headers.host ?? '').toLowerCase()
  if (options.hosts !== null && !options.hosts.has(host)) return { status: 421, message: `refused: Host '${host}' is not this server` }
  // A page of another origin (a site the reviewer visits) may not call the API.
  const origin = req.headers.origin
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return { status: 403, message: `refused: Origin '${origin}' is not this server` }
  const site = req.headers['sec-fetch-site']
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, message: `refused: a ${site} request` }
    if (req.headers['x-policykb'] !== '1') return { status: 403, message: 'refused: not sent by the page (x-policykb header missing)' }
  }
  if (options.token !== null) {
    const given = url.searchParams.get('token') ?? (req.headers['x-policykb-token'] as string | undefined) ?? cookie(req, TOKEN_COOKIE)
    if (given === undefined || !sameSecret(given, options.token)) return { status: 401, message: 'refused: the access token is missing or wrong' }
  }
  return null
}
