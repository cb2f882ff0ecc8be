/**
 * Operations on postings: ascending arrays of document ordinals without repeats.
 * Inputs are never mutated.
 */

/** A sorted set of document ordinals. */
export type Postings = Int32Array

/** The first index in `a` at or after `from` whose value is ≥ `x` (galloping, then binary search). */
export function seek(a: Postings, x: number, from: number): number {
  let step = 1
  let hi = from
  while (hi < a.length && a[hi]! < x) {
    from = hi + 1
    hi += step
    step <<= 1
  }
  if (hi > a.length) hi = a.length
  let lo = from
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Documents in both sets. Gallops through the longer one, so a rare term against a common one
 * costs about `small · log(large)`.
 */
export function intersect(a: Postings, b: Postings): Postings {
  if (a.length > b.length) [a, b] = [b, a]
  const out = new Int32Array(a.length)
  const gallop = b.length > a.length * 8
  let n = 0
  let j = 0
  for (let i = 0; i < a.length && j < b.length; i++) {
    const x = a[i]!
    j = gallop ? seek(b, x, j) : linearSeek(b, x, j)
    if (j < b.length && b[j] === x) out[n++] = x
  }
  return out.subarray(0, n)
}

function linearSeek(a: Postings, x: number, from: number): number {
  while (from < a.length && a[from]! < x) from++
  return from
}

/** Intersection of any number of sets, smallest first; `undefined` when the list is empty. */
export function intersectAll(sets: readonly Postings[]): Postings | undefined {
  if (sets.length === 0) return undefined
  const sorted = [...sets].sort((x, y) => x.length - y.length)
  let acc = sorted[0]!
  for (let i = 1; i < sorted.length && acc.length > 0; i++) acc = intersect(acc, sorted[i]!)
  return acc
}

/** Documents in either set. */
export function union(a: Postings, b: Postings): Postings {
  if (a.length === 0) return b
  if (b.length === 0) return a
  const out = new Int32Array(a.length + b.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x < y) {
      out[n++] = x
      i++
    } else if (y < x) {
      out[n++] = y
      j++
    } else {
      out[n++] = x
      i++
      j++
    }
  }
  while (i < a.length) out[n++] = a[i++]!
  while (j < b.length) out[n++] = b[j++]!
  return out.subarray(0, n)
}

/** Union of any number of sets. */
export function unionAll(sets: readonly Postings[]): Postings {
  let acc: Postings = new Int32Array(0)
  for (const s of sets) acc = union(acc, s)
  return acc
}

/** Documents in `a` but not in `b`. */
export function difference(a: Postings, b: Postings): Postings {
  if (b.length === 0 || a.length === 0) return a
  const out = new Int32Array(a.length)
  let n = 0
  let j = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    j = seek(b, x, j)
    if (j >= b.length || b[j] !== x) out[n++] = x
  }
  return out.subarray(0, n)
}

/** Whether `x` is in the set (binary search). */
export function has(a: Postings, x: number): boolean {
  let lo = 0
  let hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo < a.length && a[lo] === x
}

/** Every ordinal from 0 to `n - 1`. */
export function range(n: number): Postings {
  const out = new Int32Array(n)
  for (let i = 0; i < n; i++) out[i] = i
  return out
}
