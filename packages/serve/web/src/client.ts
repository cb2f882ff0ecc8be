/** Talking to the server: every response checked against the API's schemas before the page uses it. */
import type { z } from 'zod'
import { ApiError } from '../../src/api.ts'

/** The server's answer was an error, or not what the API says. */
export class RequestError extends Error {}

/** Fetch `path` and parse the JSON answer with `schema`. */
export async function request<T extends z.ZodType>(path: string, schema: T, init: RequestInit = {}): Promise<z.output<T>> {
  const headers = new Headers(init.headers)
  // The server refuses changes that do not carry this header (no cross-site form can set it).
  if (init.method && init.method !== 'GET') headers.set('x-policykb', '1')
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' })
  const data: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = ApiError.safeParse(data)
    throw new RequestError(error.success ? error.data.error : `HTTP ${response.status}`)
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) throw new RequestError(`服务器的回答不符合接口：${parsed.error.issues[0]?.path.join('.') ?? ''}`)
  return parsed.data
}

/** JSON body for a PUT or POST. */
export const jsonInit = (method: string, value: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
})

/** The URL path of a document's API. */
export const docPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`
