import { readFile } from 'node:fs/promises'
import type { Diagnostic } from '@policykb/model'
import { DIRECTION_MODES, evaluate, formatReport, type ReadTaskTableResult, type ReportFormat, readTaskTable, toTaskTable } from '@policykb/tasklist'
import { defineCommand, oneOf, UsageError } from '../command.js'
import { readDocument } from '../document.js'
import { checkEncoding, describeFsError, displayName, IO_OPTIONS, type Io, reportDiagnostics, reportError, writeOutput } from '../io.js'
import { decode, } from '../parser.js'
import { PARTS_OPTION, partsOption, partsWarning } from '../parts.js'
import { DIRECTION_OPTION } from './tasklist.js'

const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'md', 'json']

/** A reference table as read, or why it could not be read (one line naming the file). */
type ReferenceRead = { ok: true; name: string; read: ReadTaskTableResult; diagnostics: Diagnostic[] } | { ok: false; message: string }

const isZip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

/**
 * Read a reference 任务清单 file: an xlsx workbook (zip bytes) as it is, anything else decoded
 * like a policy document (UTF-8, UTF-16, GB18030) and read as csv or text.
 */
async function readReference(path: string, io: Io, encoding: string | undefined): Promise<ReferenceRead> {
  const name = displayName(path)
  let bytes: Uint8Array
  try {
    bytes = path === '-' ? await readAll(io.stdin) : await readFile(path)
  } catch (error) {
    return { ok: false, message: `${name}: ${describeFsError(error, 'read')}` }
  }
  if (isZip(bytes)) return { ok: true, name, read: await readTaskTable(bytes, { format: 'xlsx', file: name }), diagnostics: [] }
  const decoded = decode(bytes, encoding === undefined ? {} : { encoding })
  if (!decoded.ok) return { ok: false, message: `${name}: ${decoded.reason}` }
  const diagnostics = decoded.diagnostics.map((d) => ({ ...d, file: d.file ?? name }))
  return { ok: true, name, read: await readTaskTable(decoded.text, { file: name }), diagnostics }
}

/**
 * `policykb eval SOURCE --against REFERENCE | --embedded`: how the generated 任务清单 of a plan
 * compares with one made by hand.
 */
export const evalCommand = defineCommand({
  name: 'eval',
  summary: 'measure the generated 任务清单 against a reference table (text, md, json)',
  usage: '[options] SOURCE (--against REFERENCE | --embedded)',
  description: [
    'Generate the 任务清单 of the plan SOURCE and measure it against a reference 任务清单, row by',
    'row: rows are matched on 升级措施, then 责任单位, 完成时限, 改革方向 and 所属专项 are compared.',
    'The report gives recall (matched / reference rows), precision (matched / generated rows),',
    'field agreement overall and by 所属专项, and the rows that did not match or differ.',
    'REFERENCE is an xlsx workbook, a csv file or text with a tab-separated table (as a PDF',
    'extraction gives); --embedded reads the reference from a table inside SOURCE itself.',
    'Repairs made while reading the reference (shifted cells, merged cells, repeated headers) are',
    'reported on standard error with the document’s own warnings; -q silences them. A reference',
    'without a readable table is an error (exit 1). -e applies to SOURCE and a text REFERENCE.',
  ].join('\n'),
  options: {
    against: { type: 'string', short: 'a', value: 'REFERENCE', description: 'the reference 任务清单: .xlsx, .csv or text; - for standard input' },
    embedded: { type: 'boolean', description: 'take the reference from the table inside SOURCE (e.g. a 任务清单 attachment)' },
    parts: PARTS_OPTION,
    direction: DIRECTION_OPTION,
    threshold: { type: 'string', value: 'DICE', description: '升级措施 similarity (bigram Dice, 0-1) for rows to match (default 0.5)' },
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'text (default), md or json' },
    ...IO_OPTIONS,
  },
  examples: [
    'policykb eval bundle.txt --embedded --parts 2-23',
    'policykb eval plan.txt --against 任务清单.xlsx -f md -o report.md',
    'policykb eval plan.txt --against reference.csv -f json | jq .recall',
  ],
  async run({ values, positionals, io }) {
    const format = oneOf(values.format ?? 'text', REPORT_FORMATS, 'format', 'eval')
    const parts = partsOption(values.parts, 'eval')
    const direction = oneOf(values.direction ?? 'heading', DIRECTION_MODES, '--direction', 'eval')
    let threshold: number | undefined
    if (values.threshold !== undefined) {
      threshold = Number(values.threshold)
      if (values.threshold.trim() === '' || !Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
        throw new UsageError(`invalid --threshold '${values.threshold}' (expected a number above 0 and at most 1)`, 'eval')
      }
    }
    checkEncoding(values.encoding, 'eval')
    const against = values.against
    if (positionals.length === 1) {
      if (against === undefined && !values.embedded) throw new UsageError('missing reference: give --against REFERENCE or --embedded', 'eval')
      if (against !== undefined && values.embedded) throw new UsageError('give either --against REFERENCE or --embedded, not both', 'eval')
      if (against === '-' && positionals[0] === '-') throw new UsageError('SOURCE and REFERENCE cannot both be standard input', 'eval')
    }
    const doc = await readDocument(positionals, {
      io,
      encoding: values.encoding,
      command: 'eval',
      argument: 'SOURCE',
      extraHint: '; give the reference with --against',
    })
    if (!doc) return 1
    const { input, result } = doc
    const report = (diagnostics: readonly Diagnostic[], file: string) => {
      if (!values.quiet) reportDiagnostics(io, diagnostics, file)
    }
    report([...input.diagnostics, ...result.diagnostics], input.name)
    if (result.document.kind !== 'plan') {
      const reason = `document kind is '${result.document.kind}', not a plan: it yields no task list to measure`
      report([{ ruleId: 'not-a-plan', severity: 'warning', reason }], input.name)
    }
    const missing = partsWarning(parts, result.measures, input.name)
    if (missing) report([missing], input.name)

    const reference: ReferenceRead =
      against === undefined
        ? { ok: true, name: input.name, read: await readTaskTable(input.text, { format: 'text', file: input.name }), diagnostics: [] }
        : await readReference(against, io, values.encoding)
    if (!reference.ok) {
      reportError(io, reference.message)
      return 1
    }
    const { read } = reference
    report([...reference.diagnostics, ...read.diagnostics], reference.name)
    if (read.table.rows.length === 0) {
      // Under -q the error diagnostics were not shown: give the first one's reason here.
      const why = values.quiet ? read.diagnostics.find((d) => d.severity === 'error')?.reason : undefined
      const where = against === undefined ? `no 任务清单 table inside ${input.name}` : `no 任务清单 table in ${reference.name}`
      reportError(io, `${where}${why ? ` (${why})` : ''}; nothing to measure against`)
      return 1
    }

    const generated = toTaskTable(result, { ...(parts === undefined ? {} : { parts }), direction }).rows
    const text = formatReport(evaluate(generated, read.table.rows, threshold === undefined ? {} : { threshold }), format)
    const written = await writeOutput(io, text, { output: values.output, format })
    if (!written.ok) {
      if (written.usage) throw new UsageError(written.message, 'eval')
      reportError(io, written.message)
      return 1
    }
    return 0
  },
})
