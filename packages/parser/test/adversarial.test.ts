// Inputs that once took minutes, crashed or gave silently wrong results (issue 9). Example tests
// here run at sizes that would have shown each defect; the full sizes of the issue run in the
// slow tier (`POLICYKB_SLOW=1`, set by .ci/run) below. No test asserts a time: the benchmark
// bench/adversarial.bench.mjs measures time and memory.
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it, test } from 'vitest'
import { decode } from '../src/decode.js'
import { fromMarkdown } from '../src/markdown.js'
import { normalize } from '../src/normalize.js'
import { parse } from '../src/parse.js'
import { seeds } from './helpers.js'

const SLOW = process.env.POLICYKB_SLOW === '1'
const PLAN = '某市优化营商环境行动方案\n一、重点任务\n1.深化改革。（牵头单位：市发展改革委）\n2.提升服务水平。（牵头单位：市政务服务局）\n3.加强监管。（牵头单位：市市场监管局）\n'
const seed = seeds().find((s) => s.name.startsWith('001'))!.text

/** What must agree between two renderings of one text: measure texts, their units and deadlines. */
const facts = (text: string) =>
  parse(text).measures.map((m) => ({ numbering: m.numbering, text: m.text, units: m.units.map((u) => [u.name, u.role]), deadline: m.deadline?.text ?? null }))

describe('silent wrong results', () => {
  let crlf = 0
  test.each([
    { name: 'lone CRs (old Mac line ends)', text: (t: string) => t.replaceAll('\n', '\r') },
    { name: 'CRLF and lone CR mixed', text: (t: string) => t.replace(/\n/g, () => (crlf++ % 2 ? '\r' : '\r\n')) },
    { name: 'CRLF', text: (t: string) => t.replaceAll('\n', '\r\n') },
  ])('$name break lines as LF does', ({ text }) => {
    for (const source of [PLAN, seed]) {
      expect(facts(text(source))).toEqual(facts(source))
      expect(facts(source).length).toBeGreaterThan(0)
    }
  })

  it('keeps the lone CR as a cr removal, and segments and removals still cover the original once', () => {
    const source = 'a\rb\r\rc\r\nd'
    const n = normalize(source, { joinPageBreaks: false })
    expect(n.text).toBe('a\nb\n\nc\nd')
    const seen = new Uint8Array(source.length)
    for (const s of n.segments) for (let i = s.source; i < s.source + s.length; i++) seen[i]!++
    for (const r of n.removals) for (let i = r.start; i < r.end; i++) seen[i]!++
    expect([...seen]).toEqual(Array(source.length).fill(1))
    expect(n.removals.filter((r) => r.kind === 'cr').map((r) => source.slice(r.start, r.end))).toEqual(['\r', '\r\r', '\r'])
    expect(n.lineStarts).toEqual([0, 2, 4, 5, 8])
  })

  test.each([
    { name: 'a space', sep: ' ' },
    { name: 'a tab', sep: '\t' },
    { name: 'an ideographic space', sep: '\u3000' },
    { name: 'a tab and spaces', sep: '\t  ' },
  ])('$name after the numbering separates it like nothing at all', ({ sep }) => {
    const text = PLAN.replace(/^(\d\.)/gm, `$1${sep}`)
    expect(facts(text).map(({ units }) => units)).toEqual(facts(PLAN).map(({ units }) => units))
    expect(parse(text).measures.map((m) => m.title)).toEqual(['深化改革', '提升服务水平', '加强监管'])
  })

  it('still reads a tab-separated row that starts with a numbering as a table row', () => {
    const rows = '序号\t重点任务\t责任单位\n1.\t深化改革\t市发展改革委\n2.\t提升服务水平\t市政务服务局\n'
    const r = parse(`某市优化营商环境任务分工方案\n${rows}`)
    expect(r.document.tables).toHaveLength(1)
    expect(r.document.tables[0]!.rows.length).toBeGreaterThanOrEqual(2)
  })

  const bom = [0xef, 0xbb, 0xbf]
  test.each([
    { name: 'GB18030 body', body: new Uint8Array(iconv.encode(seed, 'gb18030')), ok: true },
    { name: 'GBK plan', body: new Uint8Array(iconv.encode(PLAN, 'gbk')), ok: true },
    { name: 'random bytes', body: Uint8Array.from({ length: 3000 }, (_, i) => ((i * 7919 + 13) % 251) + 1), ok: false },
  ])('a UTF-8 BOM before a $name is not decoded as garbage', ({ body, ok }) => {
    const r = decode(Uint8Array.from([...bom, ...body]))
    if (!ok) {
      expect(r).toMatchObject({ ok: false, ruleId: 'decode-bom-mismatch' })
      return
    }
    expect(r).toMatchObject({ ok: true, encoding: 'gb18030' })
    if (!r.ok) return
    expect(r.text).not.toContain('\ufffd')
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('decode-bom-mismatch')
    expect(r.text).toBe(iconv.decode(Buffer.from(body), 'gb18030'))
  })

  it('a UTF-8 BOM before UTF-8 with one bad byte stays UTF-8 with a warning', () => {
    const r = decode(Uint8Array.from([...bom, ...new TextEncoder().encode(seed), 0xff]))
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8-bom' })
    if (r.ok) expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['decode-invalid-bytes'])
  })
})

/** Nesting and repetition that used to overflow the stack or grow quadratically. */
const nested = {
  quotes: (n: number) => `${'> '.repeat(n)}推进项目建设\n`,
  parens: (n: number) => `${'（'.repeat(n)}市商务局${'）'.repeat(n)}\n`,
  statement: (n: number) => `一、重点任务\n1.推进项目建设。（责任单位：${'（'.repeat(n)}市商务局${'）'.repeat(n)}）\n`,
  units: (n: number) => `一、重点任务\n1.推进项目建设。（责任单位：${Array.from({ length: n }, (_, i) => `市第${i}局`).join('、')}）\n`,
  dun: (n: number) => `${'、'.repeat(n)}\n`,
  bareNumbers: (n: number) => '1.\n'.repeat(n),
  items: (n: number) =>
    `一、重点任务\n${Array.from({ length: n }, (_, i) => `${i + 1}.推进第${i}项工作。（牵头单位：市商务局；完成时限：2025年底）`).join('\n')}\n`,
  line: (n: number) => '加强管理，推进建设。'.repeat(n),
  nestedLists: (n: number) => '- - 推进\n'.repeat(n),
  headingsAndLists: (n: number) => '# 重点任务\n- 推进建设\n'.repeat(n),
}

describe('adversarial text is parsed', () => {
  it('5 000 nested block quotes: parsed, the text kept', () => {
    const r = parse(nested.quotes(5000))
    expect(r.normalized.text).toContain('推进项目建设')
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  it('10 000 nested brackets, bare or inside a statement', () => {
    expect(parse(nested.parens(10_000)).measures).toEqual([])
    const r = parse(nested.statement(10_000))
    expect(r.measures).toHaveLength(1)
    expect(r.measures[0]!.responsibility?.text.length).toBeGreaterThan(20_000)
  })

  it('a statement of 5 000 units: every unit read, in order', () => {
    const r = parse(nested.units(5000))
    expect(r.measures).toHaveLength(1)
    expect(r.measures[0]!.units.map((u) => u.name)).toEqual(Array.from({ length: 5000 }, (_, i) => `市第${i}局`))
  })

  it('2 000 numbered items each with its statement: 2 000 measures, each its own lead and deadline', () => {
    const r = parse(nested.items(2000))
    expect(r.measures).toHaveLength(2000)
    expect(r.measures.every((m) => m.leadUnits.map((u) => u.name).join() === '市商务局' && m.deadline?.text === '2025年底')).toBe(true)
  })

  it('a line of 100 000 characters', () => {
    const r = parse(nested.line(10_000))
    expect(r.normalized.text.length).toBe(100_000)
  })

  it('nested lists and headings between lists: read as Markdown, each bullet found', () => {
    const lists = fromMarkdown(normalize(nested.nestedLists(300)))
    expect(lists.children).toHaveLength(1)
    const r = parse(nested.headingsAndLists(300))
    expect(r.document.parts[0]!.sections).toHaveLength(300)
  })
})

// Full sizes of the table, in the slow tier. Generators reach them; assertions are
// results only (no throw, what was read), never times.
describe.runIf(SLOW)('adversarial text at full size (POLICYKB_SLOW=1)', () => {
  const sized = (make: (n: number) => string, min: number, max: number) => fc.integer({ min, max }).map((n) => ({ n, text: make(n) }))
  const runs = { numRuns: 1 }

  it('nested block quotes up to 10 000 deep', () => {
    fc.assert(fc.property(sized(nested.quotes, 5000, 10_000), ({ text }) => {
      expect(parse(text).normalized.text).toContain('推进项目建设')
    }), runs)
  })

  it('up to 10⁵ nested brackets inside a statement', () => {
    fc.assert(fc.property(sized(nested.statement, 50_000, 100_000), ({ text }) => {
      expect(parse(text).measures).toHaveLength(1)
    }), runs)
  })

  it('up to 10⁵ units in one statement (2 MB)', () => {
    fc.assert(fc.property(sized(nested.units, 50_000, 100_000), ({ n, text }) => {
      expect(parse(text).measures[0]!.units).toHaveLength(n)
    }), runs)
  })

  it('up to 10⁵ bare 、 and up to 10⁵ lines 1.', () => {
    fc.assert(fc.property(sized(nested.dun, 50_000, 100_000), ({ text }) => {
      expect(parse(text).measures).toEqual([])
    }), runs)
    fc.assert(fc.property(sized(nested.bareNumbers, 50_000, 100_000), ({ n, text }) => {
      expect(parse(text).document.parts[0]!.sections).toHaveLength(n)
    }), runs)
  })

  it('up to 10⁵ numbered items with statements', () => {
    fc.assert(fc.property(sized(nested.items, 50_000, 100_000), ({ n, text }) => {
      expect(parse(text).measures).toHaveLength(n)
    }), { numRuns: 1 })
  })

  it('a single line of 1 MB of CJK', () => {
    fc.assert(fc.property(sized(nested.line, 30_000, 35_000), ({ text }) => {
      expect(parse(text).normalized.text.length).toBe(text.length)
    }), runs)
  })
})
