/**
 * Reading the 责任单位 / 牵头单位 cells of a 任务清单: unit names joined by `、` `，` `,` `；`,
 * brackets kept whole (`各县（市、区）人民政府（管委会）` is one unit).
 */

const OPEN = new Set(['（', '(', '《', '【', '[', '“', '「'])
const CLOSE = new Set(['）', ')', '》', '】', ']', '”', '」'])
const SEPARATORS = new Set(['、', '，', ',', '；', ';'])

/**
 * Split a unit list on its separators, outside brackets.
 * @param text - the cell text
 * @returns the non-empty parts, trimmed, in order
 */
export function splitUnits(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of text) {
    if (OPEN.has(ch)) depth++
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1)
    if (depth === 0 && SEPARATORS.has(ch)) {
      if (current.trim()) parts.push(current.trim())
      current = ''
    } else {
      current += ch
    }
  }
  if (current.trim()) parts.push(current.trim())
  return parts
}

/** Role words a 任务清单 appends to a unit or a list of units. */
const ROLE_TAIL =
  /(?:(?:按|根据)[^，、,]*?(?:职责|分工)[^，、,]*?)?(?:牵头|配合|协办|负责落实|具体落实|督促落实|负责|落实)$/u

/** Endings that make a name a unit on their own: 局, 委, 政府, 法院, 公司, 支行, 中心, 机关, 部门 …. */
const UNIT_END =
  /(?:局|委|委员会|政府|法院|检察院|海关|公司|支行|分行|分局|银行|中心|办公室|管委会|机关|报社|电视台|部门|单位|成员|工商联|组织部|宣传部|统战部|政法委)$/u

/** Endings that make a unit only after a unit-like start (市委网信办, 驻许证券经营机构, 各上市企业). */
const WEAK_END = /(?:办|厅|部|院|所|站|队|社|处|室|组|行|会|联|机构|企业|区|县)$/u
const UNIT_START = /^(?:市|省|县|区|各|许昌|人行|驻|国家|中国|河南|其他|相关)/u
const PLACE = /^\p{Script=Han}{2,4}[区县]$/u

/**
 * Strip a unit name of role words and trailing bracketed notes, for recognising and comparing.
 * `市住房城乡建设局牵头` → `市住房城乡建设局`; `各县（市、区）人民政府（管委会）负责落实` → `各县（市、区）人民政府`.
 * @param name - one part of a unit list
 */
export function unitCore(name: string): string {
  let core = name.trim()
  for (let i = 0; i < 3; i++) {
    const before = core
    core = core
      .replace(ROLE_TAIL, '')
      .replace(/[（(][^（()）]*[)）]$/u, '')
      .replace(/等$/u, '')
      .trim()
    if (core === before) break
  }
  return core
}

/**
 * How much a cell reads as a list of units: the share of its parts that end like a unit name.
 * @param text - the cell text
 * @returns 0 (not a unit list) … 1 (every part is a unit name); 0 for prose with a full stop
 */
export function unitListScore(text: string): number {
  const t = text.trim()
  if (t === '' || /[。]/u.test(t)) return 0
  const parts = splitUnits(t)
  if (parts.length === 0) return 0
  let good = 0
  for (const part of parts) {
    const core = unitCore(part)
    if (isUnitName(core)) good++
  }
  return good / parts.length
}

/**
 * Whether a name (role words stripped, see {@link unitCore}) reads as a unit: it ends like a unit
 * (局, 委, 政府, 公司 …), or starts like one (市, 各, 驻 …) and ends like an office (办, 机构 …),
 * or is a district or county (魏都区). `企业开办` and `建立健全组织机构` are not units.
 * @param core - the name
 */
export function isUnitName(core: string): boolean {
  const n = Array.from(core).length
  if (n < 2 || n > 60) return false
  if (UNIT_END.test(core)) return true
  if (UNIT_START.test(core) && WEAK_END.test(core)) return true
  return PLACE.test(core)
}
