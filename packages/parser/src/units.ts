import type { UnitRole } from '@policykb/model'

/** A unit name found in a list, before spans are attached: offsets are relative to the list. */
export interface UnitDraft {
  name: string
  normalized: string
  role: UnitRole
  start: number
  end: number
}

/** Words that close a unit name: 局, 委, 中心, 支行, 人民政府… */
const UNIT_SUFFIX =
  /(局|委|办|院|中心|公司|支行|分行|分局|政府|法院|检察院|部|厅|会|处|所|站|队|集团|银行|社|馆|组|室|单位|部门|机构|协会|署|台|行|团|关|校|馆|管委会|海关|机关)$/
/** How a unit name may begin, for telling `局和市…` (two units) from `资源和规划局` (one). */
const UNIT_START = /^(市|县|区|省|州|盟|旗|乡|镇|街道|各|人行|中国|国家|国网|许昌|全市|全省|有关|相关|XX|中省|驻)/

/**
 * Role words that follow a unit or a list of units in a clause, most specific first, with the
 * role they give. `督促辖区内供水企业落实` reads as implementing.
 */
const ROLE_SUFFIXES: Array<[RegExp, UnitRole]> = [
  [/(共同)?牵头(负责)?$/, 'lead'],
  [/(积极|协助|协同)?(配合|协办|参与)$/, 'cooperating'],
  [/(按照?|根据)(各自)?职责(分工)?(负责)?(落实)?$/, 'responsible'],
  // not across another 督促: each 督促 then scans only to the next, and the search stays linear
  [/督促(?:[^，、督]|督(?!促))*?落实$/, 'implementing'],
  [/(具体|组织|抓好|负责)落实$/, 'implementing'],
  [/(分别|具体)?负责$/, 'responsible'],
  [/落实$/, 'implementing'],
]

/**
 * Role words written in brackets after one unit of a list (`县司法局（牵头）、县政务服务中心`): the
 * role of that unit alone, the brackets no part of its name. Rows of data: one row per form.
 */
const BRACKETED_ROLES: ReadonlyArray<{ id: string; pattern: RegExp; role: UnitRole; example: string }> = [
  { id: 'paren-lead', pattern: /（(?:牵头|主责)）$/, role: 'lead', example: '县司法局（牵头）' },
  { id: 'paren-cooperating', pattern: /（(?:配合|协办)）$/, role: 'cooperating', example: '县财政局（配合）' },
]

/** Collective tails such as `等部门`, `等市直相关部门（单位）`, or a bare `等`. */
const ETC_TAIL = /等([^、，]{0,20}?(部门|单位|机构|成员单位|有关方面)(（单位）)?)?$/
const LEVELS = '(?:县级市|县市区|县区|市县|乡镇|街道|开发区|县|区|市|乡|镇|旗)'
/** `各区`, `各乡镇`: 各 over one kind of place */
const EACH_LEVEL = new RegExp(`^各${LEVELS}$`)
/** `县级市`, `街道`: a kind of place without 各 */
const BARE_LEVEL = new RegExp(`^${LEVELS}$`)
const TRAILING_PUNCT = /(?<![。；，、\s])[。；，、\s]+$/

/**
 * Notes that sit among units but are never units: `下同`, `不再单独列出`, `不再做分工`,
 * `列第一位者为牵头单位`.
 */
const NOTE_CLAUSE =
  /^(以下同|下同|同上|不再(单独|另行|一一)?列出|不再(做|作|进行|一一)?分工|(?:[^列排]|[列排](?!在?(?:第一|首)位))*[列排]在?(?:第一|首)位.*为牵头)/

/**
 * Whether a clause of a statement is a note about the statement rather than units.
 * @param folded - the clause, width-folded
 */
export function isNoteClause(folded: string): boolean {
  return NOTE_CLAUSE.test(folded.replace(/^[\s。；，、]+/, ''))
}

/**
 * Canonical form of a unit name: brackets and punctuation in full width, spaces removed.
 * @param name - a unit name as written (may be folded or not)
 */
export function normalizeUnitName(name: string): string {
  return name
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/[\s\u3000]+/g, '')
    .replace(TRAILING_PUNCT, '')
}

/** Split `text` at `separators` that stand outside brackets; returns [start, end) pieces. */
function splitOutsideBrackets(folded: string, from: number, to: number, separators: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let depth = 0
  let pieceStart = from
  for (let i = from; i < to; i++) {
    const ch = folded[i]!
    if (ch === '（' || ch === '《' || ch === '“') depth++
    else if ((ch === '）' || ch === '》' || ch === '”') && depth > 0) depth--
    else if (depth === 0 && separators.includes(ch)) {
      out.push([pieceStart, i])
      pieceStart = i + 1
    }
  }
  out.push([pieceStart, to])
  return out
}

function trimRange(folded: string, start: number, end: number): [number, number] {
  while (start < end && /[\s。；，、：]/.test(folded[start]!)) start++
  if (folded[start] === '由' && end - start > 2) start++
  while (end > start && /[\s。；，、]/.test(folded[end - 1]!)) end--
  return [start, end]
}

/** Split a name at 和/及/与 joining two units (`市财政局和市税务局`), never inside one (`自然资源和规划局`). */
function splitConjunctions(folded: string, start: number, end: number): Array<[number, number]> {
  const s = folded.slice(start, end)
  for (const m of s.matchAll(/[和及与]/g)) {
    const left = s.slice(0, m.index)
    const right = s.slice(m.index + 1)
    if (UNIT_SUFFIX.test(left) && UNIT_START.test(right)) {
      const at = start + m.index
      return [[start, at], ...splitConjunctions(folded, at + 1, end)]
    }
  }
  return [[start, end]]
}

/**
 * Read a list of units with their roles: `市住房城乡建设局牵头，市自然资源和规划局等部门配合，
 * 各县（市、区）人民政府（管委会）负责落实`.
 *
 * Clauses are split at `，`/`；`, units at `、` and at 和/及 where they join two units, never
 * inside brackets (`各县（市、区）人民政府（管委会）` is one unit). Role words are stripped and
 * give the clause's role; a clause without them takes `defaultRole`. Note clauses (`下同`, `不再单独列出`)
 * are skipped.
 *
 * @param text - the list as written
 * @param folded - the same list width-folded (same length)
 * @param defaultRole - role of units whose clause names none (the label's role)
 * @returns units in document order; offsets relative to `text`
 */
export function parseUnitList(text: string, folded: string, defaultRole: UnitRole): UnitDraft[] {
  const units: UnitDraft[] = []
  for (const [cs0, ce0] of splitOutsideBrackets(folded, 0, folded.length, '，；')) {
    let [cs, ce] = trimRange(folded, cs0, ce0)
    if (cs >= ce || isNoteClause(folded.slice(cs, ce))) continue
    let role = defaultRole
    for (const [re, r] of ROLE_SUFFIXES) {
      const m = re.exec(folded.slice(cs, ce))
      if (m && m.index > 0) {
        role = r
        ce = cs + m.index
        break
      }
    }
    const pieces = splitOutsideBrackets(folded, cs, ce, '、').flatMap(([a, b]) => splitConjunctions(folded, a, b))
    let carry: number | null = null
    for (const [ps0, pe0] of pieces) {
      let [ps, pe] = trimRange(folded, ps0, pe0)
      const etc = ETC_TAIL.exec(folded.slice(ps, pe))
      if (etc && etc.index > 0) pe = ps + etc.index
      ;[ps, pe] = trimRange(folded, ps, pe)
      if (ps >= pe) continue
      // `市、县（区）各行政执法单位`: a lone level word belongs to the name that follows.
      if (/^[市县区省乡镇]$/.test(folded.slice(ps, pe))) {
        carry ??= ps
        continue
      }
      const start = carry ?? ps
      carry = null
      // `各区、县级市`, `各乡镇、街道`: a bare level after `各<level>` is the same 各 over two kinds of
      // place — one body of units, written as one
      const prev = units.at(-1)
      if (prev && EACH_LEVEL.test(folded.slice(prev.start, prev.end)) && BARE_LEVEL.test(folded.slice(start, pe)) && /^\s*、\s*$/.test(folded.slice(prev.end, start))) {
        prev.end = pe
        prev.name = text.slice(prev.start, pe)
        prev.normalized = normalizeUnitName(folded.slice(prev.start, pe))
        continue
      }
      const bracketed = BRACKETED_ROLES.find((r) => r.pattern.test(folded.slice(start, pe)))
      if (bracketed) pe = start + folded.slice(start, pe).search(bracketed.pattern)
      const name = text.slice(start, pe)
      units.push({ name, normalized: normalizeUnitName(folded.slice(start, pe)), role: bracketed?.role ?? role, start, end: pe })
    }
  }
  return units
}
