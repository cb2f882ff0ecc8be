import type { Reader } from './types.js'

/** The docx reader. Not written yet: says so instead of guessing. */
export const readDocx: Reader = async () => ({
  ok: false,
  format: 'docx',
  ruleId: 'read-unsupported',
  reason: 'docx files cannot be read yet',
})
