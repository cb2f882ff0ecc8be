/**
 * The README's example runs, and prints what the README says it prints.
 * `POLICYKB_UPDATE_GOLDEN=1 pnpm vitest run packages/search/test/readme.test.ts` rewrites the output
 * block after a deliberate change (review the diff like code).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import * as fs from 'node:fs'
import * as parser from '@policykb/parser'
import * as search from '@policykb/search'
import { expect, test } from 'vitest'

const README = new URL('../README.md', import.meta.url)

test('the README example prints its documented output', async () => {
  const readme = readFileSync(README, 'utf8')
  const code = /<!-- example -->\n```js\n([\s\S]*?)```/.exec(readme)?.[1]
  const output = /<!-- output -->\n```text\n([\s\S]*?)```/.exec(readme)
  expect(code).toBeDefined()
  expect(output).not.toBeNull()
  const modules: Record<string, unknown> = { 'node:fs': fs, '@policykb/parser': parser, '@policykb/search': search }
  // `import { a, b } from 'x'` → `const { a, b } = modules['x']`
  const body = code!.replace(/^import (\{[^}]*\}) from '([^']+)'$/gm, (_, names: string, from: string) => {
    if (!(from in modules)) throw new Error(`the example imports ${from}`)
    return `const ${names} = modules[${JSON.stringify(from)}]`
  })
  const lines: string[] = []
  const log = (...args: unknown[]) => lines.push(args.map(String).join(' '))
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor
  await new AsyncFunction('modules', 'console', body)(modules, { log })
  const printed = `${lines.join('\n')}\n`
  if (process.env.POLICYKB_UPDATE_GOLDEN) {
    writeFileSync(README, readme.replace(output![0], `<!-- output -->\n\`\`\`text\n${printed}\`\`\``))
  } else {
    expect(printed).toBe(output![1])
  }
})
