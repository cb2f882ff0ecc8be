import { assemble } from './docx.js'
import { docLines, notesOf } from './doc/text.js'
import { extractDoc } from './doc/wordExtractor.js'
import type { ReadOutcome, Reader } from './types.js'

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const superscript = (n: number) => String(n).replace(/[0-9]/g, (d) => SUPERSCRIPT[Number(d)]!)

/**
 * The doc reader: a Word 97–2003 file (read with word-extractor, pure JS) → its text, one line
 * per paragraph, one line per table row with cells separated by tabs, footnotes and endnotes as
 * `¹ text` lines after the body, headers and footers left out. What a .doc cannot give is said
 * in diagnostics: rows whose merged cells cannot be placed, and automatic numbering (list
 * numbers are not rebuilt for .doc). A file that is not an OLE compound file, or whose
 * compound file or Word stream is damaged, is one failure.
 */
export const readDoc: Reader = async (bytes, options): Promise<ReadOutcome> => {
  const name = options.name === undefined ? 'the file' : options.name
  if (!OLE.every((b, i) => bytes[i] === b)) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b
    return {
      ok: false,
      format: 'doc',
      ruleId: 'doc-not-ole',
      reason: `${name} is not a Word 97–2003 file (no OLE compound file header)${zip ? ': it is a zip, perhaps a docx' : ''}`,
    }
  }
  let raw: Awaited<ReturnType<typeof extractDoc>>
  try {
    raw = await extractDoc(bytes)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return { ok: false, format: 'doc', ruleId: 'doc-corrupt', reason: `${name}: the Word 97–2003 file is damaged or not a Word document (${why})` }
  }
  const { lines, diagnostics, noteRefs } = docLines(raw.body)
  const notes = [...notesOf(raw.footnotes), ...notesOf(raw.endnotes)]
  notes.forEach((text, i) => {
    if (text !== '' && i < noteRefs) lines.push({ text: `${superscript(i + 1)} ${text}`, parts: [] })
  })
  if (raw.hasLists) {
    diagnostics.push({
      ruleId: 'doc-numbering-not-rebuilt',
      severity: 'warning',
      reason: `${name} uses Word's automatic numbering, which the .doc reader does not rebuild: numbers such as 一、（一）1. set as list numbers are missing from the text (a .docx of the same document keeps them)`,
    })
  }
  const { text, blocks } = assemble(lines)
  return { ok: true, source: { format: 'doc', text, blocks, metadata: {} }, diagnostics }
}
