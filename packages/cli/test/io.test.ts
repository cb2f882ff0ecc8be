import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { forEachInput, formatDiagnostic, type Io, readInput, writeFileAtomic, writeOutput } from '../src/io.js'
import { main } from '../src/main.js'

// The CLI reaches the parser through src/parser.ts; give it the real reading stage from the
// parser's sources, so these in-process tests do not depend on a build of the parser.
vi.mock('../src/parser.js', async () => ({
  decode: (await import('../../parser/src/decode.js')).decode,
  read: (await import('../../parser/src/read/index.js')).read,
  parse: () => {
    throw new Error('parse is not used here')
  },
}))

/** An Io whose streams are collected into strings. */
function fakeIo(options: { stdin?: string | Uint8Array; tty?: boolean } = {}) {
  const out: string[] = []
  const err: string[] = []
  const stdout = Object.assign(new PassThrough(), { isTTY: options.tty ?? false })
  const stderr = new PassThrough()
  stdout.on('data', (c: Buffer) => out.push(c.toString()))
  stderr.on('data', (c: Buffer) => err.push(c.toString()))
  const io: Io = { stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]), stdout, stderr }
  return { io, stdout: () => out.join(''), stderr: () => err.join('') }
}

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'policykb-io-'))
  writeFileSync(join(tmp, 'good.txt'), '一、总体要求\n（一）完善组织架构。\n')
  writeFileSync(join(tmp, 'bad.bin'), Uint8Array.from([0x01, 0x02, 3, 4, 0, 0]))
  writeFileSync(join(tmp, 'page.html'), '<p>一、总体要求</p><p>（一）完善组织架构。</p>')
  writeFileSync(join(tmp, 'empty.txt'), '')
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('readInput', () => {
  it('reads and decodes a file, naming it as given', async () => {
    const { io } = fakeIo()
    const result = await readInput(join(tmp, 'good.txt'), { io })
    expect(result).toMatchObject({ ok: true, input: { name: join(tmp, 'good.txt'), encoding: 'utf-8', text: '一、总体要求\n（一）完善组织架构。\n' } })
  })

  it('reads standard input for -, named <stdin>', async () => {
    const { io } = fakeIo({ stdin: '一、总体要求\n' })
    expect(await readInput('-', { io })).toMatchObject({ ok: true, input: { name: '<stdin>', text: '一、总体要求\n' } })
  })

  it.each([
    { file: 'nope.txt', message: 'nope.txt: no such file or directory' },
    { file: '.', message: '.: is a directory' },
    { file: 'empty.txt', message: 'empty.txt: the file is empty' },
    { file: 'bad.bin', message: 'bad.bin:1: binary data: NUL byte at byte 4' },
  ])('$file → $message', async ({ file, message }) => {
    const { io } = fakeIo()
    const cwd = process.cwd()
    process.chdir(tmp)
    try {
      expect(await readInput(file, { io })).toEqual({ ok: false, name: file, message })
    } finally {
      process.chdir(cwd)
    }
  })

  it('reads a web page through the HTML reader: its text, its format and the blocks it came from', async () => {
    const { io } = fakeIo()
    const result = await readInput(join(tmp, 'page.html'), { io })
    expect(result).toMatchObject({ ok: true, input: { format: 'html', encoding: 'utf-8', text: '一、总体要求\n（一）完善组织架构。' } })
    expect(result.ok && result.input.source.blocks.map((b) => b.origin.element)).toEqual(['body>p:nth-of-type(1)', 'body>p:nth-of-type(2)'])
  })

  it('names the file and the reason of a reader that cannot read it, in one line', async () => {
    const { io } = fakeIo()
    const file = join(tmp, 'broken.docx')
    writeFileSync(file, Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]))
    const result = await readInput(file, { io })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [^\n]+$`))
  })

  it('passes an explicit encoding through and marks diagnostics with the file', async () => {
    const { io } = fakeIo()
    const result = await readInput(join(tmp, 'good.txt'), { io, encoding: 'gbk' })
    expect(result.ok && result.input.encoding).toBe('gb18030')
  })
})

describe('writeOutput', () => {
  it('writes text to stdout', async () => {
    const fake = fakeIo()
    expect(await writeOutput(fake.io, 'data\n', {})).toEqual({ ok: true })
    expect(fake.stdout()).toBe('data\n')
  })

  it('refuses binary output to a terminal, allows it to a pipe', async () => {
    const tty = fakeIo({ tty: true })
    expect(await writeOutput(tty.io, new Uint8Array([1, 2]), { binary: true, format: 'xlsx' })).toEqual({
      ok: false,
      usage: true,
      message: 'refusing to write xlsx to a terminal; use -o FILE or a pipe',
    })
    expect(tty.stdout()).toBe('')
    const pipe = fakeIo({ tty: false })
    expect(await writeOutput(pipe.io, new Uint8Array([0x41]), { binary: true })).toEqual({ ok: true })
    expect(pipe.stdout()).toBe('A')
  })

  it('-o - means stdout', async () => {
    const fake = fakeIo()
    await writeOutput(fake.io, 'x', { output: '-' })
    expect(fake.stdout()).toBe('x')
  })

  it('writes a file atomically, replacing an existing one', async () => {
    const dir = mkdtempSync(join(tmp, 'w-'))
    writeFileSync(join(dir, 'out.txt'), 'old')
    expect(await writeOutput(fakeIo().io, 'new', { output: join(dir, 'out.txt') })).toEqual({ ok: true })
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['out.txt'])
  })

  it('on failure removes its temporary file and reports one line', async () => {
    const dir = mkdtempSync(join(tmp, 'w-'))
    mkdirSync(join(dir, 'taken'))
    await expect(writeFileAtomic(join(dir, 'taken'), 'x')).rejects.toThrow('is a directory; -o takes a file name')
    expect(readdirSync(dir)).toEqual(['taken'])
    expect(await writeOutput(fakeIo().io, 'x', { output: join(dir, 'missing', 'out.txt') })).toEqual({
      ok: false,
      usage: false,
      message: `${join(dir, 'missing', 'out.txt')}: the directory ${join(dir, 'missing')} does not exist`,
    })
  })
})

describe('forEachInput', () => {
  it('reports a bad file and goes on with the rest, exit code 1 at the end', async () => {
    const fake = fakeIo({ stdin: '二、重点任务\n' })
    const seen: string[] = []
    const paths = [join(tmp, 'good.txt'), join(tmp, 'nope.txt'), join(tmp, 'bad.bin'), '-', '-', join(tmp, 'good.txt')]
    const summary = await forEachInput(paths, { io: fake.io }, (input) => {
      if (seen.length === 2) throw new Error('handler failed')
      seen.push(input.name)
    })
    expect(seen).toEqual([join(tmp, 'good.txt'), '<stdin>'])
    expect(summary).toEqual({ total: 6, failed: 4, exitCode: 1 })
    expect(fake.stderr().split('\n').filter(Boolean)).toEqual([
      `policykb: ${join(tmp, 'nope.txt')}: no such file or directory`,
      `policykb: ${join(tmp, 'bad.bin')}:1: binary data: NUL byte at byte 4`,
      'policykb: <stdin>: standard input can be read only once',
      `policykb: ${join(tmp, 'good.txt')}: handler failed`,
    ])
  })

  it('exit code 0 when every input succeeds', async () => {
    const summary = await forEachInput([join(tmp, 'good.txt')], { io: fakeIo().io }, () => {})
    expect(summary).toEqual({ total: 1, failed: 0, exitCode: 0 })
  })
})

describe('formatDiagnostic', () => {
  const span = { start: 0, end: 1, line: 7, endLine: 7 }
  it.each([
    { d: { ruleId: 'r', reason: 'why', severity: 'warning' as const, line: 3 }, expected: 'a.txt:3: warning r: why' },
    { d: { ruleId: 'r', reason: 'why', severity: 'error' as const, span }, expected: 'a.txt:7: error r: why' },
    { d: { ruleId: 'r', reason: 'why', severity: 'info' as const }, expected: 'a.txt: info r: why' },
    { d: { ruleId: 'r', reason: 'why', severity: 'warning' as const, file: 'b.txt', line: 2 }, expected: 'b.txt:2: warning r: why' },
  ])('$expected', ({ d, expected }) => {
    expect(formatDiagnostic(d, 'a.txt')).toBe(expected)
  })
})

describe('main, in process', () => {
  it('usage errors: exit 2, message and hint on stderr, nothing on stdout', async () => {
    const fake = fakeIo()
    expect(await main(['parse', '--nope'], fake.io)).toBe(2)
    expect(fake.stdout()).toBe('')
    expect(fake.stderr()).toBe("policykb: unknown option '--nope'\nTry 'policykb parse --help' for more information.\n")
  })

  it('an input error: exit 1, one line', async () => {
    const fake = fakeIo()
    expect(await main(['parse', join(tmp, 'empty.txt')], fake.io)).toBe(1)
    expect(fake.stderr()).toBe(`policykb: ${join(tmp, 'empty.txt')}: the file is empty\n`)
  })
})
