/** `policykb serve`: the address on stderr, the page and API answering, Ctrl-C stopping it cleanly. */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { PLAN, policykb, root } from './helpers.js'

const bin = join(root, 'packages/cli/dist/bin.js')

it('serves one FILE: prints the address that opens on it, answers, and stops on SIGINT with status 0', async () => {
  const child = spawn(process.execPath, [bin, 'serve', PLAN, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  let stdout = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  const url = await new Promise<string>((done, fail) => {
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString()
      const m = /serving at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(stderr)
      if (m) done(m[1]!)
    })
    child.on('exit', () => fail(new Error(`exited early: ${stderr}`)))
  })
  expect(url).toMatch(/#\/doc\/.*001_d25d4ccf3a63151e\.txt$/)
  const origin = new URL(url).origin
  expect((await fetch(`${origin}/`)).headers.get('content-security-policy')).toContain("script-src 'self'")
  const list = await (await fetch(`${origin}/api/documents`)).json()
  expect(list.documents[0].rows).toBe(25)
  child.kill('SIGINT')
  const [code] = await once(child, 'exit')
  expect(code).toBe(0)
  expect(stderr).toMatch(/stopped\n$/)
  expect(stdout).toBe('')
})

it.each([
  { args: ['serve', '--port', 'x'], message: /invalid --port 'x'/ },
  { args: ['serve', '--port', '70000'], message: /invalid --port '70000'/ },
])('$args: a usage error', async ({ args, message }) => {
  const out = await policykb(args)
  expect(out.code).toBe(2)
  expect(out.stderr).toMatch(message)
})
