import type { NormalizedText } from '@policykb/model'
import type { Root, RootContent } from 'mdast'

/** One line of the normalised text, with what Markdown says about it. */
export interface TextLine {
  /** 0-based index among the lines of the normalised text */
  index: number
  /** offset of the line's first character in the normalised text */
  start: number
  /** offset just past its last character */
  end: number
  /** where the content starts after Markdown markers (`# `, `- `) */
  contentStart: number
  /** the content, as written */
  text: string
  /** the content, width-folded */
  folded: string
  /** depth of a Markdown heading (`#` count), 0 otherwise */
  headingDepth: number
  /** the line opens an unordered list item */
  bullet: boolean
}

/**
 * Split the normalised text into lines, annotated from the Markdown tree: a heading's depth, a
 * bullet's marker skipped. Numbering such as `1.` stays in the content: the policy tree reads it.
 * @param n - the normalised text
 * @param mdast - `fromMarkdown(n)`
 */
export function toLines(n: NormalizedText, mdast: Root): TextLine[] {
  const lineStarts: number[] = [0]
  for (let i = 0; i < n.text.length; i++) if (n.text.charCodeAt(i) === 10) lineStarts.push(i + 1)
  const headingDepth = new Map<number, number>()
  const contentStart = new Map<number, number>()
  const bullets = new Set<number>()
  /** Note what a node says about its line; false when it has no position (nor its children). */
  const visit = (node: RootContent): boolean => {
    const pos = node.position
    if (pos?.start.offset === undefined) return false
    const line = pos.start.line - 1
    if (node.type === 'heading') {
      headingDepth.set(line, node.depth)
      const first = node.children[0]?.position?.start.offset
      if (first !== undefined) contentStart.set(line, first)
    } else if (node.type === 'list' && !node.ordered) {
      for (const item of node.children) {
        const itemLine = (item.position?.start.line ?? 0) - 1
        const first = item.children[0]?.position?.start.offset
        if (first !== undefined && item.children[0]!.position!.start.line - 1 === itemLine) {
          bullets.add(itemLine)
          contentStart.set(itemLine, first)
        }
      }
    }
    return true
  }
  // an explicit stack, not recursion: block quotes and lists nest as deep as the text says
  const stack: RootContent[] = [...mdast.children].reverse()
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (visit(node) && 'children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as RootContent)
  }

  const lines: TextLine[] = []
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i]!
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1]! - 1 : n.text.length
    const cs = Math.min(end, Math.max(start, contentStart.get(i) ?? start))
    lines.push({
      index: i,
      start,
      end,
      contentStart: cs,
      text: n.text.slice(cs, end),
      folded: n.folded.slice(cs, end),
      headingDepth: headingDepth.get(i) ?? 0,
      bullet: bullets.has(i),
    })
  }
  return lines
}
