import { formatUnits } from '@policykb/search'
import { defineCommand, UsageError } from '../command.js'
import { checkEncoding, IO_OPTIONS, PROGRAM, reportError, writeOutput } from '../io.js'
import { KB_OPTION, knowledgeBaseSource, outputWidth } from '../kb.js'

const FORMATS = ['table', 'json'] as const

/** `policykb units (--kb KB | FILES...)`: the unit directory of a knowledge base. */
export const unitsCommand = defineCommand({
  name: 'units',
  summary: 'list the units of a knowledge base with their roles and other names (table, json)',
  usage: '[options] (--kb KB | FILE|DIR...)',
  description: [
    'List every unit the measures name, most measures first, under one name per body: its',
    'canonical name, the number of measures naming it, how many it leads (牵头), is responsible',
    'for (责任), cooperates on (配合) and implements (落实), and its other names (市人社局 for',
    '市人力资源社会保障局). The measures come from --kb KB (written by policykb index), or from',
    'FILES, documents or directories parsed on the spot as index reads them.',
    '--format json gives every entry whole: name, aliases, spellings with their counts,',
    'measures, roles (with primary: lead, or first listed when no lead is named) and documents.',
  ].join('\n'),
  options: {
    kb: KB_OPTION,
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'table (default) or json' },
    ...IO_OPTIONS,
    quiet: { type: 'boolean', short: 'q', description: 'no notes on standard error (errors still)' },
  },
  examples: ['policykb units --kb kb', "policykb units --kb kb -f json | jq '.[] | select(.roles.lead > 10) | .name'", 'policykb units plan.txt'],
  async run({ values, positionals, io }) {
    const format = (values.format ?? 'table').trim().toLowerCase()
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format '${values.format}' (expected ${FORMATS.join(', ')})`, 'units')
    }
    checkEncoding(values.encoding, 'units')
    const source = await knowledgeBaseSource(values.kb, positionals, { io, encoding: values.encoding, command: 'units' })
    if (source === 1) return 1
    const { kb, exitCode } = source
    const units = kb.units()
    if (units.length === 0) {
      if (!values.quiet) io.stderr.write(`${PROGRAM}: the measures name no units\n`)
      return exitCode
    }
    const text = format === 'json' ? `${JSON.stringify(units, null, 2)}\n` : `${formatUnits(units, { width: outputWidth(io) })}\n`
    const written = await writeOutput(io, text, { output: values.output, format })
    if (!written.ok) {
      if (written.usage) throw new UsageError(written.message, 'units')
      reportError(io, written.message)
      return 1
    }
    return exitCode
  },
})
