import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url))

// Tests run against the TypeScript sources, so `pnpm test` needs no build step.
export default defineConfig({
  resolve: {
    alias: {
      '@policykb/model': pkg('model'),
      '@policykb/parser': pkg('parser'),
      '@policykb/search': pkg('search'),
      '@policykb/tasklist': pkg('tasklist'),
      '@policykb/serve': pkg('serve'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
