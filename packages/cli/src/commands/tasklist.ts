import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Diagnostic } from '@policykb/model'
import {
  correctTable,
  DIRECTION_MODES,
  EXPORT_FORMATS,
  parseCorrectionsFile,
  TASK_COLUMNS,
  type TaskColumn,
  toTaskTable,
  writeTaskTable,
} from '@policykb/tasklist'
import { defineCommand, oneOf, UsageError } from '../command.js'
import { readDocument } from '../document.js'
import { checkEncoding, describeFsError, formatDiagnostic, IO_OPTIONS, reportDiagnostics, reportError, writeOutput } from '../io.js'
import { sourceDate } from '../output.js'
import { describeParts, PARTS_OPTION, partsOption, partsWarning } from '../parts.js'

const MEASURE_TEXTS = ['lead', 'full'] as const
const DEADLINE_TEXTS = ['written', 'normalized'] as const

/** `--direction`, shared with `eval`: where 改革方向 comes from for two-level measures. */
export const DIRECTION_OPTION = {
  type: 'string',
  value: 'MODE',
  description: '改革方向 of two-level measures: heading (default; the heading above) or title (their own)',
} as const

/**
 * Read a `--columns` value: column keys of `TASK_COLUMNS`, comma-separated, each at most once.
 *
 * @throws UsageError naming the unknown or repeated key and the accepted ones
 */
function columnsOption(list: string | undefined): TaskColumn[] | undefined {
  if (list === undefined) return undefined
  const columns: TaskColumn[] = []
  for (const raw of list.split(',')) {
    const key = raw.trim().toLowerCase()
    if (!(TASK_COLUMNS as readonly string[]).includes(key)) {
      const what = key === '' ? `empty item in '${list}'` : `unknown column '${raw.trim()}'`
      throw new UsageError(`invalid --columns: ${what} (expected ${TASK_COLUMNS.join(', ')})`, 'tasklist')
    }
    if (columns.includes(key as TaskColumn)) throw new UsageError(`invalid --columns: '${key}' is listed twice`, 'tasklist')
    columns.push(key as TaskColumn)
  }
  return columns
}

/** `policykb tasklist FILE`: the 任务清单 of a plan as xlsx, docx, csv, Markdown or JSON. */
export const tasklistCommand = defineCommand({
  name: 'tasklist',
  summary: 'make the 任务清单 (task table) of a plan (md, csv, json, xlsx, docx)',
  usage: '[options] FILE',
  description: [
    'Make the 任务清单 of a policy plan: one row per measure with its 所属专项, 改革方向,',
    '升级措施, 牵头单位, 责任单位 and 完成时限. FILE is a path, or - for standard input.',
    'xlsx and docx are print-ready (A4 landscape, repeated header, merged cells); they are',
    'not written to a terminal: give -o FILE or a pipe.',
    'A document that is not a plan (a reply letter) has nothing to list: a warning says so on',
    'standard error, no table is written (an -o FILE is left as it was), and the exit status is 0.',
    'Warnings and errors found in the document go to standard error (-q silences them).',
    '--corrections FILE applies a review made in policykb serve; a correction whose measure',
    'text changed since is not applied and is reported on standard error as a conflict.',
  ].join('\n'),
  options: {
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'md (default), csv, json, xlsx or docx' },
    parts: PARTS_OPTION,
    columns: {
      type: 'string',
      value: 'LIST',
      description: `columns in order, of ${TASK_COLUMNS.join(',')} (default: those the plan fills)`,
    },
    'measure-text': {
      type: 'string',
      value: 'MODE',
      description: '升级措施 text: lead (default; sub-items cut to their titles) or full',
    },
    direction: DIRECTION_OPTION,
    deadline: {
      type: 'string',
      value: 'MODE',
      description: '完成时限 text: written (default; as the source writes it, 2022年6月底前) or normalized (2022年6月)',
    },
    corrections: {
      type: 'string',
      value: 'FILE',
      description: 'apply the corrections saved by policykb serve (<file>.corrections.json)',
    },
    title: { type: 'string', value: 'TEXT', description: "table title (default: <plan title>任务清单; '' for none)" },
    ...IO_OPTIONS,
  },
  examples: [
    'policykb tasklist plan.txt',
    'policykb tasklist bundle.txt --parts 2-23 -f xlsx -o 任务清单.xlsx',
    'policykb tasklist plan.txt --corrections plan.txt.corrections.json -f xlsx -o 任务清单.xlsx',
    'policykb tasklist plan.txt -f csv --columns seq,measure,units,deadline > tasks.csv',
  ],
  async run({ values, positionals, io }) {
    const format = oneOf(values.format ?? 'md', EXPORT_FORMATS, 'format', 'tasklist')
    const measureText = oneOf(values['measure-text'] ?? 'lead', MEASURE_TEXTS, '--measure-text', 'tasklist')
    const direction = oneOf(values.direction ?? 'heading', DIRECTION_MODES, '--direction', 'tasklist')
    const deadlineText = oneOf(values.deadline ?? 'written', DEADLINE_TEXTS, '--deadline', 'tasklist')
    const parts = partsOption(values.parts, 'tasklist')
    const columns = columnsOption(values.columns)
    checkEncoding(values.encoding, 'tasklist')
    const clash = await sameFile(positionals[0], values.output)
    if (clash) {
      reportError(io, `${values.output}: is the input file; -o would overwrite the document being read (give another name)`)
      return 1
    }
    const corrections = values.corrections === undefined ? undefined : await readCorrections(values.corrections)
    if (corrections !== undefined && !corrections.ok) {
      reportError(io, corrections.message)
      return 1
    }
    const doc = await readDocument(positionals, { io, encoding: values.encoding, command: 'tasklist' })
    if (!doc) return 1
    const { input, result } = doc
    const warn = (diagnostic: Diagnostic) => {
      if (!values.quiet) io.stderr.write(`${formatDiagnostic(diagnostic, input.name)}\n`)
    }
    if (!values.quiet) reportDiagnostics(io, [...input.diagnostics, ...result.diagnostics], input.name)
    const kind = result.document.kind
    if (kind === 'reply') {
      warn({ ruleId: 'not-a-plan', severity: 'warning', reason: `document kind is '${kind}', not a plan: it has no tasks to list, so no table is written` })
      return 0
    }
    if (kind !== 'plan') {
      warn({ ruleId: 'not-a-plan', severity: 'warning', reason: `document kind is '${kind}', not a plan: the rows may not be tasks` })
    }
    const missing = partsWarning(parts, result.measures, input.name)
    if (parts !== undefined && !result.measures.some((m) => parts.includes(m.part))) {
      const have = result.document.parts.map((p) => p.attachment)
      const measured = [...new Set(result.measures.map((m) => m.part))]
      const absent = parts.filter((p) => !have.includes(p))
      reportError(
        io,
        `${input.name}: ${absent.length > 0 ? `no such part: ${describeParts(absent)}` : `--parts ${values.parts} holds no measures`}; ` +
          `the document has ${describeParts(have)}` +
          (measured.length > 0 ? `, with measures in ${describeParts(measured)}` : ', none with measures'),
      )
      return 1
    }
    if (missing) warn(missing)

    const generated = toTaskTable(result, {
      ...(parts === undefined ? {} : { parts }),
      measureText: measureText as (typeof MEASURE_TEXTS)[number],
      direction,
      deadlineText,
      ...(columns === undefined ? {} : { columns }),
      ...(values.title === undefined ? {} : { title: values.title.trim() === '' ? null : values.title }),
    })
    const corrected = corrections === undefined ? undefined : correctTable(generated, corrections.file.corrections, result.normalized.text)
    const table = corrected?.table ?? generated
    if (corrected !== undefined) {
      for (const conflict of corrected.conflicts) {
        const c = conflict.correction
        const on = c.kind === 'add-task' ? 'add-task' : `${c.kind} on ${c.anchor.measureId}`
        warn({ ruleId: 'correction-conflict', severity: 'warning', reason: `correction ${conflict.index + 1} (${on}) not applied: ${conflict.reason}` })
      }
    }
    if (table.rows.length === 0 && !missing) warn({ ruleId: 'no-tasks', severity: 'warning', reason: 'no measures found: the table has its header only' })
    let date: { date?: Date }
    try {
      date = sourceDate()
    } catch (error) {
      reportError(io, (error as Error).message)
      return 2
    }
    const data = await writeTaskTable(table, format, date)
    const written = await writeOutput(io, data, { output: values.output, binary: typeof data !== 'string', format })
    if (!written.ok) {
      if (written.usage) throw new UsageError(written.message, 'tasklist')
      reportError(io, written.message)
      return 1
    }
    return 0
  },
})

/** Whether `-o output` names the input file itself (the same path, or the same file through another name). */
async function sameFile(input: string | undefined, output: string | undefined): Promise<boolean> {
  if (input === undefined || output === undefined || input === '-' || output === '-') return false
  if (resolve(input) === resolve(output)) return true
  const [a, b] = await Promise.all([stat(input).catch(() => null), stat(output).catch(() => null)])
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino
}

/** A `--corrections` file read and checked; a message naming the file when it cannot be used. */
async function readCorrections(path: string) {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    return { ok: false as const, message: `${path}: ${describeFsError(error, 'read')}` }
  }
  const parsed = parseCorrectionsFile(text)
  return parsed.ok ? parsed : { ok: false as const, message: `${path}: ${parsed.reason}` }
}
