import type { TaskColumn } from '../columns.js'
import { looksLikeDeadline } from './deadline.js'
import { unitListScore } from './units.js'

/**
 * Labels seen in the 所属专项 and 改革方向 columns of rows that read well, so a label found in
 * the wrong column of a shifted row can be recognised (`执行合同` is a 所属专项).
 */
export interface Vocabulary {
  specialty: ReadonlySet<string>
  direction: ReadonlySet<string>
}

/** An empty vocabulary, for the first pass. */
export const NO_VOCABULARY: Vocabulary = { specialty: new Set(), direction: new Set() }

const length = (text: string) => Array.from(text).length
const hasStop = (text: string) => /[。；;！？]/u.test(text)

/**
 * How well a cell's text fits a column, from what each column's text looks like:
 * 序号 is an integer; 完成时限 a date or an ongoing phrase; 责任单位 a list of unit names;
 * 升级措施 long prose; 所属专项 a short label; 改革方向 a heading of medium length.
 * @param text - the cell, cleaned and not empty
 * @param column - the column, null for a header cell we do not know
 * @param vocabulary - labels already seen in the 所属专项 and 改革方向 columns
 * @returns 0 (cannot be this column) … 1 (certainly is)
 */
export function columnFit(text: string, column: TaskColumn | null, vocabulary: Vocabulary): number {
  const t = text.trim()
  const n = length(t)
  const deadline = looksLikeDeadline(t)
  const units = unitListScore(t)
  const inSpecialty = vocabulary.specialty.has(t)
  const inDirection = vocabulary.direction.has(t)
  switch (column) {
    case 'seq':
      return /^\d{1,4}$/u.test(t.normalize('NFKC')) ? 1 : 0
    case 'deadline':
      return deadline ? 1 : 0
    case 'units':
    case 'lead':
      if (deadline || hasStop(t)) return 0
      if ((inSpecialty || inDirection) && units < 1) return 0.2
      return units
    case 'measure':
      if (deadline) return 0
      if (inSpecialty || inDirection) return 0.2
      if (hasStop(t) || n >= 20) return units >= 0.5 && !hasStop(t) ? 0.4 : 1
      if (units >= 0.5) return 0.1
      return n >= 10 ? 0.5 : 0.2
    case 'direction':
      if (deadline || n > 40 || /[。]/u.test(t)) return 0
      if (inDirection) return 1
      if (inSpecialty) return 0.3
      if (units >= 0.5) return 0.2
      return n <= 30 ? 0.7 : 0.4
    case 'specialty':
      if (deadline || hasStop(t) || n > 16) return 0
      if (inSpecialty) return 1
      if (inDirection) return 0.3
      if (units >= 0.5) return 0.1
      return n <= 10 ? 0.6 : 0.3
    case null:
      return 0.5
  }
}

/** The fit a cell needs to count as being in the right column. */
export const FIT_THRESHOLD = 0.5
