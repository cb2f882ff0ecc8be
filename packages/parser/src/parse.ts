import type { Diagnostic, NormalizedText, ParseResult } from '@policykb/model'
import { fromMarkdown } from './markdown.js'
import { extractMeasures } from './measures.js'
import { type NormalizeExtras, normalize } from './normalize.js'
import { toPolicyTree } from './tree.js'

/** Options of {@link parse}. */
export interface ParseOptions {
  /** file name put on diagnostics */
  file?: string
}

/** What {@link parse} returns: the model plus the normalised text the spans point into. */
export type ParseOutput = ParseResult & { normalized: NormalizedText & { extras: NormalizeExtras } }

/**
 * Run the whole pipeline on decoded text: normalise → Markdown → policy tree → measures.
 * Never throws on odd text: problems come back in `diagnostics`.
 *
 * @param text - decoded document text; not mutated
 * @param options - see {@link ParseOptions}
 */
export function parse(text: string, options: ParseOptions = {}): ParseOutput {
  const file = options.file === undefined ? {} : { file: options.file }
  const normalized = normalize(text)
  const diagnostics: Diagnostic[] = []
  if (normalized.text.trim() === '') {
    diagnostics.push({ ruleId: 'empty-document', severity: 'error', reason: 'the document has no text', ...file })
  }
  const tree = toPolicyTree(normalized, fromMarkdown(normalized), options)
  const { measures, diagnostics: measureDiagnostics } = extractMeasures(tree, options)
  diagnostics.push(...tree.diagnostics, ...measureDiagnostics)
  return { document: tree.document, measures, diagnostics, normalized }
}
