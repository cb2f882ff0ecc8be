/** Suffixes that name a 专项 plan; what precedes them (after the place name) is the specialty. */
const SPECIALTY_SUFFIX = /(提升专项行动方案|专项提升行动方案|专项行动方案|专项提升方案|提升行动方案|专项工作方案|专项方案|提升方案|行动方案|实施方案|工作方案)$/
/** A leading place name: 许昌市, 河南省许昌市, 忻州市忻府区. */
const PLACE = /^(?:[\u4e00-\u9fa5]{1,7}?(?:省|自治区))?(?:[\u4e00-\u9fa5]{1,7}?(?:市|州|盟|地区))?(?:[\u4e00-\u9fa5]{1,7}?(?:县|区|旗))?/

/**
 * The specialty (所属专项) a 专项行动方案 is about, from its title:
 * 许昌市企业开办提升专项行动方案 → 企业开办. Plans that are not 专项 (总体方案, a 任务清单) have none.
 * @param title - the part title as written (spaces are ignored)
 * @returns the specialty, or null
 */
export function specialtyOfTitle(title: string): string | null {
  const t = title.replace(/[\s\u3000]+/g, '').replace(/（\d{4}(版|年)?）|\(\d{4}(版|年)?\)/g, '')
  const m = SPECIALTY_SUFFIX.exec(t)
  if (!m || !/专项|提升/.test(m[0])) return null
  let core = t.slice(0, m.index)
  const place = PLACE.exec(core)?.[0] ?? ''
  if (place && core.length - place.length >= 2) core = core.slice(place.length)
  core = core.replace(/^(关于|进一步|全面)/, '')
  return core.length >= 2 ? core : null
}
