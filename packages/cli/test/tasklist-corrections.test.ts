/** `policykb tasklist FILE --corrections F`: the table a review in policykb serve made. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CorrectionsFile } from '@policykb/model'
import { parse } from '@policykb/parser'
import { parseCsv, toTaskTable } from '@policykb/tasklist'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { PLAN, policykb } from './helpers.js'

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'policykb-corrections-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const rows = toTaskTable(parse(readFileSync(PLAN, 'utf8'))).rows
const write = (file: CorrectionsFile | string) => {
  const path = join(tmp, `c${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(path, typeof file === 'string' ? file : JSON.stringify(file))
  return path
}

it('applies the corrections: row 2 loses a unit, row 3 is no task, the rest as generated', async () => {
  const [, r2, r3] = rows
  const path = write({
    version: 1,
    document: 'plan.txt',
    corrections: [
      { kind: 'unit-remove', anchor: { measureId: r2!.measureId!, text: r2!.measure }, unit: '市财政局' },
      { kind: 'not-a-task', anchor: { measureId: r3!.measureId!, text: r3!.measure } },
    ],
  })
  const plain = await policykb(['tasklist', PLAN, '-f', 'csv'])
  const out = await policykb(['tasklist', PLAN, '-f', 'csv', '--corrections', path])
  expect(out.code).toBe(0)
  expect(out.stderr).not.toMatch(/correction/)
  const before = parseCsv(plain.stdout).map((r) => r.cells)
  const after = parseCsv(out.stdout).map((r) => r.cells)
  expect(after.length).toBe(before.length - 1)
  expect(before[2]!.join('|')).toContain('市财政局')
  expect(after[2]!.join('|')).not.toContain('市财政局')
  expect(after.slice(3).map((r) => r.slice(1))).toEqual(before.slice(4).map((r) => r.slice(1)))
})

it('reports a correction that no longer fits on stderr and leaves the table as generated', async () => {
  const path = write({ version: 1, document: 'plan.txt', corrections: [{ kind: 'direction', anchor: { measureId: 'm1', text: '另一段文字' }, value: 'x' }] })
  const plain = await policykb(['tasklist', PLAN, '-f', 'csv'])
  const out = await policykb(['tasklist', PLAN, '-f', 'csv', '--corrections', path])
  expect(out.code).toBe(0)
  expect(out.stdout).toBe(plain.stdout)
  expect(out.stderr).toMatch(/correction 1 \(direction on m1\) not applied: the 升级措施 of m1 is no longer the text it was made on/)
})

it.each([
  { what: 'a missing file', path: () => join(tmp, 'none.json'), message: /none\.json: no such file or directory/ },
  { what: 'a corrupt file', path: () => write('{"version":1,'), message: /c\w+\.json: not JSON/ },
])('$what: one line naming it, exit 1, no table', async ({ path, message }) => {
  const out = await policykb(['tasklist', PLAN, '--corrections', path()])
  expect(out.code).toBe(1)
  expect(out.stdout).toBe('')
  expect(out.stderr).toMatch(message)
})
