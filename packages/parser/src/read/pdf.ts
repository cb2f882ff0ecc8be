import type { Reader } from './types.js'

/**
 * The PDF reader: the text layer read with pdf.js (see `pdf/extract.ts`), one paragraph a line,
 * paragraphs broken across pages joined, running headers, footers and page numbers set aside,
 * every block with its page. pdf.js is imported on first use only. A PDF without a text layer
 * (a scan) is a failure, not an empty text; so are encrypted and broken files.
 */
export const readPdf: Reader = async (bytes, options) => {
  try {
    const { extractPdf } = await import('./pdf/extract.js')
    return await extractPdf(bytes, options)
  } catch (error) {
    return {
      ok: false,
      format: 'pdf',
      ruleId: 'read-failed',
      reason: `cannot read this PDF: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}
