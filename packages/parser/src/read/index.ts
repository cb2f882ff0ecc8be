import type { SourceFormat } from '@policykb/model'
import { readDoc } from './doc.js'
import { readDocx } from './docx.js'
import { readHtml } from './html.js'
import { readPdf } from './pdf.js'
import { sniffFormat } from './sniff.js'
import { readText } from './text.js'
import type { ReadOptions, ReadOutcome, Reader } from './types.js'

/** The reader of each format. */
export const readers: Readonly<Record<SourceFormat, Reader>> = {
  text: readText,
  html: readHtml,
  docx: readDocx,
  doc: readDoc,
  pdf: readPdf,
}

/**
 * The reading stage: the bytes of a file → its source text with provenance. The format is
 * detected from the content (see {@link sniffFormat}) unless `options.format` names one.
 * Never throws: a reader's unexpected exception comes back as a `read-failed` failure.
 *
 * @param bytes - the file's content; not mutated
 * @param options - see {@link ReadOptions}
 */
export async function read(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadOutcome> {
  const format = options.format ?? sniffFormat(bytes, options.name)
  try {
    return await readers[format](bytes, options)
  } catch (error) {
    return {
      ok: false,
      format,
      ruleId: 'read-failed',
      reason: `cannot read this ${format} file: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}
