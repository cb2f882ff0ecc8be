import type { AttachmentRef } from '@policykb/model'
import { dice } from './similarity.js'
import type { TextLine } from './lines.js'
import { DOC_NUMBER } from './lineShape.js'

/** Where a part of a bundle starts, before its outline is built. */
export interface PartBoundary {
  attachment: number | null
  /** index of the first line of the part (the `附件 N` marker or title line) */
  startLine: number
  /** the title line, if any */
  titleLine: TextLine | null
  /** the title given for it in the covering notice's attachment list */
  listedTitle: string | null
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '')
const ATTACHMENT_HEAD = /^附件\s*(?:[：:]\s*)?(.*)$/
const LIST_ITEM = /^(\d{1,3})\s*[.、．]\s*(.+)$/
const TITLE_LIKE = /(方案|意见|规划|通知|办法|清单|细则|要点|计划|措施|表)(（\d{4}版?）)?$/

/**
 * The attachment list of a covering notice: `附件：` followed by `1.…`, `2.…` lines (or one
 * title on the same line).
 * @param lines - lines of the document
 */
export function readAttachmentList(lines: TextLine[]): { refs: AttachmentRef[]; lastLine: number } {
  for (let i = 0; i < lines.length; i++) {
    const m = ATTACHMENT_HEAD.exec(lines[i]!.folded.trim())
    if (!m || /^\d/.test(m[1] ?? '')) continue
    const refs: AttachmentRef[] = []
    let last = i
    const sameLine = m[1] ?? ''
    const first = LIST_ITEM.exec(sameLine)
    if (first) refs.push({ number: Number(first[1]), title: lines[i]!.text.slice(lines[i]!.text.length - first[2]!.length).trim() })
    else if (sameLine && TITLE_LIKE.test(sameLine)) return { refs: [{ number: 1, title: sameLine }], lastLine: i }
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j]!.folded.trim()
      if (!t) continue
      const item = LIST_ITEM.exec(t)
      if (!item) break
      refs.push({ number: Number(item[1]), title: lines[j]!.text.trim().slice(t.length - item[2]!.length) })
      last = j
    }
    if (refs.length > 0) return { refs, lastLine: last }
  }
  return { refs: [], lastLine: -1 }
}

const isTitleLine = (l: TextLine) => {
  const t = squeeze(l.folded)
  return t.length >= 4 && t.length <= 60 && TITLE_LIKE.test(t) && !/[。；，]/.test(t) && !DOC_NUMBER.test(t)
}

/**
 * Find where each attachment of a bundle starts: an `附件 N` marker line (its title on the next
 * line), or a title line matching an entry of the attachment list (typos tolerated: a title is
 * matched when its character bigrams agree at 0.8 or more).
 *
 * @param lines - lines of the document
 * @returns part boundaries in order (the first is the covering notice, attachment null, when
 *   the document has attachments, or the whole document otherwise), the attachment list, and
 *   the lines holding that list
 */
export function findParts(lines: TextLine[]): { parts: PartBoundary[]; refs: AttachmentRef[]; listLines: Set<number> } {
  const { refs, lastLine } = readAttachmentList(lines)
  const parts: PartBoundary[] = [{ attachment: null, startLine: 0, titleLine: null, listedTitle: null }]
  let expected = 1
  for (let i = Math.max(0, lastLine + 1); i < lines.length; i++) {
    const line = lines[i]!
    const t = squeeze(line.folded)
    if (!t) continue
    const marker = /^附件(\d{1,3})[：:]?(.*)$/.exec(t)
    if (marker && (marker[2] === '' || TITLE_LIKE.test(marker[2]!))) {
      const number = Number(marker[1])
      let titleLine: TextLine | null = null
      if (marker[2]) titleLine = line
      else {
        for (let j = i + 1; j < lines.length && j < i + 4; j++) {
          if (!lines[j]!.text.trim()) continue
          if (isTitleLine(lines[j]!)) titleLine = lines[j]!
          break
        }
      }
      parts.push({ attachment: number, startLine: i, titleLine, listedTitle: refs.find((r) => r.number === number)?.title ?? null })
      expected = number + 1
      if (titleLine && titleLine !== line) i = titleLine.index
      continue
    }
    if (refs.length === 0 || !isTitleLine(line)) continue
    // the next expected attachment first, then any listed one
    const candidates = [...refs.filter((r) => r.number === expected), ...refs.filter((r) => r.number > expected)]
    const hit = candidates.find((r) => dice(squeeze(r.title), t) >= 0.8)
    if (!hit) continue
    parts.push({ attachment: hit.number, startLine: i, titleLine: line, listedTitle: hit.title })
    expected = hit.number + 1
  }
  const listLines = new Set<number>()
  if (refs.length > 0) {
    const head = lines.findLastIndex((l, i) => i <= lastLine && ATTACHMENT_HEAD.test(l.folded.trim()) && !/^附件\s*\d/.test(l.folded.trim()))
    for (let i = Math.max(0, head); i <= lastLine; i++) listLines.add(lines[i]!.index)
  }
  return { parts, refs, listLines }
}
