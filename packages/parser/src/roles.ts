import type { SectionRole } from '@policykb/model'

const ROLE_WORDS: Array<[SectionRole, RegExp]> = [
  ['indicators', /(指标对比|对比表|指标体系表|指标提升对比)/],
  ['background', /(规划背景|发展基础|发展形势|发展环境|现实基础|面临形势|背景|现状|基本情况)/],
  ['safeguard', /(保障措施|组织实施|组织保障|保障机制|工作保障|实施保障|工作要求|组织领导)$/],
  ['goal', /(总体要求|指导思想|基本原则|工作目标|总体目标|主要目标|建设目标|发展目标|目标任务$|工作原则|(适用|试点|实施)范围|编制依据)/],
  ['task', /(主要任务|重点任务|主要措施|重点措施|工作举措|任务举措|主要举措|具体措施|工作任务|重点工作|措施及责任分工|任务分工|责任分工|行动任务|重点领域|主要内容)/],
]

/**
 * What a section is for, from its heading: 主要任务/重点任务/主要措施… are task sections;
 * 规划背景, 总体要求/指导思想/基本原则/工作目标, 保障措施/组织实施 and 指标对比 are not.
 * @param heading - heading text without numbering
 * @returns the role, or null when the heading does not say
 */
export function roleOfHeading(heading: string): SectionRole | null {
  const h = heading.replace(/[\s。；：]/g, '')
  for (const [role, re] of ROLE_WORDS) if (re.test(h)) return role
  return null
}

const words = ROLE_WORDS.map(([, re]) => re.source.replace(/\$/g, '').replace(/^\(|\)$/g, '')).join('|')
const GENERIC = new RegExp(`^(?:${words})(?:[和及与、]?(?:${words}))*$`)

/**
 * Whether a heading is only a section word (`二、重点任务`, `三、主要措施`, `四、保障措施`) rather
 * than naming an area of work (`（一）优化政务服务`, `五、强化组织实施`): such a heading wraps the
 * areas and is never a measure's 改革方向.
 * @param heading - heading text without numbering
 */
export function isGenericHeading(heading: string): boolean {
  return GENERIC.test(heading.replace(/[\s。；：]/g, ''))
}
