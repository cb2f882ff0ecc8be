import type { Diagnostic } from '@policykb/model'
import iconv from 'iconv-lite'

/**
 * The encodings `decode` reports. GBK and GB2312 files are reported as `gb18030`, their superset;
 * UTF-16 is reported by byte order whether or not the file had a BOM.
 */
export type DecodedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030'

/** Options of {@link decode}. */
export interface DecodeOptions {
  /**
   * Decode with this encoding instead of detecting one. Accepted labels (case-insensitive):
   * `utf-8` (`utf8`, `utf-8-bom`), `utf-16le`, `utf-16be`, `utf-16` (byte order from the BOM,
   * little-endian without one), `gb18030` (`gbk`, `gb2312`, `cp936`, `euc-cn`).
   * A BOM of the chosen encoding is still removed. Default: detect.
   */
  encoding?: string
}

/**
 * What {@link decode} returns: the text, or why the bytes are not a text file we can read.
 *
 * On success `text` is the file's text exactly as decoded, minus a leading BOM; every offset
 * computed later (spans, `NormalizedText.lineStarts`) is a UTF-16 offset into this string.
 * Failure rule ids: `decode-empty` (no bytes, or only a BOM and whitespace), `decode-binary`
 * (NUL bytes outside UTF-16, or many control characters), `decode-unknown-encoding` (the bytes
 * are none of UTF-8, UTF-16, GB18030, or an unsupported `encoding` option was given),
 * `decode-bom-mismatch` (a BOM, but the body is not in its encoding nor in another one).
 */
export type DecodeResult =
  | { ok: true; text: string; encoding: DecodedEncoding; diagnostics: Diagnostic[] }
  | {
      ok: false
      ruleId: string
      reason: string
      /** Byte offset of the first offending byte, when one byte is to blame (a NUL byte). */
      byteOffset?: number
    }

type Codec = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

const LABELS: Record<string, Codec | 'utf-16'> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'utf-16': 'utf-16',
  utf16: 'utf-16',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  'euc-cn': 'gb18030',
}

const BOMS: { codec: Codec; bytes: readonly number[] }[] = [
  { codec: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { codec: 'utf-16le', bytes: [0xff, 0xfe] },
  { codec: 'utf-16be', bytes: [0xfe, 0xff] },
]

/**
 * Decode the bytes of a text file to a string, detecting its encoding.
 *
 * Detection, in order: a BOM (UTF-8, UTF-16LE/BE); NUL bytes mean UTF-16 without a BOM if the
 * text then reads as text, binary otherwise; strict UTF-8; otherwise the most plausible of
 * GB18030, damaged UTF-8 and BOM-less UTF-16, judged by how many characters are common Chinese
 * characters (GB2312 symbols and level-1 hanzi) and how few are replacement or control
 * characters, so that random binary data is rejected instead of decoded as garbage. Short
 * GBK snippets that happen to be valid UTF-8 (all their UTF-8 characters below U+0800) are
 * read as GB18030 when that gives only common Chinese characters.
 *
 * Recoverable damage comes back as diagnostics: `decode-guessed-encoding` (info: no BOM and not
 * UTF-8), `decode-bom-mismatch` (warning: the body is not in the BOM's encoding, more than 1% of
 * it would be U+FFFD, and was decoded in the one it reads as), `decode-invalid-bytes` (warning: bytes replaced by U+FFFD), `decode-control-chars`
 * (warning: a few stray control characters). Never throws; the input is not mutated.
 *
 * @param bytes the raw file content
 * @param options `encoding` overrides detection (default: detect)
 * @returns the text, its encoding and diagnostics, or `ok: false` with a rule id and a reason
 */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  if (bytes.length === 0) return fail('decode-empty', 'the file is empty')
  if (options.encoding !== undefined) return decodeAs(bytes, options.encoding)

  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) {
      const body = bytes.subarray(bom.bytes.length)
      const encoding: DecodedEncoding = bom.codec === 'utf-8' ? 'utf-8-bom' : bom.codec
      const text = decodeLenient(body, bom.codec)
      const stats = measure(text)
      if (!tooManyReplacements(stats)) return finish(body, bom.codec, encoding, [], text)
      return misdeclared(body, bom.codec, stats)
    }
  }

  const nul = bytes.indexOf(0)
  if (nul >= 0) {
    // Only UTF-16 has NUL bytes in text; take it if one byte order reads as text.
    const best = bestCandidate(bytes, ['utf-16le', 'utf-16be'])
    if (best) {
      const note = guessed(best.codec, 'NUL bytes in a pattern of UTF-16 text')
      return finish(bytes, best.codec, best.codec, [note], best.text)
    }
    return fail('decode-binary', `binary data: NUL byte at byte ${nul}`, nul)
  }

  const utf8 = decodeStrict(bytes)
  if (utf8 !== undefined) {
    const gb = misreadGbk(utf8, bytes)
    if (gb !== undefined) {
      return finish(bytes, 'gb18030', 'gb18030', [guessed('gb18030', 'valid UTF-8 only by chance')], gb)
    }
    return finish(bytes, 'utf-8', 'utf-8', [], utf8)
  }

  const codecs: Codec[] = ['utf-8', 'gb18030']
  if (bytes.length % 2 === 0) codecs.push('utf-16le', 'utf-16be')
  const best = bestCandidate(bytes, codecs)
  if (best) {
    const notes = best.codec === 'utf-8' ? [] : [guessed(best.codec, 'not valid UTF-8')]
    return finish(bytes, best.codec, best.codec, notes, best.text)
  }
  const gb = measure(decodeLenient(bytes, 'gb18030'))
  const utf8Lenient = measure(decodeLenient(bytes, 'utf-8'))
  if (tooManyControls(gb) && tooManyControls(utf8Lenient)) {
    return fail('decode-binary', `binary data: ${gb.controls} control characters in ${gb.chars} characters`)
  }
  return fail(
    'decode-unknown-encoding',
    'unknown encoding: not UTF-8, UTF-16 or GB18030/GBK text (pass an explicit encoding if it is one of these)',
  )
}

/**
 * A BOM whose encoding the body is not (an editor put a UTF-8 BOM before GBK text): the body
 * read as the BOM says is mostly U+FFFD. Take the encoding it does read as, and say so; when it
 * reads as none, fail rather than hand on the garbage.
 */
function misdeclared(body: Uint8Array, declared: Codec, stats: Stats): DecodeResult {
  const others = (['gb18030', 'utf-8', 'utf-16le', 'utf-16be'] as const).filter(
    (c) => c !== declared && (!c.startsWith('utf-16') || body.length % 2 === 0),
  )
  const best = bestCandidate(body, [...others])
  const damage = `${stats.replacements} of its ${stats.chars} characters are not valid ${label(declared)}`
  if (best) {
    const note: Diagnostic = {
      ruleId: 'decode-bom-mismatch',
      severity: 'warning',
      reason: `the file starts with a ${label(declared)} BOM but is not ${label(declared)} (${damage}); decoded as ${label(best.codec)}`,
    }
    return finish(body, best.codec, best.codec, [note], best.text)
  }
  return fail(
    'decode-bom-mismatch',
    `the file starts with a ${label(declared)} BOM but is not ${label(declared)} (${damage}), and it reads as no other supported encoding (pass an explicit encoding if it is one)`,
  )
}

/** Decode with an encoding the caller named. */
function decodeAs(bytes: Uint8Array, label: string): DecodeResult {
  const codec = LABELS[label.trim().toLowerCase()]
  if (codec === undefined) {
    return fail(
      'decode-unknown-encoding',
      `unsupported encoding '${label}' (supported: utf-8, utf-16le, utf-16be, utf-16, gb18030, gbk)`,
    )
  }
  if (codec === 'utf-16') {
    const be = startsWith(bytes, [0xfe, 0xff])
    return decodeAs(bytes, be ? 'utf-16be' : 'utf-16le')
  }
  const bom = BOMS.find((b) => b.codec === codec && startsWith(bytes, b.bytes))
  if (bom) return finish(bytes.subarray(bom.bytes.length), codec, codec === 'utf-8' ? 'utf-8-bom' : codec, [])
  if (codec !== 'utf-16le' && codec !== 'utf-16be') {
    const nul = bytes.indexOf(0)
    if (nul >= 0) return fail('decode-binary', `binary data: NUL byte at byte ${nul}`, nul)
  }
  return finish(bytes, codec, codec, [])
}

/**
 * Turn decoded bytes into a result: empty and binary checks, then diagnostics for replaced
 * bytes and stray control characters.
 */
function finish(
  body: Uint8Array,
  codec: Codec,
  encoding: DecodedEncoding,
  diagnostics: Diagnostic[],
  decoded?: string,
): DecodeResult {
  const text = decoded ?? decodeLenient(body, codec)
  if (text.trim() === '') {
    return fail('decode-empty', body.length === 0 ? 'the file is empty (only a BOM)' : 'the file contains only whitespace')
  }
  const stats = measure(text)
  if (tooManyControls(stats)) {
    return fail('decode-binary', `binary data: ${stats.controls} control characters in ${stats.chars} characters`)
  }
  if (stats.replacements > 0) {
    diagnostics.push({
      ruleId: 'decode-invalid-bytes',
      severity: 'warning',
      reason: `${stats.replacements} byte sequence(s) are not valid ${label(codec)} and were replaced by U+FFFD`,
      line: lineAt(text, stats.firstReplacement),
    })
  }
  if (stats.controls > 0) {
    diagnostics.push({
      ruleId: 'decode-control-chars',
      severity: 'warning',
      reason: `${stats.controls} control character(s) in the text`,
      line: lineAt(text, stats.firstControl),
    })
  }
  return { ok: true, text, encoding, diagnostics }
}

function fail(ruleId: string, reason: string, byteOffset?: number): DecodeResult {
  return byteOffset === undefined ? { ok: false, ruleId, reason } : { ok: false, ruleId, reason, byteOffset }
}

function guessed(codec: Codec, why: string): Diagnostic {
  return { ruleId: 'decode-guessed-encoding', severity: 'info', reason: `no BOM; decoded as ${label(codec)} (${why})` }
}

function label(codec: Codec): string {
  return { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' }[codec]
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b)
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++
  return line
}

// ---------------------------------------------------------------------------------------------
// Decoders

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function decodeStrict(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

const lenient = new Map<Codec, InstanceType<typeof TextDecoder> | null>()

/**
 * Decode replacing invalid sequences with U+FFFD. GB18030 falls back to iconv-lite where the
 * runtime's TextDecoder lacks it (Node built without full ICU).
 */
function decodeLenient(bytes: Uint8Array, codec: Codec): string {
  let decoder = lenient.get(codec)
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(codec, { ignoreBOM: true })
    } catch {
      decoder = null
    }
    lenient.set(codec, decoder)
  }
  if (decoder) return decoder.decode(bytes)
  return iconv.decode(bytes, codec, { stripBOM: false })
}

// ---------------------------------------------------------------------------------------------
// Plausibility

interface Stats {
  /** characters (code points) that are not whitespace */
  chars: number
  nonAscii: number
  /** non-ASCII characters among GB2312 symbols and level-1 hanzi */
  common: number
  replacements: number
  firstReplacement: number
  controls: number
  firstControl: number
  /** U+FFFE, U+FFFF: a UTF-16 BOM read in the wrong byte order, or garbage */
  nonCharacters: number
}

function measure(text: string): Stats {
  const common = commonChars()
  const s: Stats = {
    chars: 0,
    nonAscii: 0,
    common: 0,
    replacements: 0,
    firstReplacement: -1,
    controls: 0,
    firstControl: -1,
    nonCharacters: 0,
  }
  let index = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp === 0x09 || cp === 0x0a || cp === 0x0b || cp === 0x0c || cp === 0x0d || cp === 0x20) {
      index += ch.length
      continue
    }
    s.chars++
    if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) {
      s.controls++
      if (s.firstControl < 0) s.firstControl = index
    }
    if (cp >= 0x80) {
      s.nonAscii++
      if (common.has(ch)) s.common++
      else if (cp === 0xfffd) {
        s.replacements++
        if (s.firstReplacement < 0) s.firstReplacement = index
      } else if (cp === 0xfffe || cp === 0xffff) s.nonCharacters++
    }
    index += ch.length
  }
  return s
}

/** More than 1% replacement characters (one is allowed, for a file cut inside a character). */
function tooManyReplacements(s: Stats): boolean {
  return s.replacements > 1 + Math.floor(s.chars / 100)
}

/** More than 1% control characters (a single one in a short text): not a text file. */
function tooManyControls(s: Stats): boolean {
  return s.controls > Math.floor(s.chars / 100)
}

/**
 * Share of common Chinese characters a decoding needs among its non-ASCII characters: real text
 * measures 85–100% on every 20-character window of the seed documents, random bytes read as
 * GB18030 15–27%.
 */
const MIN_COMMON_SHARE = 0.8

/**
 * Whether a decoding reads as text: few replacement characters (one is allowed, for a file cut
 * inside a character), no noncharacters, few control characters, and mostly common Chinese
 * characters among the non-ASCII ones. Returns a score to rank decodings, or `undefined` when
 * the decoding is not plausible.
 */
function plausibility(s: Stats): number | undefined {
  if (s.chars === 0) return undefined
  if (tooManyReplacements(s)) return undefined
  if (s.nonCharacters > 0 || tooManyControls(s)) return undefined
  const commonShare = s.nonAscii === 0 ? 1 : s.common / s.nonAscii
  if (commonShare < MIN_COMMON_SHARE) return undefined
  return commonShare - (5 * s.replacements) / s.chars - (5 * s.controls) / s.chars
}

const MIN_UTF16_CHARS = 4

/** The most plausible decoding of BOM-less bytes among `codecs`, if any is plausible. */
function bestCandidate(bytes: Uint8Array, codecs: Codec[]): { codec: Codec; text: string } | undefined {
  let best: { codec: Codec; text: string; score: number } | undefined
  for (const codec of codecs) {
    const text = decodeLenient(bytes, codec)
    const stats = measure(text)
    // Two or three UTF-16 code units are too few to tell text from chance.
    if (codec.startsWith('utf-16') && stats.chars < MIN_UTF16_CHARS) continue
    const score = plausibility(stats)
    if (score !== undefined && (best === undefined || score > best.score)) best = { codec, text, score }
  }
  return best
}

/**
 * A GBK text made only of characters whose two bytes also form UTF-8 two-byte sequences
 * (lead C2–D7, trail A1–BF) is valid UTF-8 by chance and reads as Greek, Cyrillic, Hebrew or
 * Arabic letters. Return its GB18030 reading when the UTF-8 reading has nothing at or above
 * U+0800 (no CJK at all) and the GB18030 reading is common Chinese only.
 */
function misreadGbk(utf8: string, bytes: Uint8Array): string | undefined {
  let twoByte = 0
  for (const ch of utf8) {
    const cp = ch.codePointAt(0)!
    if (cp >= 0x800) return undefined
    if (cp >= 0x80) twoByte++
  }
  if (twoByte === 0) return undefined
  const gb = decodeLenient(bytes, 'gb18030')
  const s = measure(gb)
  return s.replacements === 0 && s.controls === 0 && s.nonAscii > 0 && s.common / s.nonAscii >= 0.9 ? gb : undefined
}

let commonSet: Set<string> | undefined

/**
 * The GB2312 symbol rows (A1–A9: CJK and full-width punctuation, numerals, Greek, Cyrillic, box
 * drawing) and its level-1 hanzi (B0–D7: the 3755 most frequent characters), read through the
 * GB18030 decoder itself so no table has to be shipped.
 */
function commonChars(): Set<string> {
  if (commonSet) return commonSet
  const bytes: number[] = []
  for (let lead = 0xa1; lead <= 0xd7; lead++) {
    if (lead > 0xa9 && lead < 0xb0) continue
    for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail)
  }
  commonSet = new Set()
  for (const ch of decodeLenient(Uint8Array.from(bytes), 'gb18030')) {
    const cp = ch.codePointAt(0)!
    // Unassigned cells decode to the private use area.
    if (cp !== 0xfffd && !(cp >= 0xe000 && cp <= 0xf8ff)) commonSet.add(ch)
  }
  return commonSet
}
