/**
 * Seed 002's generated 任务清单 (attachments 2–23) measured against the table people made from
 * the same attachments (attachment 24). The whole report is a golden file, so a parser change
 * that moves any number or any unmatched row shows up in review; `pnpm test:update` rewrites it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from '@policykb/parser'
import { type EvalReport, evaluate, formatReport, readTaskTable, toTaskRows } from '@policykb/tasklist'
import { describe, expect, it } from 'vitest'

const CASE = fileURLToPath(new URL('../fixtures/002_c5ffb9b641a0b531/', import.meta.url))
const text = readFileSync(join(CASE, '002_c5ffb9b641a0b531.txt'), 'utf8')
const parts = Array.from({ length: 22 }, (_, i) => i + 2)

describe('seed 002 against its hand-made 任务清单', async () => {
  const { measures } = parse(text)
  const reference = (await readTaskTable(text, { format: 'text' })).table.rows
  const byHeading = evaluate(toTaskRows(measures, { parts }), reference)
  const byTitle = evaluate(toTaskRows(measures, { parts, direction: 'title' }), reference)

  it('report (golden)', async () => {
    await expect(formatReport(byHeading, 'text')).toMatchFileSnapshot(join(CASE, 'eval-report.txt'))
  })

  it('the 改革方向 convention moves only 改革方向 and the 升级措施 the title leaves', () => {
    expect(byTitle.counts).toEqual(byHeading.counts)
    for (const field of ['units', 'deadline', 'specialty'] as const) expect(byTitle.fields[field]).toEqual(byHeading.fields[field])
  })

  // The reference takes the heading above a measure in some attachments and the measure's own
  // title in others, and rewords some: even the better of the two conventions row by row stays
  // below 90 %. These numbers are what the closing notes of issue 3 quote.
  it('改革方向: heading, title, and the better of the two for each row', () => {
    const key = (p: EvalReport['pairs'][number]) => p.reference.line
    const titleSame = new Map(byTitle.pairs.map((p) => [key(p), p.same.direction]))
    const either = byHeading.pairs.filter((p) => p.same.direction || titleSame.get(key(p))).length
    const pct = (n: number) => Math.round((n / byHeading.pairs.length) * 1000) / 10
    expect([byHeading.fields.direction.same, byTitle.fields.direction.same, either].map(pct)).toEqual([64.8, 51.5, 89.4])
  })
})
