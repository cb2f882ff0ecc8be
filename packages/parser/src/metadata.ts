import type { DocumentKind } from '@policykb/model'
import type { TextLine } from './lines.js'
import { fold } from './fold.js'
import { DOC_NUMBER } from './lineShape.js'
import { matchNumbering } from './numbering.js'

/** Document-level facts read from the first lines and the signature. */
export interface Metadata {
  title: string | null
  issuer: string | null
  docNumber: string | null
  date: string | null
  kind: DocumentKind
  /** the document says the first-listed unit is the lead (列第一位的为牵头单位) */
  firstListedIsLead: boolean
  /** the year most deadlines are in, for phrases that give only a month */
  year: number | undefined
}

const TITLE_END =
  /(方案|意见|规划|通知|办法|清单|细则|要点|计划|措施|举措|分解|分工|决定|答复|复函|报告|纲要|分工表|任务表|一览表)(（\d{4}[^）]*）)?$/
/** a 文号 closing the title line: `…的实施意见（池政〔2017〕101号）` */
const BRACKETED_DOC_NUMBER = String.raw`\s*[（(]\s*[\u4e00-\u9fa5]{1,12}\s*[〔［[（(]\d{4}[〕］\]）)]\s*\d{1,4}\s*号\s*[）)]`
const TRAILING_DOC_NUMBER = new RegExp(`${BRACKETED_DOC_NUMBER}$`)
const LEADING_TITLE_WITH_NUMBER = new RegExp(`^[^，。；]{4,80}?${BRACKETED_DOC_NUMBER}`)
const REPLY = /(答复|复函|的回复|办理情况)/
const PLAN = /(方案|意见|规划|计划|措施|举措|要点|分工|分解|清单|细则|行动)/
/** a labelled responsibility statement: `牵头单位：`, `（责任单位：…）` */
const LABELLED_STATEMENT = /(主要任务|重点任务|主要措施|责任单位|牵头单位|责任部门|牵头部门)/
/** the end of an inline statement: `（市商务局牵头）`, `（…按照职责分工负责）`, `（X牵头，Y配合）` */
const INLINE_STATEMENT = /(牵头|负责|配合)[^（）。；\n]{0,30}）/g
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/
const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})/
const pad = (s: string) => s.padStart(2, '0')
/** The most a title line holds besides its title: a 文号 before and after it, spaces. */
const TITLE_EXTRAS = 120

/**
 * Read title, issuer, 文号, date and kind from a document's lines.
 * @param lines - all lines of the normalised text
 * @param asides - text set aside by normalisation (web chrome often carries the publication date)
 * @param fullText - the folded normalised text, for the tests that look at the whole document
 */
export function readMetadata(lines: TextLine[], asides: string[], fullText: string): Metadata {
  const content = lines.filter((l) => l.text.trim() !== '')
  const head = content.slice(0, 15)
  const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim()

  let title: string | null = null
  for (const l of head) {
    title = titleOf(squeeze(l.text), 80)
    if (title) break
  }
  // A republished page: `…印发了《许昌市优化营商环境三年行动方案(2018—2020年)》。全文如下`,
  // a news item: `…办公室发布《2023年重点工作任务分解》方案`
  const quoted = /(?:印发|发布)(?:了)?《([^《》]+)》/.exec(head.map((l) => l.text).join('\n'))?.[1]
  if (!title && quoted) title = quoted
  // a title line that page text was run into (`小编带你了解2023年重点工作任务分解`): the name the
  // publishing sentence gives settles where the title begins
  const nospace = (s: string) => s.replace(/\s+/g, '')
  if (title && quoted && nospace(title).endsWith(nospace(quoted)) && !/(关于|印发|转发)/.test(title)) title = quoted
  // a title run into the text on its line: `《…实施细则》为贯彻…`, `…实施意见（某政〔2023〕1号）为优化…`,
  // `关于支持人才引进的十条意见。为落实…`
  if (!title && head[0]) {
    const first = squeeze(head[0].text)
    const cut = /^《[^《》]+》/.exec(first)?.[0] ?? LEADING_TITLE_WITH_NUMBER.exec(first)?.[0] ?? ''
    title = titleOf(cut, 80) ?? titleOf(first.split('。')[0]!.trim(), 40)
  }

  const docNumber = readDocNumber(head.map((l) => squeeze(l.text)))

  let issuer: string | null = null
  // `许昌市优化营商环境工作领导小组文件`: a name of at least four characters and 文件. A test, not
  // a regex: `/.{4,}文件$/` restarts at every character of the line and is quadratic in its length.
  const fileHead = head.find((l) => {
    const t = l.text.trim()
    return t.length >= 6 && t.endsWith('文件')
  })
  if (fileHead) issuer = fileHead.text.trim().replace(/文件$/, '')
  else if (title && /关于/.test(title)) issuer = title.slice(0, title.indexOf('关于')).trim() || null
  else {
    const printed = /^(?:\d{1,2}月\d{1,2}日[，,]?)?(.{2,40}?)印发(?:了)?《/.exec(head[0]?.text.trim() ?? '')
    if (printed) issuer = printed[1]!
  }

  let date: string | null = null
  for (const l of content) {
    const m = DATE.exec(l.text)
    if (m && l.text.trim().length <= 16) {
      date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`
      break
    }
  }
  if (!date) {
    for (const a of asides) {
      const m = ISO_DATE.exec(a) ?? DATE.exec(a)
      if (m) {
        date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`
        break
      }
    }
  }

  const titleText = fold(title ?? '')
  const salutation = head.some((l) => /^.{1,12}(代表|委员)[：:]$/.test(l.text.trim()))
  const kind: DocumentKind =
    REPLY.test(titleText) || salutation || /现答复如下/.test(fullText.slice(0, 2000))
      ? 'reply'
      : PLAN.test(titleText) || hasStatements(fullText)
        ? 'plan'
        : 'unknown'

  const firstListedIsLead = /(列|排)(在)?(第一|首)位(的|者)?(单位|部门)?为牵头(单位|部门)/.test(fullText)

  const years = new Map<number, number>()
  for (const m of fullText.matchAll(/(20\d{2})\s*年/g)) years.set(Number(m[1]), (years.get(Number(m[1])) ?? 0) + 1)
  const year = [...years.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]

  return { title, issuer, docNumber, date, kind, firstListedIsLead, year }
}

/**
 * The text assigns tasks: it names a task section or labels a responsibility statement, or
 * closes two or more paragraphs with an inline one (`（市商务局牵头负责）`). Kind is read before
 * the outline and the measures exist, so this looks at the text's statement patterns only.
 * @param folded - the folded text
 */
function hasStatements(folded: string): boolean {
  return LABELLED_STATEMENT.test(folded) || (folded.match(INLINE_STATEMENT)?.length ?? 0) >= 2
}

const NUMBER = String.raw`[\u4e00-\u9fa5]{1,12}[〔［[（]\d{4}[〕］\]）]\d{1,4}号`
/** `发布文号 | 粤府〔2021〕22号 |`, `发文字号：某政办〔2023〕5号` */
const LABELLED_NUMBER = new RegExp(`(?:发文字号|发布文号|文号)[：|｜]?(${NUMBER})`)
const LEADING_NUMBER = new RegExp(`^(${NUMBER})(.+)$`)
const LEADING_NUMBER_OF_TITLE = /^[\u4e00-\u9fa5]{1,12}[〔［[（(]\d{4}[〕］\]）)]\s*\d{1,4}\s*号\s*(?=\S)/

/**
 * The document's 文号: a line of its own (`许营商〔2022〕1号`) first; else, in line order, one in
 * brackets right after the title, one given under a 文号 label (a web page's field table), or
 * one opening a line whose rest is the title (`某政发〔2023〕2号某区人民政府关于…的通知`). A 文号
 * inside a sentence cites another document (`贯彻《…》（某政〔2022〕1号）精神`) and is not taken.
 * @param head - the first lines, whitespace squeezed
 */
function readDocNumber(head: string[]): string | null {
  // matched on the folded text (1:1, so offsets agree), returned as written
  const written = head.map((t) => t.replace(/\s+/g, ''))
  const bare = written.map(fold)
  const at = (i: number, found: string | undefined, from = 0): string | null => {
    if (found === undefined) return null
    const start = bare[i]!.indexOf(found, from)
    return start < 0 ? found : written[i]!.slice(start, start + found.length)
  }
  const own = bare.findIndex((t) => DOC_NUMBER.test(t))
  if (own >= 0) return written[own]!
  for (const [i, t] of bare.entries()) {
    const afterTitle = LEADING_TITLE_WITH_NUMBER.exec(head[i]!)
    if (afterTitle && titleOf(afterTitle[0], 80)) return at(i, new RegExp(NUMBER).exec(fold(afterTitle[0]).replace(/\s+/g, ''))?.[0])
    const labelled = LABELLED_NUMBER.exec(t)
    if (labelled) return at(i, labelled[1], labelled.index)
    const leading = LEADING_NUMBER.exec(t)
    if (leading && titleOf(leading[2]!, 80)) return at(i, leading[1])
  }
  return null
}

/**
 * The title a line states, or null when the line is no title: a line (≤ 80 characters, no
 * sentence end) ending in a document-type word. It may start with a year (`2023年重点工作任务
 * 分解方案`) but not with a numbering marker or a date; it may be wrapped in 《》 and have its
 * 文号 in brackets after it or, in a reprint, before it: all left out of the title. Spaces a line break left inside a 《》 name
 * are taken out.
 * @param line - one line, whitespace runs squeezed to one space
 * @param maxLength - the longest title accepted; below 80 (a sentence cut from running text at
 *   `。`), a comma or colon also rules the text out
 */
function titleOf(line: string, maxLength: number): string | null {
  const strict = maxLength < 80
  // what is taken out below (a 文号 on either side, spaces) is far shorter than this: a longer
  // line is no title, and is not scanned by the patterns below
  if (line.length > maxLength + TITLE_EXTRAS) return null
  let t = line.replace(TRAILING_DOC_NUMBER, '').replace(LEADING_NUMBER_OF_TITLE, '')
  if (/^《[^《》]+》$/.test(t)) t = t.slice(1, -1)
  t = t
    .replace(/(?<=[\u4e00-\u9fa5])\s+(?=《)/g, '')
    .replace(/《[^《》]*》/g, (name) => name.replace(/(?<=[\u4e00-\u9fa5])\s+(?=[\u4e00-\u9fa5])/g, ''))
  const folded = fold(t).replace(/\s+/g, '')
  if (t.length > maxLength || !TITLE_END.test(folded) || /[。；]/.test(folded)) return null
  if (strict && /[，：]/.test(folded)) return null
  if (matchNumbering(folded) || /^\d/.test(folded.replace(/^\d{4}年(?!\d{1,2}月)/, ''))) return null
  return t
}
