/**
 * File-system steps of the store: durable writes (data, then fsync of the file and of its
 * directory) and checked opens (a regular file of the expected size, or a clear reason why not).
 */
import { constants, type Stats } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'

/**
 * Write `data` to a new file `path` (it must not exist) and fsync it. On failure the file is
 * removed by the caller's cleanup of the directory it belongs to.
 */
export async function writeDurable(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Fsync a directory, so the names created or renamed in it survive a crash. */
export async function syncDirectory(path: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_DIRECTORY)
    await handle.sync()
  } catch (error) {
    // Some file systems (and Windows) cannot fsync a directory; the data files are synced anyway.
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR' && code !== 'ENOTSUP') throw error
  } finally {
    await handle?.close()
  }
}

/** What kind of file a `Stats` describes, in words, for a message. */
export function kindOf(stats: Stats): string {
  if (stats.isFile()) return 'a regular file'
  if (stats.isDirectory()) return 'a directory'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isFIFO()) return 'a named pipe (FIFO)'
  if (stats.isSocket()) return 'a socket'
  return 'not a regular file'
}

/** Why a file of the store could not be opened, as a reason and a phrase. */
export type OpenProblem =
  | { reason: 'missing'; detail: string }
  | { reason: 'unreadable'; detail: string }
  | { reason: 'not-a-file'; detail: string }
  | { reason: 'truncated' | 'size'; detail: string }

/** The result of {@link openChecked}: an open handle, or what is wrong. */
export type Opened = { ok: true; handle: FileHandle; size: number } | ({ ok: false; code?: string | undefined } & OpenProblem)

/**
 * Open `path` for reading without ever blocking or reading: `O_NONBLOCK`, so a FIFO does not hang
 * the open; then `fstat` the handle (not the path, so a swap between the check and the read does
 * not matter), which must be a regular file of `expected` bytes when given (at most `max` bytes
 * otherwise). Permission denied and is-a-directory are reported as such, not as missing.
 */
export async function openChecked(path: string, expected?: { bytes?: number; max?: number }): Promise<Opened> {
  let handle: FileHandle
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    switch (code) {
      case 'ENOENT':
        return { ok: false, code, reason: 'missing', detail: 'is missing' }
      case 'EACCES':
      case 'EPERM':
        return { ok: false, code, reason: 'unreadable', detail: 'cannot be read: permission denied' }
      case 'EISDIR':
        return { ok: false, code, reason: 'not-a-file', detail: 'is a directory, not a regular file' }
      case 'ENOTDIR':
        return { ok: false, code, reason: 'missing', detail: 'is missing: a component of its path is not a directory' }
      case 'ELOOP':
        return { ok: false, code, reason: 'not-a-file', detail: 'is a symbolic link loop, not a regular file' }
      default:
        return { ok: false, code, reason: 'unreadable', detail: `cannot be opened: ${(error as Error).message}` }
    }
  }
  const stats = await handle.stat()
  const fail = async (problem: OpenProblem): Promise<Opened> => {
    await handle.close()
    return { ok: false, ...problem }
  }
  if (!stats.isFile()) return fail({ reason: 'not-a-file', detail: `is ${kindOf(stats)}, not a regular file` })
  if (expected?.bytes !== undefined && stats.size < expected.bytes) {
    return fail({ reason: 'truncated', detail: `is truncated: ${stats.size} of ${expected.bytes} bytes` })
  }
  if (expected?.bytes !== undefined && stats.size > expected.bytes) {
    return fail({ reason: 'size', detail: `has ${stats.size} bytes, manifest.json says ${expected.bytes}` })
  }
  if (expected?.max !== undefined && stats.size > expected.max) {
    return fail({ reason: 'size', detail: `has ${stats.size} bytes, more than a manifest can hold (${expected.max})` })
  }
  return { ok: true, handle, size: stats.size }
}

/** Read exactly `size` bytes of an open handle from its start. */
export async function readExactly(handle: FileHandle, size: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(size)
  let at = 0
  while (at < size) {
    const { bytesRead } = await handle.read(out, at, size - at, at)
    if (bytesRead === 0) break
    at += bytesRead
  }
  return at === size ? out : out.subarray(0, at)
}
