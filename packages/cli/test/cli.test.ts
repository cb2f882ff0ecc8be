import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as parser from '@policykb/parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// These tests run the built CLI the way a user does: `node packages/cli/dist/bin.js …`.
const root = fileURLToPath(new URL('../../../', import.meta.url))
const bin = join(root, 'packages/cli/dist/bin.js')
const cliPackage = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')) as { version: string }
// iconv-lite is the parser's dependency; borrow it to make a GB18030 fixture.
const iconv = createRequire(join(root, 'packages/parser/package.json'))('iconv-lite') as {
  encode(text: string, encoding: string): Uint8Array
}

// `decode` and `parse` are being exported from @policykb/parser by the lead; tests that need them
// are skipped until they are.
const hasDecode = 'decode' in parser
const hasParse = hasDecode && 'parse' in parser

const seed = readFileSync(join(root, 'fixtures/001_d25d4ccf3a63151e/001_d25d4ccf3a63151e.txt'), 'utf8')
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])

let tmp: string

beforeAll(() => {
  // Incremental: near instant when dist is up to date. TypeScript emits even when some package
  // has type errors (pnpm build reports those), so only a missing bin.js is fatal here.
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.json'], {
    cwd: root,
    stdio: 'ignore',
  })
  if (!existsSync(bin)) throw new Error(`${bin} was not built: run pnpm build`)
  tmp = mkdtempSync(join(tmpdir(), 'policykb-cli-'))
  mkdirSync(join(tmp, 'utf8'))
  mkdirSync(join(tmp, 'gb'))
  writeFileSync(join(tmp, 'utf8/plan.txt'), seed)
  writeFileSync(join(tmp, 'gb/plan.txt'), iconv.encode(seed, 'gb18030'))
  writeFileSync(join(tmp, 'image.png'), png)
  writeFileSync(join(tmp, 'empty.txt'), '')
  writeFileSync(join(tmp, 'blank.txt'), '\n  \n')
  mkdirSync(join(tmp, 'folder'))
})

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

function cli(args: string[], options: { cwd?: string; input?: string | Uint8Array } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? tmp,
    input: options.input ?? '',
    encoding: 'utf8',
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '')

describe('help, version and usage errors', () => {
  it('--help prints usage and the commands on stdout, exit 0', () => {
    const { code, stdout, stderr } = cli(['--help'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toMatch(/^Usage: policykb <command>/m)
    expect(stdout).toMatch(/^ {2}parse /m)
    expect(stdout).toMatch(/^ {2}search /m)
  })

  it.each([['-h'], ['help']])('%s is --help', (flag) => {
    expect(cli([flag]).stdout).toBe(cli(['--help']).stdout)
  })

  it('<command> --help and help <command>', () => {
    const { code, stdout, stderr } = cli(['parse', '--help'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toMatch(/^Usage: policykb parse \[options\] FILE/)
    expect(stdout).toContain('--format FORMAT')
    expect(cli(['help', 'parse']).stdout).toBe(stdout)
    // --help wins over everything else on the line
    expect(cli(['parse', 'missing.txt', '--help']).code).toBe(0)
  })

  it.each([['--version'], ['-V']])('%s prints the package version', (flag) => {
    expect(cli([flag])).toEqual({ code: 0, stdout: `${cliPackage.version}\n`, stderr: '' })
  })

  it.each([
    { args: [], message: /^policykb: missing command/, hint: 'policykb --help' },
    { args: ['prase', 'x.txt'], message: /^policykb: unknown command 'prase' \(did you mean 'parse'\?\)$/, hint: 'policykb --help' },
    { args: ['frobnicate'], message: /^policykb: unknown command 'frobnicate'$/, hint: 'policykb --help' },
    { args: ['--frobnicate'], message: /^policykb: unknown option '--frobnicate'$/, hint: 'policykb --help' },
    { args: ['parse', '--frobnicate', 'x.txt'], message: /unknown option '--frobnicate'$/, hint: 'policykb parse --help' },
    { args: ['parse', 'x.txt', '-f'], message: /option '-f, --format' needs a value$/, hint: 'policykb parse --help' },
    { args: ['parse', 'x.txt', '--format', 'xml'], message: /unknown format 'xml'/, hint: 'policykb parse --help' },
    { args: ['parse', 'x.txt', '--encoding', 'latin1'], message: /unknown encoding 'latin1'/, hint: 'policykb parse --help' },
    { args: ['parse', '--quiet=yes', 'x.txt'], message: /'-q, --quiet' does not take a value$/, hint: 'policykb parse --help' },
    { args: ['parse'], message: /missing FILE/, hint: 'policykb parse --help' },
    { args: ['parse', 'a.txt', 'b.txt'], message: /unexpected argument 'b.txt'/, hint: 'policykb parse --help' },
  ])('$args → exit 2, one line and a hint on stderr', ({ args, message, hint }) => {
    const { code, stdout, stderr } = cli(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    const [first, second, ...more] = lines(stderr)
    expect(first).toMatch(message)
    expect(second).toBe(`Try '${hint}' for more information.`)
    expect(more).toEqual([])
  })
})

describe('input errors: one line naming the file, exit 1, nothing on stdout', () => {
  it.each([
    { name: 'missing file', file: 'missing.txt', message: 'policykb: missing.txt: no such file or directory', needs: false },
    { name: 'directory', file: 'folder', message: 'policykb: folder: is a directory', needs: false },
    { name: 'a path through a file', file: 'empty.txt/x', message: 'policykb: empty.txt/x: a component of the path is not a directory', needs: false },
    { name: 'binary file', file: 'image.png', message: 'policykb: image.png:3: binary data: NUL byte at byte 8', needs: true },
    { name: 'empty file', file: 'empty.txt', message: 'policykb: empty.txt: the file is empty', needs: true },
    { name: 'blank file', file: 'blank.txt', message: 'policykb: blank.txt: the file contains only whitespace', needs: true },
  ])('$name', ({ file, message, needs }) => {
    if (needs && !hasDecode) return
    const { code, stdout, stderr } = cli(['parse', file])
    expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: '', stderr: `${message}\n` })
  })

  it.skipIf(process.getuid?.() === 0)('unreadable file', () => {
    const file = join(tmp, 'secret.txt')
    writeFileSync(file, seed, { mode: 0o000 })
    expect(cli(['parse', 'secret.txt'])).toEqual({ code: 1, stdout: '', stderr: 'policykb: secret.txt: permission denied\n' })
  })

  it.skipIf(!hasDecode)('binary on standard input', () => {
    expect(cli(['parse', '-'], { input: png })).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^policykb: <stdin>:3: binary data/) })
  })
})

describe.skipIf(!hasParse)('parse', () => {
  it('prints the parse result as JSON on stdout, units and deadlines as the model records them', () => {
    const { code, stdout } = cli(['parse', 'utf8/plan.txt', '--quiet'])
    expect(code).toBe(0)
    const json = JSON.parse(stdout) as { document: { kind: string }; measures: Record<string, unknown>[]; diagnostics: unknown[] }
    expect(Object.keys(json)).toEqual(['document', 'measures', 'diagnostics'])
    expect(json.document.kind).toBe('plan')
    expect(json.measures.length).toBeGreaterThan(0)
    for (const m of json.measures) {
      expect(m).toMatchObject({ id: expect.any(String), text: expect.any(String), span: expect.any(Object) })
      for (const unit of [...(m.leadUnits as unknown[]), ...(m.units as unknown[])]) {
        expect(unit).toMatchObject({ name: expect.any(String), normalized: expect.any(String), role: expect.any(String), span: expect.any(Object) })
      }
      if (m.deadline !== null) expect(m.deadline).toMatchObject({ kind: expect.any(String), text: expect.any(String), span: expect.any(Object) })
    }
  })

  it('a GB18030 file gives the same result as its UTF-8 original', () => {
    const utf8 = cli(['parse', 'plan.txt'], { cwd: join(tmp, 'utf8') })
    const gb = cli(['parse', 'plan.txt'], { cwd: join(tmp, 'gb') })
    expect(gb.code).toBe(0)
    const strip = (s: string) => {
      const json = JSON.parse(s) as { diagnostics: { ruleId: string }[] }
      json.diagnostics = json.diagnostics.filter((d) => d.ruleId !== 'decode-guessed-encoding')
      return json
    }
    expect(strip(gb.stdout)).toEqual(strip(utf8.stdout))
    expect(gb.stderr).toBe(utf8.stderr)
  })

  it('reads standard input with -', () => {
    const fromFile = JSON.parse(cli(['parse', 'utf8/plan.txt', '-q']).stdout) as { measures: unknown[] }
    const fromStdin = cli(['parse', '-', '-q'], { input: seed })
    expect(fromStdin.code).toBe(0)
    expect((JSON.parse(fromStdin.stdout) as { measures: unknown[] }).measures).toEqual(fromFile.measures)
  })

  it('tree: kind, title and 文号 on top, then the outline with measure counts', () => {
    const { code, stdout } = cli(['parse', 'utf8/plan.txt', '--format', 'tree', '-q'])
    expect(code).toBe(0)
    const [kind, title, docNumber] = lines(stdout)
    expect(kind).toBe('kind: plan')
    expect(title).toMatch(/^title: /)
    expect(docNumber).toMatch(/^文号: /)
    expect(stdout).toMatch(/^\S.* \[\d+\]$/m)
    expect(stdout).toMatch(/^ {2}\S.* \[\d+\]$/m)
  })

  it('md: headings for parts and sections, measures as items', () => {
    const { code, stdout } = cli(['parse', 'utf8/plan.txt', '-f', 'md', '-q'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^# \S/)
    expect(stdout).toMatch(/^## \S/m)
    expect(stdout).toMatch(/^- \S/m)
    expect(stdout).toMatch(/^ {2}- 牵头单位：\S/m)
  })

  it('warnings go to stderr as file:line: severity ruleId: reason, --quiet silences them', () => {
    const noisy = cli(['parse', 'plan.txt'], { cwd: join(tmp, 'utf8') })
    for (const line of lines(noisy.stderr)) expect(line).toMatch(/^plan\.txt(:\d+)?: (warning|error) [\w-]+: \S/)
    const quiet = cli(['parse', 'plan.txt', '--quiet'], { cwd: join(tmp, 'utf8') })
    expect(quiet.stderr).toBe('')
    expect(quiet.stdout).toBe(noisy.stdout)
  })

  it('a document that is not a plan is reported on stderr', () => {
    const reply = readFileSync(join(root, 'fixtures/003_21a5c8a025211d3e/003_21a5c8a025211d3e.txt'))
    const { code, stderr } = cli(['parse', '-'], { input: reply })
    expect(code).toBe(0)
    expect(stderr).toMatch(/^<stdin>: warning not-a-plan: document kind is '\w+', not a plan/m)
  })

  it('a closed pipe is not an error', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" parse utf8/plan.txt -q | head -c 10 >/dev/null`], {
      cwd: tmp,
      encoding: 'utf8',
    })
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
  })
})

describe('-o FILE: written whole or not at all', () => {
  const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'))

  it.skipIf(!hasParse)('writes the same bytes as stdout, nothing on stdout, no temp file left', () => {
    const dir = mkdtempSync(join(tmp, 'out-'))
    const { code, stdout } = cli(['parse', 'utf8/plan.txt', '-q', '-o', join(dir, 'plan.json')])
    expect(code).toBe(0)
    expect(stdout).toBe('')
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe(cli(['parse', 'utf8/plan.txt', '-q']).stdout)
    expect(readdirSync(dir)).toEqual(['plan.json'])
  })

  it('a failed read leaves no output file and an existing one untouched', () => {
    const dir = mkdtempSync(join(tmp, 'out-'))
    expect(cli(['parse', 'missing.txt', '-o', join(dir, 'new.json')]).code).toBe(1)
    writeFileSync(join(dir, 'old.json'), 'previous result')
    const failing = hasDecode ? 'image.png' : 'missing.txt'
    expect(cli(['parse', failing, '-o', join(dir, 'old.json')]).code).toBe(1)
    expect(readdirSync(dir)).toEqual(['old.json'])
    expect(readFileSync(join(dir, 'old.json'), 'utf8')).toBe('previous result')
  })

  it.skipIf(!hasParse)('an output path that cannot be written: one line, exit 1, nothing left', () => {
    const dir = mkdtempSync(join(tmp, 'out-'))
    const noDir = cli(['parse', 'utf8/plan.txt', '-q', '-o', join(dir, 'no/such/plan.json')])
    expect(noDir).toEqual({
      code: 1,
      stdout: '',
      stderr: `policykb: ${join(dir, 'no/such/plan.json')}: the directory ${join(dir, 'no/such')} does not exist\n`,
    })
    mkdirSync(join(dir, 'taken'))
    const isDir = cli(['parse', 'utf8/plan.txt', '-q', '-o', join(dir, 'taken')])
    expect(isDir).toEqual({ code: 1, stdout: '', stderr: `policykb: ${join(dir, 'taken')}: is a directory; -o takes a file name\n` })
    expect(leftovers(dir)).toEqual([])
  })
})
