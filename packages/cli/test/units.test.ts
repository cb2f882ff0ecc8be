import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from '@policykb/parser'
import { displayWidth, loadKnowledgeBase, type UnitEntry } from '@policykb/search'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SEEDS, PLAN, REPLY, lines, policykb } from './helpers.js'





let tmp: string
let kb: string
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'policykb-units-'))
  kb = join(tmp, 'kb')
  expect(await policykb(['index', ...SEEDS, '-o', kb, '-q'])).toEqual({ code: 0, stdout: '', stderr: '' })
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('policykb units', () => {
  it('--format json is the unit directory of the knowledge base, whole', async () => {
    const { code, stdout, stderr } = await policykb(['units', '--kb', kb, '-f', 'json'])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const units = JSON.parse(stdout) as UnitEntry[]
    expect(units).toEqual((await loadKnowledgeBase(kb)).units())
    expect(Object.keys(units[0]!)).toEqual(['name', 'aliases', 'spellings', 'measures', 'roles', 'documents'])
  })

  it('counts by role agree with the parser: 市税务局 leads the measures that name it as lead', async () => {
    const units = JSON.parse((await policykb(['units', '--kb', kb, '-f', 'json'])).stdout) as UnitEntry[]
    const measures = SEEDS.flatMap((p) => parse(readFileSync(p, 'utf8')).measures)
    const tax = units.find((u) => u.name === '市税务局')!
    const named = (role?: string) =>
      measures.filter((m) => m.units.some((u) => (u.name === '市税务局' || u.normalized === '市税务局') && (role === undefined || u.role === role))).length
    expect(tax.roles.lead).toBe(named('lead'))
    expect(tax.measures).toBe(named())
    // one name per body: 市人社局 is an alias of 市人力资源社会保障局
    expect(units.find((u) => u.name === '市人力资源社会保障局')?.aliases).toContain('市人社局')
    expect(units.find((u) => u.name === '市人社局')).toBeUndefined()
  })

  it('the table: 单位, 措施, 牵头, 责任, 配合, 落实, 别名, most measures first, fitting the terminal', async () => {
    const { code, stdout } = await policykb(['units', '--kb', kb], { columns: 100 })
    expect(code).toBe(0)
    const [header, rule, first] = lines(stdout)
    expect(header!.split(/\s+/)).toEqual(['单位', '措施', '牵头', '责任', '配合', '落实', '别名'])
    expect(rule).toMatch(/^-+ {2}-+/)
    const units = (await loadKnowledgeBase(kb)).units()
    expect(first!.startsWith(units[0]!.name.slice(0, 8))).toBe(true)
    expect(lines(stdout)).toHaveLength(units.length + 2)
    for (const line of lines(stdout)) expect(displayWidth(line)).toBeLessThanOrEqual(100)
  })

  it('FILES instead of --kb; a reply alone names no units', async () => {
    const fromFile = await policykb(['units', PLAN, '-f', 'json'])
    expect(fromFile.code).toBe(0)
    expect((JSON.parse(fromFile.stdout) as UnitEntry[]).map((u) => u.documents)).toContainEqual([expect.stringMatching(/001_d25d4ccf3a63151e\.txt$/)])
    expect(await policykb(['units', REPLY])).toEqual({ code: 0, stdout: '', stderr: 'policykb: the measures name no units\n' })
  })

  it.each([
    { args: [], message: 'missing FILES or --kb KB' },
    { args: ['--kb', 'kb', PLAN], message: `give either --kb KB or FILES, not both (unexpected argument '${PLAN}')` },
    { args: ['--kb', 'kb', '-f', 'csv'], message: "unknown format 'csv' (expected table, json)" },
  ])('usage: $message → exit 2', async ({ args, message }) => {
    const { code, stdout, stderr } = await policykb(['units', ...args])
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' })
    expect(lines(stderr)).toEqual([`policykb: ${message}`, "Try 'policykb units --help' for more information."])
  })
})
