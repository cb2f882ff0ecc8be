import { z } from 'zod'

/**
 * A range of the original decoded text (before normalisation): used for what normalisation
 * set aside (page headers, footnotes, web chrome), which has no place in the normalised text.
 * Offsets are UTF-16 code units; lines are 1-based.
 */
const SourceRangeSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  endLine: z.number().int().positive(),
})
/**
 * A range of the original decoded text (before normalisation): used for what normalisation
 * set aside (page headers, footnotes, web chrome), which has no place in the normalised text.
 * Offsets are UTF-16 code units; lines are 1-based.
 */
export interface SourceRange extends z.output<typeof SourceRangeSchema> {}
export const SourceRange: z.ZodType<SourceRange> = SourceRangeSchema

/** Why normalisation took a range of the original text out of the running text. */
export const RemovalKind = z.enum([
  'bom',
  'cr',
  'indent',
  'trailing-space',
  'blank',
  'join',
  'markup',
  'spacing',
  'page-header',
  'chrome',
  'footnote',
  'footnote-marker',
  'toc',
])
export type RemovalKind = z.infer<typeof RemovalKind>

/** A range of the original text that is not part of the normalised text, and why. */
const RemovalSchema = z.object({ kind: RemovalKind, start: z.number().int(), end: z.number().int() })
/** A range of the original text that is not part of the normalised text, and why. */
export interface Removal extends z.output<typeof RemovalSchema> {}
export const Removal: z.ZodType<Removal> = RemovalSchema

/**
 * A contiguous run copied from the original text into the normalised text.
 * Characters may be width-folded in `NormalizedText.folded`, never in `text`, so lengths agree.
 */
const SegmentSchema = z.object({
  start: z.number().int().nonnegative().describe('offset in the normalised text'),
  source: z.number().int().nonnegative().describe('offset in the original text'),
  length: z.number().int().positive(),
})
/**
 * A contiguous run copied from the original text into the normalised text.
 * Characters may be width-folded in `NormalizedText.folded`, never in `text`, so lengths agree.
 */
export interface Segment extends z.output<typeof SegmentSchema> {}
export const Segment: z.ZodType<Segment> = SegmentSchema

/**
 * The output of `normalize`: the running text of the document with page breaks re-joined and
 * page furniture set aside, plus everything needed to map back to the original.
 *
 * Invariant: `segments` and `removals` together cover every character of the original exactly once.
 */
const NormalizedTextSchema = z.object({
  text: z.string().describe('running text, characters as written'),
  folded: z
    .string()
    .describe('same length as `text`; full-width digits, letters and ASCII-range punctuation folded to one width, for matching'),
  segments: z.array(Segment),
  removals: z.array(Removal),
  originalLength: z.number().int().nonnegative(),
  lineStarts: z.array(z.number().int().nonnegative()).describe('offsets in the original text where each line starts'),
})
/**
 * The output of `normalize`: the running text of the document with page breaks re-joined and
 * page furniture set aside, plus everything needed to map back to the original.
 *
 * Invariant: `segments` and `removals` together cover every character of the original exactly once.
 */
export interface NormalizedText extends z.output<typeof NormalizedTextSchema> {}
export const NormalizedText: z.ZodType<NormalizedText> = NormalizedTextSchema
