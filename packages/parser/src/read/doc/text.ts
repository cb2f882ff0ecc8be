/**
 * The text of a Word 97–2003 body, from its marks: `\r` ends a paragraph, `\x07` a table cell,
 * the row's end mark (which word-extractor turns into `\n`) ends a row; fields `\x13 code \x14
 * result \x15` show their result (page numbers and tables of contents nothing); `\x02` is a
 * footnote reference, given a superscript mark whose note follows the body as `¹ text`.
 */
import type { Diagnostic, Origin } from '@policykb/model'
import { type BodyLine, joinCellParagraphs } from '../docx/body.js'

/** Fields whose result is page furniture or navigation, never running text. */
const HIDDEN_FIELD = /^\s*(PAGE|NUMPAGES|SECTIONPAGES|TOC)\b/i
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const superscript = (n: number) => String(n).replace(/[0-9]/g, (d) => SUPERSCRIPT[Number(d)]!)

interface Field {
  result: boolean
  hidden: boolean
  instr: string
}

/** Strip field codes (keeping visible results) and the marks that carry no text. */
function visibleText(raw: string): { text: string; noteRefs: number } {
  const fields: Field[] = []
  let out = ''
  let noteRefs = 0
  for (const ch of raw) {
    if (ch === '\x13') {
      fields.push({ result: false, hidden: false, instr: '' })
      continue
    }
    if (ch === '\x14') {
      const f = fields.at(-1)
      if (f) {
        f.result = true
        f.hidden = HIDDEN_FIELD.test(f.instr)
      }
      continue
    }
    if (ch === '\x15') {
      fields.pop()
      continue
    }
    const f = fields.at(-1)
    if (f && !f.result) {
      f.instr += ch
      continue
    }
    // structural marks always pass: a hidden field cannot swallow the end of a paragraph or cell
    const structural = ch === '\r' || ch === '\x07' || ch === '\n' || ch === '\x0c'
    if (!structural && fields.some((x) => x.hidden || !x.result)) continue
    if (ch === '\x02') {
      out += superscript(++noteRefs)
      continue
    }
    if (ch === '\x1e') out += '-'
    else if (ch === '\x1f' || ch === '\x00' || ch === '\x01' || ch === '\x05' || ch === '\x08') continue
    else out += ch
  }
  return { text: out, noteRefs }
}

/** The notes of a story (footnotes or endnotes): the text after each `\x02` mark. */
export function notesOf(raw: string): string[] {
  const { text } = visibleText(raw.replace(/\x02/g, '\x00\u2063'))
  return text
    .split('\u2063')
    .slice(1)
    .map((t) => t.replace(/[\r\n\x07\x0b\x0c]+/g, ' ').replace(/\s+/g, ' ').trim())
}

/**
 * Lines of a .doc body: paragraphs, and table rows with cells separated by tabs. Rows of one
 * table with fewer cells than its widest row (cells merged across) are padded at the end, and
 * a diagnostic says the merge could not be placed; cells merged down come as empty cells.
 */
export function docLines(raw: string): { lines: BodyLine[]; diagnostics: Diagnostic[]; noteRefs: number } {
  const { text, noteRefs } = visibleText(raw)
  const lines: BodyLine[] = []
  const diagnostics: Diagnostic[] = []
  let paragraph = 0
  let table = 0
  let buffer = ''
  let cellParas: string[] = []
  let cellFirst = -1
  let rowCells: Array<{ text: string; paragraph: number }> = []
  let rows: Array<Array<{ text: string; paragraph: number }>> = []

  const flushTable = () => {
    if (rows.length === 0) return
    const width = Math.max(...rows.map((r) => r.length))
    const short = rows.filter((r) => r.length < width).length
    if (short > 0) {
      diagnostics.push({
        ruleId: 'doc-table-merged-cells',
        severity: 'warning',
        reason: `table ${table + 1}: ${short} of ${rows.length} rows have fewer cells than the table's ${width} (cells merged across); a .doc does not say which columns they span, so they are padded at the end`,
      })
    }
    rows.forEach((cells, row) => {
      let t = ''
      const parts: BodyLine['parts'] = []
      for (let c = 0; c < width; c++) {
        if (c > 0) t += '\t'
        const cell = cells[c]
        if (cell && cell.text !== '') {
          const origin: Origin = { paragraph: cell.paragraph, table, row, column: c }
          parts.push({ start: t.length, end: t.length + cell.text.length, origin })
          t += cell.text
        }
      }
      lines.push({ text: t, parts })
    })
    rows = []
    table++
  }
  const paragraphLine = (t: string) => {
    flushTable()
    const index = paragraph++
    lines.push({ text: t, parts: t === '' ? [] : [{ start: 0, end: t.length, origin: { paragraph: index } }] })
  }
  const inRow = () => rowCells.length > 0

  for (const ch of text) {
    if (ch === '\r' || ch === '\x0c') {
      if (inRow()) {
        if (cellFirst < 0) cellFirst = paragraph
        paragraph++
        cellParas.push(buffer)
      } else paragraphLine(buffer)
      buffer = ''
    } else if (ch === '\x07') {
      if (cellFirst < 0) cellFirst = paragraph
      paragraph++
      const cell = joinCellParagraphs([...cellParas, buffer].map((p) => p.replace(/[\t\x0b]+/g, ' ').trim()).filter((p) => p !== ''))
      rowCells.push({ text: cell, paragraph: cellFirst })
      cellParas = []
      cellFirst = -1
      buffer = ''
    } else if (ch === '\n') {
      if (inRow()) {
        rows.push(rowCells)
        rowCells = []
      } else paragraphLine(buffer)
      buffer = ''
    } else if (ch === '\x0b') {
      if (inRow()) {
        cellParas.push(buffer)
        buffer = ''
      } else buffer += '\n'
    } else buffer += ch
  }
  if (inRow()) rows.push(rowCells)
  if (buffer !== '') paragraphLine(buffer)
  flushTable()
  return { lines, diagnostics, noteRefs }
}
