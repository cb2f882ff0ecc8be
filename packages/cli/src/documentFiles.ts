/**
 * Which files a directory named on the command line stands for: document files by kind (the
 * extensions the reading stage knows: .txt .md .html .htm .docx .doc .pdf …), minus what the
 * directory's `.policykbignore` and the `--exclude` patterns leave out.
 */
import type { Dirent } from 'node:fs'
import { readFile, readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
// The light entry: the parser itself is imported only when documents are read (search --kb starts fast).
import { formatOfExtension } from '@policykb/parser/formats'
import { describeFsError } from './io.js'
import { type IgnoreRule, ignoreRules, isIgnored } from './ignore.js'

/** The file in a walked directory whose patterns (gitignore syntax) leave files out. */
export const IGNORE_FILE = '.policykbignore'

/** The extensions a directory is searched for, for messages and help. */
export const DOCUMENT_KINDS = '.txt, .md, .html, .htm, .docx, .doc or .pdf'

/** Whether a file name is a document by its kind (its extension names a format the readers take). */
export const isDocumentFile = (name: string): boolean => formatOfExtension(name) !== undefined

/** Options of {@link documentPaths}. */
export interface DocumentSelection {
  /** More patterns to leave out (`--exclude`), gitignore syntax, relative to each directory walked. */
  exclude?: readonly string[]
}

/** The files named by the command line: directories expanded, repeats dropped. */
export interface DocumentPaths {
  /** Files to read, in order: as given, or found under a directory given (sorted). */
  paths: string[]
  /** One line for each argument that yielded nothing to read (an empty directory, say). */
  failures: string[]
}

/**
 * Expand the FILES|DIR arguments. A directory stands for every document file under it
 * ({@link isDocumentFile}; recursively, in name order, hidden entries skipped, symbolic links to
 * directories not followed) that its {@link IGNORE_FILE} and `selection.exclude` do not leave
 * out; anything else is kept as given (a file named is read whatever its name), for the reader
 * to report if it cannot be read. A file named twice (directly or through a directory) is kept
 * once, where it first appears. `-` (standard input) is kept as it is.
 */
export async function documentPaths(args: readonly string[], selection: DocumentSelection = {}): Promise<DocumentPaths> {
  const paths: string[] = []
  const failures: string[] = []
  const seen = new Set<string>()
  const add = (path: string) => {
    const key = path === '-' ? '-' : resolve(path)
    if (seen.has(key)) return
    seen.add(key)
    paths.push(path)
  }
  const exclude = ignoreRules(selection.exclude ?? [])
  for (const arg of args) {
    const isDirectory = arg !== '-' && (await stat(arg).then((s) => s.isDirectory(), () => false))
    if (!isDirectory) {
      add(arg)
      continue
    }
    const rules = await readIgnoreFile(arg)
    if (typeof rules === 'string') {
      failures.push(rules)
      continue
    }
    const found: string[] = []
    const problem = await walk(arg, '', [...rules, ...exclude], found)
    if (problem) failures.push(problem)
    else if (found.length === 0) failures.push(`${arg}: no ${DOCUMENT_KINDS} files in this directory (or all are ignored)`)
    for (const path of found) add(path)
  }
  return { paths, failures }
}

/** The rules of `dir`'s ignore file: none when it has none, a message when it cannot be read. */
async function readIgnoreFile(dir: string): Promise<IgnoreRule[] | string> {
  const file = join(dir, IGNORE_FILE)
  try {
    return ignoreRules(await readFile(file, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    return `${file}: ${describeFsError(error, 'read')}`
  }
}

/** Collect the document files under `root/rel` into `out`; a message when a directory cannot be read. */
async function walk(root: string, rel: string, rules: readonly IgnoreRule[], out: string[]): Promise<string | undefined> {
  const dir = rel === '' ? root : join(root, rel)
  let entries: Dirent[]
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    return `${dir}: ${describeFsError(error, 'read')}`
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`
    if (entry.isDirectory()) {
      if (isIgnored(rules, path, true)) continue
      const problem = await walk(root, path, rules, out)
      if (problem) return problem
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isDocumentFile(entry.name) && !isIgnored(rules, path, false)) {
      out.push(join(root, path))
    }
  }
  return undefined
}
