/**
 * The XML parts of a docx as small element trees, parsed with saxes (a strict, streaming,
 * well-formedness-checking parser). Names are given canonical prefixes by namespace (`w:`, `mc:`,
 * `v:`, `r:`, `dc:`), whatever prefixes the file declares, so the readers can match `w:p` even in
 * a file written by a tool that calls the WordprocessingML namespace something else (or Strict
 * OOXML's own namespace). Text is kept only inside the elements a reader asks for.
 */
import { SaxesParser } from 'saxes'

/** An element: canonical name, attributes by canonical name, children in document order. */
export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
}
export type XmlNode = XmlElement | string

const CANONICAL: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'pr',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
}

type Scope = { prefixes: Map<string, string>; names: Map<string, string> }

function canonicalName(scope: Scope, qname: string, isAttribute: boolean): string {
  const cached = scope.names.get(qname)
  if (cached !== undefined) return cached
  const colon = qname.indexOf(':')
  const prefix = colon < 0 ? '' : qname.slice(0, colon)
  const local = colon < 0 ? qname : qname.slice(colon + 1)
  let name = qname
  // unprefixed attributes are in no namespace; unprefixed elements in the default one
  if (!(colon < 0 && isAttribute) && prefix !== 'xmlns' && qname !== 'xmlns') {
    const uri = scope.prefixes.get(prefix)
    const canonical = uri === undefined ? undefined : CANONICAL[uri]
    if (canonical !== undefined) name = `${canonical}:${local}`
  }
  scope.names.set(qname, name)
  return name
}

/** Options of {@link parseXml}. */
export interface ParseXmlOptions {
  /** Elements (canonical names) whose text content is kept; text elsewhere is dropped. */
  textIn: ReadonlySet<string>
  /** Elements (canonical names) skipped with everything inside them. */
  skip?: ReadonlySet<string>
}

/**
 * Parse one XML part into a tree. Throws saxes' error on malformed XML (the docx reader turns it
 * into a failure naming the part).
 *
 * @param text - the part, decoded
 */
export function parseXml(text: string, options: ParseXmlOptions): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] }
  const stack: XmlElement[] = [root]
  const scopes: Scope[] = [{ prefixes: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), names: new Map() }]
  let skipping = 0
  let keep = 0
  const parser = new SaxesParser({ xmlns: false, position: false })
  parser.on('opentag', (tag) => {
    let scope = scopes[scopes.length - 1]!
    const raw = tag.attributes as Record<string, string>
    let declares = false
    for (const k in raw) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (!declares) scope = { prefixes: new Map(scope.prefixes), names: new Map() }
        declares = true
        scope.prefixes.set(k === 'xmlns' ? '' : k.slice(6), raw[k]!)
      }
    }
    scopes.push(scope)
    if (skipping > 0) {
      skipping++
      return
    }
    const name = canonicalName(scope, tag.name, false)
    if (options.skip?.has(name)) {
      skipping = 1
      return
    }
    const attrs: Record<string, string> = {}
    for (const k in raw) attrs[canonicalName(scope, k, true)] = raw[k]!
    const element: XmlElement = { name, attrs, children: [] }
    stack[stack.length - 1]!.children.push(element)
    stack.push(element)
    if (options.textIn.has(name)) keep++
  })
  parser.on('closetag', () => {
    scopes.pop()
    if (skipping > 0) {
      skipping--
      return
    }
    const element = stack.pop()!
    if (options.textIn.has(element.name)) keep--
  })
  const onText = (t: string) => {
    if (keep > 0 && skipping === 0) stack[stack.length - 1]!.children.push(t)
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.write(text).close()
  return root
}

/** The first child element named `name`, or undefined. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) return c
  return undefined
}

/** The child elements named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) out.push(c)
  return out
}

/** The `w:val` of the child named `name`, or undefined. */
export function val(element: XmlElement | undefined, name: string): string | undefined {
  return child(element, name)?.attrs['w:val']
}

/** The text directly inside an element. */
export function textOf(element: XmlElement): string {
  let s = ''
  for (const c of element.children) s += typeof c === 'string' ? c : textOf(c)
  return s
}

/** Decode the bytes of an XML part: UTF-8, or UTF-16 with a byte order mark. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes)
}

/**
 * A boolean property (`<w:vanish/>`, `<w:b w:val="false"/>`): present and not switched off.
 */
export function isOn(element: XmlElement | undefined, name: string): boolean {
  const c = child(element, name)
  if (!c) return false
  const v = c.attrs['w:val']
  return v === undefined || !(v === '0' || v === 'false' || v === 'off')
}
