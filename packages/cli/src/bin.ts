#!/usr/bin/env node
import { internalErrorMessage, main } from './main.js'

// Errors of the standard streams reach the code that wrote (writeOutput reports a failing standard
// output in one line, exit 1); the 'error' events are only kept from becoming uncaught exceptions.
// A closed pipe (`policykb … | head`) is the reader's choice: exit quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  process.exitCode ??= 1
})
process.stderr.on('error', () => {
  process.exitCode ??= 1
})

// Whatever escapes the commands is a bug: one line, exit 2; POLICYKB_DEBUG=1 shows the stack.
const fatal = (error: unknown) => {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  try {
    process.stderr.write(`${internalErrorMessage(error)}\n`)
  } catch {}
  process.exit(2)
}
process.on('uncaughtException', fatal)
process.on('unhandledRejection', fatal)

// Set the exit code rather than calling process.exit, so pending output is flushed first.
process.exitCode = await main(process.argv.slice(2))
