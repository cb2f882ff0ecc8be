/**
 * Radical code points for ideographs. CJK fonts draw an ideograph and its radical with one glyph,
 * and PDF producers (Chromium's among them) often map such a glyph back to the radical: `⼯作`,
 * `⼈⺠`, `⽔平` for 工作, 人民, 水平. No 公文 writes a radical where it means the character, so the
 * reader reads them as the ideographs they draw: Kangxi radicals by their Unicode compatibility
 * mapping (NFKC), and the simplified forms of the CJK Radicals Supplement, which have none, by
 * this table.
 */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '⺟': '母',
  '⺠': '民',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻓': '长',
  '⻔': '门',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻢': '马',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
}

const HAS_RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/
const RADICALS = /[\u2e80-\u2eff\u2f00-\u2fdf]/g

/** `text` with radicals replaced by the ideographs they draw; other characters untouched. */
export function unifyRadicals(text: string): string {
  if (!HAS_RADICAL.test(text)) return text
  return text.replace(RADICALS, (ch) => SUPPLEMENT[ch] ?? (ch >= '\u2f00' ? ch.normalize('NFKC') : ch))
}
