import { z } from 'zod'
import { Deadline } from './deadline.js'
import { Span, SpannedTextSchema } from './span.js'
import { PrimaryUnit, UnitRef, UnitRole } from './unit.js'

/**
 * One labelled part of a responsibility statement: `责任单位：…`, `完成时限：…`, or a person in
 * charge (`责任领导：张三`, `分管省领导：…`) — kind `person`, whose names are never units.
 */
const ResponsibilityEntrySchema = z.object({
  label: z.string().nullable().describe('the label as written (`牵头单位`), null for an unlabelled clause'),
  kind: z.union([UnitRole, z.literal('deadline'), z.literal('person')]),
  value: z.string().describe('what follows the label, as written'),
  span: Span.describe('span of the value'),
})
/**
 * One labelled part of a responsibility statement: `责任单位：…`, `完成时限：…`, or a person in
 * charge (`责任领导：张三`, `分管省领导：…`) — kind `person`, whose names are never units.
 */
export interface ResponsibilityEntry extends z.output<typeof ResponsibilityEntrySchema> {}
export const ResponsibilityEntry: z.ZodType<ResponsibilityEntry> = ResponsibilityEntrySchema

/** The responsibility statement of a measure as written, and its labelled parts. */
const ResponsibilitySchema = SpannedTextSchema.extend({ entries: z.array(ResponsibilityEntry) })
/** The responsibility statement of a measure as written, and its labelled parts. */
export interface Responsibility extends z.output<typeof ResponsibilitySchema> {}
export const Responsibility: z.ZodType<Responsibility> = ResponsibilitySchema

/**
 * One thing the plan says is to be done: a numbered item or titled paragraph in a task section,
 * or any item that carries a responsibility block.
 */
const MeasureSchema = z.object({
  id: z.string().describe('stable within one parse: `m<seq>`'),
  seq: z.number().int().positive().describe('1-based order in the document'),
  part: z.number().int().nullable().describe('attachment number; null for the main text / covering notice'),
  numbering: z.string().nullable().describe('numbering as written, e.g. `3.` or `（二）`'),
  title: z.string().nullable().describe('the measure’s own short title, e.g. 完善组织架构'),
  titleSpan: Span.nullable(),
  direction: z
    .string()
    .nullable()
    .describe('改革方向: the enclosing heading when measures are two-level, the title itself when one-level'),
  directionSpan: Span.nullable(),
  text: z.string().describe('full text of the measure, sub-items included, responsibility block excluded'),
  span: Span,
  path: z.array(z.string()).describe('headings of the enclosing sections, outermost first'),
  specialty: z.string().nullable().describe('所属专项, derived from the part title (许昌市企业开办提升专项行动方案 → 企业开办)'),
  leadUnits: z.array(UnitRef),
  units: z.array(UnitRef).describe('every responsible unit, lead included, in document order'),
  primaryUnit: PrimaryUnit.nullable(),
  responsibility: Responsibility.nullable().describe('the responsibility statement as written'),
  deadline: Deadline.nullable(),
  sharedBlock: z.number().int().positive().describe('how many measures share this responsibility block (1 = its own)'),
})
/**
 * One thing the plan says is to be done: a numbered item or titled paragraph in a task section,
 * or any item that carries a responsibility block.
 */
export interface Measure extends z.output<typeof MeasureSchema> {}
export const Measure: z.ZodType<Measure> = MeasureSchema
