/**
 * word-extractor (pure JS, reads the OLE compound file and the piece table of a Word 97–2003
 * file) opened one level below its public `extract`: its own cleaning drops footnote reference
 * marks and quotes-to-ASCII filtering is optional, so the body is taken from the piece table
 * here, with footnote references kept as a mark, and the FIB is kept to see whether the file
 * uses automatic numbering (which word-extractor does not render).
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

interface Piece {
  startCp: number
  endCp: number
  text: string
}
interface OleExtractor {
  _pieces: Piece[]
  _boundaries: { ccpText: number; ccpFtn?: number; ccpHdd?: number; ccpAtn?: number; ccpEdn?: number }
  extract(reader: unknown): Promise<unknown>
  extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>
}
type OleExtractorClass = new () => OleExtractor
type BufferReaderClass = new (buffer: Buffer) => { open(): Promise<void> }

const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as OleExtractorClass
const BufferReader = require('word-extractor/lib/buffer-reader.js') as BufferReaderClass

/** What the reader takes from a .doc. */
export interface RawDoc {
  /** the main text with Word's marks: \r paragraph, \x07 cell, \n row end, \x13–\x15 fields, \x02 note reference */
  body: string
  /** the footnotes' text, each opening with its \x02 mark */
  footnotes: string
  endnotes: string
  /** whether the file holds list definitions (automatic numbering) */
  hasLists: boolean
}

/** Characters [start, end) of the document's text, across pieces. */
function range(pieces: readonly Piece[], start: number, end: number): string {
  let s = ''
  for (const p of pieces) {
    if (p.endCp <= start || p.startCp >= end) continue
    s += p.text.substring(Math.max(0, start - p.startCp), Math.min(p.text.length, end - p.startCp))
  }
  return s
}

/** Read the parts of a .doc; throws word-extractor's error on a damaged file. */
export async function extractDoc(bytes: Uint8Array): Promise<RawDoc> {
  let fib: Buffer | undefined
  class Extractor extends WordOleExtractor {
    override extractWordDocument(document: unknown, buffer: Buffer) {
      fib = buffer
      return super.extractWordDocument(document, buffer)
    }
  }
  const extractor = new Extractor()
  const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  await reader.open()
  await extractor.extract(reader)
  const b = extractor._boundaries
  const pieces = extractor._pieces
  const ftn = b.ccpText
  const hdd = ftn + (b.ccpFtn ?? 0)
  const atn = hdd + (b.ccpHdd ?? 0)
  const edn = atn + (b.ccpAtn ?? 0)
  // lcbPlfLfo of the FIB (Word 97 layout): the list format overrides paragraphs point their numbering at
  const hasLists = fib !== undefined && fib.length >= 0x2f2 && fib.readUInt32LE(0x2ee) > 0
  return {
    body: range(pieces, 0, b.ccpText),
    footnotes: range(pieces, ftn, hdd),
    endnotes: range(pieces, edn, edn + (b.ccpEdn ?? 0)),
    hasLists,
  }
}
