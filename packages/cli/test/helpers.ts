import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { Io } from '../src/io.js'
import { main } from '../src/main.js'

/** Root of the repository. */
export const root = fileURLToPath(new URL('../../../', import.meta.url))
export const SEED_NAMES = ['000_8975ab261d4dbbb2', '001_d25d4ccf3a63151e', '002_c5ffb9b641a0b531', '003_21a5c8a025211d3e', '004_1871f105e1d7927d']
/** Path of a seed document by its fixture name. */
export const seedPath = (name: string) => join(root, 'fixtures', name, `${name}.txt`)
export const SEEDS = SEED_NAMES.map(seedPath)
/** Seed 001, a plan with labelled responsibility blocks. */
export const PLAN = seedPath('001_d25d4ccf3a63151e')
/** Seed 002, the bundle with the 任务清单 attachment. */
export const BUNDLE = seedPath('002_c5ffb9b641a0b531')
/** Seed 003, a reply letter. */
export const REPLY = seedPath('003_21a5c8a025211d3e')

/** Non-empty lines of a text. */
export const lines = (text: string) => text.split('\n').filter((l) => l !== '')

/** Options of {@link fakeIo}: standard input, and whether stdout is a terminal (and how wide). */
export interface FakeIoOptions {
  stdin?: string | Uint8Array
  tty?: boolean
  columns?: number
  /** stderr is a terminal this wide (where progress bars go) */
  stderrColumns?: number
}

/** An Io whose streams are collected: stdout as bytes (xlsx is binary), stderr as text. */
export function fakeIo(options: FakeIoOptions = {}) {
  const out: Buffer[] = []
  const err: string[] = []
  const tty = options.tty ?? options.columns !== undefined
  const stdout = Object.assign(new PassThrough(), tty ? { isTTY: true, columns: options.columns ?? 80 } : { isTTY: false })
  const stderr = Object.assign(new PassThrough(), options.stderrColumns ? { isTTY: true, columns: options.stderrColumns } : {})
  stdout.on('data', (c: Buffer) => out.push(c))
  stderr.on('data', (c: Buffer) => err.push(c.toString()))
  const io: Io = { stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]), stdout, stderr }
  return { io, bytes: () => Buffer.concat(out), stdout: () => Buffer.concat(out).toString('utf8'), stderr: () => err.join('') }
}

/**
 * Run `policykb …` in process. `bytes` (stdout as bytes) is not enumerable, so the result compares
 * equal to `{ code, stdout, stderr }`.
 */
export async function policykb(args: string[], options: FakeIoOptions = {}) {
  const fake = fakeIo(options)
  const code = await main(args, fake.io)
  const result = { code, stdout: fake.stdout(), stderr: fake.stderr() }
  return Object.defineProperty(result, 'bytes', { value: fake.bytes(), enumerable: false }) as typeof result & { bytes: Buffer }
}
