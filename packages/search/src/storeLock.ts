/**
 * The writer's lock of a knowledge base directory: `KB/.lock`, a small JSON file
 * `{ pid, host, token, since }` created atomically (written under a temporary name, then
 * hard-linked to `.lock`, which fails if it exists), so a lock is never seen half-written.
 *
 * A second writer waits, polling, up to a bounded time, then fails with a message naming the
 * holder. A lock whose process is dead (same host, `kill(pid, 0)` says no such process) is stale:
 * it is moved aside under a unique name, checked to be the very lock judged stale (its token), and
 * removed; had another writer replaced it meanwhile, that lock is put back.
 */
import { randomBytes } from 'node:crypto'
import { link, readFile, rename, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { writeDurable } from './storeFiles.js'

/** Name of the lock file in a knowledge base directory. */
export const LOCK_FILE = '.lock'

/** Another process holds the lock of a knowledge base longer than the caller would wait. */
export class KnowledgeBaseLockError extends Error {
  override readonly name = 'KnowledgeBaseLockError'
  /** The knowledge base directory. */
  readonly dir: string
  /** The process holding the lock, when known. */
  readonly pid: number | undefined
  constructor(dir: string, message: string, pid?: number) {
    super(message)
    this.dir = dir
    this.pid = pid
  }
}

interface LockContent {
  pid: number
  host: string
  token: string
  since: string
}

/** Whether a process of this host is alive (EPERM: alive, owned by someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readLock(path: string): Promise<LockContent | null | 'gone'> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'
    throw error
  }
  try {
    const json = JSON.parse(text) as Partial<LockContent>
    if (typeof json.pid === 'number' && typeof json.token === 'string' && typeof json.host === 'string') return json as LockContent
  } catch {}
  return null
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Options of {@link acquireLock}. */
export interface LockOptions {
  /** How long to wait for another writer, in milliseconds; default 30 000. */
  timeout?: number
  /** Polling interval in milliseconds; default 50. */
  poll?: number
}

/**
 * Take the writer's lock of `dir` (which must exist).
 * @returns a function releasing it (it removes the lock only if it is still this one)
 * @throws KnowledgeBaseLockError when another live process holds it past `timeout`
 */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const timeout = options.timeout ?? 30_000
  const poll = options.poll ?? 50
  const path = join(dir, LOCK_FILE)
  const mine: LockContent = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), since: new Date().toISOString() }
  const started = Date.now()
  for (;;) {
    const temp = join(dir, `${LOCK_FILE}.${process.pid}.${mine.token}.tmp`)
    await writeDurable(temp, JSON.stringify(mine))
    let linked = false
    try {
      await link(temp, path)
      linked = true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        await unlink(temp).catch(() => {})
        throw error
      }
    }
    await unlink(temp).catch(() => {})
    if (linked) return () => releaseLock(path, mine.token)

    const holder = await readLock(path)
    if (holder === 'gone') continue
    if (holder !== null && holder.host === mine.host && !processAlive(holder.pid)) {
      await breakStale(dir, path, holder.token)
      continue
    }
    if (Date.now() - started >= timeout) {
      const who = holder === null ? 'another process' : `process ${holder.pid}${holder.host === mine.host ? '' : ` on ${holder.host}`} (since ${holder.since})`
      throw new KnowledgeBaseLockError(
        dir,
        `Cannot write knowledge base ${dir}: it is being written by ${who}; waited ${(timeout / 1000).toFixed(1)} s. ` +
          `Try again when it has finished, or remove ${path} if no such process is running.`,
        holder?.pid,
      )
    }
    await sleep(poll)
  }
}

/** Remove a stale lock, but only the one judged stale (`token`); another writer's is put back. */
async function breakStale(dir: string, path: string, token: string): Promise<void> {
  const aside = join(dir, `${LOCK_FILE}.stale.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await rename(path, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const moved = await readLock(aside)
  if (moved !== 'gone' && moved !== null && moved.token !== token) {
    // Another writer took the lock between our read and our rename: give it back.
    await link(aside, path).catch(() => {})
  }
  await unlink(aside).catch(() => {})
}

async function releaseLock(path: string, token: string): Promise<void> {
  const holder = await readLock(path)
  if (holder !== 'gone' && holder !== null && holder.token === token) await unlink(path).catch(() => {})
}
