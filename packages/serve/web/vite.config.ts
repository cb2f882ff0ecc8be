import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The page is built into the package's dist/web, which the server reads at start; everything it
// needs is in the bundle (no CDN, system fonts).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
})
