/**
 * The parts of a Word package the reader needs, found through the package's relationships
 * (`_rels/.rels` → the main document; its `.rels` → styles, numbering, footnotes, endnotes) with
 * the usual names as fallback, each inflated within the budget. Nothing else (media, fonts,
 * headers, footers, embedded objects) is ever inflated.
 */
import { inflateEntry, listEntries, type ZipEntry, type ZipProblem } from './zip.js'
import { decodeXml, parseXml, type ParseXmlOptions, type XmlElement } from './xml.js'

/** The parts of a docx, parsed; absent optional parts are undefined. */
export interface DocxParts {
  documentPath: string
  document: XmlElement
  styles?: XmlElement
  numbering?: XmlElement
  footnotes?: XmlElement
  endnotes?: XmlElement
  core?: XmlElement
}

/** Why a package could not be read. */
export type PackageProblem = ZipProblem | { ruleId: 'docx-not-word' | 'docx-xml-corrupt'; reason: string; location?: string }

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/'

/** Text kept in each kind of part (everything else is structure). */
const BODY_TEXT: ParseXmlOptions = {
  textIn: new Set(['w:t', 'w:instrText']),
  // properties of sections, drawings' geometry and images carry no text
  skip: new Set(['w:sectPr', 'w:rPrChange', 'w:pPrChange', 'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange', 'w:sectPrChange', 'w:numberingChange']),
}
const NO_TEXT: ParseXmlOptions = { textIn: new Set() }
const CORE_TEXT: ParseXmlOptions = { textIn: new Set(['dc:title']) }

/** A zip entry's name for a target relative to `base` (a folder, no trailing slash). */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = base === '' ? [] : base.split('/')
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop()
    else if (seg !== '.' && seg !== '') parts.push(seg)
  }
  return parts.join('/')
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')

/** What kind of package a zip without a Word document is, for the message. */
function kindOf(entries: Map<string, ZipEntry>): string {
  if (entries.has('xl/workbook.xml')) return 'an Excel workbook (xlsx)'
  if (entries.has('ppt/presentation.xml')) return 'a PowerPoint presentation (pptx)'
  if (entries.has('content.xml') && entries.has('mimetype')) return 'an OpenDocument file (odt/ods), not a Word document'
  return 'a zip archive without word/document.xml'
}

/**
 * Open the package and parse the parts the reader uses.
 *
 * @param bytes - the whole file
 * @param maxBytes - the most bytes all inflated parts together may take
 */
export function openPackage(bytes: Uint8Array, maxBytes: number): { ok: true; parts: DocxParts } | { ok: false; problem: PackageProblem } {
  const listed = listEntries(bytes)
  if (!listed.ok) return listed
  const { entries } = listed
  let budget = maxBytes
  const load = (path: string, options: ParseXmlOptions): { ok: true; root: XmlElement | undefined } | { ok: false; problem: PackageProblem } => {
    const entry = entries.get(path)
    if (!entry) return { ok: true, root: undefined }
    const inflated = inflateEntry(bytes, entry, budget)
    if (!inflated.ok) return inflated
    budget -= inflated.data.length
    try {
      return { ok: true, root: parseXml(decodeXml(inflated.data), options) }
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
      return { ok: false, problem: { ruleId: 'docx-xml-corrupt', reason: `${path} is not well-formed XML (${message})`, location: path } }
    }
  }
  const relationships = (root: XmlElement | undefined) => {
    const out: Array<{ type: string; target: string; external: boolean }> = []
    const rels = root?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'pr:Relationships')
    for (const r of rels?.children ?? []) {
      if (typeof r === 'string' || r.name !== 'pr:Relationship') continue
      const type = r.attrs.Type ?? ''
      out.push({ type: type.replace(REL, '').replace(STRICT_REL, ''), target: r.attrs.Target ?? '', external: r.attrs.TargetMode === 'External' })
    }
    return out
  }

  const rootRels = load('_rels/.rels', NO_TEXT)
  if (!rootRels.ok) return rootRels
  const main = relationships(rootRels.root).find((r) => r.type === 'officeDocument' && !r.external)
  const documentPath = main ? resolveTarget('', main.target) : 'word/document.xml'
  if (!entries.has(documentPath)) {
    return { ok: false, problem: { ruleId: 'docx-not-word', reason: `this is ${kindOf(entries)}, not a Word document` } }
  }
  const base = folderOf(documentPath)
  const docRels = load(`${base === '' ? '' : `${base}/`}_rels/${documentPath.slice(base.length + (base === '' ? 0 : 1))}.rels`, NO_TEXT)
  if (!docRels.ok) return docRels
  const rels = relationships(docRels.root)
  const partPath = (type: string, fallback: string) => {
    const r = rels.find((x) => x.type === type && !x.external)
    return r ? resolveTarget(base, r.target) : resolveTarget(base, fallback)
  }

  const document = load(documentPath, BODY_TEXT)
  if (!document.ok) return document
  const parts: DocxParts = { documentPath, document: document.root! }
  const optional: Array<[keyof DocxParts, string, string, ParseXmlOptions]> = [
    ['styles', 'styles', 'styles.xml', NO_TEXT],
    ['numbering', 'numbering', 'numbering.xml', NO_TEXT],
    ['footnotes', 'footnotes', 'footnotes.xml', BODY_TEXT],
    ['endnotes', 'endnotes', 'endnotes.xml', BODY_TEXT],
  ]
  for (const [key, type, fallback, options] of optional) {
    const loaded = load(partPath(type, fallback), options)
    if (!loaded.ok) return loaded
    if (loaded.root) (parts as unknown as Record<string, XmlElement>)[key] = loaded.root
  }
  const coreRel = relationships(rootRels.root).find((r) => r.type.endsWith('/core-properties') || r.type.endsWith('metadata/core-properties'))
  const core = load(coreRel ? resolveTarget('', coreRel.target) : 'docProps/core.xml', CORE_TEXT)
  // the title is a nicety: a damaged core.xml does not cost the document
  if (core.ok && core.root) parts.core = core.root
  return { ok: true, parts }
}
