/**
 * Character classes the PDF reader decides spacing by: Chinese, Japanese and Korean text runs
 * without spaces, Latin words are separated by them.
 */

/** Han ideographs, CJK punctuation, kana, Hangul, full-width forms: characters set without spaces. */
const CJK = /[\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026]|[\ud840-\ud87f][\udc00-\udfff]/

/** The character is set solid with its CJK neighbours. */
export const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK.test(ch)

/** Punctuation that may not begin a line (kinsoku): a line break before it moves a character with it. */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕”’…·,.;:?!)]}%'])
/** Punctuation that may not end a line: it moves down with the character after it. */
export const NO_LINE_END = new Set([...'（《「『【〔“‘([{'])

/** Han ideographs (and kana, Hangul): each may stand at the end or start of a line on its own. */
const HAN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/

/** The character is a Han ideograph (or kana, Hangul). */
export const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch)
