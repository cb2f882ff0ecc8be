import { UsageError } from './command.js'
import { type InputText, type Io, readInput, reportError } from './io.js'
import { type ParseSourceOutput, parseSource } from './parser.js'

/** Options of {@link readDocument}. */
export interface ReadDocumentOptions {
  io: Io
  encoding?: string | undefined
  /** the command, for usage errors */
  command: string
  /** how the command's help names its one positional argument (`FILE`, `SOURCE`) */
  argument?: string
  /** appended to the message when more than one positional is given */
  extraHint?: string
}

/**
 * The one document a command takes: its positional argument checked (usage errors for none or
 * several), read by the reader of its format, and parsed (spans with their origin in the file).
 * @returns the input and its parse, or null once a read error has been reported on stderr
 */
export async function readDocument(
  positionals: readonly string[],
  options: ReadDocumentOptions,
): Promise<{ input: InputText; result: ParseSourceOutput } | null> {
  const argument = options.argument ?? 'FILE'
  const [path, extra] = positionals
  if (path === undefined) throw new UsageError(`missing ${argument} (use - for standard input)`, options.command)
  if (extra !== undefined) {
    throw new UsageError(`unexpected argument '${extra}': ${options.command} takes one ${argument}${options.extraHint ?? ''}`, options.command)
  }
  const read = await readInput(path, { io: options.io, encoding: options.encoding })
  if (!read.ok) {
    reportError(options.io, read.message)
    return null
  }
  return { input: read.input, result: parseSource(read.input.source, { file: read.input.name }) }
}
