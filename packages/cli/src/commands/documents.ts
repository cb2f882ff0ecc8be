import { displayWidth } from '@policykb/search'
import { defineCommand, UsageError } from '../command.js'
import { checkEncoding, IO_OPTIONS, PROGRAM, reportError, writeOutput } from '../io.js'
import { KB_OPTION, knowledgeBaseSource } from '../kb.js'

const FORMATS = ['table', 'json'] as const

/** `policykb documents (--kb KB | FILES...)`: the documents of a knowledge base, with the ids --document takes. */
export const documentsCommand = defineCommand({
  name: 'documents',
  summary: 'list the documents of a knowledge base: id, kind, measures, title (table, json)',
  usage: '[options] (--kb KB | FILE|DIR...)',
  description: [
    'List the documents of a knowledge base in the order they were indexed: the id each is filed',
    'under (what policykb search --document takes, as does its file name or stem), its kind',
    '(plan, reply, unknown), its number of measures, and its title and 文号 where the parser found',
    'them. The documents come from --kb KB (written by policykb index), or from FILES, documents',
    'or directories parsed on the spot as index reads them.',
  ].join('\n'),
  options: {
    kb: KB_OPTION,
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'table (default) or json' },
    ...IO_OPTIONS,
    quiet: { type: 'boolean', short: 'q', description: 'no notes on standard error (errors still)' },
  },
  examples: ['policykb documents --kb kb', "policykb documents --kb kb -f json | jq -r '.[].id'"],
  async run({ values, positionals, io }) {
    const format = (values.format ?? 'table').trim().toLowerCase()
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format '${values.format}' (expected ${FORMATS.join(', ')})`, 'documents')
    }
    checkEncoding(values.encoding, 'documents')
    const source = await knowledgeBaseSource(values.kb, positionals, { io, encoding: values.encoding, command: 'documents' })
    if (source === 1) return 1
    const documents = source.kb.documents()
    let text: string
    if (format === 'json') text = `${JSON.stringify(documents, null, 2)}\n`
    else {
      const rows = documents.map((d) => [d.id, d.kind, String(d.measures), [d.title, d.docNumber].filter(Boolean).join(' ') || '—'])
      const header = ['文档', '类型', '措施', '标题']
      const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))))
      const line = (cells: string[]) =>
        cells
          .map((c, i) => c + ' '.repeat(i === cells.length - 1 ? 0 : widths[i]! - displayWidth(c)))
          .join('  ')
          .trimEnd()
      text = `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`
    }
    if (documents.length === 0 && !values.quiet) io.stderr.write(`${PROGRAM}: the knowledge base holds no documents\n`)
    const written = await writeOutput(io, text, { output: values.output, format })
    if (!written.ok) {
      if (written.usage) throw new UsageError(written.message, 'documents')
      reportError(io, written.message)
      return 1
    }
    return source.exitCode
  },
})
