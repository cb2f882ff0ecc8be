import type { Diagnostic, SourceBlock, SourceMetadata } from '@policykb/model'
import type { Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { decodePage } from './html/charset.js'
import { flatLines } from './html/flat.js'
import { selectArticle } from './html/content.js'
import { metadataLines } from './html/metadata.js'
import { pathOf } from './html/path.js'
import { renderPage } from './html/render.js'
import type { ReadOptions, ReadOutcome, Reader } from './types.js'

/** Default bound on the size of a page, in bytes (see `ReadOptions.maxBytes`). */
const MAX_BYTES = 256 * 1024 * 1024

const parser = unified().use(rehypeParse)

/**
 * The HTML reader: a web page (a full page or a stored fragment) → the text of its article.
 *
 * - Charset: `options.encoding`, else the page's `<meta charset>` / `http-equiv` checked against
 *   the bytes, else detected by `decode` (see html/charset.ts).
 * - Parsed by rehype-parse (parse5, the HTML standard's algorithm: entities decoded, bad markup
 *   repaired as a browser does).
 * - Laid out as a browser would (html/render.ts): blocks and `<br>` end lines, a data table is
 *   one line per row with `\t` between cells and merged cells expanded, scripts, styles, form
 *   controls and hidden elements give nothing.
 * - The article chosen by text and link density (html/content.ts): navigation, share and print
 *   links, 扫一扫, footers set aside. The metadata table (索引号, 发文机关, 成文日期, 标题, 发文字号,
 *   发布日期) goes to `metadata`, not into the text, and so do `<meta name="ArticleTitle">`-style
 *   tags; the `<title>` gives a title only when nothing else does.
 * - One block per line (per cell of a table row) with `origin.element`, a CSS-like path
 *   (`td#UCAP-CONTENT>p:nth-of-type(3)`); cells also carry `table`, `row`, `column`.
 *
 * Never throws: a page with no text, or one too large, is a failure with a reason.
 */
export const readHtml: Reader = async (bytes, options) => {
  try {
    return readPage(bytes, options)
  } catch (error) {
    // A library's exception on a hostile page (a stack too deep) is a failure, not a crash.
    return { ok: false, format: 'html', ruleId: 'read-failed', reason: `cannot read this page: ${error instanceof Error ? error.message : String(error)}` }
  }
}

function readPage(bytes: Uint8Array, options: ReadOptions): ReadOutcome {
  const maxBytes = options.maxBytes ?? MAX_BYTES
  if (bytes.length > maxBytes) {
    return { ok: false, format: 'html', ruleId: 'read-too-large', reason: `the page is ${bytes.length} bytes, more than the limit of ${maxBytes}` }
  }
  const decoded = decodePage(bytes, options.encoding)
  if (!decoded.ok) {
    return {
      ok: false,
      format: 'html',
      ruleId: decoded.ruleId,
      reason: decoded.reason,
      ...(decoded.byteOffset === undefined ? {} : { byteOffset: decoded.byteOffset }),
    }
  }
  let tree: Root
  try {
    tree = parser.parse(decoded.text)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return readFlat(decoded.text, decoded.encoding, decoded.diagnostics)
  }
  const page = renderPage(tree)
  // A run of `label：value` lines (索引号：…, 发文机关：…) is the metadata block written as lines,
  // wherever it stands; it is neither article nor chrome.
  const labelled = metadataLines(page.lines.map((l) => l.text))
  const asMetadata = new Uint8Array(page.lines.length)
  for (const i of labelled.used) asMetadata[i] = 1
  const article = selectArticle(page.lines, page.boxes, asMetadata)
  const root = page.boxes[article.box]!
  const kept: number[] = []
  for (let i = root.firstLine; i < root.endLine; i++) if (!article.dropped[i] && !asMetadata[i]) kept.push(i)

  let text = ''
  const blocks: SourceBlock[] = []
  for (const i of kept) {
    const line = page.lines[i]!
    if (text !== '') text += '\n'
    const start = text.length
    text += line.text
    if (line.cells === null) blocks.push({ start, end: text.length, origin: { element: pathOf(line.step) } })
    else {
      for (const c of line.cells) {
        blocks.push({ start: start + c.start, end: start + c.end, origin: { element: pathOf(c.step), table: c.table, row: c.row, column: c.column } })
      }
    }
  }
  if (text === '') return { ok: false, format: 'html', ruleId: 'read-empty', reason: 'the page has no text' }

  const metadata: SourceMetadata = { ...pageTitle(page.head.title), ...page.head.meta, ...labelled.metadata, ...page.metadata }
  const diagnostics: Diagnostic[] = [...decoded.diagnostics]
  const setAside = page.lines.length - kept.length - labelled.used.length
  if (setAside > 0) {
    diagnostics.push({
      ruleId: 'html-chrome',
      severity: 'info',
      reason: `${setAside} of ${page.lines.length} lines of the page set aside as navigation, links and other page chrome; the article is ${pathOf(root.step) || 'the whole page'}`,
    })
  }
  return {
    ok: true,
    source: { format: 'html', text, encoding: decoded.encoding, blocks, metadata },
    diagnostics,
  }
}

/** A page too deeply nested for a tree, read from its markup alone (see html/flat.ts). */
function readFlat(html: string, encoding: string, noticed: Diagnostic[]): ReadOutcome {
  const lines = flatLines(html)
  if (lines.length === 0) return { ok: false, format: 'html', ruleId: 'read-empty', reason: 'the page has no text' }
  let text = ''
  const blocks: SourceBlock[] = []
  for (const line of lines) {
    if (text !== '') text += '\n'
    blocks.push({ start: text.length, end: text.length + line.length, origin: {} })
    text += line
  }
  const warning: Diagnostic = {
    ruleId: 'html-too-deep',
    severity: 'warning',
    reason: 'the page nests its markup too deeply to be read as a tree: its text was read from the tags alone, without telling the article from page chrome or reading tables',
  }
  return { ok: true, source: { format: 'html', text, encoding, blocks, metadata: {} }, diagnostics: [...noticed, warning] }
}

/** A `<title>`'s document title: the part before the site's name (`…的通知_政府信息公开专栏`). */
function pageTitle(title: string | null): SourceMetadata {
  if (title === null) return {}
  const first = title.split(/\s*[_|｜]\s*|\s+[-—–]+\s+/)[0]!.trim()
  return first.length >= 4 ? { title: first } : {}
}
