import type { Diagnostic, Measure, PolicyDocument } from '@policykb/model'

/**
 * `parse --format json`: the parse result as `@policykb/model/schema/parse-result.schema.json`
 * describes it — the document, the measures with their units and deadline as records, and every
 * diagnostic. Input not mutated.
 */
export function toJson(result: { document: PolicyDocument; measures: readonly Measure[]; diagnostics: readonly Diagnostic[] }): string {
  const view = { document: result.document, measures: result.measures, diagnostics: result.diagnostics }
  return `${JSON.stringify(view, null, 2)}\n`
}
