import { z } from 'zod'

/**
 * A range of the original decoded text (before normalisation): used for what normalisation
 * set aside (page headers, footnotes, web chrome), which has no place in the normalised text.
 * Offsets are UTF-16 code units; lines are 1-based.
 */
export const SourceRange = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  endLine: z.number().int().positive(),
})
export type SourceRange = z.infer<typeof SourceRange>

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
export const Removal = z.object({ kind: RemovalKind, start: z.number().int(), end: z.number().int() })
export type Removal = z.infer<typeof Removal>

/**
 * A contiguous run copied from the original text into the normalised text.
 * Characters may be width-folded in `NormalizedText.folded`, never in `text`, so lengths agree.
 */
export const Segment = z.object({
  start: z.number().int().nonnegative().describe('offset in the normalised text'),
  source: z.number().int().nonnegative().describe('offset in the original text'),
  length: z.number().int().positive(),
})
export type Segment = z.infer<typeof Segment>

/**
 * The output of `normalize`: the running text of the document with page breaks re-joined and
 * page furniture set aside, plus everything needed to map back to the original.
 *
 * Invariant: `segments` and `removals` together cover every character of the original exactly once.
 * Every character of `text` comes from a segment, except the `\n` that stands for a line break
 * written as a lone CR (the CR itself is a `cr` removal).
 */
export const NormalizedText = z.object({
  text: z.string().describe('running text, characters as written'),
  folded: z
    .string()
    .describe('same length as `text`; full-width digits, letters and ASCII-range punctuation folded to one width, for matching'),
  segments: z.array(Segment),
  removals: z.array(Removal),
  originalLength: z.number().int().nonnegative(),
  lineStarts: z.array(z.number().int().nonnegative()).describe('offsets in the original text where each line starts'),
})
export type NormalizedText = z.infer<typeof NormalizedText>
