/**
 * The XML parts of a docx as small element trees. Names are given canonical prefixes by namespace (`w:`, `mc:`,
 * `v:`, `r:`, `dc:`), whatever prefixes the file declares, so the readers can match `w:p` even in
 * a file written by a tool that calls the WordprocessingML namespace something else (or Strict
 * OOXML's own namespace). Text is kept only inside the elements a reader asks for.
 */

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

/** A start or end tag, a self-closing tag, or markup that carries nothing for a reader. */
const TAG = /<(\/?)([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>[]*>/y
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));|&/g
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

class XmlError extends Error {}

function decodeEntities(text: string, at: number): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (m, named: string | undefined, dec: string | undefined, hex: string | undefined, offset: number) => {
    if (named) return NAMED[named]!
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? Number.parseInt(hex, 16) : Number.NaN
    if (!Number.isFinite(code) || code > 0x10ffff || m === '&') throw new XmlError(`a stray & at offset ${at + offset}`)
    return String.fromCodePoint(code)
  })
}

/**
 * Parse one XML part into a tree. Throws on malformed XML (a tag that does not close, end tags
 * out of order, a stray `<` or `&`, text after the root); the docx reader turns that into a
 * failure naming the part. The XML Word writes has no DTD and no entities beyond the five
 * predefined ones and character references, so a scanner over tags does what a general parser
 * would, several times faster (see bench/read-docx.bench.mjs, which runs saxes beside it).
 *
 * @param text - the part, decoded
 */
export function parseXml(text: string, options: ParseXmlOptions): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] }
  const stack: XmlElement[] = [root]
  /** raw names of the open elements, for matching end tags */
  const rawNames: string[] = []
  const scopes: Scope[] = [{ prefixes: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), names: new Map() }]
  let skipping = 0
  let keep = 0
  let roots = 0
  const pushText = (t: string, at: number) => {
    if (keep > 0 && skipping === 0 && t !== '') stack[stack.length - 1]!.children.push(decodeEntities(t, at))
    else if (stack.length === 1 && t.trim() !== '') throw new XmlError(`text outside the root element at offset ${at}`)
  }
  const open = (rawName: string, attrText: string, selfClosing: boolean) => {
    let scope = scopes[scopes.length - 1]!
    // the attributes of an element that is skipped are never read (most of a docx is run formatting)
    const skipped = !attrText.includes('xmlns') && (skipping > 0 || options.skip?.has(canonicalName(scope, rawName, false)) === true)
    const raw: Record<string, string> = {}
    if (attrText !== '' && !skipped) {
      ATTRIBUTE.lastIndex = 0
      for (let m = ATTRIBUTE.exec(attrText); m !== null; m = ATTRIBUTE.exec(attrText)) raw[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '', 0)
      let declares = false
      for (const k in raw) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) {
          if (!declares) scope = { prefixes: new Map(scope.prefixes), names: new Map() }
          declares = true
          scope.prefixes.set(k === 'xmlns' ? '' : k.slice(6), raw[k]!)
        }
      }
    }
    if (stack.length === 1 && skipping === 0 && ++roots > 1) throw new XmlError('more than one root element')
    if (skipping > 0) {
      if (!selfClosing) {
        skipping++
        rawNames.push(rawName)
        scopes.push(scope)
      }
      return
    }
    const name = canonicalName(scope, rawName, false)
    if (options.skip?.has(name)) {
      if (!selfClosing) {
        skipping = 1
        rawNames.push(rawName)
        scopes.push(scope)
      }
      return
    }
    const attrs: Record<string, string> = {}
    for (const k in raw) attrs[canonicalName(scope, k, true)] = raw[k]!
    const element: XmlElement = { name, attrs, children: [] }
    stack[stack.length - 1]!.children.push(element)
    if (selfClosing) return
    stack.push(element)
    rawNames.push(rawName)
    scopes.push(scope)
    if (options.textIn.has(name)) keep++
  }
  const close = (rawName: string, at: number) => {
    const expected = rawNames.pop()
    if (expected !== rawName) throw new XmlError(`</${rawName}> at offset ${at} closes ${expected === undefined ? 'nothing' : `<${expected}>`}`)
    scopes.pop()
    if (skipping > 0) {
      skipping--
      return
    }
    const element = stack.pop()!
    if (options.textIn.has(element.name)) keep--
  }
  let i = 0
  const n = text.length
  while (i < n) {
    const lt = text.indexOf('<', i)
    if (lt < 0) {
      pushText(text.slice(i), i)
      break
    }
    if (lt > i) pushText(text.slice(i, lt), i)
    TAG.lastIndex = lt
    const m = TAG.exec(text)
    if (m === null) throw new XmlError(`a malformed tag at offset ${lt}`)
    if (m[2] !== undefined) {
      if (m[1] === '/') close(m[2], lt)
      else open(m[2], m[3] ?? '', m[4] === '/')
    } else if (m[5] !== undefined && keep > 0 && skipping === 0) stack[stack.length - 1]!.children.push(m[5])
    i = TAG.lastIndex
  }
  if (rawNames.length > 0) throw new XmlError(`<${rawNames.at(-1)}> is never closed: the part is cut short`)
  if (roots === 0) throw new XmlError('no root element')
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
