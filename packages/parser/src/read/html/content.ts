/**
 * The article of a page, told from its chrome by text and link density (the way boilerplate
 * removal has worked since Readability and boilerpipe): lines of running text (sentences, long
 * lines with few links) count for the block that holds them, links, chrome phrases and short
 * lines count against it, and the article is the block with the best balance — widened to its
 * parent while that costs almost nothing, so a title or a date line just outside the body comes
 * along. Class and id names (`content`, `TRS_Editor`; `share`, `breadcrumb`) only weigh in:
 * chrome-named blocks are dropped when their own text says so (mostly links, no sentence), and a
 * content-named block gets a small bonus.
 */
import { fold } from '../../fold.js'
import { classifyFurniture } from '../../furniture.js'
import type { Box, RenderedLine } from './render.js'
import { FOOTER_LINE } from './rules.js'

/** How a line weighs in the choice of the article. */
export type LineKind = 'content' | 'short' | 'link' | 'chrome'

/** Links at this share of a line's text or more make it a line of links. */
const LINK_DENSITY = 0.5
/** A line this long with few links is running text even without punctuation. */
const LONG_LINE = 50
const SENTENCE = /[。；！？，、：]/
/** Weight of a short line (a title, a date, a signature) against the block that holds it. */
const SHORT_WEIGHT = 0.25
/** Bonus of a content-named block, as a share of its running text. */
const HINT_BONUS = 0.1

/**
 * What kind of line this is: chrome (a phrase of page furniture or a site footer), a line of
 * links, running text, or a short line.
 */
export function lineKind(line: RenderedLine): LineKind {
  const text = line.text.trim()
  const folded = fold(text)
  if (classifyFurniture(folded, false) === 'chrome' || FOOTER_LINE.some((re) => re.test(folded))) return 'chrome'
  if (line.links >= line.ink * LINK_DENSITY) return 'link'
  if (line.cells !== null && line.cells.length > 1) return 'content'
  if (line.ink >= LONG_LINE || (line.ink >= 10 && SENTENCE.test(folded))) return 'content'
  return 'short'
}

/** What {@link selectArticle} decided. */
export interface Article {
  /** the box holding the article */
  box: number
  /** lines dropped inside it: chrome lines and the lines of chrome blocks */
  dropped: Uint8Array
  kinds: LineKind[]
}

/**
 * Choose the article among the boxes of a rendered page.
 *
 * @param lines - the rendered lines
 * @param boxes - the boxes, parents before children (box 0 is the page)
 * @param aside - lines already set aside (the metadata block): they weigh nothing
 */
export function selectArticle(lines: readonly RenderedLine[], boxes: readonly Box[], aside: Uint8Array): Article {
  const kinds = lines.map(lineKind)
  const dropped = new Uint8Array(lines.length)
  kinds.forEach((k, i) => {
    if (k === 'chrome' || aside[i]) dropped[i] = 1
  })
  const sums = () => {
    const weight = new Float64Array(lines.length + 1)
    const content = new Float64Array(lines.length + 1)
    const links = new Float64Array(lines.length + 1)
    const ink = new Float64Array(lines.length + 1)
    const headings = new Float64Array(lines.length + 1)
    lines.forEach((l, i) => {
      const k = kinds[i]!
      const w = dropped[i] ? 0 : k === 'content' ? l.ink : k === 'short' ? -SHORT_WEIGHT * l.ink : -l.ink
      weight[i + 1] = weight[i]! + w
      content[i + 1] = content[i]! + (!dropped[i] && k === 'content' ? l.ink : 0)
      links[i + 1] = links[i]! + (dropped[i] ? 0 : l.links)
      ink[i + 1] = ink[i]! + (dropped[i] ? 0 : l.ink)
      headings[i + 1] = headings[i]! + (!dropped[i] && l.heading ? 1 : 0)
    })
    const range = (a: Float64Array, b: Box) => a[b.endLine]! - a[b.firstLine]!
    return {
      weight: (b: Box) => range(weight, b),
      content: (b: Box) => range(content, b),
      links: (b: Box) => range(links, b),
      ink: (b: Box) => range(ink, b),
      headings: (b: Box) => range(headings, b),
    }
  }

  // Chrome-named and landmark blocks go when their own text agrees: mostly links, or neither a
  // sentence nor a heading in them. Parents come first, so a block inside a dropped one is moot.
  const first = sums()
  for (const b of boxes) {
    if (!(b.chromeHint || b.landmark) || b.endLine === b.firstLine) continue
    const ink = first.ink(b)
    if (ink === 0) continue
    if (first.links(b) >= ink * LINK_DENSITY || (first.content(b) === 0 && first.headings(b) === 0)) {
      for (let i = b.firstLine; i < b.endLine; i++) dropped[i] = 1
    }
  }

  const s = sums()
  let best = 0
  let bestScore = Number.NEGATIVE_INFINITY
  boxes.forEach((b, i) => {
    const score = s.weight(b) + (b.contentHint ? HINT_BONUS * s.content(b) : 0)
    if (score >= bestScore) {
      best = i
      bestScore = score
    }
  })
  if (bestScore <= 0) return { box: 0, dropped, kinds }
  const base = s.weight(boxes[best]!)
  const tolerance = Math.max(30, 0.02 * s.content(boxes[best]!))
  let box = best
  while (boxes[box]!.parent >= 0 && s.weight(boxes[boxes[box]!.parent]!) >= base - tolerance) box = boxes[box]!.parent
  return { box, dropped, kinds }
}
