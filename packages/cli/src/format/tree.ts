import type { Measure, PolicyDocument } from '@policykb/model'
import { type OutlineNode, outline } from './outline.js'

/**
 * `parse --format tree`: the document's kind, title and 文号 on top, then its outline, parts and
 * sections indented two spaces a level, each with the number of measures under it in brackets.
 */
export function toTree(result: { document: PolicyDocument; measures: readonly Measure[] }): string {
  const { document, measures } = result
  const lines = [
    `kind: ${document.kind}`,
    `title: ${document.title ?? '—'}`,
    `文号: ${document.docNumber ?? '—'}`,
    ...(document.issuer ? [`issuer: ${document.issuer}`] : []),
    ...(document.date ? [`date: ${document.date}`] : []),
    `measures: ${measures.length}`,
    '',
  ]
  const { nodes, orphans } = outline(document, measures)
  const walk = (node: OutlineNode) => {
    lines.push(`${'  '.repeat(node.depth)}${node.label} [${node.total}]`)
    for (const child of node.children) walk(child)
  }
  for (const node of nodes) walk(node)
  if (orphans.length > 0) lines.push(`(outside every part) [${orphans.length}]`)
  return `${lines.join('\n')}\n`
}
