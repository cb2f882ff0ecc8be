import { z } from 'zod'
import { Diagnostic } from './diagnostic.js'
import { PolicyDocument } from './document.js'
import { Measure } from './measure.js'

/** What `parse` returns: the document, its measures, and the diagnostics found on the way. */
const ParseResultSchema = z.object({
  document: PolicyDocument,
  measures: z.array(Measure),
  diagnostics: z.array(Diagnostic),
})
/** What `parse` returns: the document, its measures, and the diagnostics found on the way. */
export interface ParseResult extends z.output<typeof ParseResultSchema> {}
export const ParseResult: z.ZodType<ParseResult> = ParseResultSchema
