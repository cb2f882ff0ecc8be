/** The page's place, kept in the URL hash: `#/`, `#/doc/<id>?row=m12`, `#/search?q=…`, `#/units`, `#/due`. */
import { useEffect, useState } from 'preact/hooks'

export interface Route {
  view: 'list' | 'doc' | 'search' | 'units' | 'due'
  id: string | null
  params: URLSearchParams
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?')
  const params = new URLSearchParams(query)
  const parts = path.split('/').filter(Boolean)
  if (parts[0] === 'doc' && parts[1] !== undefined) return { view: 'doc', id: decodeURIComponent(parts[1]), params }
  if (parts[0] === 'search' || parts[0] === 'units' || parts[0] === 'due') return { view: parts[0], id: null, params }
  return { view: 'list', id: null, params }
}

export function docHash(id: string, row?: string | null): string {
  return `#/doc/${encodeURIComponent(id)}${row ? `?row=${encodeURIComponent(row)}` : ''}`
}

export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash)
  useEffect(() => {
    const on = () => setHash(location.hash)
    addEventListener('hashchange', on)
    return () => removeEventListener('hashchange', on)
  }, [])
  return parseRoute(hash)
}
