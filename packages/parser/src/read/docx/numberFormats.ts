/**
 * Word's number formats (`w:numFmt`), as named data: each format turns a counter value into the
 * text Word prints for it. The formats a 公文 uses are the Chinese ones (一、 （一） 甲 壹), the
 * enclosed digits (① ⑴ ⒈) and decimal; the Latin ones come along for completeness.
 */

const CN_DIGITS = '〇一二三四五六七八九'
const CN_LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖'
const TRADITIONAL_LEGAL_DIGITS = '零壹貳參肆伍陸柒捌玖'

/**
 * A number in Chinese counting: 1 一, 10 十, 11 十一, 20 二十, 101 一百零一, 1234 一千二百三十四.
 * `units` are the words for 10, 100, 1000; a leading 一十 is said 十.
 */
function chineseCounting(n: number, digits = CN_DIGITS, units = ['十', '百', '千'], tenAlone = true): string {
  if (n === 0) return digits[0]!
  if (n >= 10000) {
    const high = Math.floor(n / 10000)
    const low = n % 10000
    return `${chineseCounting(high, digits, units, tenAlone)}万${low === 0 ? '' : (low < 1000 ? digits[0]! : '') + chineseCounting(low, digits, units, false)}`
  }
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10]
  const words = [units[2]!, units[1]!, units[0]!, '']
  let s = ''
  let zero = false
  for (let i = 0; i < 4; i++) {
    const d = parts[i]!
    if (d === 0) {
      if (s !== '') zero = true
      continue
    }
    if (zero) s += digits[0]
    zero = false
    s += i === 2 && d === 1 && s === '' && tenAlone ? words[i] : digits[d]! + words[i]
  }
  return s
}

function letters(n: number, base: string): string {
  // Word repeats the letter: 27 → AA, 28 → BB
  const letter = base[(n - 1) % 26]!
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n)
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let s = ''
  for (const [v, r] of table) {
    while (n >= v) {
      s += r
      n -= v
    }
  }
  return s
}

/** A run of enclosed characters for 1…max starting at `first`; plain digits beyond. */
const enclosed = (first: number, max: number) => (n: number) => (n >= 1 && n <= max ? String.fromCodePoint(first + n - 1) : String(n))
/** ① … ⑳ then ㉑ … ㉟ then ㊱ … ㊿ */
function circled(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1)
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21)
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36)
  return String(n)
}
const cycle = (list: string) => (n: number) => [...list][(n - 1) % [...list].length] ?? String(n)
const fullWidth = (n: number) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))

/** The formats Word names, value → text. Unknown formats print as decimal. */
export const NUMBER_FORMATS: Readonly<Record<string, (n: number) => string>> = {
  decimal: (n) => String(n),
  decimalZero: (n) => (n < 10 ? `0${n}` : String(n)),
  decimalFullWidth: fullWidth,
  decimalFullWidth2: fullWidth,
  decimalHalfWidth: (n) => String(n),
  decimalEnclosedCircle: circled,
  decimalEnclosedCircleChinese: circled,
  decimalEnclosedParen: enclosed(0x2474, 20),
  decimalEnclosedFullstop: enclosed(0x2488, 20),
  ideographEnclosedCircle: enclosed(0x3280, 10),
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  upperLetter: (n) => letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  lowerLetter: (n) => letters(n, 'abcdefghijklmnopqrstuvwxyz'),
  ordinal: (n) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`,
  chineseCounting: (n) => chineseCounting(n),
  chineseCountingThousand: (n) => chineseCounting(n),
  japaneseCounting: (n) => chineseCounting(n),
  taiwaneseCounting: (n) => chineseCounting(n),
  taiwaneseCountingThousand: (n) => chineseCounting(n),
  chineseLegalSimplified: (n) => chineseCounting(n, CN_LEGAL_DIGITS, ['拾', '佰', '仟'], false),
  ideographLegalTraditional: (n) => chineseCounting(n, TRADITIONAL_LEGAL_DIGITS, ['拾', '佰', '仟'], false),
  ideographDigital: (n) => [...String(n)].map((d) => CN_DIGITS[Number(d)]).join(''),
  taiwaneseDigital: (n) => [...String(n)].map((d) => CN_DIGITS[Number(d)]).join(''),
  japaneseDigitalTenThousand: (n) => [...String(n)].map((d) => CN_DIGITS[Number(d)]).join(''),
  ideographTraditional: cycle('甲乙丙丁戊己庚辛壬癸'),
  ideographZodiac: cycle('子丑寅卯辰巳午未申酉戌亥'),
  none: () => '',
}

/** The text of `value` in format `numFmt` (decimal when Word's format is not known here). */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const f = (numFmt && NUMBER_FORMATS[numFmt]) || NUMBER_FORMATS.decimal!
  return f(value)
}
