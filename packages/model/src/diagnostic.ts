import { z } from 'zod'
import { Span } from './span.js'

/** How bad a diagnostic is: `error` means a result is missing or wrong, `info` is a note. */
export const Severity = z.enum(['error', 'warning', 'info'])
export type Severity = z.infer<typeof Severity>

/**
 * A problem found in the input, reported beside the result instead of thrown
 * (the way vfile messages work).
 */
const DiagnosticSchema = z.object({
  ruleId: z.string().describe('stable identifier of the rule that fired, e.g. `join-page-break`'),
  reason: z.string().describe('human readable explanation'),
  severity: Severity,
  span: Span.optional().describe('where in the normalised text, when known'),
  file: z.string().optional().describe('the file the diagnostic is about, when known'),
  line: z.number().int().positive().optional().describe('1-based line of the original file or table row'),
})
/**
 * A problem found in the input, reported beside the result instead of thrown
 * (the way vfile messages work).
 */
export interface Diagnostic extends z.output<typeof DiagnosticSchema> {}
export const Diagnostic: z.ZodType<Diagnostic> = DiagnosticSchema
