import { spawn } from 'node:child_process'
import { defineCommand, UsageError } from '../command.js'
import { type Io, PROGRAM } from '../io.js'
import { KB_OPTION } from '../kb.js'

/** Open a URL in the desktop's browser; a machine without one says nothing. */
function openBrowser(url: string) {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // no browser to open: the URL is printed anyway
  }
}

/** Resolves at the first SIGINT or SIGTERM. */
function stopSignal(): Promise<string> {
  return new Promise((done) => {
    const on = (signal: string) => {
      process.off('SIGINT', on)
      process.off('SIGTERM', on)
      done(signal)
    }
    process.on('SIGINT', on)
    process.on('SIGTERM', on)
  })
}

/** `policykb serve [FILES|DIR] [--kb KB]`: the review page in the browser. */
export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'review 任务清单 and search the knowledge base in the browser',
  usage: '[options] [FILE|DIR...]',
  description: [
    'Start a local web server for the review page and print its address on standard error.',
    'Given one FILE the page opens on that document; given several or a DIR, on their list.',
    'Documents can be added from the page too (drag and drop, or a file picker).',
    'Corrections made on the page are saved beside each file as <file>.corrections.json',
    '(policykb tasklist FILE --corrections F gives the same table), or in --kb KB for uploads.',
    'It listens on 127.0.0.1; another --host prints a warning and requires the access token',
    'that is part of the printed address. Ctrl-C stops it.',
  ].join('\n'),
  options: {
    kb: KB_OPTION,
    port: { type: 'string', value: 'N', description: 'port to listen on (default 8420; 0 for any free port)' },
    host: { type: 'string', value: 'HOST', description: 'interface to listen on (default 127.0.0.1)' },
    open: { type: 'boolean', description: 'open the page in the default browser' },
  },
  examples: ['policykb serve plan.docx', 'policykb serve plans/ --kb kb', 'policykb serve --kb kb --port 9000 --open'],
  async run({ values, positionals, io }) {
    const port = values.port === undefined ? 8420 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port '${values.port}' (expected 0–65535)`, 'serve')
    const host = values.host ?? '127.0.0.1'
    if (positionals.length === 0 && values.kb === undefined) {
      io.stderr.write(`${PROGRAM}: no FILE or --kb given: the page starts empty; add documents by dropping them on it\n`)
    }
    const { startServer, isLoopback } = await import('@policykb/serve')
    if (!isLoopback(host)) {
      io.stderr.write(`${PROGRAM}: warning: listening on ${host}, reachable from other machines; every request needs the access token in the address below\n`)
    }
    let server: Awaited<ReturnType<typeof startServer>>
    try {
      server = await startServer({
        files: positionals,
        host,
        port,
        ...(values.kb === undefined ? {} : { kb: values.kb }),
        log: (line) => io.stderr.write(`${line.replace(/^policykb serve: /, `${PROGRAM}: `)}\n`),
      })
    } catch (error) {
      return report(io, error, host, port)
    }
    io.stderr.write(`${PROGRAM}: serving at ${server.url}\n${PROGRAM}: press Ctrl-C to stop\n`)
    if (values.open) openBrowser(server.url)
    await stopSignal()
    await server.close()
    io.stderr.write(`${PROGRAM}: stopped\n`)
    return 0
  },
})

function report(io: Io, error: unknown, host: string, port: number): 1 {
  const code = (error as NodeJS.ErrnoException).code
  const why =
    code === 'EADDRINUSE'
      ? `port ${port} is in use (try --port 0)`
      : code === 'EACCES'
        ? `not permitted to listen on port ${port}`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? `cannot listen on ${host}: no such local address`
          : error instanceof Error
            ? error.message.split('\n')[0]!
            : String(error)
  io.stderr.write(`${PROGRAM}: ${why}\n`)
  return 1
}
