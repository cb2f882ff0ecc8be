/**
 * Reading the 完成时限 cell of a 任务清单: `2022年6月`, `2022年12月底前`, `2022年`,
 * `2022年上半年`, `持续推进`, `长期坚持`, `常态化推进` ….
 */

/** What a deadline cell says, reduced to what tables are compared on. */
export type DeadlineValue =
  | { kind: 'date'; year: number; month: number; day: number | null }
  | { kind: 'ongoing' }
  | { kind: 'none' }

/** Phrases that mean "no end date": the work goes on. */
const ONGOING = /持续|长期|常态|经常性|定期|每年|逐年|动态|不断/u

const FULL_WIDTH_DIGITS = /[０-９]/gu

function foldDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 }

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Parse a deadline cell.
 *
 * A date names the end of what the text says: `2022年6月` → June 2022, `2022年` → December,
 * `上半年` → June, `三季度` → September, `2022年6月—12月` → December (the last date written).
 * Text that names no date but reads as ongoing (持续推进, 长期坚持, 常态化) is `ongoing`;
 * a phrase with a date and an ongoing part (`2022年6月底前完成，长期坚持`) is the date.
 * @param text - the cell text, spaces allowed
 * @returns `none` for an empty cell or text naming no time
 */
export function parseDeadline(text: string): DeadlineValue {
  const t = foldDigits(text).replace(/\s+/gu, '')
  if (t === '') return { kind: 'none' }
  let found: { year: number; month: number; day: number | null } | null = null
  let lastYear: number | null = null
  const re = /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?|(上半年|下半年|年底|年末|底)|(?:第?([一二三四1-4])季度))?|(\d{1,2})月(?:(\d{1,2})日)?/gu
  for (const m of t.matchAll(re)) {
    if (m[1] !== undefined) {
      const year = Number(m[1])
      lastYear = year
      if (m[2] !== undefined) {
        found = { year, month: Number(m[2]), day: m[3] !== undefined ? Number(m[3]) : null }
      } else if (m[4] === '上半年') {
        found = { year, month: 6, day: null }
      } else if (m[5] !== undefined) {
        const q = CN_DIGIT[m[5]] ?? Number(m[5])
        found = { year, month: q * 3, day: null }
      } else {
        found = { year, month: 12, day: null }
      }
    } else if (m[6] !== undefined && lastYear !== null) {
      found = { year: lastYear, month: Number(m[6]), day: m[7] !== undefined ? Number(m[7]) : null }
    }
  }
  if (found && found.month >= 1 && found.month <= 12) return { kind: 'date', ...found }
  if (ONGOING.test(t)) return { kind: 'ongoing' }
  return { kind: 'none' }
}

/**
 * The ISO date a deadline cell stands for: the last day of the month or period it names.
 * @param text - the cell text
 * @returns `YYYY-MM-DD`, or null for ongoing or unreadable deadlines
 */
export function deadlineDate(text: string): string | null {
  const v = parseDeadline(text)
  if (v.kind !== 'date') return null
  const last = lastDayOfMonth(v.year, v.month)
  const day = v.day !== null && v.day >= 1 && v.day <= last ? v.day : last
  return `${String(v.year).padStart(4, '0')}-${String(v.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Whether a cell reads as a deadline (a date, a period or an ongoing phrase) and nothing else.
 * Used to recognise the 完成时限 column in shifted rows.
 * @param text - the cell text
 */
export function looksLikeDeadline(text: string): boolean {
  const t = foldDigits(text).replace(/\s+/gu, '')
  if (t === '' || Array.from(t).length > 30 || /[。；;]/u.test(t)) return false
  if (!/\d{4}年|\d{1,2}月|持续|长期|常态|定期|每年|逐年/u.test(t)) return false
  const rest = Array.from(t.replace(DEADLINE_WORDS, '')).length
  // A dated deadline may name what is finished by then (2022年6月底前完成清理整治并长期坚持).
  return rest <= 2 || (/^\d{4}年/u.test(t) && /(?:完成|坚持|底前|以前|之前)/u.test(t) && rest <= 8)
}

/** Everything a deadline cell may hold besides its dates; what is left over is not a deadline. */
const DEADLINE_WORDS =
  /\d{4}年|\d{1,2}月|\d{1,2}日|年底|年末|上半年|下半年|第?[一二三四1-4]季度|底前|以前|之前|底|前|完成|开始|起|[—\-–~～至到，,、并及和]|持续|长期|常态化?|定期|每年|逐年|动态|不断|推进|坚持|开展|实施|落实|进行|推动|完善|执行|全年|年内|内|中/gu
