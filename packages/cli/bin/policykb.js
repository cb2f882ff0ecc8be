#!/usr/bin/env node
// The file package managers link as `policykb`. It is committed, not built, so that it exists when
// `pnpm install` links the workspace's bins (before any build has run); it only hands over to the
// compiled CLI in dist/, and says how to make it when it is missing.
import { existsSync } from 'node:fs'

const cli = new URL('../dist/bin.js', import.meta.url)
if (existsSync(cli)) {
  await import(cli.href)
} else {
  process.stderr.write('policykb: the CLI is not built yet (no dist/bin.js): run `pnpm build` in the repository first\n')
  process.exitCode = 1
}
