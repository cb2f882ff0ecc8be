import { isPageNumber } from '../../furniture.js'
import { median } from './lines.js'
import type { PdfLine, PdfPage } from './types.js'

/**
 * Page furniture of a printed document: running headers and footers (a line repeated at the top
 * or bottom of several pages, page numbers aside) and page numbers (`— 3 —`, `-3-`, `第3页`,
 * `3/10`, a bare number). Both stand apart from the body: the body's line pitch is exceeded
 * between them and the nearest body line.
 */
export const FURNITURE_RULES = {
  /** how many lines at the top and at the bottom of a page may be furniture */
  edgeLines: 2,
  /** a furniture line is this many body line pitches (or more) away from the body */
  apart: 1.4,
  /** a running header or footer repeats on at least this share of the pages (and at least twice) */
  repeatShare: 0.3,
  /** a repeated line stands at the same height on every page, within this many points */
  sameHeight: 3,
} as const

/** A page number as 公文 and office software print them, the number alone included. */
export function isPageNumberLine(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, ' ').trim()
  return isPageNumber(t) || /^[-—–－]?\s*\d{1,4}\s*[-—–－]?$/.test(t) || /^第\s*\d{1,4}\s*页\s*(共\s*\d{1,4}\s*页)?$/.test(t)
}

/** The key two running headers share: digits (page numbers, dates of revision) and spaces aside. */
const keyOf = (text: string) => text.replace(/[\s\u3000]+/g, '').replace(/\d+/g, '#')

/** What {@link findFurniture} set aside. */
export interface Furniture {
  /** per page (index 0 = page 1), the indexes of its furniture lines */
  lines: Array<Set<number>>
  headers: number
  pageNumbers: number
}

/**
 * Find the furniture lines of every page.
 * @param pages - the pages with their lines top to bottom; not mutated
 */
export function findFurniture(pages: readonly PdfPage[]): Furniture {
  const pitch = linePitch(pages)
  const found: Furniture = { lines: pages.map(() => new Set<number>()), headers: 0, pageNumbers: 0 }
  // candidates: lines at the edges of a page, standing apart from the body
  const edges = pages.map((page) => edgeCandidates(page.lines, pitch))
  const counts = new Map<string, number[]>()
  for (const [p, candidates] of edges.entries()) {
    for (const i of candidates) {
      const line = pages[p]!.lines[i]!
      const key = `${keyOf(line.text)}@${Math.round(line.y / FURNITURE_RULES.sameHeight)}`
      const list = counts.get(key) ?? []
      list.push(p)
      counts.set(key, list)
    }
  }
  const needed = Math.max(2, Math.ceil(pages.length * FURNITURE_RULES.repeatShare))
  for (const [p, candidates] of edges.entries()) {
    for (const i of candidates) {
      const line = pages[p]!.lines[i]!
      if (isPageNumberLine(line.text)) {
        found.lines[p]!.add(i)
        found.pageNumbers++
        continue
      }
      const key = `${keyOf(line.text)}@${Math.round(line.y / FURNITURE_RULES.sameHeight)}`
      if (new Set(counts.get(key)).size >= needed) {
        found.lines[p]!.add(i)
        found.headers++
      }
    }
  }
  return found
}

/**
 * The indexes of the lines at the top and bottom of a page that stand apart from the body: the
 * first (last) one or two lines when a gap wider than the body's pitch follows (precedes) them.
 */
function edgeCandidates(lines: readonly PdfLine[], pitch: number): number[] {
  const n = lines.length
  const apart = (a: PdfLine, b: PdfLine) => Math.abs(a.y - b.y) >= FURNITURE_RULES.apart * Math.max(pitch, a.size, b.size)
  const out = new Set<number>()
  for (let k = 0; k < Math.min(FURNITURE_RULES.edgeLines, n - 1); k++) {
    if (apart(lines[k]!, lines[k + 1]!)) {
      for (let i = 0; i <= k; i++) out.add(i)
      break
    }
  }
  for (let k = n - 1; k > Math.max(n - 1 - FURNITURE_RULES.edgeLines, 0); k--) {
    if (apart(lines[k - 1]!, lines[k]!)) {
      for (let i = k; i < n; i++) out.add(i)
      break
    }
  }
  // a page of one line: it stands alone
  if (n === 1) out.add(0)
  return [...out]
}

/** The median distance between consecutive baselines of the document's lines. */
export function linePitch(pages: readonly PdfPage[]): number {
  const d: number[] = []
  for (const page of pages) {
    for (let i = 1; i < page.lines.length; i++) {
      const gap = page.lines[i - 1]!.y - page.lines[i]!.y
      if (gap > 0) d.push(gap)
    }
  }
  return median(d) || 12
}
