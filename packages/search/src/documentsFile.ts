/**
 * `documents.json`: documents, measures and the tokenizer dictionary, and how it is checked on load.
 */
import type { Measure } from '@policykb/model'
import type { z } from 'zod'
import type { DocumentInfo } from './types.js'

/** The content of `documents.json`. */
export interface DocumentsFile {
  documents: DocumentInfo[]
  dictionary: string[]
  entries: Array<{ document: string; measure: Measure }>
}

/**
 * What is wrong with a `documents.json` that failed {@link looksValid}, in zod's words (with the
 * path of the first bad value). The schemas are imported only here, on the error path, so a
 * normal load does not pay for building them.
 */
export async function documentsFileProblem(json: unknown): Promise<string> {
  const { DocumentKind: Kind, Measure: MeasureSchema } = await import('@policykb/model')
  const { z: zod } = await import('zod')
  const schema = zod.object({
    documents: zod.array(
      zod.object({
        id: zod.string(),
        title: zod.string().nullable(),
        docNumber: zod.string().nullable(),
        issuer: zod.string().nullable(),
        date: zod.string().nullable(),
        kind: Kind,
        measures: zod.number().int().nonnegative(),
      }),
    ),
    dictionary: zod.array(zod.string()),
    entries: zod.array(zod.object({ document: zod.string(), measure: MeasureSchema })),
  })
  const parsed = schema.safeParse(json)
  return parsed.success ? 'has an unexpected shape' : zod.prettifyError(parsed.error as z.ZodError)
}

const isStr = (v: unknown): v is string => typeof v === 'string'
const isStrOrNull = (v: unknown): boolean => v === null || typeof v === 'string'
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isUnit = (u: unknown): boolean => isObj(u) && isStr(u.name) && isStr(u.normalized) && isStr(u.role)

/**
 * A fast check of the fields the knowledge base reads. The file's checksum already matched, so this
 * only guards against a file written by something else; zod (which copies every object, costly on a
 * cold start) runs only when this check fails, to say exactly what is wrong.
 */
export function looksValid(json: unknown): json is DocumentsFile {
  if (!isObj(json) || !Array.isArray(json.documents) || !Array.isArray(json.dictionary) || !Array.isArray(json.entries)) {
    return false
  }
  if (!json.dictionary.every(isStr)) return false
  for (const d of json.documents) if (!isObj(d) || !isStr(d.id) || typeof d.measures !== 'number') return false
  for (const e of json.entries) {
    if (!isObj(e) || !isStr(e.document) || !isObj(e.measure)) return false
    const m = e.measure
    if (!isStr(m.id) || typeof m.seq !== 'number' || !isStr(m.text)) return false
    if (!isStrOrNull(m.title) || !isStrOrNull(m.direction) || !isStrOrNull(m.specialty) || !isStrOrNull(m.numbering)) return false
    if (!Array.isArray(m.units) || !m.units.every(isUnit) || !Array.isArray(m.leadUnits) || !m.leadUnits.every(isUnit)) return false
    if (m.primaryUnit !== null && !isUnit(m.primaryUnit)) return false
    const d = m.deadline
    if (d !== null && !(isObj(d) && isStr(d.kind) && isStr(d.text) && (!('date' in d) || isStr(d.date)))) return false
  }
  return true
}
