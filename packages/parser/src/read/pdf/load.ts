import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Run } from './types.js'

/**
 * pdf.js, loaded on first use (the CLI stays fast for the other formats), from its legacy build
 * (the one for Node), with the CMaps, standard fonts and wasm decoders the package ships read
 * from the package's own folder: nothing is fetched from the network, and the worker runs in
 * this thread (pdf.js's "fake worker", imported from the same package).
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let loaded: Promise<{ pdfjs: PdfJs; folder: string }> | null = null

function loadPdfJs(): Promise<{ pdfjs: PdfJs; folder: string }> {
  loaded ??= (async () => {
    const folder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    return { pdfjs, folder }
  })()
  return loaded
}

/** An opened PDF: its page count and a way to read one page's text runs. */
export interface OpenedPdf {
  pages: number
  /** the page's size and its horizontal text runs; rotated and vertical text is counted, not read */
  page(n: number): Promise<{ width: number; height: number; runs: Run[]; skipped: number }>
  close(): Promise<void>
}

/**
 * Open a PDF from its bytes (copied: pdf.js takes ownership of the buffer it is given).
 * Rejects with pdf.js's own errors (`PasswordException`, `InvalidPDFException`, …).
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const { pdfjs, folder } = await loadPdfJs()
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(folder, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(folder, 'standard_fonts') + '/',
    wasmUrl: join(folder, 'wasm') + '/',
    iccUrl: join(folder, 'iccs') + '/',
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
    // text only: images are never decoded into memory
    maxImageSize: 1,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (error) {
    await task.destroy().catch(() => {})
    throw error
  }
  return {
    pages: doc.numPages,
    async page(n) {
      // no page.cleanup() after a page: it would drop the fonts the next pages share, parsed again
      const page = await doc.getPage(n)
      const view = page.getViewport({ scale: 1 })
      const content = await page.getTextContent({ includeMarkedContent: false })
      const runs: Run[] = []
      let skipped = 0
      // the run's matrix on the upright page (the viewport turns /Rotate pages and puts y down)
      const v = view.transform as number[]
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue
        const t = item.transform as number[]
        const [a, b, c, d, e, f] = multiply(v, t)
        // horizontal, upright text only; other directions (stamps, watermarks, vertical text) are counted
        if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0 || d >= 0) {
          if (item.str.trim() !== '') skipped++
          continue
        }
        runs.push({ text: item.str, x: e, y: view.height - f, width: item.width, size: -d })
      }
      return { width: view.width, height: view.height, runs, skipped }
    },
    async close() {
      await task.destroy().catch(() => {})
    },
  }
}

/** The product of two PDF matrices `[a b c d e f]`: `m` applied after `n`. */
function multiply(m: readonly number[], n: readonly number[]): [number, number, number, number, number, number] {
  const [a1 = 0, b1 = 0, c1 = 0, d1 = 0, e1 = 0, f1 = 0] = m
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = n
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ]
}
