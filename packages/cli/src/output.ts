/**
 * Where a command's output goes, and how it is written: standard output, or `-o FILE`.
 *
 * `-o FILE` by what FILE is (looked at with `lstat`, never followed blindly):
 * - a regular file or a new name: written atomically — a temporary file beside it, written and
 *   fsynced, renamed over it (its permission bits kept), the directory fsynced; a failure leaves
 *   the old file as it was and no temporary file;
 * - a symbolic link: its target is written as above (the link stays a link), as most users
 *   expect of `-o link.csv`; a dangling link creates its target;
 * - a device, a FIFO or another special file (`/dev/null`, `/dev/stdout`, a named pipe): written
 *   through directly, never renamed over — the node stays what it is;
 * - a directory, a name ending in `/`, an empty name, a missing parent directory: refused with a
 *   message in words.
 */
import { randomBytes } from 'node:crypto'
import { constants, type Stats } from 'node:fs'
import { chmod, lstat, open, readlink, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { describeFsError, type Io } from './io.js'

/** Where output goes: `-o FILE`, or standard output when `output` is absent or `-`. */
export interface OutputTarget {
  output?: string | undefined
  /** Binary formats (xlsx, docx) refuse to go to a terminal. */
  binary?: boolean
  /** The format's name, for the refusal message. */
  format?: string
}

/**
 * What {@link writeOutput} returns; `usage: true` marks a refusal that is the caller's mistake
 * (exit 2). A reader of standard output that went away (EPIPE) is `ok: true`: nothing is left to
 * say, as for Unix tools.
 */
export type WriteResult = { ok: true } | { ok: false; message: string; usage: boolean }

/** A problem with the `-o` path itself, found before anything is written. */
class OutputPathError extends Error {
  readonly usage: boolean
  constructor(message: string, usage = false) {
    super(message)
    this.usage = usage
  }
}

/**
 * Write a command's output: to standard output, or to `-o FILE` (see the module comment for what
 * each kind of FILE gets).
 *
 * A binary format going to standard output while it is a terminal is refused (`usage: true`,
 * exit 2): use `-o FILE` or a pipe. A failing standard output (`> /dev/full`) is one message.
 */
export async function writeOutput(io: Io, data: string | Uint8Array, target: OutputTarget): Promise<WriteResult> {
  const output = target.output === '-' ? undefined : target.output
  if (output === undefined) {
    if (target.binary && io.stdout.isTTY) {
      const what = target.format ?? 'binary output'
      return { ok: false, usage: true, message: `refusing to write ${what} to a terminal; use -o FILE or a pipe` }
    }
    try {
      await writeStream(io.stdout, data)
      return { ok: true }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return { ok: true }
      return { ok: false, usage: false, message: `standard output: ${describeFsError(error, 'write')}` }
    }
  }
  if (output.trim() === '') return { ok: false, usage: true, message: '-o needs a file name, and the one given is empty' }
  try {
    await writeFileAtomic(output, data)
    return { ok: true }
  } catch (error) {
    if (error instanceof OutputPathError) return { ok: false, usage: error.usage, message: error.message }
    return { ok: false, usage: false, message: `${output}: ${describeFsError(error, 'write')}` }
  }
}

/** What `-o path` resolves to: the file to replace atomically, or a special file to write through. */
type Destination = { kind: 'replace'; path: string; mode: number | undefined } | { kind: 'through'; path: string }

/** Follow symbolic links (at most 40, as the kernel does) to the file to write, which may not exist. */
async function destinationOf(path: string): Promise<Destination> {
  if (path.endsWith('/') || path.endsWith('/.') || path.endsWith('/..') || path === '.' || path === '..') {
    throw new OutputPathError(`${path}: names a directory; -o takes a file name`)
  }
  let current = path
  for (let hops = 0; hops < 40; hops++) {
    let stats: Stats
    try {
      stats = await lstat(current)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return { kind: 'replace', path: current, mode: await parentOk(path, current) }
      if (code === 'ENOTDIR') throw new OutputPathError(`${path}: a part of the path before the file name is a file, not a directory`)
      throw error
    }
    if (stats.isSymbolicLink()) {
      current = resolve(dirname(current), await readlink(current))
      continue
    }
    if (stats.isDirectory()) throw new OutputPathError(`${path}: is a directory; -o takes a file name`)
    if (stats.isFile()) return { kind: 'replace', path: current, mode: stats.mode & 0o7777 }
    return { kind: 'through', path: current }
  }
  throw new OutputPathError(`${path}: too many levels of symbolic links`)
}

/** Check the directory a new file goes in; say in words what is wrong with it. */
async function parentOk(given: string, path: string): Promise<undefined> {
  const parent = dirname(path)
  try {
    if (!(await stat(parent)).isDirectory()) throw new OutputPathError(`${given}: ${parent} is a file, not a directory`)
  } catch (error) {
    if (error instanceof OutputPathError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new OutputPathError(`${given}: the directory ${parent} does not exist`)
    if (code === 'ENOTDIR') throw new OutputPathError(`${given}: a part of the path before the file name is a file, not a directory`)
    throw error
  }
  return undefined
}

/**
 * Write `data` to `path` all at once when it is a regular file or a new name: write and fsync a
 * temporary file beside it, then rename (symbolic links are followed to their target). A device or
 * FIFO is written through, never replaced. On failure the temporary file is removed and `path` is
 * as it was.
 *
 * @throws the file-system error, after cleaning up
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dest = await destinationOf(path)
  if (dest.kind === 'through') {
    // O_WRONLY without O_CREAT: the node exists and stays what it is; no truncation of a device.
    const handle = await open(dest.path, constants.O_WRONLY)
    try {
      await handle.writeFile(data)
    } finally {
      await handle.close()
    }
    return
  }
  const target = dest.path
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  let created = false
  try {
    const handle = await open(temp, 'wx')
    created = true
    try {
      await handle.writeFile(data)
      if (dest.mode !== undefined) await chmod(temp, dest.mode)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, target)
    created = false
    await syncParent(target)
  } catch (error) {
    if (created) await rm(temp, { force: true })
    throw error
  }
}

async function syncParent(path: string): Promise<void> {
  try {
    const dir = await open(dirname(path), constants.O_RDONLY | constants.O_DIRECTORY)
    try {
      await dir.sync()
    } finally {
      await dir.close()
    }
  } catch {
    // Not every file system can fsync a directory; the file itself is synced.
  }
}

/** Write to a stream and wait until the data is handed to the system. */
export function writeStream(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (error?: Error | null) => (error ? reject(error) : resolve()))
  })
}
