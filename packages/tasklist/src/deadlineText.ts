import type { Deadline } from '@policykb/model'

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '')

/**
 * 完成时限 as a 任务清单 writes it: `2022年12月` for a month deadline (`2022年12月底前` included),
 * the phrase as written (spaces removed) for ongoing, compound and period deadlines.
 * @param deadline - the measure's deadline, or null
 * @returns the display text; empty when there is no deadline
 */
export function formatDeadline(deadline: Deadline | null): string {
  if (!deadline) return ''
  const written = squeeze(deadline.text)
  if (deadline.kind !== 'date' || deadline.alsoOngoing) return written
  const [y, m, d] = deadline.date.split('-').map(Number) as [number, number, number]
  // A stated day is kept; otherwise the month is what the deadline means.
  return /\d{1,2}日/.test(written) ? `${y}年${m}月${d}日` : `${y}年${m}月`
}

/** The ISO date a deadline falls due, null for none, ongoing or unspecified. */
export function deadlineDate(deadline: Deadline | null): string | null {
  return deadline && (deadline.kind === 'date' || deadline.kind === 'period') ? deadline.date : null
}
