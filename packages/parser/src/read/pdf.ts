import type { Reader } from './types.js'

/** The pdf reader. Not written yet: says so instead of guessing. */
export const readPdf: Reader = async () => ({
  ok: false,
  format: 'pdf',
  ruleId: 'read-unsupported',
  reason: 'pdf files cannot be read yet',
})
