import type { DocumentKind } from '@policykb/model'
import type { TextLine } from './lines.js'
import { DOC_NUMBER } from './lineShape.js'

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

const TITLE_END = /(方案|意见|规划|通知|办法|清单|细则|要点|计划|决定|答复|复函|报告|纲要|分工表|任务表|一览表)(（\d{4}[^）]*）)?$/
const REPLY = /(答复|复函|的回复|办理情况)/
const PLAN = /(方案|意见|规划|计划|措施|要点|分工|清单|细则|行动)/
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/
const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})/
const pad = (s: string) => s.padStart(2, '0')

/**
 * Read title, issuer, 文号, date and kind from a document's lines.
 * @param lines - all lines of the normalised text
 * @param asides - text set aside by normalisation (web chrome often carries the publication date)
 */
export function readMetadata(lines: TextLine[], asides: string[], fullText: string): Metadata {
  const content = lines.filter((l) => l.text.trim() !== '')
  const head = content.slice(0, 15)
  const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim()

  let title: string | null = null
  for (const l of head) {
    const t = squeeze(l.text)
    if (t.length <= 80 && TITLE_END.test(l.folded.replace(/\s+/g, '')) && !/[。；]/.test(t) && !/^\d/.test(t)) {
      title = t
      break
    }
  }
  // A republished page: `…印发了《许昌市优化营商环境三年行动方案(2018—2020年)》。全文如下`
  const quoted = /印发(?:了)?《([^》]+)》/.exec(head.map((l) => l.text).join('\n'))
  if (!title && quoted) title = quoted[1]!

  const docNumber = head.map((l) => l.folded.replace(/\s+/g, '')).find((t) => DOC_NUMBER.test(t)) ?? null

  let issuer: string | null = null
  const fileHead = head.find((l) => /.{4,}文件$/.test(l.text.trim()))
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

  const titleText = title ?? ''
  const salutation = head.some((l) => /^.{1,12}(代表|委员)[：:]$/.test(l.text.trim()))
  const kind: DocumentKind =
    REPLY.test(titleText) || salutation || /现答复如下/.test(fullText.slice(0, 2000))
      ? 'reply'
      : PLAN.test(titleText) || /(主要任务|重点任务|主要措施|责任单位|牵头单位)/.test(fullText)
        ? 'plan'
        : 'unknown'

  const firstListedIsLead = /(列|排)(在)?(第一|首)位(的|者)?(单位|部门)?为牵头(单位|部门)/.test(fullText)

  const years = new Map<number, number>()
  for (const m of fullText.matchAll(/(20\d{2})\s*年/g)) years.set(Number(m[1]), (years.get(Number(m[1])) ?? 0) + 1)
  const year = [...years.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]

  return { title, issuer, docNumber, date, kind, firstListedIsLead, year }
}
