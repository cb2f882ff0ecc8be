/**
 * The files `policykb serve FILES|DIR` shows: files as given, directories searched for the
 * formats the readers take. A link under a directory that leads out of it is not followed.
 */
import { readdir, realpath, stat } from 'node:fs/promises'
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/** Extensions a directory is searched for. */
export const SERVED_EXTENSIONS: readonly string[] = ['.txt', '.md', '.html', '.htm', '.docx', '.doc', '.pdf']

/** A file to serve: its real path and the id it is shown under. */
export interface ServedFile {
  path: string
  id: string
}

/** What {@link collectFiles} found, and a line for each argument it could not use. */
export interface Collected {
  files: ServedFile[]
  problems: string[]
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * Expand FILES|DIR into the files to serve, each once, named by its path relative to `cwd`
 * (its file name when outside it).
 */
export async function collectFiles(args: readonly string[], cwd: string): Promise<Collected> {
  const files: ServedFile[] = []
  const problems: string[] = []
  const seen = new Set<string>()
  const taken = new Set<string>()
  const add = (real: string, shown: string) => {
    if (seen.has(real)) return
    seen.add(real)
    const abs = resolve(cwd, shown)
    let id = inside(cwd, abs) ? relative(cwd, abs).split(sep).join('/') : basename(abs)
    for (let n = 2; taken.has(id); n++) id = `${basename(abs)} (${n})`
    taken.add(id)
    files.push({ path: real, id })
  }
  for (const arg of args) {
    const real = await realpath(resolve(cwd, arg)).catch(() => null)
    if (real === null) {
      problems.push(`${arg}: no such file or directory`)
      continue
    }
    const info = await stat(real)
    if (info.isFile()) add(real, arg)
    else if (info.isDirectory()) {
      const before = files.length
      await walk(real, resolve(cwd, arg), add, problems)
      if (files.length === before) problems.push(`${arg}: no ${SERVED_EXTENSIONS.join(' ')} files in this directory`)
    } else problems.push(`${arg}: not a file or directory`)
  }
  return { files, problems }
}

async function walk(root: string, shown: string, add: (real: string, shown: string) => void, problems: string[]): Promise<void> {
  const visit = async (dir: string, shownDir: string) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => null)
    if (entries === null) {
      problems.push(`${shownDir}: cannot be read`)
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.endsWith('.corrections.json')) continue
      const path = join(dir, entry.name)
      const real = await realpath(path).catch(() => null)
      if (real === null) continue
      if (real !== root && !inside(root, real)) {
        problems.push(`${join(shownDir, entry.name)}: a link out of ${shown}, not served`)
        continue
      }
      const info = await stat(real)
      if (info.isDirectory()) {
        if (!entry.isSymbolicLink()) await visit(path, join(shownDir, entry.name))
      } else if (info.isFile() && SERVED_EXTENSIONS.includes(extname(entry.name).toLowerCase())) add(real, join(shownDir, entry.name))
    }
  }
  await visit(root, shown)
}
