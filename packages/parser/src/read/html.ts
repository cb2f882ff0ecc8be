import type { Reader } from './types.js'

/** The html reader. Not written yet: says so instead of guessing. */
export const readHtml: Reader = async () => ({
  ok: false,
  format: 'html',
  ruleId: 'read-unsupported',
  reason: 'html files cannot be read yet',
})
