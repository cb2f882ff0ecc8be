import type { NormalizedText, Span } from '@policykb/model'

/** Binary search: index of the last element of `sorted` that is ≤ `value` (or -1). */
function floorIndex(sorted: ArrayLike<number>, value: number): number {
  let lo = 0
  let hi = sorted.length - 1
  let ans = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! <= value) {
      ans = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return ans
}

/**
 * Map an offset of the normalised text to the offset of the same character in the original.
 * @param n - the normalised text
 * @param offset - offset into `n.text` (clamped to its bounds)
 */
export function toSourceOffset(n: NormalizedText, offset: number): number {
  if (n.segments.length === 0) return 0
  const starts = segmentStarts(n)
  const i = Math.max(0, floorIndex(starts, offset))
  const seg = n.segments[i]!
  return seg.source + Math.min(Math.max(0, offset - seg.start), seg.length)
}

const startsCache = new WeakMap<NormalizedText, Int32Array>()
function segmentStarts(n: NormalizedText): Int32Array {
  let starts = startsCache.get(n)
  if (!starts) {
    starts = Int32Array.from(n.segments, (s) => s.start)
    startsCache.set(n, starts)
  }
  return starts
}

/**
 * The 1-based line of the original file holding an original offset.
 * @param n - the normalised text (its `lineStarts`)
 * @param sourceOffset - offset into the original text
 */
export function lineOfSource(n: NormalizedText, sourceOffset: number): number {
  return Math.max(0, floorIndex(n.lineStarts, sourceOffset)) + 1
}

/**
 * A span over `[start, end)` of the normalised text, with the original lines it came from.
 * @param n - the normalised text
 * @param start - inclusive offset into `n.text`
 * @param end - exclusive offset into `n.text` (≥ start)
 */
export function makeSpan(n: NormalizedText, start: number, end: number): Span {
  const line = lineOfSource(n, toSourceOffset(n, start))
  const endLine = end > start ? lineOfSource(n, toSourceOffset(n, end - 1)) : line
  return { start, end, line, endLine }
}
