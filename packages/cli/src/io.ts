import { readFile } from 'node:fs/promises'
import type { Diagnostic, SourceFormat, SourceText } from '@policykb/model'
import { type OptionSpec, UsageError } from './command.js'
import type { ReadFailure } from './parser.js'

/** The program name used in messages. */
export const PROGRAM = 'policykb'

/** Where a command reads and writes: the process's streams, or fakes in tests. */
export interface Io {
  stdin: NodeJS.ReadableStream
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream
}

/** The process's own standard streams (standard input is opened only when read). */
export const processIo: Io = {
  get stdin() {
    return process.stdin
  },
  stdout: process.stdout,
  stderr: process.stderr,
}

/** Encoding names `--encoding` accepts: those the parser's `decode` knows. */
export const ENCODINGS: readonly string[] = ['utf-8', 'utf-16le', 'utf-16be', 'utf-16', 'gb18030', 'gbk', 'gb2312']

/** Options shared by the commands that read and write files; spread them into a command's options. */
export const IO_OPTIONS = {
  output: {
    type: 'string',
    short: 'o',
    value: 'FILE',
    description: 'write to FILE (replaced atomically) instead of standard output',
  },
  encoding: {
    type: 'string',
    short: 'e',
    value: 'NAME',
    description: `input encoding: ${ENCODINGS.join(', ')} (default: detect)`,
  },
  quiet: { type: 'boolean', short: 'q', description: 'do not report diagnostics on standard error' },
} as const satisfies Record<string, OptionSpec>

/**
 * Check an `--encoding` value against {@link ENCODINGS}.
 *
 * @throws UsageError naming the accepted encodings
 */
export function checkEncoding(encoding: string | undefined, command: string): void {
  if (encoding !== undefined && !ENCODINGS.includes(encoding.trim().toLowerCase())) {
    throw new UsageError(`unknown encoding '${encoding}' (expected ${ENCODINGS.join(', ')})`, command)
  }
}

/** An input file as its reader read it. */
export interface InputText {
  /** The name used in messages and diagnostics: the path as given, `<stdin>` for `-`. */
  name: string
  /** The format the file was read as (detected from its content). */
  format: SourceFormat
  /** The text the reader extracted (for a plain text file, the decoded file). */
  text: string
  /** The character encoding of a text or HTML file; undefined for the other formats. */
  encoding: string | undefined
  /** The reader's output: the text, its blocks of provenance and the file's metadata. */
  source: SourceText
  /** What reading noticed (replaced bytes, a guessed encoding, page chrome set aside), `file` set to `name`. */
  diagnostics: Diagnostic[]
}

/** An input that could not be read: `message` is one line that starts with the file's name. */
export interface InputFailure {
  name: string
  message: string
}

/** What {@link readInput} returns: the decoded input, or why it could not be read. */
export type ReadResult = { ok: true; input: InputText } | ({ ok: false } & InputFailure)

/** How a path is named in messages: `-` is standard input. */
export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path
}

/**
 * Read one input, a file path or `-` for standard input, through the parser's reading stage
 * (`read`): plain text, HTML, docx, doc, PDF, the format told by the content.
 *
 * Never throws for a problem with the file: a missing file, a directory, an unreadable file,
 * empty, binary, undecodable or damaged content come back as `ok: false` with a one-line message
 * naming the file and, where the reader knows it, the place (`file:12: …`, `file: page 3: …`).
 *
 * @param options.encoding overrides encoding detection of text and HTML (see the parser's `decode`)
 */
export async function readInput(path: string, options: { io: Io; encoding?: string | undefined }): Promise<ReadResult> {
  const name = displayName(path)
  let bytes: Uint8Array
  try {
    bytes = path === '-' ? await readAll(options.io.stdin) : await readFile(path)
  } catch (error) {
    return { ok: false, name, message: `${name}: ${describeFsError(error, 'read')}` }
  }
  // Imported here, not at the top: the parser is heavy, and commands that read no document
  // (search and units on a saved knowledge base) must start fast.
  const { read } = await import('./parser.js')
  const outcome = await read(bytes, { name: path === '-' ? '' : path, ...(options.encoding === undefined ? {} : { encoding: options.encoding }) })
  if (!outcome.ok) return { ok: false, name, message: failureMessage(name, outcome, bytes) }
  const { source } = outcome
  return {
    ok: true,
    input: {
      name,
      format: source.format,
      text: source.text,
      encoding: source.encoding,
      source,
      diagnostics: outcome.diagnostics.map((d) => ({ ...d, file: d.file ?? name })),
    },
  }
}

/** A read failure as one line: `file:LINE: reason` when a byte is to blame, `file: LOCATION: reason` when a place is. */
function failureMessage(name: string, failure: ReadFailure, bytes: Uint8Array): string {
  if (failure.byteOffset !== undefined) return `${name}:${lineOfByte(bytes, failure.byteOffset)}: ${failure.reason}`
  if (failure.location !== undefined) return `${name}: ${failure.location}: ${failure.reason}`
  return `${name}: ${failure.reason}`
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++
  return line
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

/** A file-system error as a short phrase: `no such file or directory`, `is a directory`, … */
export function describeFsError(error: unknown, action: 'read' | 'write'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return action === 'read' ? 'no such file or directory' : 'no such directory'
    case 'EISDIR':
      return 'is a directory'
    case 'ENOTDIR':
      return 'a component of the path is not a directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ELOOP':
      return 'too many levels of symbolic links'
    case 'ENAMETOOLONG':
      return 'file name too long'
    case 'ENOSPC':
      return 'no space left on device'
    case 'EROFS':
      return 'read-only file system'
    default:
      return `cannot ${action}: ${error instanceof Error ? error.message : String(error)}`
  }
}

export { type OutputTarget, type WriteResult, writeFileAtomic, writeOutput, writeStream } from './output.js'

/** Report a problem on standard error as `policykb: message`. */
export function reportError(io: Io, message: string): void {
  io.stderr.write(`${PROGRAM}: ${message}\n`)
}

/**
 * One diagnostic as one line: `file:line: severity ruleId: reason` (`file: severity …` when no
 * line is known), the way compilers report.
 */
export function formatDiagnostic(diagnostic: Diagnostic, file: string): string {
  const line = diagnostic.line ?? diagnostic.span?.line
  const where = `${diagnostic.file ?? file}${line === undefined ? '' : `:${line}`}`
  return `${where}: ${diagnostic.severity} ${diagnostic.ruleId}: ${diagnostic.reason}`
}

/** Print the warnings and errors among `diagnostics` on standard error (infos stay in the data). */
export function reportDiagnostics(io: Io, diagnostics: readonly Diagnostic[], file: string): void {
  for (const d of diagnostics) {
    if (d.severity === 'warning' || d.severity === 'error') io.stderr.write(`${formatDiagnostic(d, file)}\n`)
  }
}

/** What {@link forEachInput} counted. */
export interface BatchSummary {
  total: number
  failed: number
  /** 0 when every input was read and handled, 1 otherwise. */
  exitCode: 0 | 1
}

/**
 * Run `handle` on each input in turn for batch commands (`index` and the like): a file that
 * cannot be read, or whose handling throws, is reported on standard error and the batch goes on
 * with the rest. The exit code is 1 if any input failed.
 *
 * @param paths file paths; `-` (standard input) is read once, a second `-` counts as a failure
 */
export async function forEachInput(
  paths: readonly string[],
  options: { io: Io; encoding?: string | undefined },
  handle: (input: InputText) => void | Promise<void>,
): Promise<BatchSummary> {
  let failed = 0
  let stdinSeen = false
  for (const path of paths) {
    if (path === '-') {
      if (stdinSeen) {
        reportError(options.io, `${displayName(path)}: standard input can be read only once`)
        failed++
        continue
      }
      stdinSeen = true
    }
    const read = await readInput(path, options)
    if (!read.ok) {
      reportError(options.io, read.message)
      failed++
      continue
    }
    try {
      await handle(read.input)
    } catch (error) {
      reportError(options.io, `${read.input.name}: ${error instanceof Error ? error.message : String(error)}`)
      failed++
    }
  }
  return { total: paths.length, failed, exitCode: failed > 0 ? 1 : 0 }
}
