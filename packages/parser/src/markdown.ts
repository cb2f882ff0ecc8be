import type { NormalizedText } from '@policykb/model'
import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const processor = unified().use(remarkParse)

/**
 * Parse the normalised text as Markdown (CommonMark). Republished plans use Markdown headings,
 * bold titles and lists; positions in the tree are offsets into `n.text`.
 * @param n - output of `normalize`; not mutated
 */
export function fromMarkdown(n: NormalizedText): Root {
  return processor.parse(n.text)
}
