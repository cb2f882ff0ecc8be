import { z } from 'zod'
import { Origin } from './provenance.js'

/**
 * A range of the normalised text.
 *
 * `start`/`end` are JS string (UTF-16 code unit) offsets into `NormalizedText.text`, end exclusive,
 * so `text.slice(start, end)` is exactly the field the span belongs to. `line`/`endLine` are the
 * 1-based lines of the original file (before normalisation) where the range starts and ends.
 */
const SpanSchema = z.object({
  start: z.number().int().nonnegative().describe('UTF-16 offset into the normalised text, inclusive'),
  end: z.number().int().nonnegative().describe('UTF-16 offset into the normalised text, exclusive'),
  line: z.number().int().positive().describe('1-based line of the original file where the span starts'),
  endLine: z.number().int().positive().describe('1-based line of the original file where the span ends'),
  origin: Origin.optional().describe('where the span starts in the file it was read from (page, paragraph, cell, element); absent for plain text'),
})
/**
 * A range of the normalised text.
 *
 * `start`/`end` are JS string (UTF-16 code unit) offsets into `NormalizedText.text`, end exclusive,
 * so `text.slice(start, end)` is exactly the field the span belongs to. `line`/`endLine` are the
 * 1-based lines of the original file (before normalisation) where the range starts and ends.
 */
export interface Span extends z.output<typeof SpanSchema> {}
export const Span: z.ZodType<Span> = SpanSchema

/** A piece of text with the span it was read from. */
export const SpannedTextSchema = z.object({ text: z.string(), span: Span })
/** A piece of text with the span it was read from. */
export interface SpannedText extends z.output<typeof SpannedTextSchema> {}
export const SpannedText: z.ZodType<SpannedText> = SpannedTextSchema
