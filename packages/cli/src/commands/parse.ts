import { defineCommand, oneOf, UsageError } from '../command.js'
import { toJson } from '../format/json.js'
import { toMarkdown } from '../format/markdown.js'
import { toTree } from '../format/tree.js'
import { readDocument } from '../document.js'
import { checkEncoding, formatDiagnostic, IO_OPTIONS, reportDiagnostics, reportError, writeOutput } from '../io.js'

const FORMATS = { json: toJson, tree: toTree, md: toMarkdown } as const
type Format = keyof typeof FORMATS | 'text'
const FORMAT_NAMES: Format[] = ['json', 'tree', 'md', 'text']

/** `policykb parse FILE`: a document's outline and measures as JSON, an outline tree, or Markdown. */
export const parseCommand = defineCommand({
  name: 'parse',
  summary: 'parse a policy document into its outline and measures (json, tree, md, text)',
  usage: '[options] FILE',
  description: [
    'Parse a policy document (行动方案, 实施意见, 规划 …) into its metadata, outline and measures.',
    'FILE is a path, or - for standard input: plain text, a web page (.html), Word (.docx, .doc) or',
    'PDF, told by its content; UTF-8, UTF-16 and GB18030/GBK text and pages are detected.',
    'json gives every span with its origin in the file (page, paragraph, table cell, element);',
    'text prints the text the reader extracted from the file, which is what the parser reads.',
    'Warnings and errors found in the document are reported on standard error as',
    'file:line: severity rule: reason; the data goes to standard output or -o FILE.',
  ].join('\n'),
  options: {
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'json (default), tree, md, or text (the extracted text)' },
    ...IO_OPTIONS,
  },
  examples: [
    'policykb parse plan.txt --format tree',
    'policykb parse plan.txt -o plan.json',
    'policykb parse page.html --format text',
    'iconv -f gbk -t utf-8 plan.txt | policykb parse - --format md',
  ],
  async run({ values, positionals, io }) {
    const format = oneOf(values.format ?? 'json', FORMAT_NAMES, 'format', 'parse')
    checkEncoding(values.encoding, 'parse')
    const doc = await readDocument(positionals, { io, encoding: values.encoding, command: 'parse' })
    if (!doc) return 1
    const { input, result } = doc
    const diagnostics = [...input.diagnostics, ...result.diagnostics]
    if (!values.quiet) {
      reportDiagnostics(io, diagnostics, input.name)
      if (result.document.kind !== 'plan') {
        const reason = `document kind is '${result.document.kind}', not a plan: it yields no task list`
        io.stderr.write(`${formatDiagnostic({ ruleId: 'not-a-plan', severity: 'warning', reason }, input.name)}\n`)
      }
    }
    const text = format === 'text' ? withNewline(input.text) : FORMATS[format]({ ...result, diagnostics })
    const written = await writeOutput(io, text, { output: values.output, format })
    if (!written.ok) {
      if (written.usage) throw new UsageError(written.message, 'parse')
      reportError(io, written.message)
      return 1
    }
    return 0
  },
})

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`)
