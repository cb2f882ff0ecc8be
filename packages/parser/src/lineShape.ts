/**
 * Shape tests on single lines of a 公文: does a line end a sentence, open a new block, read as a
 * heading? The normaliser uses them to tell a page break inside a paragraph from a paragraph end.
 * All functions take a trimmed, width-folded line with `**` emphasis markers removed.
 */
import { startsWithLabel } from './labels.js'
import { matchNumbering } from './numbering.js'

const TERMINAL = new Set(['。', '！', '？', '；', '：', '…'])
const CLOSING_QUOTES = new Set(['”', '’', '」', '』', '"'])
/** Characters after which a line obviously continues. */
const CONTINUING = new Set(['、', '，', '（', '“', '‘', '《', '「', '—', '-', '/', '及', '和', '与'])

/** Document-type words that end the title of a 公文. */
const TITLE_END = /(方案|意见|规划|通知|办法|清单|细则|要点|决定|报告|答复|建议|纲要|条例|规定|函|文件|（\d{4}版）|（\d{4}—\d{4}年）)$/
/** 许营商〔2022〕1号, 国发〔2021〕20号 */
export const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,12}[〔［[（]\d{4}[〕］\]）]\s*\d{1,4}\s*号$/
/** 2022年1月29日, 2022年1月, 2021-09-17 */
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$|^\d{4}-\d{1,2}-\d{1,2}$/

/** Count of unclosed `（`/`《`/`“` in a line; positive means something is still open. */
export function openBrackets(line: string): number {
  let depth = 0
  for (const ch of line) {
    if (ch === '（' || ch === '《' || ch === '“') depth++
    else if ((ch === '）' || ch === '》' || ch === '”') && depth > 0) depth--
  }
  return depth
}

/** The line ends where a sentence or block may end. */
export function endsComplete(line: string): boolean {
  const last = line.at(-1)
  if (last === undefined) return true
  if (TERMINAL.has(last)) return true
  if (CLOSING_QUOTES.has(last)) return TERMINAL.has(line.at(-2) ?? '')
  if (last === '）' && line.startsWith('（') && openBrackets(line) === 0) return true
  if (DATE_LINE.test(line) || DOC_NUMBER.test(line)) return true
  return false
}

/** The line ends with a character after which text must continue (`、`, `，`, an open bracket). */
export function endsContinuing(line: string): boolean {
  const last = line.at(-1)
  return (last !== undefined && CONTINUING.has(last)) || openBrackets(line) > 0
}

/** A short `key：value` line such as `侯红代表：` or `联 系 人：王英韬`. */
function isKeyValue(line: string): boolean {
  return /^[^，。；：、]{1,8}：/.test(line)
}

/** The line starts a new block: a numbered item, a label, a heading, a 专栏 box, a bullet, a 文号 or date line. */
export function startsBlock(line: string): boolean {
  return (
    matchNumbering(line) !== null ||
    startsWithLabel(line) ||
    /^(#{1,6}\s|[-*+]\s|——|附件)/.test(line) ||
    DOC_NUMBER.test(line) ||
    DATE_LINE.test(line) ||
    isKeyValue(line) ||
    isTableLine(line) ||
    isBoxMarker(line) ||
    subheadingTitle(line)?.box === true
  )
}

/**
 * The line is (part of) a table row: cells separated by tabs, or drawn with `|` — a whole row
 * (`序号 | 重点工作 | 责任单位 |`, `| 1 | … |`) or one cell per line, each closed by `|`, as tables
 * copied out of PDF viewers and web pages come.
 */
export function isTableLine(line: string): boolean {
  return hasCellTab(line) || line.endsWith('|') || line.startsWith('|') || (line.match(/\|/g)?.length ?? 0) >= 2
}

/**
 * The line holds a tab that separates cells. The tab after a leading numbering marker does not:
 * word processors write a numbered paragraph as `2.\t提升服务水平。`, the tab where print shows a
 * space; a table row holds a tab between two cells after it (`1.\t企业开办\t市场监管局`).
 * @param line - the line, width-folded; leading whitespace is skipped
 */
export function hasCellTab(line: string): boolean {
  const tab = line.indexOf('\t')
  if (tab < 0) return false
  const from = line.length - line.trimStart().length
  const numbering = tab > from ? matchNumbering(line.slice(from)) : null
  return numbering === null ? true : line.indexOf('\t', from + numbering.length) >= 0
}

/** The line is a heading or title rather than a fragment of running text. */
export function isHeadingLike(line: string, wasBold: boolean): boolean {
  if (wasBold || /^#{1,6}\s/.test(line)) return true
  if (line.length <= 60 && TITLE_END.test(line)) return true
  if (/^目\s*录$/.test(line)) return true
  const numbering = matchNumbering(line)
  if (numbering) {
    const rest = line.slice(numbering.length)
    return rest.length <= 40 && !/[。；！？]/.test(rest)
  }
  return false
}

/**
 * The line begins with a fragment that cannot start a paragraph: closing punctuation, or a
 * piece of a word of one or two characters before the first delimiter (`局、市卫生健康委…`,
 * `会）`) — what is left when a page break splits a unit name.
 */
export function startsWithFragment(line: string): boolean {
  if (/^[）》”’、，。；：]/.test(line)) return true
  if (matchNumbering(line) || isBoxMarker(line)) return false
  const m = /^([^、，；。（）\s]{1,2})[、，）]/.exec(line)
  // a whole line of up to four characters (`工负责`, `局`) is the tail of something broken
  return m !== null || (line.length <= 4 && !startsBlock(line) && !endsComplete(line))
}

/** `专栏3-1 建设数据底座`, `任务专栏6-2：建设基础域`: the marker of a box and the title after it. */
const BOX_HEADING = /^(?:[\u4e00-\u9fa5]{0,4}专栏)\s*[\d一二三四五六七八九十]{1,3}(?:\s*[-—－–.．]\s*\d{1,3})?\s*[：:、]?\s*/

/** The line is only the marker of a 专栏 box (`专栏1`, `任务专栏6-2`), its title on the next line. */
export function isBoxMarker(line: string): boolean {
  const box = BOX_HEADING.exec(line)
  return box !== null && box[0].trimEnd().length === line.trimEnd().length
}

/**
 * Where the title of an unnumbered heading line sits, as [start, end) offsets into the line: a
 * 专栏 box heading (`专栏3-1 建设数据底座` → 建设数据底座), or a short plain line that names an
 * area of work (`加强交通建设`) — at most 20 characters, no sentence or clause punctuation, no
 * brackets, no date, no document-type word at its end. Whether such a line really heads the
 * items after it depends on where it stands (outline.ts).
 * @param line - trimmed, width-folded line
 * @returns the title's range, or null when the line is not shaped like a heading
 */
export function subheadingTitle(line: string): { start: number; end: number; box: boolean } | null {
  const box = BOX_HEADING.exec(line)
  const start = box ? box[0].length : 0
  const title = line.slice(start).trimEnd()
  if (title.length < 2 || title.length > (box ? 30 : 20)) return null
  if (/[。！？；，：,;:（）()]|^[—\-*+#]/.test(title) || matchNumbering(title) || startsWithLabel(title)) return null
  // `工负责`, `市司法局、市中级人民法院按职责分工负责`: the broken-off tail of a unit list
  if (/^[^、，；。（）\s]{1,2}[、，）]/.test(title) || /(负责|牵头|配合)$/.test(title)) return null
  if (!box && (TITLE_END.test(title) || /^\d{4}\s*年/.test(title) || /^\d+$/.test(title) || isTableLine(title))) return null
  return { start, end: start + title.length, box: box !== null }
}
