import type { TaskDeadline } from '@policykb/model'

/** The ISO date a deadline falls due (a period's end), null for none, ongoing or unspecified. */
export function deadlineDate(deadline: TaskDeadline | null): string | null {
  return deadline && (deadline.kind === 'date' || deadline.kind === 'period') ? deadline.date : null
}
