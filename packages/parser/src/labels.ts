import type { UnitRole } from '@policykb/model'

/**
 * What a responsibility label introduces: units of a role, a deadline, a `分工` clause list whose
 * clauses carry their own role words (`X牵头，Y配合`), or a person (a leader, 责任人) — never a unit.
 */
export type LabelKind = UnitRole | 'deadline' | 'division' | 'person'

/**
 * Labels by the way they are built, not by a closed word list: a role word and a unit-list word
 * (`牵头` + `责任` + `单位`, `协同责任单位`, `实施主体`), a leader (`分管省领导`, `牵头负责领导`), or a
 * deadline word. Earlier patterns win where two match the same text.
 */
const PATTERNS: Array<[LabelKind, string]> = [
  ['person', '(?:牵头|分管|责任|包保|联系)(?:负责)?(?:省|市|州|区|县)?领导(?:同志)?|责任人'],
  ['lead', '(?:牵头|主责)(?:考核|责任)?(?:单位|部门|处室)'],
  ['cooperating', '(?:协同|配合|协办|参与)(?:责任)?(?:单位|部门|处室)'],
  ['responsible', '(?:责任|实施|承办)(?:单位|部门|主体|处室)'],
  ['division', '(?:部门|责任|任务)?分工'],
  ['deadline', '时间节点|完成时限|完成时间|完成期限|时间要求|时限要求'],
]

const ANY_LABEL = new RegExp(`(?:${PATTERNS.map(([kind, p]) => `(?<${kind}>${p})`).join('|')})\\s*：`, 'g')

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
 * Every responsibility, deadline or person label in a folded string, in order (a line may hold
 * several run together: `牵头单位：…责任单位：…`). A label is a label only when a colon follows it.
 * @param folded - width-folded text (colons are full width)
 */
export function findLabels(folded: string): LabelMatch[] {
  const out: LabelMatch[] = []
  for (const m of folded.matchAll(ANY_LABEL)) {
    const [kind, word] = PATTERNS.map(([k]) => [k, m.groups?.[k]] as const).find(([, w]) => w !== undefined)!
    let valueStart = m.index + m[0].length
    while (folded[valueStart] === ' ') valueStart++
    out.push({ kind, start: m.index, word: m.index + word!.length, valueStart })
  }
  return out
}

/**
 * Whether a folded line starts with a responsibility, deadline or person label.
 * @param folded - the line, trimmed and width-folded
 */
export function startsWithLabel(folded: string): boolean {
  const first = findLabels(folded.slice(0, 12))[0]
  return first !== undefined && first.start === 0
}
