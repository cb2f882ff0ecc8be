/**
 * What `index`, `search` and `units` share: finding the documents named on the command line,
 * reading and parsing them into a knowledge base, and opening a saved one.
 *
 * The parser is imported only when documents are read, so `search --kb` and `units --kb` start
 * without it.
 */
import { basename, isAbsolute, relative, resolve, sep } from 'node:path'
import {
  createKnowledgeBase,
  type KnowledgeBase,
  KnowledgeBaseFileError,
  loadKnowledgeBase,
  type TokenizerName,
} from '@policykb/search'
import { type OptionSpec, UsageError } from './command.js'
import type { DocumentSelection } from './documentFiles.js'
import { describeFsError, displayName, formatDiagnostic, type Io, PROGRAM, readInput } from './io.js'
import { createProgress, progressMode } from './progress.js'

/** `--kb KB`, shared by `search` and `units`. */
export const KB_OPTION = {
  type: 'string',
  value: 'KB',
  description: 'a knowledge base directory written by policykb index (instead of FILES)',
} as const satisfies OptionSpec

/** Values `--tokenizer` takes, and the tokenizer of `@policykb/search` each names. */
export const TOKENIZERS: Readonly<Record<string, TokenizerName>> = {
  jieba: 'node-rs-jieba',
  'node-rs-jieba': 'node-rs-jieba',
  nodejieba: 'nodejieba',
}

/**
 * Read a `--tokenizer` value: `jieba` (the default, @node-rs/jieba) or `nodejieba`.
 *
 * @throws UsageError naming the accepted values
 */
export function tokenizerOption(value: string | undefined, command: string): TokenizerName {
  if (value === undefined) return 'node-rs-jieba'
  const key = value.trim().toLowerCase()
  if (!Object.hasOwn(TOKENIZERS, key)) throw new UsageError(`unknown tokenizer '${value}' (expected jieba or nodejieba)`, command)
  return TOKENIZERS[key]!
}

/**
 * The id a document is filed under: its path relative to `cwd` (with `/`), or its file name
 * when it lies outside `cwd`, or its absolute path when that name is taken; `<stdin>` for `-`.
 */
export function documentId(name: string, cwd: string, taken: ReadonlySet<string>): string {
  if (name === displayName('-')) return name
  const absolute = resolve(cwd, name)
  const rel = relative(cwd, absolute)
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  const id = inside ? rel.split(sep).join('/') : basename(absolute)
  return taken.has(id) ? absolute : id
}

/** Options of {@link buildKnowledgeBase}. */
export interface BuildOptions {
  io: Io
  encoding?: string | undefined
  tokenizer?: TokenizerName
  /** Which files under a directory are read (`--exclude`); default every document file not ignored. */
  selection?: DocumentSelection
  /** Show progress and each document's warnings and notes (`index`); default false. */
  verbose?: boolean
}

/** What {@link buildKnowledgeBase} made of the command line. */
export interface Built {
  kb: KnowledgeBase
  /** Files found (arguments and files under directories), and those that failed. */
  total: number
  failed: number
  /** Documents added and their measures. */
  documents: number
  measures: number
}

/**
 * Read, decode and parse every document the arguments name (see {@link documentPaths}) and add
 * it to a new knowledge base, under {@link documentId}. A file that cannot be read is reported on
 * standard error, naming it, and the rest go on. With `verbose`, progress is shown (a bar on a
 * terminal, a line per file otherwise, for more than one file) with each document's warnings
 * and a note for a document without measures.
 *
 * Never throws for a problem with a file.
 */
export async function buildKnowledgeBase(args: readonly string[], options: BuildOptions): Promise<Built> {
  const { io } = options
  const verbose = options.verbose ?? false
  // Imported here: only the commands that read documents need the parser.
  const { parseSource } = await import('./parser.js')
  const { documentPaths } = await import('./documentFiles.js')
  const { paths, failures } = await documentPaths(args, options.selection)
  const stderr = io.stderr as Io['stderr'] & { isTTY?: boolean; columns?: number }
  const progress = createProgress(stderr, paths.length, progressMode(stderr, paths.length, !verbose))
  const kb = createKnowledgeBase(options.tokenizer === undefined ? {} : { tokenizer: options.tokenizer })
  const error = (message: string) => progress.message(`${PROGRAM}: ${message}`)
  for (const failure of failures) error(failure)
  const cwd = process.cwd()
  const taken = new Set<string>()
  let failed = failures.length
  let measures = 0
  let stdinSeen = false
  for (const [i, path] of paths.entries()) {
    const label = displayName(path)
    progress.start(i, label)
    if (path === '-') {
      if (stdinSeen) {
        error(`${label}: standard input can be read only once`)
        failed++
        continue
      }
      stdinSeen = true
    }
    const read = await readInput(path, { io, encoding: options.encoding })
    if (!read.ok) {
      error(read.message)
      failed++
      continue
    }
    const { input } = read
    const result = parseSource(input.source, { file: input.name })
    if (verbose) {
      for (const d of [...input.diagnostics, ...result.diagnostics]) {
        if (d.severity === 'warning' || d.severity === 'error') progress.message(formatDiagnostic(d, input.name))
      }
      if (result.measures.length === 0) {
        const kind = result.document.kind
        const why = kind === 'plan' ? 'no measures were found in it' : `document kind is '${kind}', not a plan: it has no measures`
        progress.message(formatDiagnostic({ ruleId: 'no-measures', severity: 'info', reason: `${why}; indexed as a document without measures` }, input.name))
      }
    }
    const id = documentId(input.name, cwd, taken)
    try {
      kb.add(result, { document: id })
    } catch (cause) {
      error(`${input.name}: ${cause instanceof Error ? cause.message : String(cause)}`)
      failed++
      continue
    }
    taken.add(id)
    measures += result.measures.length
    progress.finish(i, label, `${result.measures.length} measures`)
  }
  progress.end()
  return { kb, total: paths.length + failures.length, failed, documents: taken.size, measures }
}

/**
 * Open a saved knowledge base. A store that is missing, damaged or of another version is
 * reported on standard error in one line naming the file and why.
 *
 * @returns the knowledge base, or null once the problem has been reported
 */
export async function openKnowledgeBase(dir: string, io: Io): Promise<KnowledgeBase | null> {
  try {
    return await loadKnowledgeBase(dir)
  } catch (error) {
    if (error instanceof KnowledgeBaseFileError) {
      // The library's message, in the CLI's voice and on one line.
      const message = error.message
        .replace(/^Cannot/, 'cannot')
        .replace('written by kb.save()', 'written by policykb index')
        .replace(/\s*\n\s*/g, '; ')
      io.stderr.write(`${PROGRAM}: ${message}\n`)
      return null
    }
    if ((error as NodeJS.ErrnoException | undefined)?.code) {
      io.stderr.write(`${PROGRAM}: ${dir}: ${describeFsError(error, 'read')}\n`)
      return null
    }
    throw error
  }
}

/** Where `search` and `units` take their measures from: `--kb KB`, or FILES parsed on the spot. */
export interface Source {
  kb: KnowledgeBase
  /** 1 when some of the FILES could not be read (the command still answers from the rest). */
  exitCode: 0 | 1
}

/**
 * The knowledge base of `search` and `units`: loaded from `--kb KB`, or built in memory from
 * FILES (read as `index` reads them: bad files reported and skipped).
 *
 * @returns the source, or the exit status (1) once the reason has been reported
 * @throws UsageError when both or neither of `--kb` and FILES are given
 */
export async function knowledgeBaseSource(
  kbDir: string | undefined,
  files: readonly string[],
  options: { io: Io; encoding?: string | undefined; command: string },
): Promise<Source | 1> {
  const { io, command } = options
  if (kbDir !== undefined && files.length > 0) {
    throw new UsageError(`give either --kb KB or FILES, not both (unexpected argument '${files[0]}')`, command)
  }
  if (kbDir === undefined && files.length === 0) throw new UsageError('missing FILES or --kb KB', command)
  if (kbDir !== undefined) {
    const kb = await openKnowledgeBase(kbDir, io)
    return kb ? { kb, exitCode: 0 } : 1
  }
  const built = await buildKnowledgeBase(files, { io, encoding: options.encoding })
  if (built.documents === 0) {
    io.stderr.write(`${PROGRAM}: no document could be read\n`)
    return 1
  }
  return { kb: built.kb, exitCode: built.failed > 0 ? 1 : 0 }
}

/** Columns of the terminal standard output goes to; `COLUMNS`, else 120, when it is not one. */
export function outputWidth(io: Io): number {
  const stdout = io.stdout as Io['stdout'] & { columns?: number }
  if (stdout.isTTY && stdout.columns) return stdout.columns
  const env = Number(process.env.COLUMNS)
  return Number.isInteger(env) && env > 0 ? env : 120
}
