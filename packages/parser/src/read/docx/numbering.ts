/**
 * Word's automatic numbering, rebuilt: numbering.xml's abstract lists (`w:abstractNum`, one
 * `w:lvl` per level: start, numFmt, lvlText such as `%1、` or `（%2）`, lvlRestart, isLgl, suff)
 * and their instances (`w:num`, with `w:lvlOverride` / `w:startOverride`), styles.xml's numbering
 * and outline levels inherited along `w:basedOn`, and the counters Word keeps while it lays the
 * paragraphs out. This is what a 公文 written in Word keeps its 一、（一）1.（1） in, and what
 * text extractors that ignore numbering.xml lose.
 */
import { formatNumber } from './numberFormats.js'
import { child, childrenNamed, isOn, val, type XmlElement } from './xml.js'

/** One level of a list. */
export interface Level {
  start: number
  numFmt: string
  lvlText: string
  /** restart after a level above this (1-based) is used; 0 never restarts; undefined: after any above */
  restart?: number
  /** legal numbering: every level shown as decimal */
  isLgl: boolean
  /** what follows the number: a tab, a space or nothing */
  suffix: 'tab' | 'space' | 'nothing'
  /** the paragraph style this level is tied to (headings numbered through their style) */
  pStyle?: string
}

interface AbstractNum {
  levels: Array<Level | undefined>
  /** `w:numStyleLink`: the definition lives in the numbering of this style */
  numStyleLink?: string
}

interface Num {
  abstractId: string
  overrides: Map<number, { start?: number; level?: Level }>
}

/** A paragraph style, as far as numbering and outline levels go. */
export interface Style {
  basedOn?: string
  numId?: string
  ilvl?: number
  outlineLvl?: number
  name?: string
}

/** The numbering definitions and paragraph styles of a document. */
export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNum>
  nums: Map<string, Num>
  styles: Map<string, Style>
  defaultParagraphStyle?: string
}

function readLevel(lvl: XmlElement): Level {
  const start = Number(val(lvl, 'w:start') ?? '0')
  const restart = val(lvl, 'w:lvlRestart')
  const suff = val(lvl, 'w:suff')
  const pStyle = val(lvl, 'w:pStyle')
  return {
    start: Number.isFinite(start) ? start : 0,
    numFmt: val(lvl, 'w:numFmt') ?? 'decimal',
    lvlText: val(lvl, 'w:lvlText') ?? '',
    ...(restart === undefined ? {} : { restart: Number(restart) }),
    isLgl: isOn(lvl, 'w:isLgl'),
    suffix: suff === 'space' ? 'space' : suff === 'nothing' ? 'nothing' : 'tab',
    ...(pStyle === undefined ? {} : { pStyle }),
  }
}

const levelIndex = (lvl: XmlElement) => {
  const i = Number(lvl.attrs['w:ilvl'] ?? '0')
  return Number.isInteger(i) && i >= 0 && i <= 8 ? i : -1
}

/**
 * Read numbering.xml and styles.xml (either may be missing).
 *
 * @param numbering - the root of numbering.xml
 * @param styles - the root of styles.xml
 */
export function readDefinitions(numbering: XmlElement | undefined, styles: XmlElement | undefined): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstracts: new Map(), nums: new Map(), styles: new Map() }
  const numberingRoot = child(numbering, 'w:numbering')
  if (numberingRoot) {
    for (const a of childrenNamed(numberingRoot, 'w:abstractNum')) {
      const levels: Array<Level | undefined> = []
      for (const lvl of childrenNamed(a, 'w:lvl')) {
        const i = levelIndex(lvl)
        if (i >= 0) levels[i] = readLevel(lvl)
      }
      const link = val(a, 'w:numStyleLink')
      defs.abstracts.set(a.attrs['w:abstractNumId'] ?? '', { levels, ...(link === undefined ? {} : { numStyleLink: link }) })
    }
    for (const n of childrenNamed(numberingRoot, 'w:num')) {
      const overrides: Num['overrides'] = new Map()
      for (const o of childrenNamed(n, 'w:lvlOverride')) {
        const i = levelIndex(o)
        if (i < 0) continue
        const start = val(o, 'w:startOverride')
        const lvl = child(o, 'w:lvl')
        overrides.set(i, { ...(start === undefined ? {} : { start: Number(start) }), ...(lvl ? { level: readLevel(lvl) } : {}) })
      }
      defs.nums.set(n.attrs['w:numId'] ?? '', { abstractId: val(n, 'w:abstractNumId') ?? '', overrides })
    }
  }
  const stylesRoot = child(styles, 'w:styles')
  if (stylesRoot) {
    for (const s of childrenNamed(stylesRoot, 'w:style')) {
      if ((s.attrs['w:type'] ?? 'paragraph') !== 'paragraph' && s.attrs['w:type'] !== 'numbering') continue
      const id = s.attrs['w:styleId'] ?? ''
      const pPr = child(s, 'w:pPr')
      const numPr = child(pPr, 'w:numPr')
      const numId = val(numPr, 'w:numId')
      const ilvl = val(numPr, 'w:ilvl')
      const outline = val(pPr, 'w:outlineLvl')
      const basedOn = val(s, 'w:basedOn')
      const name = val(s, 'w:name')
      defs.styles.set(id, {
        ...(basedOn === undefined ? {} : { basedOn }),
        ...(numId === undefined ? {} : { numId }),
        ...(ilvl === undefined ? {} : { ilvl: Number(ilvl) }),
        ...(outline === undefined ? {} : { outlineLvl: Number(outline) }),
        ...(name === undefined ? {} : { name }),
      })
      if (s.attrs['w:default'] === '1' || s.attrs['w:default'] === 'true') {
        if ((s.attrs['w:type'] ?? 'paragraph') === 'paragraph') defs.defaultParagraphStyle = id
      }
    }
  }
  return defs
}

/** A style's own value or the nearest one up its `w:basedOn` chain (cycles cut). */
function inherited<K extends keyof Style>(defs: NumberingDefinitions, styleId: string | undefined, key: K): Style[K] | undefined {
  const seen = new Set<string>()
  let id = styleId
  while (id !== undefined && !seen.has(id)) {
    seen.add(id)
    const s = defs.styles.get(id)
    if (!s) return undefined
    if (s[key] !== undefined) return s[key]
    id = s.basedOn
  }
  return undefined
}

/** The heading level of a style named `heading N` / `标题 N` (0-based), when its name says so. */
function headingLevelOfName(name: string | undefined): number | undefined {
  const m = name === undefined ? null : /^(?:heading|标题)\s*([1-9])$/i.exec(name.trim())
  return m ? Number(m[1]) - 1 : undefined
}

/**
 * The outline level of a paragraph (0-based), from its own `w:outlineLvl` or its style's
 * (heading styles have one); undefined for body text.
 */
export function outlineLevelOf(defs: NumberingDefinitions, styleId: string | undefined, own: number | undefined): number | undefined {
  const level = own ?? inherited(defs, styleId, 'outlineLvl') ?? headingLevelOfName(inherited(defs, styleId, 'name'))
  return level !== undefined && level >= 0 && level <= 8 ? level : undefined
}

/** What a paragraph says about its numbering: its own `w:numPr` and its style. */
export interface ParagraphNumbering {
  styleId?: string
  numId?: string
  ilvl?: number
}

/** The paragraph's numbering instance and level after styles are applied; null when it has none. */
function resolve(defs: NumberingDefinitions, p: ParagraphNumbering): { numId: string; ilvl: number } | null {
  const styleId = p.styleId ?? defs.defaultParagraphStyle
  const numId = p.numId ?? inherited(defs, styleId, 'numId')
  // numId 0 switches numbering off
  if (numId === undefined || numId === '0') return null
  let ilvl = p.ilvl ?? (p.numId === undefined ? inherited(defs, styleId, 'ilvl') : undefined)
  if (ilvl === undefined && styleId !== undefined) {
    // a level tied to the paragraph's style by w:pStyle
    const abs = abstractOf(defs, numId)
    const i = abs?.levels.findIndex((l) => l?.pStyle === styleId) ?? -1
    if (i >= 0) ilvl = i
  }
  return { numId, ilvl: ilvl !== undefined && ilvl >= 0 && ilvl <= 8 ? ilvl : 0 }
}

/** The abstract list of a numbering instance, following `w:numStyleLink` through its style. */
function abstractOf(defs: NumberingDefinitions, numId: string): AbstractNum | undefined {
  const seen = new Set<string>()
  let abs = defs.abstracts.get(defs.nums.get(numId)?.abstractId ?? '')
  while (abs?.numStyleLink !== undefined && !seen.has(abs.numStyleLink)) {
    seen.add(abs.numStyleLink)
    const linked = inherited(defs, abs.numStyleLink, 'numId')
    const next = linked === undefined ? undefined : defs.abstracts.get(defs.nums.get(linked)?.abstractId ?? '')
    if (!next) break
    abs = next
  }
  return abs
}

/** Bullets drawn from a symbol font's private-use area print as a plain bullet. */
const bulletText = (text: string) => (/^[\ue000-\uf8ff]$/.test(text) || text === '' ? '•' : text)

/**
 * Counters of every list while paragraphs are laid out in order, as Word keeps them: numbering
 * instances of one abstract list share its counters (a list continued under another `w:num`
 * keeps counting), a `w:startOverride` restarts the level when its instance is first used,
 * using a level restarts the levels below it (unless `w:lvlRestart` says otherwise).
 */
export class NumberingState {
  readonly #defs: NumberingDefinitions
  readonly #counters = new Map<AbstractNum, Array<number | undefined>>()
  readonly #started = new Set<string>()

  constructor(defs: NumberingDefinitions) {
    this.#defs = defs
  }

  /**
   * The number text of the next paragraph (`一、`, `（二）`, `3.`) and what follows it, or null
   * when the paragraph is not numbered. Call once per paragraph, in document order.
   */
  next(p: ParagraphNumbering): { text: string; suffix: Level['suffix']; level: number } | null {
    const r = resolve(this.#defs, p)
    if (!r) return null
    const num = this.#defs.nums.get(r.numId)
    const abs = abstractOf(this.#defs, r.numId)
    if (!num || !abs) return null
    const levelOf = (i: number): Level | undefined => num.overrides.get(i)?.level ?? abs.levels[i]
    const level = levelOf(r.ilvl)
    if (!level) return null
    const counters = this.#counters.get(abs) ?? []
    this.#counters.set(abs, counters)
    if (!this.#started.has(r.numId)) {
      this.#started.add(r.numId)
      for (const [i, o] of num.overrides) {
        if (o.start !== undefined) counters[i] = o.start - 1
        else if (o.level) counters[i] = o.level.start - 1
        // levels below an overridden one start over too
        for (let j = i + 1; j < 9; j++) if (!num.overrides.has(j)) counters[j] = undefined
      }
    }
    counters[r.ilvl] = (counters[r.ilvl] ?? level.start - 1) + 1
    // levels below this one start over (lvlRestart: only after a level at or above its value)
    for (let j = r.ilvl + 1; j < 9; j++) {
      const below = levelOf(j)
      const restart = below?.restart
      if (restart === 0) continue
      if (restart === undefined || r.ilvl < restart) counters[j] = undefined
    }
    if (level.numFmt === 'bullet') return { text: bulletText(level.lvlText), suffix: level.suffix, level: r.ilvl }
    const text = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1
      const l = levelOf(i)
      if (!l) return ''
      const value = counters[i] ?? l.start
      return formatNumber(value, level.isLgl ? 'decimal' : l.numFmt)
    })
    return { text, suffix: level.suffix, level: r.ilvl }
  }
}
