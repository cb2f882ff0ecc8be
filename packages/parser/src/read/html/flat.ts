/**
 * The last resort for a page the tree builder cannot hold: markup nested thousands deep (a
 * hostile or broken page; browsers flatten past 512 levels) overflows the stack of
 * hast-util-from-parse5. Its text is then read from the markup alone: scripts, styles and
 * comments out, block tags and `<br>` as line breaks, other tags out, the common entities
 * decoded. No article selection, no tables: a warning says so.
 */
import { collapseWhitespace } from './text.js'

const DROPPED_RUNS = /<!--[\s\S]*?(?:-->|$)|<(script|style|noscript|template|head)\b[\s\S]*?(?:<\/\1\s*>|$)/gi
const BREAK_TAGS = /<\/?(?:p|div|br|tr|li|h[1-6]|table|section|article|blockquote|dd|dt|center|ul|ol|pre)\b[^>]*>/gi
const TAG = /<[^>]*>/g
const NAMED: Record<string, string> = { nbsp: '\u00a0', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', hellip: '…', middot: '·' }

/**
 * Lines of text of `html`, read without a tree.
 * @param html - the decoded page
 */
export function flatLines(html: string): string[] {
  const text = html.replace(DROPPED_RUNS, ' ').replace(BREAK_TAGS, '\n').replace(TAG, '')
  return text
    .split('\n')
    .map((line) => collapseWhitespace(decodeEntities(line)))
    .filter((line) => line.trim() !== '')
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd'
    }
    return NAMED[name.toLowerCase()] ?? whole
  })
}
