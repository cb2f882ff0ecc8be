import type { TaskDeadline, TaskUnit, UnitRole } from '@policykb/model'

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '')

/** The role word a 任务清单 writes after units of a role when it has no 牵头单位 column. */
const ROLE_WORD: Record<UnitRole, string> = { lead: '牵头', responsible: '', cooperating: '配合', implementing: '负责落实' }

/**
 * 责任单位 as a 任务清单 writes it: unit names, each once, in document order. Beside a 牵头单位
 * column the leads are left out (a unit listed both as lead and as responsible stays, as
 * responsible); without one, each run of units of one role is followed by its role word
 * (`市住建局牵头，市自然资源局、市发改局配合`) — the one form every row uses.
 * @param units - the row's units, lead included
 * @param leadColumn - whether the table shows leads in a column of their own
 */
export function unitsCell(units: readonly TaskUnit[], leadColumn: boolean): string {
  const seen = new Set<string>()
  const runs: Array<{ role: UnitRole; names: string[] }> = []
  for (const u of units) {
    if (leadColumn && u.role === 'lead') continue
    if (seen.has(u.normalized)) continue
    seen.add(u.normalized)
    const role: UnitRole = leadColumn ? 'responsible' : u.role
    const last = runs.at(-1)
    if (last && last.role === role) last.names.push(u.name)
    else runs.push({ role, names: [u.name] })
  }
  return runs.map((r) => `${r.names.join('、')}${ROLE_WORD[r.role]}`).join('，')
}

/**
 * 完成时限 as a 任务清单 writes it. `written` (default): the phrase as the source writes it,
 * spaces removed (`2022年6月底前`, `长期坚持`) — an official table quotes its source. `normalized`:
 * a month deadline as `2022年6月` (a stated day kept, `2022年6月15日`), other deadlines as written.
 * @param deadline - the row's deadline, or null
 * @param display - `written` or `normalized`
 * @returns the display text; empty when there is no deadline
 */
export function deadlineCell(deadline: TaskDeadline | null, display: 'written' | 'normalized' = 'written'): string {
  if (!deadline) return ''
  const written = squeeze(deadline.text)
  if (display === 'written' || deadline.kind !== 'date' || deadline.alsoOngoing) return written
  const [y, m, d] = deadline.date.split('-').map(Number) as [number, number, number]
  return /\d{1,2}日/.test(written) ? `${y}年${m}月${d}日` : `${y}年${m}月`
}
