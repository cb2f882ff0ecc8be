import type { Measure, Part, PolicyDocument, Section } from '@policykb/model'

/** A part or section of the document with the measures that fall under it. */
export interface OutlineNode {
  kind: 'part' | 'section'
  /** Heading as shown: numbering and heading, `附件N 标题` for an attachment. */
  label: string
  /** Depth: 0 for a part, the section's level below it. */
  depth: number
  start: number
  end: number
  /** End of the heading line (the part's title, the section's heading). */
  headingEnd: number
  children: OutlineNode[]
  /** Measures whose innermost enclosing node is this one, in document order. */
  own: Measure[]
  /** Every measure under this node, its descendants' included. */
  total: number
}

/**
 * Arrange the measures under the document's parts and sections: each measure goes to the
 * innermost node whose span contains the measure's start. Measures no part contains are
 * returned in `orphans`. Inputs are not mutated.
 */
export function outline(document: PolicyDocument, measures: readonly Measure[]): { nodes: OutlineNode[]; orphans: Measure[] } {
  const nodes = document.parts.map(partNode)
  const orphans: Measure[] = []
  for (const measure of measures) {
    const at = measure.span.start
    let node = nodes.find((n) => contains(n, at))
    if (!node) {
      orphans.push(measure)
      continue
    }
    node.total++
    for (let child = childAt(node, at); child; child = childAt(child, at)) {
      node = child
      node.total++
    }
    node.own.push(measure)
  }
  return { nodes, orphans }
}

function contains(node: OutlineNode, offset: number): boolean {
  return offset >= node.start && offset < node.end
}

function childAt(node: OutlineNode, offset: number): OutlineNode | undefined {
  return node.children.find((c) => contains(c, offset))
}

function partNode(part: Part): OutlineNode {
  return {
    kind: 'part',
    label: partLabel(part),
    depth: 0,
    start: part.span.start,
    end: part.span.end,
    headingEnd: part.titleSpan?.end ?? part.span.start,
    children: part.sections.map((s) => sectionNode(s, 1)),
    own: [],
    total: 0,
  }
}

function sectionNode(section: Section, depth: number): OutlineNode {
  return {
    kind: 'section',
    label: sectionLabel(section),
    depth,
    start: section.span.start,
    end: section.span.end,
    headingEnd: section.headingSpan.end,
    children: section.children.map((s) => sectionNode(s, depth + 1)),
    own: [],
    total: 0,
  }
}

/** `附件2 许昌市企业开办提升专项行动方案`, or the main text's title, or `正文`. */
export function partLabel(part: Part): string {
  if (part.attachment === null) return part.title ?? '正文'
  return part.title ? `附件${part.attachment} ${part.title}` : `附件${part.attachment}`
}

/** Numbering and heading as written: `一、总体要求`, `第三章 优化政务环境`. */
export function sectionLabel(section: Section): string {
  const numbering = section.numbering ?? ''
  if (numbering === '' || section.heading === '') return numbering + section.heading
  // Numbering that ends in its own punctuation (一、 （一） 1.) needs no space.
  return /[、.．)）\]】:：]$/.test(numbering) ? numbering + section.heading : `${numbering} ${section.heading}`
}

/**
 * The measure a section merely wraps: a numbered item that the outline reads as a section of its
 * own (`1.加大惠企政策落实力度。…` with its responsibility block), so a renderer can show it as a
 * measure instead of a heading with the same measure under it.
 */
export function soleMeasure(node: OutlineNode): Measure | undefined {
  const [measure, ...more] = node.own
  if (node.kind !== 'section' || node.children.length > 0 || !measure || more.length > 0) return undefined
  return measure.span.start < node.headingEnd ? measure : undefined
}

/** A node's measures and child nodes merged in document order. */
export function entries(node: OutlineNode): ({ measure: Measure } | { node: OutlineNode })[] {
  const items: { at: number; item: { measure: Measure } | { node: OutlineNode } }[] = [
    ...node.own.map((measure) => ({ at: measure.span.start, item: { measure } })),
    ...node.children.map((child) => ({ at: child.start, item: { node: child } })),
  ]
  return items.sort((a, b) => a.at - b.at).map((i) => i.item)
}
