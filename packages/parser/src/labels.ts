import type { UnitRole } from '@policykb/model'

/** What a responsibility label introduces. */
export type LabelKind = UnitRole | 'deadline'

const LABELS: Array<[LabelKind, string[]]> = [
  ['lead', ['牵头考核单位', '牵头责任单位', '牵头单位', '牵头部门', '牵头处室']],
  ['responsible', ['责任单位', '责任部门', '责任主体', '责任处室', '实施单位', '承办单位', '主责单位']],
  ['cooperating', ['配合单位', '配合部门', '协办单位', '协同单位', '参与单位']],
  ['deadline', ['时间节点', '完成时限', '完成时间', '完成期限', '时间要求', '时限要求']],
]

const ALL = LABELS.flatMap(([kind, words]) => words.map((w) => [kind, w] as const)).sort(
  (a, b) => b[1].length - a[1].length,
)
const ANY_LABEL = new RegExp(`(${ALL.map(([, w]) => w).join('|')})\\s*：`, 'g')

/** A label such as `牵头单位：` found in a folded line. */
export interface LabelMatch {
  kind: LabelKind
  /** offset of the label word in the line */
  start: number
  /** offset just past the label word */
  word: number
  /** offset just after the colon (and spaces) */
  valueStart: number
}

/**
 * Every responsibility/deadline label in a folded string, in order (a line may hold several run
 * together: `牵头单位：…责任单位：…`).
 * @param folded - width-folded text (colons are full width)
 */
export function findLabels(folded: string): LabelMatch[] {
  const out: LabelMatch[] = []
  for (const m of folded.matchAll(ANY_LABEL)) {
    const word = m[1]!
    const kind = ALL.find(([, w]) => w === word)![0]
    let valueStart = m.index + m[0].length
    while (folded[valueStart] === ' ') valueStart++
    out.push({ kind, start: m.index, word: m.index + word.length, valueStart })
  }
  return out
}

/**
 * Whether a folded line starts with a responsibility or deadline label.
 * @param folded - the line, trimmed and width-folded
 */
export function startsWithLabel(folded: string): boolean {
  const first = findLabels(folded.slice(0, 12))[0]
  return first !== undefined && first.start === 0
}
