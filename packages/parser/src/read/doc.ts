import type { Reader } from './types.js'

/** The doc reader. Not written yet: says so instead of guessing. */
export const readDoc: Reader = async () => ({
  ok: false,
  format: 'doc',
  ruleId: 'read-unsupported',
  reason: 'doc files cannot be read yet',
})
