import type { SourceBlock } from '@policykb/model'
import { type BodyLine, BodyReader } from './docx/body.js'
import { readDefinitions } from './docx/numbering.js'
import { openPackage } from './docx/package.js'
import { child, textOf, type XmlElement } from './docx/xml.js'
import type { ReadOutcome, Reader } from './types.js'

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** The notes of footnotes.xml / endnotes.xml by id. */
function notesById(root: XmlElement | undefined, name: 'w:footnotes' | 'w:endnotes'): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>()
  const notes = child(root, name)
  for (const n of notes?.children ?? []) {
    if (typeof n !== 'string' && (n.name === 'w:footnote' || n.name === 'w:endnote')) out.set(n.attrs['w:id'] ?? '', n)
  }
  return out
}

/** Lines → the source text (lines joined by `\n`) and its blocks. */
export function assemble(lines: readonly BodyLine[]): { text: string; blocks: SourceBlock[] } {
  const blocks: SourceBlock[] = []
  let text = ''
  lines.forEach((line, i) => {
    if (i > 0) text += '\n'
    for (const p of line.parts) blocks.push({ start: text.length + p.start, end: text.length + p.end, origin: p.origin })
    text += line.text
  })
  return { text, blocks }
}

/**
 * The docx reader: a Word 2007+ document (also Strict OOXML, and what WPS or LibreOffice write)
 * → its text in reading order, one line per paragraph with its automatic number rebuilt from
 * numbering.xml and styles.xml, one line per table row with cells separated by tabs and merged
 * cells repeated, footnotes and endnotes as `¹ text` lines after the body, headers, footers,
 * page numbers and tables of contents left out. Only the XML parts are inflated, within
 * `options.maxBytes` all together; a zip that is damaged, is not a Word document, or inflates
 * past the bound is one failure naming the part.
 */
export const readDocx: Reader = async (bytes, options): Promise<ReadOutcome> => {
  const name = options.name === undefined ? 'the file' : options.name
  if (OLE.every((b, i) => bytes[i] === b)) {
    return {
      ok: false,
      format: 'docx',
      ruleId: 'docx-not-zip',
      reason: `${name} is an OLE compound file, not a docx: a Word 97–2003 .doc, or a password-protected docx`,
    }
  }
  const opened = openPackage(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES)
  if (!opened.ok) {
    const { problem } = opened
    return {
      ok: false,
      format: 'docx',
      ruleId: problem.ruleId,
      reason: `${name}: ${problem.reason}`,
      ...(problem.location === undefined ? {} : { location: problem.location }),
    }
  }
  const { parts } = opened
  const reader = new BodyReader({
    defs: readDefinitions(parts.numbering, parts.styles),
    footnotes: notesById(parts.footnotes, 'w:footnotes'),
    endnotes: notesById(parts.endnotes, 'w:endnotes'),
  })
  const body = child(child(parts.document, 'w:document'), 'w:body')
  if (!body) {
    return { ok: false, format: 'docx', ruleId: 'docx-not-word', reason: `${name}: ${parts.documentPath} has no w:body`, location: parts.documentPath }
  }
  reader.blocks(body)
  reader.notes()
  const { text, blocks } = assemble(reader.lines)
  const titleElement = child(child(parts.core, 'cp:coreProperties'), 'dc:title')
  const title = titleElement ? textOf(titleElement).trim() : ''
  return {
    ok: true,
    source: { format: 'docx', text, blocks, metadata: title === '' ? {} : { title } },
    diagnostics: reader.diagnostics,
  }
}
