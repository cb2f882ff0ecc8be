import type { Measure, PolicyDocument, UnitRole } from '@policykb/model'
import { entries, type OutlineNode, outline, soleMeasure } from './outline.js'

const ROLE_LABELS: Record<UnitRole, string> = {
  lead: '牵头单位',
  responsible: '责任单位',
  cooperating: '配合单位',
  implementing: '落实单位',
}

/**
 * `parse --format md`: the document as readable Markdown. Parts are `##` headings, sections one
 * level deeper each (down to `######`), and each measure a list item with its units by role and
 * its deadline.
 */
export function toMarkdown(result: { document: PolicyDocument; measures: readonly Measure[] }): string {
  const { document, measures } = result
  const out: string[] = [`# ${escapeInline(document.title ?? '(untitled)')}`, '']
  const facts: [string, string | null][] = [
    ['类型', document.kind],
    ['文号', document.docNumber],
    ['发文机关', document.issuer],
    ['日期', document.date],
    ['措施', String(measures.length)],
  ]
  for (const [key, value] of facts) if (value) out.push(`- ${key}：${escapeInline(value)}`)
  out.push('')

  const { nodes, orphans } = outline(document, measures)
  const walk = (node: OutlineNode) => {
    out.push(`${'#'.repeat(Math.min(2 + node.depth, 6))} ${escapeInline(node.label)}`, '')
    let inList = false
    for (const entry of entries(node)) {
      const measure = 'measure' in entry ? entry.measure : soleMeasure(entry.node)
      if (measure) {
        out.push(...measureItem(measure))
        inList = true
      } else if ('node' in entry) {
        if (inList) out.push('')
        inList = false
        walk(entry.node)
      }
    }
    if (inList) out.push('')
  }
  for (const node of nodes) walk(node)
  if (orphans.length > 0) {
    out.push('## (outside every part)', '')
    for (const measure of orphans) out.push(...measureItem(measure))
    out.push('')
  }
  return `${out.join('\n').trimEnd()}\n`
}

/** One measure as a list item: its text, then its units by role and its deadline as sub-items. */
function measureItem(measure: Measure): string[] {
  const numbered = measure.numbering !== null && !measure.text.startsWith(measure.numbering)
  const lines = measure.text.split('\n').filter((l) => l.trim() !== '')
  const [first = '', ...rest] = lines.map(escapeLine)
  const item = [`- ${numbered ? `**${escapeInline(measure.numbering ?? '')}** ` : ''}${first}`, ...rest.map((l) => `  ${l}`)]
  for (const role of Object.keys(ROLE_LABELS) as UnitRole[]) {
    const names = measure.units.filter((u) => u.role === role).map((u) => u.name)
    if (names.length > 0) item.push(`  - ${ROLE_LABELS[role]}：${escapeInline(names.join('、'))}`)
  }
  const deadline = measure.deadline
  if (deadline) {
    const date = 'date' in deadline ? `（${deadline.date}）` : ''
    item.push(`  - 完成时限：${escapeInline(deadline.text)}${date}`)
  }
  return item
}

/** Keep a line of document text from turning into Markdown structure or emphasis. */
function escapeLine(line: string): string {
  return escapeInline(line.trim()).replace(/^(#{1,6}\s|>|[-+*]\s|\d+[.)]\s)/, '\\$1')
}

function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1')
}
