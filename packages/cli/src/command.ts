import { parseArgs } from 'node:util'
import type { Io } from './io.js'

/** One option of a command, as `parseArgs` takes it plus what the help text shows. */
export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  /** Name of the value in the help text, e.g. `FILE`; string options only. */
  value?: string
  /** One line for the help text. */
  description: string
  multiple?: boolean
}

/** The option values `parseArgs` returns for a set of option specs. */
export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K] extends { multiple: true } ? string[] : string
}

/** What a command's `run` receives: its options and positional arguments, and where to do I/O. */
export interface Invocation<O extends Record<string, OptionSpec>> {
  values: OptionValues<O>
  positionals: string[]
  io: Io
}

/**
 * A subcommand of `policykb`. Each lives in its own module under `commands/` and is listed in
 * `commands/index.ts`; the dispatcher adds `-h, --help` to every command and builds the help
 * text from `usage`, `description`, `options` and `examples`.
 */
export interface Command<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string
  /** One line for the command list in `policykb --help`. */
  summary: string
  /** Arguments after the command name, e.g. `[options] FILE`. */
  usage: string
  /** Paragraphs shown under the usage line of `policykb <command> --help`. */
  description: string
  options: O
  examples?: string[]
  /**
   * Do the work and return the exit status. Throw {@link UsageError} for a wrong invocation;
   * report problems with the input on `io.stderr` and return 1.
   */
  run(invocation: Invocation<O>): Promise<number>
}

/** Declare a command with its option values typed from its option specs. */
export function defineCommand<const O extends Record<string, OptionSpec>>(command: Command<O>): Command<O> {
  return command
}

/** A wrong invocation: reported with a hint to the help text, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError'
  /** The command whose help the hint points to, if any. */
  readonly command: string | undefined

  constructor(message: string, command?: string) {
    super(message)
    this.command = command
  }
}

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' }

/**
 * Parse a command's arguments strictly with `node:util` `parseArgs`.
 *
 * @throws UsageError for an unknown option or a missing or unexpected option value
 */
export function parseCommandArgs<O extends Record<string, OptionSpec>>(
  command: Command<O>,
  args: string[],
): { values: OptionValues<O> & { help?: boolean }; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {}
  for (const [name, spec] of Object.entries({ ...command.options, help: HELP_OPTION })) {
    options[name] = {
      type: spec.type,
      ...(spec.short === undefined ? {} : { short: spec.short }),
      ...(spec.multiple === undefined ? {} : { multiple: spec.multiple }),
    }
  }
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true })
    return { values: values as OptionValues<O> & { help?: boolean }, positionals }
  } catch (error) {
    throw new UsageError(parseArgsMessage(error), command.name)
  }
}

/** Node's parseArgs messages, cut to their first sentence and in our voice. */
function parseArgsMessage(error: unknown): string {
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  const quoted = /'([^']+)'/.exec(message)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option '${quoted}'`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    if (/argument missing/.test(message)) return `option '${quoted.replace(/ <value>$/, '')}' needs a value`
    if (/does not take an argument/.test(message)) return `option '${quoted}' does not take a value`
    if (/ambiguous/.test(message)) return `option '${quoted}' needs a value (use --name=VALUE for values starting with '-')`
  }
  const first = message.split(/\.\s/)[0] ?? message
  return first.charAt(0).toLowerCase() + first.slice(1)
}

/** The help text of one command. */
export function commandHelp(program: string, command: Command): string {
  const rows = Object.entries({ ...command.options, help: HELP_OPTION }).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`
    return [flag, spec.description] as const
  })
  const lines = [`Usage: ${program} ${command.name} ${command.usage}`, '', command.description, '', 'Options:']
  lines.push(...table(rows))
  if (command.examples?.length) lines.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`))
  return `${lines.join('\n')}\n`
}

/** Two columns, the first padded to its widest cell, indented by two spaces. */
export function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`.trimEnd())
}

/**
 * Check a value against the allowed ones.
 * @returns the value, trimmed and lower-cased
 * @throws UsageError naming the option and the allowed values
 */
export function oneOf<T extends string>(value: string, allowed: readonly T[], option: string, command: string): T {
  const v = value.trim().toLowerCase()
  if (!(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`unknown ${option} '${value}' (expected ${allowed.join(', ')})`, command)
  }
  return v as T
}
