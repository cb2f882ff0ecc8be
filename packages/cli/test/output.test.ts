/**
 * Where output goes: `-o` onto regular files, new names, symbolic links, devices and FIFOs;
 * refusals in words; a failing or closed standard output; no stack trace for a bug.
 */
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { internalErrorMessage, main } from '../src/main.js'
import { writeOutput } from '../src/output.js'
import { BUNDLE, fakeIo, PLAN, root } from './helpers.js'

const bin = join(root, 'packages/cli/dist/bin.js')
const tmp = mkdtempSync(join(tmpdir(), 'policykb-output-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function cli(args: string[], options: { stdout?: number | 'pipe'; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  })
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr }
}

const write = (output: string, data = 'data\n') => writeOutput(fakeIo().io, data, { output })
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'))

describe('-o onto what is already there', () => {
  it('/dev/null stays the device it is (as root the old writer renamed a file over it)', () => {
    const before = statSync('/dev/null')
    const r = cli(['tasklist', PLAN, '--format', 'csv', '-q', '-o', '/dev/null'])
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' })
    const after = statSync('/dev/null')
    expect(after.isCharacterDevice()).toBe(true)
    expect(after.rdev).toBe(before.rdev)
  })

  it('/dev/full: one line, exit 1, the device kept', () => {
    const r = cli(['tasklist', PLAN, '--format', 'csv', '-q', '-o', '/dev/full'])
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'policykb: /dev/full: no space left on device\n' })
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true)
  })

  it('a FIFO is written through to its reader and stays a FIFO', async () => {
    const fifo = join(tmp, 'pipe')
    spawnSync('mkfifo', [fifo])
    const reader = spawn('cat', [fifo])
    let got = ''
    reader.stdout.on('data', (c: Buffer) => {
      got += c.toString()
    })
    const closed = new Promise((resolve) => reader.on('exit', resolve))
    expect(await write(fifo, 'through the pipe\n')).toEqual({ ok: true })
    await closed
    expect(got).toBe('through the pipe\n')
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })

  it('a symbolic link: its target is replaced atomically, the link stays a link', async () => {
    const dir = mkdtempSync(join(tmp, 'link-'))
    writeFileSync(join(dir, 'real.csv'), 'old')
    symlinkSync('real.csv', join(dir, 'link.csv'))
    expect(await write(join(dir, 'link.csv'), 'new')).toEqual({ ok: true })
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe('new')
    // A link to a link, and a dangling link (its target is created).
    symlinkSync('link.csv', join(dir, 'chain.csv'))
    expect(await write(join(dir, 'chain.csv'), 'chained')).toEqual({ ok: true })
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe('chained')
    symlinkSync('later.csv', join(dir, 'dangling.csv'))
    expect(await write(join(dir, 'dangling.csv'), 'created')).toEqual({ ok: true })
    expect(readFileSync(join(dir, 'later.csv'), 'utf8')).toBe('created')
    expect(lstatSync(join(dir, 'dangling.csv')).isSymbolicLink()).toBe(true)
    expect(temps(dir)).toEqual([])
  })

  it('a regular file keeps its permission bits', async () => {
    const dir = mkdtempSync(join(tmp, 'mode-'))
    writeFileSync(join(dir, 'private.csv'), 'old')
    chmodSync(join(dir, 'private.csv'), 0o600)
    expect(await write(join(dir, 'private.csv'), 'new')).toEqual({ ok: true })
    expect(statSync(join(dir, 'private.csv')).mode & 0o777).toBe(0o600)
    expect(readFileSync(join(dir, 'private.csv'), 'utf8')).toBe('new')
  })
})

describe('-o refusals say what is wrong, in words', () => {
  const dir = join(tmp, 'refusals')
  mkdirSync(join(dir, 'sub'), { recursive: true })
  writeFileSync(join(dir, 'file.txt'), 'x')
  it.each([
    { output: '', usage: true, message: '-o needs a file name, and the one given is empty' },
    { output: `${join(dir, 'sub')}/`, usage: false, message: `${join(dir, 'sub')}/: names a directory; -o takes a file name` },
    { output: join(dir, 'sub'), usage: false, message: `${join(dir, 'sub')}: is a directory; -o takes a file name` },
    { output: join(dir, 'nope', 'x.csv'), usage: false, message: `${join(dir, 'nope', 'x.csv')}: the directory ${join(dir, 'nope')} does not exist` },
    {
      output: join(dir, 'file.txt', 'x.csv'),
      usage: false,
      message: `${join(dir, 'file.txt', 'x.csv')}: a part of the path before the file name is a file, not a directory`,
    },
  ])('$output', async ({ output, usage, message }) => {
    expect(await write(output)).toEqual({ ok: false, usage, message })
    expect(temps(dir)).toEqual([])
  })

  it("-o '' is a usage error (exit 2) from the command line", () => {
    const r = cli(['tasklist', PLAN, '-q', '-o', ''])
    expect(r.code).toBe(2)
    expect(r.stderr.split('\n')[0]).toBe('policykb: -o needs a file name, and the one given is empty')
  })
})

describe('standard output that fails or goes away', () => {
  it('> /dev/full: one line, exit 1, no stack trace', () => {
    for (const args of [['tasklist', PLAN, '--format', 'csv', '-q'], ['--help'], ['parse', PLAN, '-q']]) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" ${args.map((a) => `'${a}'`).join(' ')} > /dev/full`], {
        encoding: 'utf8',
      })
      expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 1, stderr: 'policykb: standard output: no space left on device\n' })
    }
  })

  it('a closed pipe (| head -c 1): quiet, exit 0', () => {
    // The whole 任务清单 of seed 002 is far more than a pipe holds: the writer meets EPIPE.
    const script = `"${process.execPath}" "${bin}" tasklist '${BUNDLE}' --format md -q | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' })
    expect({ status: r.stdout.trim(), stderr: r.stderr }).toEqual({ status: '0', stderr: '' })
  })
})

describe('a bug is one line, exit 2; POLICYKB_DEBUG=1 shows where', () => {
  const failingIo = () => {
    const fake = fakeIo()
    // A standard output that throws when asked whether it is a terminal: nothing expects that.
    Object.defineProperty(fake.io.stdout, 'isTTY', {
      get() {
        throw new TypeError('isTTY exploded')
      },
    })
    return fake
  }

  it('no stack trace by default', async () => {
    const fake = failingIo()
    expect(await main(['tasklist', PLAN, '--format', 'xlsx', '-q'], fake.io)).toBe(2)
    expect(fake.stderr()).toBe('policykb: internal error: isTTY exploded (set POLICYKB_DEBUG=1 to see where)\n')
  })

  it('the stack with POLICYKB_DEBUG=1', () => {
    const saved = process.env.POLICYKB_DEBUG
    process.env.POLICYKB_DEBUG = '1'
    try {
      const line = internalErrorMessage(new TypeError('isTTY exploded'))
      expect(line).toMatch(/^policykb: internal error: TypeError: isTTY exploded\n\s+at /)
    } finally {
      if (saved === undefined) delete process.env.POLICYKB_DEBUG
      else process.env.POLICYKB_DEBUG = saved
    }
  })
})
