import type { NormalizedText } from '@policykb/model'
import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import { type Processor, unified } from 'unified'

/**
 * Markdown constructs a policy text never relies on. Turning them off keeps `*`, `_`, `<`, `&`
 * and indentation in plan text literal and makes parsing about twice as fast; headings, lists,
 * block quotes and thematic breaks stay.
 */
const UNUSED = [
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeIndented',
  'codeText',
  'definition',
  'hardBreakEscape',
  'htmlFlow',
  'htmlText',
  'labelEnd',
  'labelStartImage',
  'labelStartLink',
]

/** A unified plugin registering the micromark extension that disables {@link UNUSED}. */
function remarkPolicyText(this: Processor) {
  const data = this.data()
  data.micromarkExtensions ??= []
  data.micromarkExtensions.push({ disable: { null: UNUSED } })
}

const processor = unified().use(remarkParse).use(remarkPolicyText)

/**
 * Parse the normalised text as Markdown (CommonMark core, without the inline constructs plan
 * text does not use). Republished plans use Markdown headings and lists; positions in the tree
 * are offsets into `n.text`.
 * @param n - output of `normalize`; not mutated
 */
export function fromMarkdown(n: NormalizedText): Root {
  return processor.parse(n.text)
}
