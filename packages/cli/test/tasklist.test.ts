import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCsv } from '@policykb/tasklist'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../src/main.js'
import { root, PLAN, BUNDLE, REPLY, lines, fakeIo, } from './helpers.js'



/** Run `policykb tasklist …` in process. */
async function tasklist(args: string[], options: { stdin?: string | Uint8Array; tty?: boolean } = {}) {
  const fake = fakeIo(options)
  const code = await main(['tasklist', ...args], fake.io)
  return { code, stdout: fake.stdout(), bytes: fake.bytes(), stderr: fake.stderr() }
}

/** A small plan whose measure 2 has sub-items (（1）, （2）) under one responsibility block. */
const SUBITEMS = [
  'XX市优化营商环境实施方案',
  '一、重点任务',
  '1.完善组织架构。成立工作专班。',
  '完成时限：2022年5月',
  '责任单位：市发展改革委',
  '2.建立健全工作机制。加强协作联动，形成工作合力。',
  '（1）部门联动例会机制。每季度至少召开一次专班会议。',
  '（2）统筹协作推进机制。定期开展自查评估。',
  '完成时限：2022年6月',
  '责任单位：市发展改革委',
  '3.加强宣传引导。及时总结推广经验做法。',
  '完成时限：长期坚持',
  '责任单位：市委宣传部',
].join('\n\n')


let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'policykb-tasklist-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('usage errors: exit 2, one line and a hint, nothing on stdout', () => {
  it.each([
    { args: [PLAN, '--format', 'pdf'], message: "unknown format 'pdf' (expected xlsx, docx, csv, md, json)" },
    { args: [PLAN, '--parts', '2-'], message: "invalid --parts: '2-' is not a part (expected an attachment number, a range like 2-23, main or all)" },
    { args: [PLAN, '--parts', '9-3'], message: "invalid --parts: range '9-3' runs backwards" },
    { args: [PLAN, '--parts', '0'], message: "invalid --parts: attachment numbers run from 1 to 999, not '0'" },
    { args: [PLAN, '--parts', '2,,5'], message: "invalid --parts: empty item in '2,,5'" },
    { args: [PLAN, '--parts', 'all,3'], message: "invalid --parts: 'all' cannot be combined with other parts" },
    { args: [PLAN, '--parts', '附件2'], message: "invalid --parts: '附件2' is not a part (expected an attachment number, a range like 2-23, main or all)" },
    { args: [PLAN, '--columns', 'seq,owner'], message: "invalid --columns: unknown column 'owner' (expected seq, specialty, direction, measure, lead, units, deadline)" },
    { args: [PLAN, '--columns', 'seq,,measure'], message: "invalid --columns: empty item in 'seq,,measure' (expected seq, specialty, direction, measure, lead, units, deadline)" },
    { args: [PLAN, '--columns', 'measure,seq,measure'], message: "invalid --columns: 'measure' is listed twice" },
    { args: [PLAN, '--measure-text', 'short'], message: "unknown --measure-text 'short' (expected lead, full)" },
    { args: [PLAN, '--direction', 'section'], message: "unknown --direction 'section' (expected heading, title)" },
    { args: [PLAN, '-e', 'latin1'], message: "unknown encoding 'latin1' (expected utf-8, utf-16le, utf-16be, utf-16, gb18030, gbk, gb2312)" },
    { args: [], message: 'missing FILE (use - for standard input)' },
    { args: [PLAN, PLAN], message: `unexpected argument '${PLAN}': tasklist takes one FILE` },
    { args: [PLAN, '--parts'], message: "option '-p, --parts' needs a value" },
  ])('$message', async ({ args, message }) => {
    const { code, stdout, stderr } = await tasklist(args)
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `policykb: ${message}\nTry 'policykb tasklist --help' for more information.\n`,
    })
  })

  it('an input that cannot be read: exit 1, one line', async () => {
    expect(await tasklist([join(tmp, 'missing.txt')])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `policykb: ${join(tmp, 'missing.txt')}: no such file or directory\n`,
    })
  })
})

describe('text formats', () => {
  it('md by default: a title, the header and one row per measure', async () => {
    const { code, stdout } = await tasklist([PLAN, '-q'])
    expect(code).toBe(0)
    const [title, header, rule, ...rows] = lines(stdout)
    expect(title).toBe('# 任务清单')
    expect(header).toBe('| 序号 | 改革方向 | 升级措施 | 牵头单位 | 责任单位 | 完成时限 |')
    expect(rule).toBe('| --- | --- | --- | --- | --- | --- |')
    expect(rows).toHaveLength(25)
    expect(rows[0]).toMatch(/^\| 1 \| 聚焦促进涉企政策落实/)
  })

  it('csv with --columns in the order given, json with the same rows', async () => {
    const csv = await tasklist([PLAN, '-q', '-f', 'csv', '--columns', 'deadline,seq,measure'])
    expect(csv.code).toBe(0)
    const records = parseCsv(csv.stdout.replace(/^\uFEFF/, ''))
    const cells = records.map((r) => r.cells)
    const header = cells.findIndex((c) => c[0] === '完成时限')
    expect(cells[header]).toEqual(['完成时限', '序号', '升级措施'])
    expect(cells.slice(header + 1)).toHaveLength(25)

    const json = await tasklist([PLAN, '-q', '--format', 'JSON'])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toHaveLength(25)
  })

  it('--measure-text full keeps every sub-item; lead (the default) cuts them to their titles', async () => {
    const row = async (args: string[]) => lines((await tasklist(['-', '-q', ...args], { stdin: SUBITEMS })).stdout)[4]
    const lead = '| 2 | 建立健全工作机制 | 加强协作联动，形成工作合力。（1）部门联动例会机制；（2）统筹协作推进机制。 | 市发展改革委 | 2022年6月 |'
    expect(await row([])).toBe(lead)
    expect(await row(['--measure-text', 'lead'])).toBe(lead)
    expect(await row(['--measure-text', 'full'])).toBe(
      '| 2 | 建立健全工作机制 | 加强协作联动，形成工作合力。（1）部门联动例会机制。每季度至少召开一次专班会议。（2）统筹协作推进机制。定期开展自查评估。 | 市发展改革委 | 2022年6月 |',
    )
  })

  it('--direction title puts each two-level measure’s own title in 改革方向', async () => {
    const row = async (args: string[]) => lines((await tasklist([PLAN, '-q', ...args])).stdout)[4]
    expect(await row([])).toMatch(/^\| 2 \| 聚焦促进涉企政策落实，保障企业及时享受政策红利 \| 全面落实减税降费政策。/)
    expect(await row(['--direction', 'heading'])).toBe(await row([]))
    expect(await row(['--direction', 'title'])).toMatch(/^\| 2 \| 全面落实减税降费政策 \| (?!全面落实减税降费政策)/)
  })

  it("--title sets the title, '' leaves it out", async () => {
    expect(lines((await tasklist([PLAN, '-q', '--title', 'XX市任务清单'])).stdout)[0]).toBe('# XX市任务清单')
    expect(lines((await tasklist([PLAN, '-q', '--title', ''])).stdout)[0]).toMatch(/^\| 序号 /)
  })

  it('reads standard input and reports the document’s warnings, -q silences them', async () => {
    const bundle = readFileSync(BUNDLE)
    const noisy = await tasklist(['-', '--parts', '2-23', '-f', 'json'], { stdin: bundle })
    expect(noisy.code).toBe(0)
    expect(noisy.stderr).toMatch(/^<stdin>:\d+: warning part-title-mismatch: /m)
    for (const line of lines(noisy.stderr)) expect(line).toMatch(/^<stdin>(:\d+)?: (warning|error) [\w-]+: \S/)

    // seed 002: attachments 2-23 are the 专项行动方案 the 307-row reference table was made from
    const list = JSON.parse(noisy.stdout) as { seq: number; specialty: string | null }[]
    expect(list.length).toBeGreaterThanOrEqual(295)
    expect(list.length).toBeLessThanOrEqual(320)
    expect(list.every((r) => r.specialty)).toBe(true)
    expect(new Set(list.map((r) => r.specialty)).size).toBe(22)

    const quiet = await tasklist(['-', '--parts', '2-23', '-f', 'json', '-q'], { stdin: bundle })
    expect(quiet.stderr).toBe('')
    expect(quiet.stdout).toBe(noisy.stdout)
  })

  it('parts that hold no measure are a warning, and the table is still written', async () => {
    const { code, stdout, stderr } = await tasklist([PLAN, '--parts', 'main,7', '-f', 'csv'])
    expect(code).toBe(0)
    expect(stderr).toContain(`${PLAN}: warning parts-without-measures: --parts selects attachment 7, which has no measures; the measures are in: main text\n`)
    expect(stdout).toContain('序号')
  })

  it('parts that select nothing at all are an error naming the parts the document has; nothing is written', async () => {
    const out = join(tmp, 'none.md')
    const { code, stdout, stderr } = await tasklist([BUNDLE, '--parts', '99', '-o', out, '-q'])
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' })
    expect(stderr).toBe(
      `policykb: ${BUNDLE}: no such part: attachment 99; the document has main text, attachments 1-24, with measures in attachments 1-23\n`,
    )
    expect(existsSync(out)).toBe(false)
  })

  it('-o naming the input file is refused, and the input is left as it was', async () => {
    const victim = join(tmp, 'victim.txt')
    writeFileSync(victim, SUBITEMS)
    for (const output of [victim, join(tmp, '.', 'victim.txt')]) {
      const { code, stderr } = await tasklist([victim, '-o', output])
      expect(code).toBe(1)
      expect(stderr).toBe(`policykb: ${output}: is the input file; -o would overwrite the document being read (give another name)\n`)
      expect(readFileSync(victim, 'utf8')).toBe(SUBITEMS)
    }
  })
})

describe('a document that is not a plan', () => {
  it('a reply letter: a warning, no table, exit 0; -o leaves no file', async () => {
    const out = join(tmp, 'reply.md')
    const { code, stdout, stderr } = await tasklist([REPLY, '-o', out])
    expect(code).toBe(0)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      `${REPLY}: warning not-a-plan: document kind is 'reply', not a plan: it has no tasks to list, so no table is written\n`,
    )
    expect(existsSync(out)).toBe(false)
    expect(await tasklist([REPLY, '-q'])).toMatchObject({ code: 0, stdout: '', stderr: '' })
  })
})

describe('xlsx and docx', () => {
  it('refuse a terminal: exit 2 with a hint', async () => {
    const { code, bytes, stderr } = await tasklist([PLAN, '-q', '-f', 'xlsx'], { tty: true })
    expect(code).toBe(2)
    expect(bytes.length).toBe(0)
    expect(stderr).toBe(
      "policykb: refusing to write xlsx to a terminal; use -o FILE or a pipe\nTry 'policykb tasklist --help' for more information.\n",
    )
  })

  it.each(['xlsx', 'docx'])('%s: -o writes a zip file, nothing on stdout, no temporary file left', async (format) => {
    const dir = mkdtempSync(join(tmp, `${format}-`))
    const out = join(dir, `任务清单.${format}`)
    const { code, bytes, stderr } = await tasklist([PLAN, '-f', format, '-o', out], { tty: true })
    expect({ code, stdout: bytes.length, stderr }).toEqual({ code: 0, stdout: 0, stderr: '' })
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK')
    expect(readdirSync(dir)).toEqual([`任务清单.${format}`])
  })

  it('xlsx goes to a pipe', async () => {
    const { code, bytes } = await tasklist([PLAN, '-q', '-f', 'xlsx'])
    expect(code).toBe(0)
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
  })
})

describe('the built command', () => {
  // One process test: binary bytes through a real pipe, and the help text, as a user gets them.
  it('writes xlsx bytes to a pipe unchanged and lists tasklist in --help', () => {
    const bin = join(root, 'packages/cli/dist/bin.js')
    spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.json'], { cwd: root, stdio: 'ignore' })
    if (!existsSync(bin)) throw new Error(`${bin} was not built: run pnpm build`)
    const out = join(tmp, 'piped.xlsx')
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" tasklist "${PLAN}" -q -f xlsx > "${out}"`], { encoding: 'utf8' })
    expect(piped.status).toBe(0)
    expect(piped.stderr).toBe('')
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK')
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })
    expect(help.stdout).toMatch(/^ {2}tasklist {2,}\S/m)
  })
})
