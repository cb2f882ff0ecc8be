/** Small reads of a page's tree shared by the HTML reader's steps. */
import type { Element, ElementContent } from 'hast'
import { BLOCK, DROPPED } from './rules.js'
import { collapseWhitespace } from './text.js'

/** The text of an element, whitespace collapsed (for `<title>`, cells of metadata tables, deep subtrees). */
export function textOf(node: Element): string {
  let raw = ''
  const stack: (Element | ElementContent)[] = [node]
  while (stack.length > 0) {
    const n = stack.pop()!
    if (n.type === 'text') raw += n.value
    else if (n.type === 'element') {
      if (DROPPED.has(n.tagName) && n !== node) continue
      if (n.tagName === 'br' || BLOCK.has(n.tagName)) raw += ' '
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!)
    }
  }
  return collapseWhitespace(raw)
}

