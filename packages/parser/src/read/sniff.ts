import type { SourceFormat } from '@policykb/model'

/** Extensions that hint at a format when the content alone does not decide. */
const EXTENSIONS: Record<string, SourceFormat> = {
  txt: 'text',
  md: 'text',
  markdown: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  shtml: 'html',
  docx: 'docx',
  doc: 'doc',
  pdf: 'pdf',
}

/** The extension of a file name, lower-case, without the dot; `''` when it has none. */
export function extensionOf(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase()
}

/** The format an extension names, or undefined. */
export const formatOfExtension = (name: string | undefined): SourceFormat | undefined => EXTENSIONS[extensionOf(name)]

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b)

const ZIP = [0x50, 0x4b, 0x03, 0x04] as const
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06] as const
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] as const // %PDF-

/** Markup that only HTML opens with or holds early: a doctype, `<html>`, `<head>`, `<body>`, block tags. */
const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|span|center|section|article)\b/i
const HTML_TAGS = /<\/?(?:p|br|div|table|tr|td|span|a|h[1-6])\b[^>]*>/gi

/**
 * The format of a file, judged by its content first: a zip (docx), an OLE compound file (doc),
 * `%PDF-` within the first KiB (PDF), markup (HTML); the extension decides only between text and
 * HTML when the content is ambiguous. Anything else is text (decoding then decides whether it is
 * text at all).
 *
 * @param bytes - the file's content; not mutated
 * @param name - the file name, for the extension hint
 */
export function sniffFormat(bytes: Uint8Array, name?: string): SourceFormat {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return 'docx'
  if (startsWith(bytes, OLE)) return 'doc'
  const head = bytes.subarray(0, 1024)
  for (let i = 0; i + PDF.length <= head.length; i++) if (startsWith(head, PDF, i)) return 'pdf'
  const hint = formatOfExtension(name)
  const text = asciiHead(bytes)
  if (HTML_START.test(text)) return 'html'
  if (hint === 'html') return 'html'
  if (hint === 'text') return 'text'
  let tags = 0
  for (const _ of text.matchAll(HTML_TAGS)) if (++tags >= 5) return 'html'
  return 'text'
}

/** The first 4 KiB as Latin-1 (enough to see ASCII markup whatever the encoding; UTF-16 is not markup here). */
function asciiHead(bytes: Uint8Array): string {
  let s = ''
  const n = Math.min(bytes.length, 4096)
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i] as number)
  return s
}
