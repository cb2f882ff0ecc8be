import { z } from 'zod'
import { Span } from './span.js'

/**
 * What the text makes a unit responsible for.
 * - `lead`: 牵头 / 牵头单位 / 牵头部门 / 牵头考核单位, or a document-wide rule making it lead;
 * - `responsible`: listed under 责任单位 (or named with `负责` / `按职责分工负责`);
 * - `cooperating`: 配合 / 配合单位 / 协办;
 * - `implementing`: 负责落实 / 具体落实 (typically 各县（市、区）人民政府).
 */
export const UnitRole = z.enum(['lead', 'responsible', 'cooperating', 'implementing'])
export type UnitRole = z.infer<typeof UnitRole>

/** One unit (department, government, company) named in a responsibility statement. */
const UnitRefSchema = z.object({
  name: z.string().describe('the name exactly as written in the normalised text'),
  normalized: z.string().describe('canonical form: bracket and punctuation width folded, role words stripped'),
  role: UnitRole,
  span: Span,
})
/** One unit (department, government, company) named in a responsibility statement. */
export interface UnitRef extends z.output<typeof UnitRefSchema> {}
export const UnitRef: z.ZodType<UnitRef> = UnitRefSchema

const PrimaryUnitSchema = UnitRefSchema.extend({
  inferred: z.boolean().describe('true when no lead is named and this is merely the first listed unit'),
})
/**
 * The unit a measure belongs to first: its lead where the text names one, otherwise the first
 * listed unit with `inferred: true`, so a query can ask for "lead, or first listed where no lead
 * is named".
 */
export interface PrimaryUnit extends z.output<typeof PrimaryUnitSchema> {}
export const PrimaryUnit: z.ZodType<PrimaryUnit> = PrimaryUnitSchema

const TaskUnitSchema = UnitRefSchema.extend({
  span: Span.nullable().describe('span in the normalised text; null for an imported row'),
})
/**
 * A unit as a 任务清单 row holds it: a {@link UnitRef} whose span is null when the row was read from
 * an imported table rather than generated from a measure.
 */
export interface TaskUnit extends z.output<typeof TaskUnitSchema> {}
export const TaskUnit: z.ZodType<TaskUnit> = TaskUnitSchema
