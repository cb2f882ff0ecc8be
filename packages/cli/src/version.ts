import { readFileSync } from 'node:fs'

/** The CLI's version, read from packages/cli/package.json (shipped beside dist/). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown }
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0'
}
