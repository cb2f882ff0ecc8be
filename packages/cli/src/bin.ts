#!/usr/bin/env node
import { main } from './main.js'

// A closed pipe (`policykb … | head`) is the reader's choice, not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

// Set the exit code rather than calling process.exit, so pending output is flushed first.
process.exitCode = await main(process.argv.slice(2))
