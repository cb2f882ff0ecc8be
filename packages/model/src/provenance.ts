import { z } from 'zod'

/** The formats the reading stage takes. `text` is plain text (and Markdown); `html` a web page. */
export const SourceFormat = z.enum(['text', 'html', 'docx', 'doc', 'pdf'])
export type SourceFormat = z.infer<typeof SourceFormat>

/**
 * Where a piece of extracted text stood in the file it was read from. Every field is optional:
 * a reader sets those its format has (a PDF the page, a docx the paragraph and table cell, a web
 * page the element), and plain text sets none (its original line is on the span already).
 */
export const Origin = z.object({
  page: z.number().int().positive().optional().describe('1-based page of a PDF'),
  paragraph: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('0-based index of the paragraph in the document body (docx, doc), counting table paragraphs'),
  table: z.number().int().nonnegative().optional().describe('0-based index of the table in the document'),
  row: z.number().int().nonnegative().optional().describe('0-based row of the table cell'),
  column: z.number().int().nonnegative().optional().describe('0-based column of the table cell, after merges are expanded'),
  element: z.string().optional().describe('a CSS-like path of the HTML element, e.g. `div.pages_content>p:nth-of-type(3)`'),
})
export type Origin = z.infer<typeof Origin>

/**
 * A run of the extracted text `[start, end)` (UTF-16 offsets into `SourceText.text`) and where it
 * came from. Blocks are in text order and do not overlap; text between blocks (the line breaks a
 * reader inserts) belongs to none.
 */
export const SourceBlock = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  origin: Origin,
})
export type SourceBlock = z.infer<typeof SourceBlock>

/**
 * Metadata a reader found outside the running text: a web page's 索引号/发文机关/成文日期 table,
 * a docx's core properties. Values as written in the file.
 */
export const SourceMetadata = z.object({
  title: z.string().optional(),
  issuer: z.string().optional().describe('发文机关'),
  docNumber: z.string().optional().describe('发文字号 / 文号'),
  written: z.string().optional().describe('成文日期, as written'),
  published: z.string().optional().describe('发布日期, as written'),
  subject: z.string().optional().describe('主题分类'),
  indexNumber: z.string().optional().describe('索引号'),
})
export type SourceMetadata = z.infer<typeof SourceMetadata>

/**
 * The output of the reading stage: the plain text of a file (lines separated by `\n`, table rows as
 * one line each with cells separated by `\t`), in reading order, with the provenance of each block.
 * This text is what `normalize` takes; for plain text files it is the decoded file itself.
 */
export const SourceText = z.object({
  format: SourceFormat,
  text: z.string(),
  encoding: z.string().optional().describe('the character encoding of a text or HTML file'),
  blocks: z.array(SourceBlock),
  metadata: SourceMetadata,
  pages: z.number().int().nonnegative().optional().describe('page count of a PDF'),
})
export type SourceText = z.infer<typeof SourceText>
