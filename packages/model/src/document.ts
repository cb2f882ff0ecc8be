import { z } from 'zod'
import { Section } from './section.js'
import { SourceRange } from './source.js'
import { Span } from './span.js'
import { Table } from './table.js'

/** What kind of document this is; only plans yield task rows. */
export const DocumentKind = z.enum(['plan', 'reply', 'unknown'])
export type DocumentKind = z.infer<typeof DocumentKind>

/** One part of a bundle: the covering notice or main text (attachment null), or an attachment. */
const PartSchema = z.object({
  attachment: z.number().int().nullable(),
  title: z.string().nullable(),
  titleSpan: Span.nullable(),
  specialty: z.string().nullable().describe('所属专项 derived from the title of a 专项行动方案'),
  span: Span,
  sections: z.array(Section),
})
/** One part of a bundle: the covering notice or main text (attachment null), or an attachment. */
export interface Part extends z.output<typeof PartSchema> {}
export const Part: z.ZodType<Part> = PartSchema

/** An entry of a table of contents (目录), with the page number it gives. */
const TocEntrySchema = z.object({ title: z.string(), page: z.string().nullable(), source: SourceRange })
/** An entry of a table of contents (目录), with the page number it gives. */
export interface TocEntry extends z.output<typeof TocEntrySchema> {}
export const TocEntry: z.ZodType<TocEntry> = TocEntrySchema

/** A footnote moved out of the running text; `anchor` is where its marker stood, if found. */
const FootnoteSchema = z.object({
  marker: z.string(),
  text: z.string(),
  source: SourceRange,
  anchor: z.number().int().nullable().describe('offset in the normalised text where the marker was'),
})
/** A footnote moved out of the running text; `anchor` is where its marker stood, if found. */
export interface Footnote extends z.output<typeof FootnoteSchema> {}
export const Footnote: z.ZodType<Footnote> = FootnoteSchema

/** Something set aside from the running text: a page header or footer, web page chrome. */
const AsideSchema = z.object({
  kind: z.enum(['page-header', 'chrome', 'toc']),
  text: z.string(),
  source: SourceRange,
})
/** Something set aside from the running text: a page header or footer, web page chrome. */
export interface Aside extends z.output<typeof AsideSchema> {}
export const Aside: z.ZodType<Aside> = AsideSchema

/** An attachment listed in the covering notice (附件: 1.… 2.…). */
const AttachmentRefSchema = z.object({ number: z.number().int(), title: z.string() })
/** An attachment listed in the covering notice (附件: 1.… 2.…). */
export interface AttachmentRef extends z.output<typeof AttachmentRefSchema> {}
export const AttachmentRef: z.ZodType<AttachmentRef> = AttachmentRefSchema

/** A parsed policy document: metadata, its parts and their outline, and what was set aside. */
const PolicyDocumentSchema = z.object({
  title: z.string().nullable(),
  issuer: z.string().nullable().describe('issuing body, e.g. 许昌市优化营商环境工作领导小组'),
  docNumber: z.string().nullable().describe('文号, e.g. 许营商〔2022〕1号'),
  date: z.string().nullable().describe('ISO date the document was issued or published'),
  kind: DocumentKind,
  attachments: z.array(AttachmentRef),
  parts: z.array(Part),
  tables: z.array(Table),
  toc: z.array(TocEntry),
  footnotes: z.array(Footnote),
  asides: z.array(Aside),
})
/** A parsed policy document: metadata, its parts and their outline, and what was set aside. */
export interface PolicyDocument extends z.output<typeof PolicyDocumentSchema> {}
export const PolicyDocument: z.ZodType<PolicyDocument> = PolicyDocumentSchema
