/**
 * The root README's library example is run and its output compared with the block after it, so
 * the example cannot rot.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

beforeAll(() => {
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.json'], { cwd: root })
})

it('runs the README example and prints what the README says', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const m = /<!-- readme-example[^>]*-->\n```js\n([\s\S]*?)```\n```\n([\s\S]*?)```/.exec(readme)
  expect(m).not.toBeNull()
  // written inside packages/cli so that @policykb/* resolve through its dependencies
  const file = join(root, 'packages/cli/.readme-example.mjs')
  writeFileSync(file, m![1]!)
  try {
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe(m![2])
  } finally {
    rmSync(file, { force: true })
  }
})

it("shows the first lines pnpm demo prints, as it prints them", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const m = /<!-- readme-demo[^>]*-->\n```\n([\s\S]*?)\n…\n```/.exec(readme)
  expect(m).not.toBeNull()
  const demo = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.demo as string
  // `pnpm build && policykb tasklist …`: run the same command through the linked bin
  const args = demo.replace(/^pnpm build && policykb /, '').split(' ')
  const run = spawnSync(process.execPath, [join(root, 'packages/cli/bin/policykb.js'), ...args], { cwd: root, encoding: 'utf8' })
  expect(run.status).toBe(0)
  const shown = m![1]!.split('\n')
  expect(shown.length).toBeGreaterThanOrEqual(5)
  expect(run.stdout.split('\n').slice(0, shown.length)).toEqual(shown)
})

it('states the counts policykb index fixtures prints', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const m = /<!-- readme-index[^>]*-->\n```\n[^\n]*\n…\n(indexed \d+ documents?: \d+ measures, \d+ units)[^\n]*?(; \d+ of \d+ files failed)?\n/.exec(readme)
  expect(m).not.toBeNull()
  const kb = join(root, 'packages/cli/.readme-kb')
  rmSync(kb, { recursive: true, force: true })
  try {
    const run = spawnSync(process.execPath, [join(root, 'packages/cli/bin/policykb.js'), 'index', 'fixtures', '-o', kb], { cwd: root, encoding: 'utf8' })
    const last = run.stderr.trim().split('\n').at(-1)!
    expect(last.startsWith(m![1]!), last).toBe(true)
    expect(/; \d+ of \d+ files failed$/.exec(last)?.[0]).toBe(m![2])
  } finally {
    rmSync(kb, { recursive: true, force: true })
  }
})
