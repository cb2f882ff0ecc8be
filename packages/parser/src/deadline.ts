import type { Deadline } from '@policykb/model'

/** A deadline before its span is attached. */
export type DeadlineDraft = Deadline extends infer D ? (D extends { span: unknown } ? Omit<D, 'span'> : never) : never

/** Options of {@link parseDeadline}. */
export interface DeadlineOptions {
  /**
   * the document's year, for phrases that name no year: a month (`6月底前`), the year's end
   * (`年底前`, `年末`) or the whole year (`全年`, `年内`, `今年`); without it such phrases are unspecified
   */
  year?: number
}

const ONGOING = /(长期坚持|持续推进|长期推进|长期执行|持续开展|持续实施|常态化|长期|持续|长效|每年|每季度|每月|逐年|定期|动态|不断|经常性)/
const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`

interface Point {
  date: string
  precision: 'day' | 'month' | 'year' | 'half' | 'quarter'
  from: string | null
  index: number
}

const HALF: Record<string, [number, number]> = { 上半年: [1, 6], 下半年: [7, 12] }
const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 }

/** Every time point named in a (space-free, folded) phrase, in order. */
function points(s: string, year: number | undefined): Point[] {
  const out: Point[] = []
  const re =
    /(?:(\d{4})\s*[—\-–~至到]\s*)?(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?|(上半年|下半年)|第?([一二三四1234])季度)?|(?<!\d)(?<![^今本]年)(\d{1,2})月(?:(\d{1,2})日)?|(上半年|下半年)|第?([一二三四])季度/g
  // a month without a year takes the last year the phrase named (`2022年6月—12月`), else the document's
  let named: number | undefined
  for (const m of s.matchAll(re)) {
    if (m[2]) named = Number(m[2])
    const y = m[2] ? Number(m[2]) : (named ?? year)
    if (y === undefined) continue
    const month = m[3] ?? m[7]
    const day = m[4] ?? m[8]
    const half = m[5] ?? m[9]
    const quarter = m[6] ?? m[10]
    if (month) {
      const mo = Number(month)
      if (mo < 1 || mo > 12) continue
      const d = day ? Math.min(Number(day), lastDay(y, mo)) : lastDay(y, mo)
      out.push({ date: iso(y, mo, d), precision: day ? 'day' : 'month', from: null, index: m.index })
    } else if (half) {
      const [a, b] = HALF[half]!
      out.push({ date: iso(y, b, lastDay(y, b)), precision: 'half', from: iso(y, a, 1), index: m.index })
    } else if (quarter) {
      const q = QUARTER[quarter]!
      out.push({ date: iso(y, q * 3, lastDay(y, q * 3)), precision: 'quarter', from: iso(y, q * 3 - 2, 1), index: m.index })
    } else if (m[2]) {
      const from = m[1] ? `${m[1]}-01-01` : `${y}-01-01`
      out.push({ date: iso(y, 12, 31), precision: 'year', from, index: m.index })
    }
  }
  year ??= named
  if (year === undefined) return out
  // `年底前` / `年末` with no year of their own: the end of the document year
  for (const m of s.matchAll(/(?<!\d)年(底|末)/g)) {
    out.push({ date: iso(year, 12, 31), precision: 'day', from: null, index: m.index })
  }
  // `全年` / `年内` / `今年` alone: the document year as a period; beside a month they only name its year
  if (out.length === 0) {
    const m = /(全年|年内|今年|本年度?)/.exec(s)
    if (m) out.push({ date: iso(year, 12, 31), precision: 'year', from: iso(year, 1, 1), index: m.index })
  }
  return out
}

/**
 * Read a deadline phrase: 2022年6月底前 → date 2022-06-30; 2022年 → period ending 2022-12-31;
 * 长期坚持 / 持续推进 → ongoing; 2022年6月底完成清理并长期坚持 → date with `alsoOngoing`.
 * With the document year: 年底前 → its Dec 31; 全年 / 年内 / 今年 → the year as a period.
 * A phrase naming several stages (`2022年6月，…；2022年12月，…`) is due at its last one.
 *
 * @param text - the phrase as written
 * @param options - see {@link DeadlineOptions}
 * @returns the deadline without a span; `unspecified` when no time can be read
 */
export function parseDeadline(text: string, options: DeadlineOptions = {}): DeadlineDraft {
  const s = text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  const found = points(s, options.year)
  const ongoing = ONGOING.test(s)
  if (found.length === 0) return ongoing ? { kind: 'ongoing', text } : { kind: 'unspecified', text }
  const last = found.reduce((a, b) => (b.date >= a.date ? b : a))
  // `年底`/`年末` name a point, like a month; a bare year or half year names a period.
  const yearEnd = last.precision === 'year' && /^\d{4}年(底|末)/.test(s.slice(last.index).replace(/^\d{4}[—\-–~至到]/, ''))
  if (last.precision === 'day' || last.precision === 'month' || yearEnd) {
    return { kind: 'date', text, date: last.date, alsoOngoing: ongoing }
  }
  return { kind: 'period', text, date: last.date, from: last.from, alsoOngoing: ongoing }
}
