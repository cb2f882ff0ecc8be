import { displayWidth } from '@policykb/search'

/** A writable stream as far as progress needs it: a terminal has `isTTY` and `columns`. */
export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

/**
 * Progress of a batch on standard error. Every message of the batch goes through {@link message},
 * so that on a terminal the bar is cleared before the message and drawn again after it.
 */
export interface Progress {
  /** Item `index` (0-based) is being worked on. */
  start(index: number, label: string): void
  /** Item `index` is done; `detail` is what it gave (`25 measures`). */
  finish(index: number, label: string, detail: string): void
  /** A line for the user (an error, a warning), without its newline. */
  message(line: string): void
  /** The batch is over: remove the bar. */
  end(): void
}

/** How progress is shown: a redrawn bar on a terminal, a line per item in a log, or nothing. */
export type ProgressMode = 'bar' | 'lines' | 'none'

/**
 * The mode for a batch of `total` items: a bar when `stream` is a terminal, a line per item
 * otherwise; nothing for a single item or when `quiet`.
 */
export function progressMode(stream: ProgressStream, total: number, quiet: boolean): ProgressMode {
  if (quiet || total < 2) return 'none'
  return stream.isTTY ? 'bar' : 'lines'
}

const BAR = 20

/**
 * Show the progress of `total` items on `stream` in `mode` (see {@link progressMode}).
 * In `bar` mode one line is redrawn in place (`[######······] 3/5 label`), cut to the
 * terminal's width; `lines` writes `[3/5] label: detail` when an item is done.
 */
export function createProgress(stream: ProgressStream, total: number, mode: ProgressMode): Progress {
  let shown = ''
  const clear = () => {
    if (shown !== '') stream.write('\r\x1b[K')
  }
  const draw = (line: string) => {
    clear()
    shown = line
    stream.write(line)
  }
  const counter = (index: number) => `${String(index).padStart(String(total).length)}/${total}`
  return {
    start(index, label) {
      if (mode !== 'bar') return
      const filled = Math.round((BAR * index) / total)
      const head = `[${'#'.repeat(filled)}${'·'.repeat(BAR - filled)}] ${counter(index + 1)} `
      draw(head + cut(label, (stream.columns || 80) - 1 - displayWidth(head)))
    },
    finish(index, label, detail) {
      if (mode === 'lines') stream.write(`[${counter(index + 1)}] ${label}: ${detail}\n`)
    },
    message(line) {
      const bar = shown
      clear()
      shown = ''
      stream.write(`${line}\n`)
      if (bar !== '') draw(bar)
    },
    end() {
      clear()
      shown = ''
    },
  }
}

/** Cut `text` to `width` terminal columns, keeping its end (the file name) behind a `…`. */
function cut(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  const chars = [...text]
  let out = ''
  let w = 1
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = displayWidth(chars[i]!)
    if (w + cw > width) break
    out = chars[i]! + out
    w += cw
  }
  return `…${out}`
}
