/**
 * Every TypeScript and JavaScript block of the READMEs (the root's and each package's) is
 * type-checked with tsc under `strict`, as a user who copies it into a TypeScript project would
 * compile it; running the root example (readme.test.ts) does not show type errors.
 *
 * A block that needs names from its context (an `input` string, say) declares them in an HTML
 * comment just above it: `<!-- typecheck: declare const input: string -->`; a block that is a
 * sketch of signatures, not code, says `<!-- typecheck: skip (why) -->`.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const READMES = ['README.md', ...['model', 'parser', 'search', 'tasklist', 'cli'].map((p) => `packages/${p}/README.md`)]
// Inside packages/cli, so that @policykb/* resolve through its dependencies as in a user's project.
const dir = join(root, 'packages/cli/.readme-types')

interface Block {
  readme: string
  line: number
  code: string
}

function blocks(readme: string): Block[] {
  const text = readFileSync(join(root, readme), 'utf8')
  const out: Block[] = []
  const re = /(?:<!-- typecheck: ([^\n]*?) -->\n)?(?:<!--[^\n]*-->\n)*```(?:ts|js|typescript|javascript)\n([\s\S]*?)```/g
  for (const m of text.matchAll(re)) {
    if (m[1]?.startsWith('skip')) continue
    const line = text.slice(0, m.index).split('\n').length
    out.push({ readme, line, code: `${m[1] ?? ''}\n${m[2]}\nexport {}\n` })
  }
  return out
}

const tsc = (project: string) =>
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8', cwd: dir })

function writeProject(files: Record<string, string>): string {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code)
  const compilerOptions = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], skipLibCheck: true }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: Object.keys(files) }))
  return join(dir, 'tsconfig.json')
}

beforeAll(() => {
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.json'], { cwd: root })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const WRONG = [
  "import { parse } from '@policykb/parser'",
  "const [m] = parse('1.推行。\\n完成时限：长期坚持').measures",
  'console.log(m?.deadline?.date)',
  '',
].join('\n')

describe('README code blocks', () => {
  const all = READMES.flatMap(blocks)
  let run: ReturnType<typeof tsc>
  beforeAll(() => {
    const files = Object.fromEntries(all.map((b, i) => [`block${i}.ts`, b.code]))
    run = tsc(writeProject({ ...files, 'wrong.ts': WRONG }))
  }, 240_000)

  it('type-check under strict', () => {
    expect(all.length).toBeGreaterThanOrEqual(6)
    // Name each error by its README and line, not by the scratch file.
    const report = run.stdout
      .split('\n')
      .filter((l) => /^block\d+\.ts/.test(l))
      .map((l) => l.replace(/^block(\d+)\.ts\((\d+),\d+\)/, (_, i: string, n: string) => `${all[Number(i)]!.readme}:${all[Number(i)]!.line + Number(n) - 1}`))
    expect(report).toEqual([])
  })

  it('a wrong use of a deadline is reported with the variant it names', () => {
    expect(run.stdout).toContain("wrong.ts(3,26): error TS2339: Property 'date' does not exist on type 'Deadline'.")
    expect(run.stdout).toContain("Property 'date' does not exist on type 'OngoingDeadline'.")
  })
})
