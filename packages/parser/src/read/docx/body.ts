/**
 * The body of word/document.xml → lines of text in reading order, each with its origin:
 * paragraphs with their automatic numbers, tables one row per line with merged cells expanded,
 * text boxes after the paragraph that anchors them, tracked changes as accepted, fields showing
 * their result (page numbers and tables of contents not at all), footnote and endnote references
 * as superscript markers whose notes follow the body as `¹ text` lines — the form the text path
 * sets footnotes aside in.
 */
import type { Diagnostic, Origin } from '@policykb/model'
import { NumberingState, type NumberingDefinitions, type ParagraphNumbering } from './numbering.js'
import { child, isOn, val, type XmlElement } from './xml.js'

/** One line of the output (a paragraph, a table row, a note) and where each part of it came from. */
export interface BodyLine {
  text: string
  /** ranges of `text` and their origins; a paragraph has one covering it */
  parts: Array<{ start: number; end: number; origin: Origin }>
}

/** What the body reader needs besides the body. */
export interface BodyContext {
  defs: NumberingDefinitions
  footnotes: Map<string, XmlElement>
  endnotes: Map<string, XmlElement>
}

/** Fields whose result is page furniture or navigation, never running text. */
const HIDDEN_FIELD = /^\s*(PAGE|NUMPAGES|SECTIONPAGES|TOC)\b/i

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const superscript = (n: number | string) => String(n).replace(/[0-9]/g, (d) => SUPERSCRIPT[Number(d)]!)

/** Elements whose children are read as if they stood in their parent. */
const TRANSPARENT = new Set(['w:hyperlink', 'w:smartTag', 'w:customXml', 'w:ins', 'w:moveTo', 'w:bdo', 'w:dir', 'w:rubyBase', 'w:sdtContent'])
/** Elements read as removed: deletions, the source of a move, ruby annotations, properties. */
const DROPPED = new Set(['w:del', 'w:moveFrom', 'w:rt', 'w:pPr', 'w:rPr', 'w:sdtPr', 'w:sdtEndPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'w:sectPr'])

interface Field {
  result: boolean
  hidden: boolean
  instr: string
}

interface InlineState {
  text: string
  /** paragraphs of text boxes met in this paragraph, read after it */
  boxes: XmlElement[]
}

/**
 * Reads the body in order. One instance per document: it carries the numbering counters, the
 * open fields (a table of contents spans many paragraphs) and the footnotes met so far.
 */
export class BodyReader {
  readonly lines: BodyLine[] = []
  readonly diagnostics: Diagnostic[] = []
  readonly #ctx: BodyContext
  readonly #numbering: NumberingState
  readonly #fields: Field[] = []
  readonly #notes: Array<{ marker: string; note: XmlElement }> = []
  #paragraph = 0
  #table = 0
  /** text of a paragraph whose mark was deleted: it runs on into the next paragraph */
  #carry = ''

  constructor(ctx: BodyContext) {
    this.#ctx = ctx
    this.#numbering = new NumberingState(ctx.defs)
  }

  /** Read the block-level children of `container` (the body, a cell, a text box). */
  blocks(container: XmlElement, where: Origin = {}): void {
    for (const node of container.children) {
      if (typeof node === 'string') continue
      if (node.name === 'w:p') this.#paragraphLine(node, where)
      else if (node.name === 'w:tbl') this.#table_(node)
      else if (node.name === 'w:sdt' || node.name === 'w:customXml' || node.name === 'w:sdtContent' || node.name === 'w:ins' || node.name === 'w:moveTo') {
        this.blocks(node.name === 'w:sdt' ? (child(node, 'w:sdtContent') ?? node) : node, where)
      } else if (node.name === 'mc:AlternateContent') {
        const choice = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback')
        if (choice) this.blocks(choice, where)
      }
    }
  }

  /** The notes referenced in the body, as `¹ text` lines after it. */
  notes(): void {
    for (const { marker, note } of this.#notes) {
      const texts: string[] = []
      for (const p of note.children) {
        if (typeof p === 'string' || p.name !== 'w:p') continue
        const s: InlineState = { text: '', boxes: [] }
        this.#inline(p, s, true)
        texts.push(s.text.replace(/[\t\n]+/g, ' ').trim())
      }
      const text = texts.filter((t) => t !== '').join(' ')
      if (text !== '') this.lines.push({ text: `${marker} ${text}`, parts: [] })
    }
  }

  /** A paragraph's text with its number, or null for a paragraph entirely inside a hidden field. */
  #paragraphText(p: XmlElement): { text: string; boxes: XmlElement[]; deletedMark: boolean; skip: boolean } {
    const pPr = child(p, 'w:pPr')
    const hiddenBefore = this.#hidden()
    const s: InlineState = { text: '', boxes: [] }
    this.#inline(p, s, false)
    const deletedMark = child(child(pPr, 'w:rPr'), 'w:del') !== undefined
    const skip = s.text === '' && (hiddenBefore || this.#hidden())
    if (skip) return { text: '', boxes: s.boxes, deletedMark, skip }
    const numPr = child(pPr, 'w:numPr')
    const request: ParagraphNumbering = {}
    const styleId = val(pPr, 'w:pStyle')
    if (styleId !== undefined) request.styleId = styleId
    const numId = val(numPr, 'w:numId')
    if (numId !== undefined) request.numId = numId
    const ilvl = val(numPr, 'w:ilvl')
    if (ilvl !== undefined) request.ilvl = Number(ilvl)
    const number = deletedMark ? null : this.#numbering.next(request)
    let text = s.text
    if (number && number.text !== '') {
      const closed = /[、，．.：:）)】\]〕》」』\s]$/.test(number.text)
      const gap = number.suffix === 'nothing' || closed ? '' : ' '
      text = number.text + gap + text
    }
    return { text, boxes: s.boxes, deletedMark, skip }
  }

  #paragraphLine(p: XmlElement, where: Origin): void {
    const index = this.#paragraph++
    const { text, boxes, deletedMark, skip } = this.#paragraphText(p)
    if (!skip) {
      if (deletedMark) this.#carry += text
      else {
        const full = this.#carry + text
        this.#carry = ''
        this.lines.push({ text: full, parts: full === '' ? [] : [{ start: 0, end: full.length, origin: { ...where, paragraph: index } }] })
      }
    }
    for (const box of boxes) this.blocks(box, where)
  }

  #hidden(): boolean {
    return this.#fields.some((f) => !f.result || f.hidden)
  }

  /** Walk the inline content of a paragraph into `s.text`. */
  #inline(node: XmlElement, s: InlineState, inNote: boolean): void {
    for (const c of node.children) {
      if (typeof c === 'string') continue
      const name = c.name
      if (name === 'w:r') this.#run(c, s, inNote)
      else if (TRANSPARENT.has(name)) this.#inline(c, s, inNote)
      else if (name === 'w:sdt') this.#inline(child(c, 'w:sdtContent') ?? c, s, inNote)
      else if (name === 'w:fldSimple') {
        if (!HIDDEN_FIELD.test(c.attrs['w:instr'] ?? '')) this.#inline(c, s, inNote)
      } else if (name === 'mc:AlternateContent') {
        const choice = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback')
        if (choice) this.#inline(choice, s, inNote)
      } else if (name === 'w:ruby') this.#inline(c, s, inNote)
      else if (!DROPPED.has(name) && name !== 'w:r') this.#findBoxes(c, s)
    }
  }

  #run(r: XmlElement, s: InlineState, inNote: boolean): void {
    const rPr = child(r, 'w:rPr')
    const vanish = isOn(rPr, 'w:vanish') || isOn(rPr, 'w:specVanish')
    const superscriptRun = val(rPr, 'w:vertAlign') === 'superscript'
    const emit = (t: string) => {
      if (vanish || this.#hidden()) return
      s.text += superscriptRun ? t.replace(/[0-9]/g, (d) => SUPERSCRIPT[Number(d)]!) : t
    }
    for (const c of r.children) {
      if (typeof c === 'string') continue
      switch (c.name) {
        case 'w:t':
          for (const t of c.children) if (typeof t === 'string') emit(t)
          break
        case 'w:tab':
        case 'w:ptab':
          emit('\t')
          break
        case 'w:br':
        case 'w:cr':
          emit('\n')
          break
        case 'w:noBreakHyphen':
          emit('-')
          break
        case 'w:sym': {
          const code = Number.parseInt(c.attrs['w:char'] ?? '', 16)
          // symbol fonts map their glyphs to U+F0xx; the low byte is the character in that font
          if (Number.isFinite(code) && code > 0) emit(String.fromCodePoint(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code))
          break
        }
        case 'w:fldChar': {
          const type = c.attrs['w:fldCharType']
          if (type === 'begin') this.#fields.push({ result: false, hidden: false, instr: '' })
          else if (type === 'separate') {
            const f = this.#fields.at(-1)
            if (f) {
              f.result = true
              f.hidden = HIDDEN_FIELD.test(f.instr)
            }
          } else if (type === 'end') this.#fields.pop()
          break
        }
        case 'w:instrText': {
          const f = this.#fields.at(-1)
          if (f && !f.result) for (const t of c.children) if (typeof t === 'string') f.instr += t
          break
        }
        case 'w:footnoteReference':
        case 'w:endnoteReference': {
          if (inNote || vanish || this.#hidden() || isOn(c, 'w:customMarkFollows')) break
          const id = c.attrs['w:id'] ?? ''
          const note = (c.name === 'w:footnoteReference' ? this.#ctx.footnotes : this.#ctx.endnotes).get(id)
          if (!note) break
          const marker = superscript(this.#notes.length + 1)
          this.#notes.push({ marker, note })
          s.text += marker
          break
        }
        case 'w:footnoteRef':
        case 'w:endnoteRef':
        case 'w:rPr':
        case 'w:delText':
        case 'w:delInstrText':
        case 'w:softHyphen':
        case 'w:lastRenderedPageBreak':
          break
        case 'mc:AlternateContent': {
          const choice = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback')
          if (choice) this.#findBoxes(choice, s)
          break
        }
        default:
          // w:drawing, w:pict, w:object: text boxes inside them are read after the paragraph
          this.#findBoxes(c, s)
      }
    }
  }

  /** Text boxes (`w:txbxContent`) anywhere inside a drawing, choosing one branch of each alternative. */
  #findBoxes(node: XmlElement, s: InlineState): void {
    if (node.name === 'w:txbxContent') {
      s.boxes.push(node)
      return
    }
    if (node.name === 'mc:AlternateContent') {
      const choice = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback')
      if (choice) this.#findBoxes(choice, s)
      return
    }
    for (const c of node.children) if (typeof c !== 'string') this.#findBoxes(c, s)
  }

  /** Rows of a table, with `w:sdt` and `w:customXml` wrappers looked through. */
  #rows(container: XmlElement, name: 'w:tr' | 'w:tc'): XmlElement[] {
    const out: XmlElement[] = []
    for (const c of container.children) {
      if (typeof c === 'string') continue
      if (c.name === name) out.push(c)
      else if (c.name === 'w:sdt') out.push(...this.#rows(child(c, 'w:sdtContent') ?? c, name))
      else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:moveTo') out.push(...this.#rows(c, name))
    }
    return out
  }

  #table_(tbl: XmlElement): void {
    const table = this.#table++
    const rows = this.#rows(tbl, 'w:tr').filter((tr) => child(child(tr, 'w:trPr'), 'w:del') === undefined)
    const cellsOf = rows.map((tr) => this.#rows(tr, 'w:tc'))
    // A table that frames the page rather than holds data (one cell per row, or a table inside a
    // cell, as web pages saved to Word are laid out) is read as the paragraphs it holds.
    const framing = cellsOf.every((cells) => cells.length <= 1) || cellsOf.some((cells) => cells.some((tc) => hasTable(tc)))
    if (framing) {
      cellsOf.forEach((cells, row) => {
        cells.forEach((tc, column) => {
          this.blocks(tc, { table, row, column })
        })
      })
      return
    }
    let above: Array<{ text: string; paragraph: number } | undefined> = []
    cellsOf.forEach((cells, row) => {
      const trPr = child(rows[row]!, 'w:trPr')
      const grid: Array<{ text: string; paragraph: number } | undefined> = []
      let col = Number(val(trPr, 'w:gridBefore') ?? '0') || 0
      for (const tc of cells) {
        const tcPr = child(tc, 'w:tcPr')
        const span = Math.max(1, Number(val(tcPr, 'w:gridSpan') ?? '1') || 1)
        const vMerge = child(tcPr, 'w:vMerge')
        const first = this.#paragraph
        const content = this.#cellText(tc)
        const continued = vMerge !== undefined && (vMerge.attrs['w:val'] ?? 'continue') === 'continue'
        const value = continued ? (above[col] ?? { text: '', paragraph: first }) : { text: content, paragraph: first }
        // a horizontal merge keeps its value in its first column: repeated, a title or a unit
        // spanning 牵头单位 and 责任单位 would be read twice
        grid[col] = value
        for (let k = 1; k < span; k++) grid[col + k] = { text: '', paragraph: first }
        col += span
      }
      const width = Math.max(grid.length, above.length)
      let text = ''
      const parts: BodyLine['parts'] = []
      for (let c = 0; c < width; c++) {
        if (c > 0) text += '\t'
        const cell = grid[c]
        if (cell && cell.text !== '') {
          parts.push({ start: text.length, end: text.length + cell.text.length, origin: { paragraph: cell.paragraph, table, row, column: c } })
          text += cell.text
        }
      }
      this.lines.push({ text, parts })
      above = grid
    })
  }

  /** A cell's paragraphs as one line: no tab or line break may stand inside a cell. */
  #cellText(tc: XmlElement): string {
    const pieces: string[] = []
    const collect = (container: XmlElement) => {
      for (const node of container.children) {
        if (typeof node === 'string') continue
        if (node.name === 'w:p') {
          this.#paragraph++
          const { text, boxes, skip } = this.#paragraphText(node)
          if (!skip) pieces.push(...text.split('\n'))
          for (const b of boxes) collect(b)
        } else if (node.name === 'w:sdt') collect(child(node, 'w:sdtContent') ?? node)
        else if (node.name === 'w:customXml' || node.name === 'w:ins' || node.name === 'w:moveTo') collect(node)
      }
    }
    collect(tc)
    return joinCellParagraphs(pieces.map((t) => t.replace(/[\t\u000b]+/g, ' ').trim()).filter((t) => t !== ''))
  }
}

function hasTable(node: XmlElement): boolean {
  for (const c of node.children) {
    if (typeof c === 'string') continue
    if (c.name === 'w:tbl' || hasTable(c)) return true
  }
  return false
}

/** Sentence and list punctuation after which the next paragraph of a cell follows directly. */
const CLOSED = /[。；，、：:;,.！？!?）)】」』”]$/
/** A line of a list of names: short, no sentence punctuation inside. */
const LIST_ITEM = /^[^。；，：:;,.！？!?]{1,24}$/

/**
 * The paragraphs of a table cell as one line. A cell that lists units one per paragraph
 * (`市发展改革委` / `市财政局`) reads as the list it is (joined with 、); paragraphs that end a
 * sentence run on; anything else is joined with a space.
 */
export function joinCellParagraphs(paragraphs: readonly string[]): string {
  let out = ''
  paragraphs.forEach((p, i) => {
    if (i === 0) out = p
    else {
      const prev = paragraphs[i - 1]!
      out += CLOSED.test(prev) ? p : LIST_ITEM.test(prev) && LIST_ITEM.test(p) ? `、${p}` : ` ${p}`
    }
  })
  return out
}
