import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url))
const pkg = (name: string) => src(`${name}/src/index.ts`)

// Tests run against the TypeScript sources, so `pnpm test` needs no build step.
export default defineConfig({
  resolve: {
    // Exact names only: a subpath (`@policykb/parser/formats`) is a module of its own.
    alias: [
      { find: /^@policykb\/parser\/formats$/, replacement: src('parser/src/read/sniff.ts') },
      ...['model', 'parser', 'search', 'tasklist', 'serve'].map((name) => ({ find: new RegExp(`^@policykb/${name}$`), replacement: pkg(name) })),
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
