import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parse } from '@policykb/parser'
import { loadKnowledgeBase } from '@policykb/search'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands } from '../src/commands/index.js'
import { documentPaths } from '../src/documentFiles.js'
import { documentId } from '../src/kb.js'
import { root, SEEDS, PLAN, REPLY, lines, policykb } from './helpers.js'

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])

/** A small plan of two measures; `unit` leads the first. */
const smallPlan = (title: string, unit: string) =>
  [
    `${title}实施方案`,
    '一、重点任务',
    '1.完善组织架构。成立工作专班。',
    '完成时限：2022年5月',
    `牵头单位：${unit}`,
    '2.加强宣传引导。及时总结推广经验做法。',
    '完成时限：长期坚持',
    '责任单位：市委宣传部',
  ].join('\n\n')




let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'policykb-index-'))
  writeFileSync(join(tmp, 'image.png'), PNG)
  writeFileSync(join(tmp, 'empty.txt'), '')
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('the command registry', () => {
  it('lists index, search and units after the others (then serve), each summary as its module declares it', async () => {
    expect(commands.map((c) => c.name)).toEqual(['parse', 'tasklist', 'eval', 'index', 'search', 'documents', 'units', 'serve'])
    for (const entry of commands) {
      const command = await entry.load()
      expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary })
    }
  })

  it('--help lists the three commands; each has its own help', async () => {
    const help = await policykb(['--help'])
    for (const name of ['index', 'search', 'units']) expect(help.stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'))
    expect((await policykb(['index', '--help'])).stdout).toMatch(/^Usage: policykb index \[options\] -o KB FILE\|DIR\.\.\./)
    expect((await policykb(['help', 'search'])).stdout).toContain('--lead')
  })
})

describe('policykb index', () => {
  it('indexes the five seeds: a line per file, a note for the reply, a summary; ids are paths from the cwd', async () => {
    const kb = join(tmp, 'seeds')
    const { code, stdout, stderr } = await policykb(['index', ...SEEDS, '-o', kb])
    expect(code).toBe(0)
    expect(stdout).toBe('')
    const ids = SEEDS.map((p) => relative(process.cwd(), p))
    const counts = SEEDS.map((p) => parse(readFileSync(p, 'utf8')).measures.length)
    const total = counts.reduce((a, b) => a + b, 0)
    const err = lines(stderr)
    for (const [i, seed] of SEEDS.entries()) expect(err).toContain(`[${i + 1}/5] ${seed}: ${counts[i]} measures`)
    expect(err).toContain(`${REPLY}: info no-measures: document kind is 'reply', not a plan: it has no measures; indexed as a document without measures`)
    expect(err.at(-1)).toMatch(new RegExp(`^indexed 5 documents: ${total} measures, \\d+ units → ${kb} \\(\\d+\\.\\d MB, \\d+\\.\\d s\\)$`))

    const loaded = await loadKnowledgeBase(kb)
    expect(loaded.size).toBe(total)
    expect(loaded.documents().map((d) => [d.id, d.measures])).toEqual(ids.map((id, i) => [id, counts[i]]))
    expect(loaded.tokenizerName).toBe('node-rs-jieba')
  })

  it('a directory stands for its document files by kind, recursively and in name order; hidden ones are skipped', async () => {
    const dir = join(tmp, 'plans')
    for (const sub of ['b', 'a/z', '.hidden']) mkdirSync(join(dir, sub), { recursive: true })
    writeFileSync(join(dir, 'b/two.TXT'), smallPlan('乙市', '市发展改革委'))
    writeFileSync(join(dir, 'a/one.md'), smallPlan('甲市', '市税务局'))
    writeFileSync(join(dir, 'a/z/three.txt'), smallPlan('丙市', '市财政局'))
    writeFileSync(join(dir, 'a/notes.png'), PNG)
    writeFileSync(join(dir, 'a/list.csv'), '序号,措施')
    writeFileSync(join(dir, '.hidden/four.txt'), smallPlan('丁市', '市商务局'))
    writeFileSync(join(dir, '.five.txt'), smallPlan('戊市', '市商务局'))
    expect((await documentPaths([dir])).paths).toEqual([join(dir, 'a/one.md'), join(dir, 'a/z/three.txt'), join(dir, 'b/two.TXT')])

    // the same file again, directly: indexed once
    const kb = join(tmp, 'plans-kb')
    const { code, stderr } = await policykb(['index', dir, join(dir, 'a/one.md'), '-o', kb])
    expect(code).toBe(0)
    expect(lines(stderr).at(-1)).toMatch(/^indexed 3 documents: 6 measures, /)
    const ids = (await loadKnowledgeBase(kb)).documents().map((d) => d.id)
    // outside the current directory: filed under their names
    expect(ids).toEqual(['one.md', 'three.txt', 'two.TXT'])
  })

  it(".policykbignore and --exclude leave files out (gitignore syntax); a file named is read whatever its name", async () => {
    const dir = join(tmp, 'ignored')
    for (const sub of ['plan', 'plan/oracle', 'drafts']) mkdirSync(join(dir, sub), { recursive: true })
    writeFileSync(join(dir, 'plan/plan.txt'), smallPlan('甲市', '市税务局'))
    writeFileSync(join(dir, 'plan/outline.txt'), '正文 [2]')
    writeFileSync(join(dir, 'plan/oracle/plan.pdf.pdftotext.txt'), smallPlan('甲市', '市税务局'))
    writeFileSync(join(dir, 'plan/keep.md'), smallPlan('乙市', '市财政局'))
    writeFileSync(join(dir, 'drafts/draft.txt'), smallPlan('丙市', '市商务局'))
    writeFileSync(join(dir, 'notes.md'), smallPlan('丁市', '市商务局'))
    writeFileSync(join(dir, '.policykbignore'), ['# golden outputs', 'outline.txt', 'oracle/', '*.md', '!keep.md', ''].join('\n'))
    const found = async (exclude: string[] = []) => (await documentPaths([dir], { exclude })).paths.map((p) => relative(dir, p))
    expect(await found()).toEqual(['drafts/draft.txt', 'plan/keep.md', 'plan/plan.txt'])
    expect(await found(['drafts/'])).toEqual(['plan/keep.md', 'plan/plan.txt'])
    expect(await found(['/plan/*.txt', 'draft.*'])).toEqual(['plan/keep.md'])
    // named on the command line: read although the ignore file leaves it out
    expect((await documentPaths([join(dir, 'notes.md')])).paths).toEqual([join(dir, 'notes.md')])

    const kb = join(tmp, 'ignored-kb')
    const { code, stderr } = await policykb(['index', dir, '--exclude', 'drafts/', '-o', kb])
    expect(code).toBe(0)
    expect(lines(stderr).at(-1)).toMatch(/^indexed 2 documents: 4 measures, /)
    const all = await policykb(['index', dir, '--exclude', '*', '-o', join(tmp, 'none-kb')])
    expect(all.code).toBe(1)
    expect(all.stderr).toContain('no .txt, .md, .html, .htm, .docx, .doc or .pdf files in this directory (or all are ignored)')
  })

  it('an unreadable document file under a directory is reported naming it and skipped', async () => {
    const dir = join(tmp, 'with-broken')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'a.txt'), smallPlan('甲市', '市税务局'))
    writeFileSync(join(dir, 'b.pdf'), Uint8Array.from([0, 1, 2, 0, 0xff, 0xfe, 0, 0, 3]))
    const { code, stderr } = await policykb(['index', dir, '-o', join(tmp, 'broken-kb')])
    expect(code).toBe(1)
    expect(stderr).toMatch(/policykb: \S*b\.pdf(:\d+)?: /)
    expect(lines(stderr).at(-1)).toMatch(/^indexed 1 document: 2 measures, .*; 1 of 2 files failed$/)
  })

  it('fixtures/ gives each document once, by its input file: no golden output, oracle or rendering', async () => {
    const fixtures = join(root, 'fixtures')
    const { paths } = await documentPaths([fixtures])
    const byFolder = new Map<string, string[]>()
    for (const path of paths.map((p) => relative(fixtures, p).split('\\').join('/'))) {
      const [folder, file, ...deeper] = path.split('/')
      expect(deeper, path).toEqual([])
      expect(file!.replace(/\.[^.]+$/, ''), path).toBe(folder)
      byFolder.set(folder!, [...(byFolder.get(folder!) ?? []), file!])
    }
    for (const [folder, files] of byFolder) expect(files, folder).toHaveLength(1)
    for (const seed of SEEDS) expect(paths).toContain(seed)
  })

  it('a bad file is reported naming it and skipped; the rest are indexed, the store written, exit 1', async () => {
    const kb = join(tmp, 'partial')
    const args = ['index', PLAN, join(tmp, 'missing.txt'), join(tmp, 'image.png'), join(tmp, 'empty.txt'), REPLY, '-o', kb]
    const { code, stdout, stderr } = await policykb(args)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    const err = lines(stderr)
    expect(err).toContain(`policykb: ${join(tmp, 'missing.txt')}: no such file or directory`)
    expect(err).toContain(`policykb: ${join(tmp, 'image.png')}:3: binary data: NUL byte at byte 8`)
    expect(err).toContain(`policykb: ${join(tmp, 'empty.txt')}: the file is empty`)
    expect(err.at(-1)).toMatch(new RegExp(`^indexed 2 documents: 25 measures, \\d+ units → ${kb} .*; 3 of 5 files failed$`))
    const loaded = await loadKnowledgeBase(kb)
    expect(loaded.documents().map((d) => d.measures)).toEqual([25, 0])
  })

  it('when no file can be read: exit 1 and no store', async () => {
    const kb = join(tmp, 'none')
    const { code, stdout, stderr } = await policykb(['index', join(tmp, 'missing.txt'), join(tmp, 'empty.txt'), '-o', kb])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(lines(stderr)).toEqual([
      `policykb: ${join(tmp, 'missing.txt')}: no such file or directory`,
      `policykb: ${join(tmp, 'empty.txt')}: the file is empty`,
      `policykb: no document could be indexed; ${kb} was not written`,
    ])
    expect(existsSync(kb)).toBe(false)
  })

  it('a directory without documents is a failure naming it', async () => {
    const dir = join(tmp, 'nothing-here')
    mkdirSync(dir)
    writeFileSync(join(dir, 'x.png'), PNG)
    const kb = join(tmp, 'nothing-kb')
    const { code, stderr } = await policykb(['index', dir, '-o', kb])
    expect(code).toBe(1)
    expect(lines(stderr)[0]).toBe(`policykb: ${dir}: no .txt, .md, .html, .htm, .docx, .doc or .pdf files in this directory (or all are ignored)`)
    expect(existsSync(kb)).toBe(false)
  })

  it('-q leaves only the errors; a store is replaced by the next index', async () => {
    const kb = join(tmp, 'quiet')
    expect(await policykb(['index', PLAN, REPLY, '-o', kb, '-q'])).toEqual({ code: 0, stdout: '', stderr: '' })
    expect((await loadKnowledgeBase(kb)).size).toBe(25)
    const again = await policykb(['index', join(tmp, 'missing.txt'), REPLY, '-o', kb, '-q'])
    expect(again).toEqual({ code: 1, stdout: '', stderr: `policykb: ${join(tmp, 'missing.txt')}: no such file or directory\n` })
    expect((await loadKnowledgeBase(kb)).documents().map((d) => d.measures)).toEqual([0])
  })

  it('on a terminal, a progress bar redrawn in place and cleared at the end, messages above it', async () => {
    const kb = join(tmp, 'tty')
    const { code, stderr } = await policykb(['index', PLAN, join(tmp, 'missing.txt'), REPLY, '-o', kb], { stderrColumns: 60 })
    expect(code).toBe(1)
    expect(stderr).toContain('\r\x1b[K')
    expect(stderr).not.toMatch(/\[\d\/3\] /)
    // what remains on the screen once the bar is erased: the messages and the summary
    const screen = stderr.split('\n').map((line) => line.split('\r\x1b[K').at(-1)!)
    expect(screen.filter((l) => l !== '')).toEqual([
      `policykb: ${join(tmp, 'missing.txt')}: no such file or directory`,
      `${REPLY}: info no-measures: document kind is 'reply', not a plan: it has no measures; indexed as a document without measures`,
      expect.stringMatching(/^indexed 2 documents: 25 measures/),
    ])
    const bars = stderr.split(/\r\x1b\[K|\n/).filter((s) => s.startsWith('['))
    expect(bars.length).toBeGreaterThanOrEqual(3)
    for (const bar of bars) expect(bar.length).toBeLessThan(60)
  })

  it('refuses a target that exists and is not a knowledge base', async () => {
    const dir = join(tmp, 'documents')
    mkdirSync(dir)
    writeFileSync(join(dir, 'mine.txt'), 'keep me')
    const { code, stderr } = await policykb(['index', PLAN, '-o', dir])
    expect(code).toBe(1)
    expect(stderr).toBe(`policykb: ${dir}: the directory is not empty and holds no knowledge base (no manifest.json); give a new or empty directory\n`)
    const file = join(tmp, 'image.png')
    expect((await policykb(['index', PLAN, '-o', file])).stderr).toBe(`policykb: ${file}: exists and is not a directory\n`)
  })

  it.each([
    { args: [PLAN], message: 'missing -o KB: the directory to write the knowledge base to' },
    { args: ['-o', 'kb'], message: 'missing FILE or DIR (documents, or directories of .txt, .md, .html, .htm, .docx, .doc or .pdf files)' },
    { args: [PLAN, '-o', '-'], message: 'a knowledge base is a directory: -o - (standard output) cannot take it' },
    { args: [PLAN, '-o', 'kb', '--tokenizer', 'ik'], message: "unknown tokenizer 'ik' (expected jieba or nodejieba)" },
    { args: [PLAN, '-o', 'kb', '-e', 'latin1'], message: expect.stringMatching(/^unknown encoding 'latin1'/) },
  ])('usage: $message → exit 2', async ({ args, message }) => {
    const { code, stdout, stderr } = await policykb(['index', ...args])
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' })
    expect(lines(stderr)).toEqual([expect.stringMatching(/^policykb: /), "Try 'policykb index --help' for more information."])
    expect(lines(stderr)[0]!.slice('policykb: '.length)).toEqual(message)
  })

  it('--tokenizer nodejieba builds with nodejieba and the store says so', async () => {
    // nodejieba is an optional dependency of @policykb/search (it compiles at install)
    try {
      createRequire(join(root, 'packages/search/package.json')).resolve('nodejieba')
    } catch {
      return
    }
    const file = join(tmp, 'small.txt')
    writeFileSync(file, smallPlan('甲市', '市税务局'))
    const kb = join(tmp, 'nodejieba')
    expect((await policykb(['index', file, '-o', kb, '--tokenizer', 'nodejieba', '-q'])).code).toBe(0)
    const manifest = JSON.parse(readFileSync(join(kb, 'manifest.json'), 'utf8')) as { tokenizer: string }
    expect(manifest.tokenizer).toBe('nodejieba')
  })
})

describe('documentId', () => {
  it.each([
    { name: 'fixtures/a/a.txt', cwd: '/repo', taken: [], expected: 'fixtures/a/a.txt' },
    { name: '/repo/plans/b.md', cwd: '/repo', taken: [], expected: 'plans/b.md' },
    { name: '/elsewhere/b.md', cwd: '/repo', taken: [], expected: 'b.md' },
    { name: '../other/b.md', cwd: '/repo/x', taken: ['b.md'], expected: '/repo/other/b.md' },
    { name: '<stdin>', cwd: '/repo', taken: [], expected: '<stdin>' },
  ])('$name from $cwd → $expected', ({ name, cwd, taken, expected }) => {
    expect(documentId(name, cwd, new Set(taken))).toBe(expected)
  })
})
