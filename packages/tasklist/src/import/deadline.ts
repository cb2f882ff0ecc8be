/**
 * Whether a 任务清单 cell has the shape of a 完成时限 (for finding the column of shifted rows). What
 * a deadline says is read by the one deadline reader of the parser (`cellDeadline`).
 */

const FULL_WIDTH_DIGITS = /[０-９]/gu

function foldDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
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
