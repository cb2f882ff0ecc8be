import { z } from 'zod'
import { Section } from './section.js'
import { SourceRange } from './source.js'
import { Span } from './span.js'
import { Table } from './table.js'

/** What kind of document this is; only plans yield task rows. */
export const DocumentKind = z.enum(['plan', 'reply', 'unknown'])
export type DocumentKind = z.infer<typeof DocumentKind>

/** One part of a bundle: the covering notice or main text (attachment null), or an attachment. */
export const Part = z.object({
  attachment: z.number().int().nullable(),
  title: z.string().nullable(),
  titleSpan: Span.nullable(),
  specialty: z.string().nullable().describe('所属专项 derived from the title of a 专项行动方案'),
  span: Span,
  sections: z.array(Section),
})
export type Part = z.infer<typeof Part>

/** An entry of a table of contents (目录), with the page number it gives. */
export const TocEntry = z.object({ title: z.string(), page: z.string().nullable(), source: SourceRange })
export type TocEntry = z.infer<typeof TocEntry>

/** A footnote moved out of the running text; `anchor` is where its marker stood, if found. */
export const Footnote = z.object({
  marker: z.string(),
  text: z.string(),
  source: SourceRange,
  anchor: z.number().int().nullable().describe('offset in the normalised text where the marker was'),
})
export type Footnote = z.infer<typeof Footnote>

/** Something set aside from the running text: a page header or footer, web page chrome. */
export const Aside = z.object({
  kind: z.enum(['page-header', 'chrome', 'toc']),
  text: z.string(),
  source: SourceRange,
})
export type Aside = z.infer<typeof Aside>

/** An attachment listed in the covering notice (附件: 1.… 2.…). */
export const AttachmentRef = z.object({ number: z.number().int(), title: z.string() })
export type AttachmentRef = z.infer<typeof AttachmentRef>

/** A parsed policy document: metadata, its parts and their outline, and what was set aside. */
export const PolicyDocument = z.object({
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
export type PolicyDocument = z.infer<typeof PolicyDocument>
