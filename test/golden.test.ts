/**
 * Golden fixtures: the input of every `fixtures/<case>/` folder — `<case>.txt`, else the first of
 * `<case>.html`, `.htm`, `.docx`, `.doc`, `.pdf` — is read by the reader of its format and parsed,
 * and its measures and outline are compared with the files beside it. Regenerate on purpose with
 * `pnpm test:update` and review the diff like code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Measure, Section } from '@policykb/model'
import { type ParseSourceOutput, parseSource, read } from '@policykb/parser'
import { cellOptions, cellText, toTaskTable } from '@policykb/tasklist'
import { describe, expect, it } from 'vitest'

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))
/** Input extensions in order of preference: a folder's text wins over its renderings. */
const INPUTS = ['txt', 'html', 'htm', 'docx', 'doc', 'pdf']
const inputOf = (name: string) => INPUTS.map((ext) => `${name}.${ext}`).find((file) => existsSync(join(FIXTURES, name, file)))
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && inputOf(d.name) !== undefined)
  .map((d) => d.name)

/** One line per measure: what a reviewer needs to see change. */
function measureLine(m: Measure): string {
  const units = m.units.map((u) => `${u.name}:${u.role}`).join('、')
  const deadline = m.deadline ? `${m.deadline.kind}${'date' in m.deadline ? ` ${m.deadline.date}` : ''} ${JSON.stringify(m.deadline.text)}` : null
  return JSON.stringify({
    id: m.id,
    part: m.part,
    lines: `${m.span.line}-${m.span.endLine}`,
    numbering: m.numbering,
    title: m.title,
    direction: m.direction,
    path: m.path.join(' > '),
    specialty: m.specialty,
    units,
    primary: m.primaryUnit ? `${m.primaryUnit.name}${m.primaryUnit.inferred ? ' (inferred)' : ''}` : null,
    deadline,
    shared: m.sharedBlock,
    text: m.text.length > 60 ? `${m.text.slice(0, 40)}…${m.text.slice(-15)} (${m.text.length})` : m.text,
    ...(m.span.origin ? { origin: m.span.origin } : {}),
  })
}

function outline(sections: Section[], depth = 0): string[] {
  return sections.flatMap((s) => [`${'  '.repeat(depth)}${s.numbering ?? ''}${s.heading} [${s.role}] L${s.span.line}`, ...outline(s.children, depth + 1)])
}

describe.each(cases)('golden %s', async (name) => {
  const file = inputOf(name)!
  const outcome = await read(readFileSync(join(FIXTURES, name, file)), { name: file })
  if (!outcome.ok) {
    // A fixture of bad input on purpose (an encrypted or scanned PDF): its golden is the one failure it gives.
    it('read failure', async () => {
      await expect(`${outcome.ruleId}: ${outcome.reason}\n`).toMatchFileSnapshot(join(FIXTURES, name, 'read-failure.txt'))
    })
    return
  }
  const result: ParseSourceOutput = parseSource(outcome.source, { file })

  it('measures', async () => {
    await expect(result.measures.map(measureLine).join('\n') + '\n').toMatchFileSnapshot(join(FIXTURES, name, 'measures.jsonl'))
  })

  it('document outline', async () => {
    const d = result.document
    const head = [
      `title: ${d.title}`,
      `issuer: ${d.issuer}`,
      `docNumber: ${d.docNumber}`,
      `date: ${d.date}`,
      `kind: ${d.kind}`,
      `attachments: ${d.attachments.length}`,
      `tables: ${d.tables.map((t) => `${t.kind} ${t.rows.length} rows (+${t.headerRepeats} repeated headers)`).join('; ')}`,
      `toc entries: ${d.toc.length}; footnotes: ${d.footnotes.length}; asides: ${d.asides.map((a) => a.kind).join(', ')}`,
      `diagnostics: ${result.diagnostics.map((x) => x.ruleId).join(', ')}`,
    ]
    const parts = d.parts.flatMap((p) => [`## part ${p.attachment ?? '-'}: ${p.title ?? ''} (specialty: ${p.specialty ?? '-'})`, ...outline(p.sections)])
    await expect([...head, ...parts].join('\n') + '\n').toMatchFileSnapshot(join(FIXTURES, name, 'outline.txt'))
  })

  it('任务清单 (markdown)', async () => {
    const table = toTaskTable(result)
    const cell = (r: (typeof table.rows)[number], column: 'lead' | 'units' | 'deadline') => cellText(r, column, cellOptions(table))
    const rows = table.rows.map(
      (r) => `| ${r.seq} | ${r.specialty ?? ''} | ${r.direction ?? ''} | ${r.measure.slice(0, 30)}… | ${cell(r, 'lead')} | ${cell(r, 'units')} | ${cell(r, 'deadline')} |`,
    )
    await expect([`# ${table.title} (${table.columns.join(', ')})`, ...rows].join('\n') + '\n').toMatchFileSnapshot(join(FIXTURES, name, 'tasklist-preview.md'))
  })
})
