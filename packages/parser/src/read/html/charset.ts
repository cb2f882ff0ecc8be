/**
 * The character encoding of a web page: the one it declares (`<meta charset>`, `<meta
 * http-equiv="Content-Type" content="…; charset=…">`, an XML declaration), checked against the
 * bytes, or the one `decode` detects. Government pages are often GB2312/GBK and sometimes say
 * so wrongly; fragments saved by a crawler declare nothing.
 */
import type { Diagnostic } from '@policykb/model'
import { type DecodeResult, decode } from '../../decode.js'

/** How far into the file a declaration is looked for (the HTML standard's prescan reads 1024 bytes; pages with long comments put it later). */
const PRESCAN = 4096

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i
const XML_ENCODING = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i

/**
 * The charset a page declares in its first bytes, lower-case, or undefined.
 * @param bytes - the page; not mutated
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  let head = ''
  const n = Math.min(bytes.length, PRESCAN)
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i] as number)
  const m = META_CHARSET.exec(head) ?? XML_ENCODING.exec(head)
  return m ? m[1]!.toLowerCase() : undefined
}

/** Labels a page may declare, as the names `decode` takes (WHATWG aliases of the encodings it reads). */
const ALIASES: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  'euc-cn': 'gb18030',
  'iso-ir-58': 'gb18030',
  chinese: 'gb18030',
  csgb2312: 'gb18030',
  'utf-16': 'utf-16',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
}

/** Decoding of a page: the text, the encoding used, and what was noticed. */
export type PageDecoding = Extract<DecodeResult, { ok: true }> | Extract<DecodeResult, { ok: false }>

/**
 * Decode a page. An explicit `encoding` wins; then a declared charset `decode` can read, unless
 * the bytes are not valid in it and detection reads them cleanly (a GBK page that declares UTF-8,
 * a common CMS mistake), which is reported as `html-charset-mismatch`; then detection. A declared
 * charset `decode` cannot read (big5, windows-1252) is reported and detection decides.
 *
 * @param bytes - the page; not mutated
 * @param encoding - the caller's encoding, overriding the page's
 */
export function decodePage(bytes: Uint8Array, encoding?: string): PageDecoding {
  if (encoding !== undefined) return decode(bytes, { encoding })
  const declared = declaredCharset(bytes)
  if (declared === undefined) return decode(bytes)
  const label = ALIASES[declared]
  if (label === undefined) {
    const detected = decode(bytes)
    if (!detected.ok) return detected
    return { ...detected, diagnostics: [note('html-charset-unsupported', `the page declares charset '${declared}', which cannot be read; decoded as ${detected.encoding}`), ...detected.diagnostics] }
  }
  const asDeclared = decode(bytes, { encoding: label })
  if (asDeclared.ok && !asDeclared.diagnostics.some((d) => d.ruleId === 'decode-invalid-bytes')) return asDeclared
  const detected = decode(bytes)
  if (detected.ok && !detected.diagnostics.some((d) => d.ruleId === 'decode-invalid-bytes') && detected.encoding.replace('-bom', '') !== label) {
    return {
      ...detected,
      diagnostics: [note('html-charset-mismatch', `the page declares charset '${declared}' but its bytes are ${detected.encoding}; decoded as ${detected.encoding}`, 'warning'), ...detected.diagnostics],
    }
  }
  return asDeclared
}

function note(ruleId: string, reason: string, severity: Diagnostic['severity'] = 'info'): Diagnostic {
  return { ruleId, severity, reason }
}
