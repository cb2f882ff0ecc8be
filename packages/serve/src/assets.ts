/**
 * The page's files: every file under the built front end, listed once at start and served by
 * exact name. A request path is never joined to a directory, so `..`, encoded or not, an
 * absolute path or a symbolic link out of the folder cannot reach another file.
 */
import { readdir, readFile, realpath } from 'node:fs/promises'
import { extname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the built page is: `dist/web` of this package. */
export const WEB_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url))

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
}

/** A file of the page. */
export interface Asset {
  body: Buffer
  type: string
}

/**
 * Read every file under `dir` (links that lead out of it skipped) into a map from URL path
 * (`/index.html`, `/assets/index-abc.js`) to its content.
 * @returns the map, empty when the page has not been built
 */
export async function loadAssets(dir: string = WEB_DIR): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>()
  let root: string
  try {
    root = await realpath(dir)
  } catch {
    return assets
  }
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      const real = await realpath(path).catch(() => null)
      if (real === null || relative(root, real).startsWith('..')) continue
      if (entry.isDirectory()) await walk(path)
      else if (entry.isFile() || entry.isSymbolicLink()) {
        const url = `/${relative(root, path).split(sep).join('/')}`
        assets.set(url, { body: await readFile(real), type: TYPES[extname(path)] ?? 'application/octet-stream' })
      }
    }
  }
  await walk(root)
  return assets
}
