import { z } from 'zod'
import { UnitRole } from './unit.js'

/**
 * What a correction was made on: the row's measure id and the 升级措施 text the row had then.
 * On a re-parse a correction applies only where both still hold (or, when ids moved, where
 * exactly one row has that text); otherwise it is a conflict.
 */
export const CorrectionAnchor = z.object({
  measureId: z.string().min(1).describe('id of the measure the row came from (`m12`)'),
  text: z.string().describe('the row’s 升级措施 as generated when the correction was made'),
})
export type CorrectionAnchor = z.infer<typeof CorrectionAnchor>

/**
 * A range of the normalised text with the text it held when the correction was made (UTF-16
 * offsets, end exclusive): a correction built on a range applies only while the range still
 * holds that text.
 */
export const CorrectionRange = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
})
export type CorrectionRange = z.infer<typeof CorrectionRange>

const anchored = { anchor: CorrectionAnchor, note: z.string().optional().describe('why, in the reviewer’s words') }

/**
 * One correction a reviewer made to a generated 任务清单 row.
 * - `direction`: 改革方向 replaced (null clears it);
 * - `measure`: 升级措施 replaced, either by free text or by a range of the source (new boundaries);
 * - `unit-add` / `unit-remove` / `unit-role`: a unit added with a role, removed, or moved to another role;
 * - `deadline`: 完成时限 replaced (its display text and ISO date, null for none or ongoing);
 * - `not-a-task`: the row dropped from the table;
 * - `add-task`: a new row made from a range of the source, placed after the row `after` (null: first).
 */
export const Correction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('direction'), ...anchored, value: z.string().nullable() }),
  z.object({ kind: z.literal('measure'), ...anchored, value: z.string().min(1), range: CorrectionRange.nullable() }),
  z.object({ kind: z.literal('unit-add'), ...anchored, unit: z.string().min(1), role: UnitRole }),
  z.object({ kind: z.literal('unit-remove'), ...anchored, unit: z.string().min(1) }),
  z.object({ kind: z.literal('unit-role'), ...anchored, unit: z.string().min(1), role: UnitRole }),
  z.object({
    kind: z.literal('deadline'),
    ...anchored,
    value: z.string(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  }),
  z.object({ kind: z.literal('not-a-task'), ...anchored }),
  z.object({
    kind: z.literal('add-task'),
    after: CorrectionAnchor.nullable().describe('the row the new one follows; null puts it first'),
    range: CorrectionRange,
    measure: z.string().min(1),
    direction: z.string().nullable(),
    leadUnits: z.array(z.string()),
    units: z.string(),
    deadline: z.string(),
    note: z.string().optional(),
  }),
])
export type Correction = z.infer<typeof Correction>
export type CorrectionKind = Correction['kind']

/** The version of {@link CorrectionsFile} this code writes and reads. */
export const CORRECTIONS_VERSION = 1

/**
 * A document's corrections as saved (`<file>.corrections.json`): in the order they were made,
 * applied in that order; undo drops the last.
 */
export const CorrectionsFile = z.object({
  version: z.literal(CORRECTIONS_VERSION),
  document: z.string().describe('the name of the source file the corrections belong to'),
  corrections: z.array(Correction),
})
export type CorrectionsFile = z.infer<typeof CorrectionsFile>
