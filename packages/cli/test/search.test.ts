import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { Measure } from '@policykb/model'
import { parse } from '@policykb/parser'
import { displayWidth } from '@policykb/search'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HitView } from '../src/commands/search.js'
import { root, SEEDS, BUNDLE, lines, policykb } from './helpers.js'


/** Every measure of the seeds, as the parser gives them, with the id `index` files them under. */
const MEASURES = SEEDS.flatMap((path) => {
  const document = relative(process.cwd(), path)
  return parse(readFileSync(path, 'utf8')).measures.map((measure) => ({ id: `${document}#${measure.id}`, document, measure }))
})
const TAX = '市税务局'
const names = (m: Measure, lead = false) => (lead ? m.leadUnits : m.units).flatMap((u) => [u.name, u.normalized])



interface JsonResult {
  query: string
  total: number
  offset: number
  warnings: string[]
  hits: HitView[]
}

async function searchJson(args: string[]): Promise<JsonResult> {
  const { code, stdout, stderr } = await policykb(['search', ...args, '--kb', kb, '-f', 'json'])
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
  return JSON.parse(stdout) as JsonResult
}


let tmp: string
let kb: string
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'policykb-search-'))
  kb = join(tmp, 'kb')
  const indexed = await policykb(['index', ...SEEDS, '-o', kb, '-q'])
  expect(indexed).toEqual({ code: 0, stdout: '', stderr: '' })
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('search 市税务局 --lead: the measures whose lead unit is 市税务局', () => {
  const expected = MEASURES.filter((m) => names(m.measure, true).includes(TAX))

  it('lists exactly the measures the parser gives 市税务局 as a lead unit, in document order', async () => {
    expect(expected.length).toBeGreaterThan(0)
    const result = await searchJson([TAX, '--lead'])
    expect(result.hits.map((h) => h.id)).toEqual(expected.map((m) => m.id))
    expect(result.total).toBe(expected.length)
    for (const hit of result.hits) expect(hit.units).toContainEqual({ name: TAX, role: 'lead' })
  })

  it('is the same as --unit 市税务局 --lead on an empty query, and as --role lead', async () => {
    const ids = (r: JsonResult) => r.hits.map((h) => h.id)
    const lead = ids(await searchJson([TAX, '--lead']))
    expect(ids(await searchJson(['', '--unit', TAX, '--lead', '--limit', 'all']))).toEqual(lead)
    expect(ids(await searchJson([TAX, '--role', 'lead']))).toEqual(lead)
  })

  it('the table lists them with their titles', async () => {
    const { code, stdout } = await policykb(['search', TAX, '--lead', '--kb', kb])
    expect(code).toBe(0)
    expect(lines(stdout)[0]).toBe(`共 ${expected.length} 条，显示 1–${expected.length}`)
    for (const m of expected) expect(stdout).toContain(m.measure.title!.slice(0, 8))
  })
})

describe('search 市税务局: every measure that names it', () => {
  it('finds every measure with 市税务局 in its title, direction, text or units, in any role', async () => {
    const contains = MEASURES.filter(({ measure: m }) =>
      [m.title ?? '', m.direction ?? '', m.text, ...names(m)].some((field) => field.includes(TAX)),
    )
    const result = await searchJson([TAX, '--limit', 'all'])
    const ids = result.hits.map((h) => h.id)
    expect(new Set(ids)).toEqual(new Set(contains.map((m) => m.id)))
    // a superset of the lead listing and of the measures naming it as a unit in any role
    for (const m of MEASURES.filter((x) => names(x.measure).includes(TAX))) expect(ids).toContain(m.id)
    expect(ids.length).toBeGreaterThan(MEASURES.filter((m) => names(m.measure, true).includes(TAX)).length)
  })

  it('with --kb, every argument is a word of the query: both must occur', async () => {
    const words = await searchJson(['市人社局', '一网通办', '--limit', 'all'])
    expect(words.query).toBe('市人社局 一网通办')
    expect(words.hits.map((h) => h.id)).toEqual((await searchJson(['市人社局 一网通办', '--limit', 'all'])).hits.map((h) => h.id))
    expect(words.total).toBeGreaterThan(0)
    expect(words.total).toBeLessThan((await searchJson(['一网通办'])).total)
  })

  it('shows 10 by default, ranked, with the total', async () => {
    const { code, stdout, stderr } = await policykb(['search', TAX, '--kb', kb])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(lines(stdout)[0]).toMatch(/^共 \d+ 条，显示 1–10$/)
    expect(lines(stdout)[1]).toMatch(/^序号 {2}得分 {4}文档/)
    expect(lines(stdout)).toHaveLength(13)
  })
})

describe('--format json', () => {
  it('gives each hit its id, document, title, direction, units with roles, deadline, span and highlights', async () => {
    const result = await searchJson(['一网通办', '--limit', '2'])
    expect(result).toMatchObject({ query: '一网通办', offset: 0, warnings: [] })
    expect(result.total).toBeGreaterThan(2)
    expect(result.hits).toHaveLength(2)
    const hit = result.hits[0]!
    expect(Object.keys(hit)).toEqual([
      'id',
      'document',
      'measure',
      'numbering',
      'title',
      'direction',
      'specialty',
      'part',
      'units',
      'deadline',
      'span',
      'score',
      'highlights',
      'text',
    ])
    const source = MEASURES.find((m) => m.id === hit.id)!
    expect(hit.document).toBe(relative(process.cwd(), BUNDLE))
    expect(hit.id).toBe(`${hit.document}#${hit.measure}`)
    expect(hit.title).toBe(source.measure.title)
    expect(hit.direction).toBe(source.measure.direction)
    expect(hit.units).toEqual(source.measure.units.map((u) => ({ name: u.name, role: u.role })))
    expect(hit.span).toEqual(source.measure.span)
    expect(hit.deadline).toEqual(
      source.measure.deadline && { text: source.measure.deadline.text, kind: source.measure.deadline.kind, date: 'date' in source.measure.deadline ? source.measure.deadline.date : null },
    )
    expect(hit.score).toBeGreaterThan(0)
    const text = hit.highlights.find((h) => h.field === 'text')!
    for (const r of text.ranges) expect(hit.text.slice(r.start, r.end)).toBe('一网通办')
    expect(text.snippet).toContain('【一网通办】')
  })
})

describe('filters', () => {
  it('--document, --due-before, --kind and --offset narrow and page the hits', async () => {
    const document = relative(process.cwd(), BUNDLE)
    const all = await searchJson(['', '--document', document, '--due-before', '2022-05', '--kind', 'dated', '--limit', 'all'])
    expect(all.total).toBeGreaterThan(1)
    for (const hit of all.hits) {
      expect(hit.document).toBe(document)
      expect(hit.deadline?.date && hit.deadline.date <= '2022-05-31').toBe(true)
    }
    const page = await searchJson(['', '--document', document, '--due-before', '2022年5月', '--kind', 'dated', '--offset', '1', '-n', '1'])
    expect(page.hits.map((h) => h.id)).toEqual([all.hits[1]!.id])
  })

  it('the table fits the terminal', async () => {
    const { stdout } = await policykb(['search', '一网通办', '--kb', kb], { columns: 100 })
    for (const line of lines(stdout)) expect(displayWidth(line)).toBeLessThanOrEqual(100)
  })
})

describe('nothing found: nothing on stdout, a note on stderr, exit 0', () => {
  it.each([
    { args: ['市XX局'], note: ["policykb: no measure matches '市XX局'"] },
    { args: ['市XX局', '--lead'], note: ['policykb: no measure has 市XX局 as its lead unit', 'policykb: no unit named "市XX局"'] },
    { args: ['', '--due-before', '1999'], note: ['policykb: no measure passes the filters'] },
  ])('$args', async ({ args, note }) => {
    for (const format of ['table', 'json']) {
      const { code, stdout, stderr } = await policykb(['search', ...args, '--kb', kb, '-f', format])
      expect({ code, stdout, stderr: lines(stderr) }).toEqual({ code: 0, stdout: '', stderr: note })
    }
    expect(await policykb(['search', ...args, '--kb', kb, '-q'])).toEqual({ code: 0, stdout: '', stderr: '' })
  })
})

describe('FILES instead of --kb', () => {
  it('builds the knowledge base on the spot: the same hits as the saved one', async () => {
    const saved = await searchJson(['一网通办', '--limit', 'all'])
    const { code, stdout, stderr } = await policykb(['search', '一网通办', BUNDLE, '--limit', 'all', '-f', 'json'])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const hits = (JSON.parse(stdout) as JsonResult).hits
    expect(hits.map((h) => h.id)).toEqual(saved.hits.filter((h) => h.document === relative(process.cwd(), BUNDLE)).map((h) => h.id))
  })

  it('a bad file is reported and the rest searched; exit 1', async () => {
    const missing = join(tmp, 'missing.txt')
    const { code, stdout, stderr } = await policykb(['search', '一网通办', missing, BUNDLE])
    expect(code).toBe(1)
    expect(stdout).toMatch(/^共 \d+ 条/)
    expect(stderr).toBe(`policykb: ${missing}: no such file or directory\n`)
  })

  it('no readable file: exit 1', async () => {
    const missing = join(tmp, 'missing.txt')
    const { code, stdout, stderr } = await policykb(['search', '一网通办', missing])
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' })
    expect(lines(stderr)).toEqual([`policykb: ${missing}: no such file or directory`, 'policykb: no document could be read'])
  })
})

describe('a missing, damaged or other-version store: one line naming the file, exit 1', () => {
  /** A data file of a saved store, in the version directory its manifest names. */
  const dataFile = (dir: string, file: string) => join(dir, JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).data, file)
  const damaged = (name: string, damage: (dir: string) => void) => {
    const dir = join(tmp, name)
    cpSync(kb, dir, { recursive: true })
    damage(dir)
    return dir
  }

  it.each([
    { name: 'missing', damage: (dir: string) => rmSync(dir, { recursive: true }), file: '', reason: 'does not exist' },
    { name: 'no-manifest', damage: (dir: string) => rmSync(join(dir, 'manifest.json')), file: 'manifest.json', reason: 'is missing' },
    {
      name: 'truncated',
      damage: (dir: string) => truncateSync(dataFile(dir, 'index.bin'), 1000),
      file: 'index.bin',
      reason: 'is truncated: 1000 of',
    },
    {
      name: 'corrupted',
      damage: (dir: string) => {
        const path = dataFile(dir, 'documents.json')
        const bytes = readFileSync(path)
        bytes[100] = bytes[100]! ^ 1
        writeFileSync(path, bytes)
      },
      file: 'documents.json',
      reason: 'is corrupted: its sha256 does not match manifest.json',
    },
    { name: 'not-json', damage: (dir: string) => writeFileSync(join(dir, 'manifest.json'), '{'), file: 'manifest.json', reason: 'is not valid JSON' },
    {
      name: 'version',
      damage: (dir: string) => {
        const path = join(dir, 'manifest.json')
        writeFileSync(path, readFileSync(path, 'utf8').replace('"formatVersion": 2', '"formatVersion": 3'))
      },
      file: 'manifest.json',
      reason: 'has format version 3',
    },
  ])('$name', async ({ name, damage, file, reason }) => {
    const dir = damaged(name, damage)
    for (const command of [['search', TAX], ['units']]) {
      const { code, stdout, stderr } = await policykb([...command, '--kb', dir])
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' })
      expect(lines(stderr)).toHaveLength(1)
      const path = file === '' ? dir : file === 'manifest.json' ? join(dir, file) : dataFile(dir, file)
      expect(stderr).toContain(`policykb: cannot load knowledge base: ${path} ${reason}`)
    }
  })
})

describe('usage errors: exit 2, one line and a hint', () => {
  it.each([
    { args: [], message: "missing QUERY ('' for every measure, with filters)" },
    { args: [TAX], message: 'missing FILES or --kb KB' },
    { args: ['', '--kb', 'kb', '--lead'], message: "--lead without --unit takes QUERY as the unit's name, and QUERY is empty" },
    { args: [TAX, '--kb', 'kb', '--lead', '--role', 'cooperating'], message: '--lead and --role cooperating contradict each other' },
    { args: [TAX, '--kb', 'kb', '--role', 'boss'], message: "unknown --role 'boss' (expected any, lead, primary, responsible, cooperating, implementing)" },
    { args: [TAX, '--kb', 'kb', '--limit', '0'], message: "invalid --limit '0' (expected a whole number above 0 or all)" },
    { args: [TAX, '--kb', 'kb', '--offset', '-1'], message: "option '--offset' needs a value (use --name=VALUE for values starting with '-')" },
    { args: [TAX, '--kb', 'kb', '--offset=x'], message: "invalid --offset 'x' (expected a whole number)" },
    { args: [TAX, '--kb', 'kb', '--kind', 'later'], message: "unknown --kind 'later' (expected dated, ongoing, none)" },
    { args: [TAX, '--kb', 'kb', '--due-before', '2022-13'], message: '--due-before must be a date such as 2022, 2022-06, 2022-06-30 or 2022年6月; got "2022-13"' },
    { args: [TAX, '--kb', 'kb', '--due-after', 'soon'], message: '--due-after must be a date such as 2022, 2022-06, 2022-06-30 or 2022年6月; got "soon"' },
    { args: [TAX, '--kb', 'kb', '--sort', 'random'], message: expect.stringMatching(/^invalid --sort: invalid option: expected one of "score"\|"document"\|"deadline"$/) },
    { args: [TAX, '--kb', 'kb', '-f', 'xml'], message: "unknown format 'xml' (expected table, json)" },
  ])('$args', async ({ args, message }) => {
    const { code, stdout, stderr } = await policykb(['search', ...args])
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' })
    const [first, ...rest] = lines(stderr)
    expect(first!.slice('policykb: '.length)).toEqual(message)
    expect(rest).toEqual(["Try 'policykb search --help' for more information."])
  })
})

describe('cold start', () => {
  it('search --kb in a fresh process answers without importing the parser, unified, exceljs or docx', () => {
    // Build dist as the CLI test does (incremental), then log every module the process resolves.
    spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.json'], { cwd: root, stdio: 'ignore' })
    const bin = join(root, 'packages/cli/dist/bin.js')
    if (!existsSync(bin)) throw new Error(`${bin} was not built: run pnpm build`)
    const hooks = join(tmp, 'hooks.mjs')
    writeFileSync(
      hooks,
      "export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('LOAD ' + r.url + '\\n'); return r }\n",
    )
    const register = join(tmp, 'register.mjs')
    writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(`file://${hooks}`)})\n`)
    const run = spawnSync(process.execPath, ['--import', register, bin, 'search', TAX, '--kb', kb, '--lead'], { cwd: root, encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^共 \d+ 条/)
    const loaded = run.stderr.split('\n').filter((l) => l.startsWith('LOAD '))
    expect(loaded.some((l) => l.includes('/packages/search/'))).toBe(true)
    expect(loaded.filter((l) => /\/packages\/parser\/|\/packages\/tasklist\/|unified|remark|exceljs|docx|iconv-lite/.test(l))).toEqual([])
  })
})
