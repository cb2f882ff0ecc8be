import { defineCommand, UsageError } from '../command.js'
import { toJson } from '../format/json.js'
import { toMarkdown } from '../format/markdown.js'
import { toTree } from '../format/tree.js'
import { checkEncoding, formatDiagnostic, IO_OPTIONS, readInput, reportDiagnostics, reportError, writeOutput } from '../io.js'
import { parse } from '../parser.js'

const FORMATS = { json: toJson, tree: toTree, md: toMarkdown } as const
type Format = keyof typeof FORMATS

/** `policykb parse FILE`: a document's outline and measures as JSON, an outline tree, or Markdown. */
export const parseCommand = defineCommand({
  name: 'parse',
  summary: 'parse a policy document into its outline and measures (json, tree, md)',
  usage: '[options] FILE',
  description: [
    'Parse a policy document (行动方案, 实施意见, 规划 …) into its metadata, outline and measures.',
    'FILE is a path, or - for standard input; UTF-8, UTF-16 and GB18030/GBK are detected.',
    'Warnings and errors found in the document are reported on standard error as',
    'file:line: severity rule: reason; the data goes to standard output or -o FILE.',
  ].join('\n'),
  options: {
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'json (default), tree or md' },
    ...IO_OPTIONS,
  },
  examples: [
    'policykb parse plan.txt --format tree',
    'policykb parse plan.txt -o plan.json',
    'iconv -f gbk -t utf-8 plan.txt | policykb parse - --format md',
  ],
  async run({ values, positionals, io }) {
    const format = (values.format ?? 'json') as Format
    if (!Object.hasOwn(FORMATS, format)) {
      throw new UsageError(`unknown format '${format}' (expected ${Object.keys(FORMATS).join(', ')})`, 'parse')
    }
    checkEncoding(values.encoding, 'parse')
    const [path, extra] = positionals
    if (path === undefined) throw new UsageError('missing FILE (use - for standard input)', 'parse')
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}': parse takes one FILE`, 'parse')

    const read = await readInput(path, { io, encoding: values.encoding })
    if (!read.ok) {
      reportError(io, read.message)
      return 1
    }
    const { input } = read
    const result = parse(input.text, { file: input.name })
    const diagnostics = [...input.diagnostics, ...result.diagnostics]
    if (!values.quiet) {
      reportDiagnostics(io, diagnostics, input.name)
      if (result.document.kind !== 'plan') {
        const reason = `document kind is '${result.document.kind}', not a plan: it yields no task list`
        io.stderr.write(`${formatDiagnostic({ ruleId: 'not-a-plan', severity: 'warning', reason }, input.name)}\n`)
      }
    }
    const text = FORMATS[format]({ ...result, diagnostics })
    const written = await writeOutput(io, text, { output: values.output, format })
    if (!written.ok) {
      if (written.usage) throw new UsageError(written.message, 'parse')
      reportError(io, written.message)
      return 1
    }
    return 0
  },
})
