import { commandHelp, parseCommandArgs, table, UsageError } from './command.js'
import { type CommandEntry, commands } from './commands/index.js'
import { describeFsError, type Io, PROGRAM, processIo, reportError, writeOutput } from './io.js'
import { version } from './version.js'

/** The text of `policykb --help`. */
export function globalHelp(): string {
  return [
    `${PROGRAM} ${version()}: Chinese policy plans (行动方案, 实施意见, 规划) → structured measures`,
    '',
    `Usage: ${PROGRAM} <command> [options] [FILE]`,
    '',
    'Commands:',
    ...table(commands.map((c) => [c.name, c.summary])),
    '',
    'Options:',
    ...table([
      ['-h, --help', `show this help; '${PROGRAM} <command> --help' for a command`],
      ['-V, --version', 'print the version'],
    ]),
    '',
    "FILE may be UTF-8, UTF-16 or GB18030/GBK text; '-' reads standard input.",
    'Exit status: 0 success, 1 an input could not be read, parsed or written, 2 wrong usage or an internal error (POLICYKB_DEBUG=1 shows its stack).',
    '',
  ].join('\n')
}

/**
 * Run `policykb` with the arguments after the program name and return the exit status:
 * 0 success, 1 a problem with an input or output file, 2 wrong usage or an internal error.
 * Data goes to `io.stdout`, messages to `io.stderr`.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      reportError(io, error.message)
      const help = error.command === undefined ? `${PROGRAM} --help` : `${PROGRAM} ${error.command} --help`
      io.stderr.write(`Try '${help}' for more information.\n`)
      return 2
    }
    // The reader of a pipe went away (`policykb … | head`): nothing more to say.
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') return 0
    const expected = expectedFailure(error)
    if (expected) {
      reportError(io, expected)
      return 1
    }
    io.stderr.write(`${internalErrorMessage(error)}\n`)
    return 2
  }
}

/**
 * A failure of the environment rather than of policykb, said in one line: a knowledge base
 * damaged or locked by another writer (found while answering), a file-system error (a full disk).
 */
function expectedFailure(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  // Checked by name: importing @policykb/search here would slow every command's start.
  if (error.name === 'KnowledgeBaseFileError' || error.name === 'KnowledgeBaseLockError') {
    return error.message.replace(/^Cannot/, 'cannot').replace(/\s*\n\s*/g, '; ')
  }
  const e = error as NodeJS.ErrnoException
  if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) && e.syscall !== undefined) {
    return `${e.path ? `${e.path}: ` : ''}${describeFsError(error, e.syscall === 'read' || e.syscall === 'open' ? 'read' : 'write')}`
  }
  return undefined
}

/**
 * The line printed for a bug (an exception no command expected): `policykb: internal error: …`,
 * with the stack only when `POLICYKB_DEBUG` is set (to anything but 0 or empty).
 */
export function internalErrorMessage(error: unknown): string {
  const debug = process.env.POLICYKB_DEBUG !== undefined && !['', '0'].includes(process.env.POLICYKB_DEBUG)
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
  if (debug && error instanceof Error && error.stack) return `${PROGRAM}: internal error: ${error.stack}`
  return `${PROGRAM}: internal error: ${message} (set POLICYKB_DEBUG=1 to see where)`
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined) throw new UsageError(`missing command (one of: ${commands.map((c) => c.name).join(', ')})`)
  if (first === '-h' || first === '--help') return print(io, globalHelp())
  if (first === '-V' || first === '--version') return print(io, `${version()}\n`)
  if (first === 'help') {
    const [name, extra] = rest
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`)
    return print(io, name === undefined ? globalHelp() : commandHelp(PROGRAM, await findCommand(name).load()))
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`)
  const command = await findCommand(first).load()
  const { values, positionals } = parseCommandArgs(command, rest)
  if (values.help) return print(io, commandHelp(PROGRAM, command))
  return command.run({ values, positionals, io })
}

/** The registry entry of a command; its module is imported only by `load`. */
function findCommand(name: string): CommandEntry {
  const command = commands.find((c) => c.name === name)
  if (command) return command
  const near = commands.find((c) => editDistance(c.name, name) <= 2)
  throw new UsageError(`unknown command '${name}'${near ? ` (did you mean '${near.name}'?)` : ''}`)
}

async function print(io: Io, text: string): Promise<number> {
  const written = await writeOutput(io, text, {})
  if (written.ok) return 0
  reportError(io, written.message)
  return 1
}

/** Levenshtein distance, for "did you mean" on a mistyped command. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}
