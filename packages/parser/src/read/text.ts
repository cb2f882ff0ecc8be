import { decode } from '../decode.js'
import type { Reader } from './types.js'

/**
 * The plain-text reader: the decoded file is the source text, unchanged (today's path). No
 * blocks: a span's original line is all the provenance plain text has.
 */
export const readText: Reader = async (bytes, options) => {
  const decoded = decode(bytes, options.encoding === undefined ? {} : { encoding: options.encoding })
  if (!decoded.ok) {
    return {
      ok: false,
      format: 'text',
      ruleId: decoded.ruleId,
      reason: decoded.reason,
      ...(decoded.byteOffset === undefined ? {} : { byteOffset: decoded.byteOffset }),
    }
  }
  return {
    ok: true,
    source: { format: 'text', text: decoded.text, encoding: decoded.encoding, blocks: [], metadata: {} },
    diagnostics: decoded.diagnostics,
  }
}
