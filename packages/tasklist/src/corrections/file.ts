import { CorrectionsFile } from '@policykb/model'

/** What {@link parseCorrectionsFile} returns: the file, or why it is not a corrections file. */
export type CorrectionsFileResult = { ok: true; file: CorrectionsFile } | { ok: false; reason: string }

/**
 * Read the text of a corrections file (`<file>.corrections.json`). Never throws: bad JSON, another
 * version or a malformed correction come back as a reason naming the place (`corrections.3.unit`).
 */
export function parseCorrectionsFile(text: string): CorrectionsFileResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  const parsed = CorrectionsFile.safeParse(data)
  if (parsed.success) return { ok: true, file: parsed.data }
  const issue = parsed.error.issues[0]!
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  return { ok: false, reason: `not a corrections file of version 1: ${issue.message}${where}` }
}
