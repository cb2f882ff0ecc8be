/**
 * CSS-like paths of elements, for `Origin.element`: `td#UCAP-CONTENT>p:nth-of-type(3)`. A path
 * starts at the nearest ancestor with an id (ids name a place on a page), else at `body`; each
 * step is the tag, its id or classes, and `:nth-of-type(n)` when siblings share the tag.
 */
import type { Element } from 'hast'

/** One step of a path, linked to its parent's; built once per element while walking. */
export interface PathStep {
  parent: PathStep | null
  step: string
  /** the step names an id: paths start here */
  anchor: boolean
}

const SAFE = /^[A-Za-z_][\w-]*$/

/**
 * The step of `element` under `parent`.
 * @param nth - 1-based index among its siblings of the same tag
 * @param ofType - how many siblings (itself included) share the tag
 */
export function stepOf(element: Element, parent: PathStep | null, nth: number, ofType: number): PathStep {
  const id = element.properties['id']
  const tag = element.tagName
  if (typeof id === 'string' && SAFE.test(id)) return { parent, step: `${tag}#${id}`, anchor: true }
  const classes = element.properties['className']
  let step = tag
  if (Array.isArray(classes)) for (const c of classes.slice(0, 3)) if (typeof c === 'string' && SAFE.test(c)) step += `.${c}`
  if (ofType > 1) step += `:nth-of-type(${nth})`
  return { parent, step, anchor: false }
}

/** The path of a step: from the nearest id anchor (or the top) down to it. */
export function pathOf(step: PathStep | null): string {
  const parts: string[] = []
  for (let s = step; s !== null; s = s.parent) {
    parts.push(s.step)
    if (s.anchor) break
  }
  return parts.reverse().join('>')
}
