import { z } from 'zod'
import { Span } from './span.js'

/** How a heading is numbered, as written. */
export const NumberingStyle = z.enum([
  'attachment', // 附件1
  'chapter', // 第一章
  'section', // 第一节
  'article', // 第一条
  'cn', // 一、
  'cn-paren', // （一） (一)
  'arabic', // 1. 1、 1．
  'arabic-paren', // （1） (1)
  'circled', // ①
  'markdown', // # heading
  'none',
])
export type NumberingStyle = z.infer<typeof NumberingStyle>

/**
 * What a section is for, read from its heading: task sections hold measures; background, guiding
 * ideas, principles, goals and safeguards do not, unless units are assigned in them.
 */
export const SectionRole = z.enum(['task', 'background', 'goal', 'safeguard', 'indicators', 'other'])
export type SectionRole = z.infer<typeof SectionRole>

export interface Section {
  level: number
  numbering: string | null
  style: NumberingStyle
  heading: string
  headingSpan: Span
  span: Span
  role: SectionRole
  children: Section[]
}

/** A heading and everything under it, down to the next heading of the same or a higher level. */
export const Section: z.ZodType<Section> = z.object({
  level: z.number().int().nonnegative().describe('depth in the outline, 1 = top level within a part'),
  numbering: z.string().nullable().describe('the numbering as written, e.g. `（一）`, `第三章`'),
  style: NumberingStyle,
  heading: z.string().describe('heading text without its numbering'),
  headingSpan: Span,
  span: Span.describe('the heading line and its whole body'),
  role: SectionRole,
  get children() {
    return z.array(Section)
  },
})
