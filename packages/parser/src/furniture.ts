/**
 * Page furniture: what a printed or web-published document carries that is not its text —
 * web page chrome, page numbers, tables of contents, footnote lines. Each test looks at one
 * trimmed, width-folded line.
 */

/** Superscript digits used as footnote markers. */
export const SUPERSCRIPT_DIGITS = '¹²³⁴⁵⁶⁷⁸⁹⁰'
const SUPERSCRIPT_VALUE: Record<string, string> = {
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁰': '0',
}

/** The number a footnote marker stands for: `¹⁰` → 10, `3` → 3. */
export function superscriptValue(marker: string): number {
  return Number([...marker].map((c) => SUPERSCRIPT_VALUE[c] ?? c).join(''))
}

/**
 * A footnote line: a marker (superscript or one or two digits) and a space, then text.
 * Table rows (`1<TAB>企业开办`) are not footnotes, hence spaces only.
 */
export const FOOTNOTE_LINE = new RegExp(`^([${SUPERSCRIPT_DIGITS}]+|\\d{1,2}) +(?=[^\\s\\d])(?!.*\\t)`)

const CHROME: RegExp[] = [
  /【[^【】]*(字号|打印|关闭|收藏|分享|纠错)/,
  /^(当前位置|您的位置|您现在的位置|所在位置)\s*[：>]/,
  /^(关闭本页|关闭窗口|打印本页|返回顶部|分享到|扫一扫)/,
  /^(发布)?(时间|日期)\s*：.{0,40}(来源|发布机构|浏览次数)\s*：/,
  // share buttons and a close mark of a government site's header: 政务微信 / 政务微博 / ×
  /^(政务)?(微信|微博|抖音|头条号|公众号)$/,
  /^[×✕]$/,
  // a law database's record header printed above the text: 【法宝引证码】CLI.1.304262, 【时效性】现行有效
  /^【(法宝引证码|引证码|时效性|效力级别|效力位阶|发布部门|制定机关|发文字号|发布日期|公布日期|实施日期|施行日期|失效日期|法规类别|主题分类|唯一标志)】/,
  // a navigation bar: 中国政府网 山西省政府 忻州市政府
  /^[\u4e00-\u9fa5]{2,12}(网|政府|首页|门户)( +[\u4e00-\u9fa5]{2,12}(网|政府|首页|门户))+$/,
]

const PAGE_NUMBER = [/^[-—–]\s*\d{1,3}\s*[-—–]$/, /^第\s*\d+\s*页((?:\s*[,，])?\s*共\s*\d+\s*页)?$/, /^\d{1,3}\s*\/\s*\d{1,3}$/]

/** A line that is only a page number (`- 3 -`, `第 3 页`, `3/20`). */
export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.some((re) => re.test(line))
}

/** A table of contents entry ends with its page number: `第一章 规划背景 - 2 -`, `总则……3`. */
const TOC_ENTRY = /(\s[-—–]\s*\d{1,3}\s*[-—–]|(?<![.…·])[.…·]{2,}\s*\d{1,3}|\s\d{1,3})$/
const TOC_ENTRY_STRICT = /(\s[-—–]\s*\d{1,3}\s*[-—–]|(?<![.…·])[.…·]{3,}\s*\d{1,3})$/

/** Split a table of contents entry into its title and page. */
export function parseTocEntry(line: string): { title: string; page: string | null } {
  const m = TOC_ENTRY.exec(line)
  if (!m) return { title: line, page: null }
  return { title: line.slice(0, m.index).trim(), page: m[0].replace(/[^\d]/g, '') }
}

/**
 * What kind of furniture a line is, if any.
 * @param line - trimmed, folded line
 * @param inToc - the previous non-blank line was part of a table of contents
 */
export function classifyFurniture(line: string, inToc: boolean): 'toc-start' | 'toc' | 'chrome' | 'page-number' | null {
  if (/^目\s*录$/.test(line)) return 'toc-start'
  if (inToc ? TOC_ENTRY.test(line) : TOC_ENTRY_STRICT.test(line)) return 'toc'
  if (isPageNumber(line)) return 'page-number'
  if (CHROME.some((re) => re.test(line))) return 'chrome'
  return null
}
