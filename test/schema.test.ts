/**
 * The JSON the CLI writes is what the shipped JSON Schemas (packages/model/schema) describe:
 * `policykb parse --format json` a parse result, `policykb tasklist -f json` an array of task
 * rows. Run as a user runs it (the built binary), validated with a JSON-Schema validator that
 * knows nothing of zod.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../', import.meta.url))
const bin = join(root, 'packages/cli/dist/bin.js')
const schema = (name: string) => JSON.parse(readFileSync(join(root, 'packages/model/schema', `${name}.schema.json`), 'utf8')) as object
const ajv = new Ajv2020({ allErrors: true, strict: false })
const validParseResult = ajv.compile(schema('parse-result'))
const validTaskRows = ajv.compile({ type: 'array', items: schema('task-row') })

const SEEDS = ['000_8975ab261d4dbbb2', '001_d25d4ccf3a63151e', '002_c5ffb9b641a0b531', '004_1871f105e1d7927d']

function run(args: string[]): unknown {
  const out = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 })
  expect(out.status, out.stderr).toBe(0)
  return JSON.parse(out.stdout)
}

/** The validator's errors, few and readable, for a failing expectation's message. */
const errors = (validate: { errors?: unknown[] | null }) => JSON.stringify((validate.errors ?? []).slice(0, 5), null, 1)

beforeAll(() => {
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.json'], { cwd: root, stdio: 'ignore' })
  if (!existsSync(bin)) throw new Error(`${bin} was not built: run pnpm build`)
})

describe.each(SEEDS)('JSON of seed %s', (name) => {
  const file = `fixtures/${name}/${name}.txt`

  it('parse --format json validates against parse-result.schema.json', () => {
    const json = run(['parse', file, '--format', 'json', '-q'])
    expect(validParseResult(json), errors(validParseResult)).toBe(true)
  })

  it('tasklist -f json validates against task-row.schema.json', () => {
    const json = run(['tasklist', file, '-f', 'json', '-q'])
    expect(validTaskRows(json), errors(validTaskRows)).toBe(true)
    expect((json as unknown[]).length).toBeGreaterThan(0)
  })
})

it('the schemas reject what the CLI wrote before (units as strings, a null date)', () => {
  const row = { seq: 1, specialty: null, direction: null, measure: 'x', leadUnits: ['市税务局'], units: '市税务局', deadline: '长期坚持', deadlineDate: null, span: null }
  expect(validTaskRows([row])).toBe(false)
  const measure = (run(['parse', 'fixtures/001_d25d4ccf3a63151e/001_d25d4ccf3a63151e.txt', '--format', 'json', '-q']) as { measures: Array<Record<string, unknown>> })
    .measures[0]!
  const validMeasure = ajv.compile(schema('measure'))
  expect(validMeasure(measure)).toBe(true)
  expect(validMeasure({ ...measure, units: ['市发展改革委'] })).toBe(false)
  expect(validMeasure({ ...measure, deadline: { text: '长期坚持', kind: 'ongoing', date: null } })).toBe(false)
})
