import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it, test } from 'vitest'
import { decode } from '../src/decode.js'
import { seeds as seedDocuments } from './helpers.js'

const seeds = seedDocuments()

const SAMPLE = '许昌市营商环境优化提升行动方案（2022版）\n一、总体要求\n（一）完善组织架构。牵头单位：市发展改革委；完成时限：2022年6月底前。\n'

const utf8 = (s: string) => new TextEncoder().encode(s)
const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : [...p])))
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'))
const utf16be = (s: string) => utf16le(s).map((_, i, a) => a[i ^ 1]!)
const gb = (s: string) => new Uint8Array(iconv.encode(s, 'gb18030'))

describe('decode: text files', () => {
  test.each([
    { name: 'UTF-8', input: utf8(SAMPLE), encoding: 'utf-8' },
    { name: 'UTF-8 with BOM', input: bytes([0xef, 0xbb, 0xbf], SAMPLE), encoding: 'utf-8-bom' },
    { name: 'UTF-16LE with BOM', input: bytes([0xff, 0xfe], utf16le(SAMPLE)), encoding: 'utf-16le' },
    { name: 'UTF-16BE with BOM', input: bytes([0xfe, 0xff], utf16be(SAMPLE)), encoding: 'utf-16be' },
    { name: 'UTF-16LE without BOM', input: utf16le(SAMPLE), encoding: 'utf-16le' },
    { name: 'UTF-16BE without BOM', input: utf16be(SAMPLE), encoding: 'utf-16be' },
    { name: 'UTF-16LE without BOM, no ASCII at all', input: utf16le('关于进一步优化营商环境的实施意见'), encoding: 'utf-16le' },
    { name: 'GB18030', input: gb(SAMPLE), encoding: 'gb18030' },
    { name: 'GBK, one line', input: gb('市发展改革委'), encoding: 'gb18030' },
    { name: 'ASCII', input: utf8('Article 1.\n'), encoding: 'utf-8' },
    { name: 'PDF text with form feeds', input: utf8(`第一页\f第二页${'内容'.repeat(60)}`), encoding: 'utf-8' },
  ])('$name', ({ input, encoding }) => {
    const result = decode(input)
    expect(result).toMatchObject({ ok: true, encoding })
    if (!result.ok) return
    const expected = new TextDecoder(encoding.startsWith('utf-16') ? encoding : encoding.replace('-bom', ''), {
      ignoreBOM: false,
    }).decode(input)
    expect(result.text).toBe(expected)
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  })

  it('keeps the text exactly minus the BOM: a second BOM is text', () => {
    const result = decode(bytes([0xef, 0xbb, 0xbf], '\uFEFF一、总体要求'))
    expect(result).toMatchObject({ ok: true, text: '\uFEFF一、总体要求' })
  })

  it('notes a guessed encoding as info', () => {
    const result = decode(gb(SAMPLE))
    expect(result.ok && result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'decode-guessed-encoding', severity: 'info' }),
    ])
  })

  it('a GBK text that is valid UTF-8 by chance is read as GB18030', () => {
    // 中 = D6 D0, which is also the UTF-8 encoding of U+05D0 (Hebrew alef)
    expect(decode(gb('中'))).toMatchObject({ ok: true, text: '中', encoding: 'gb18030' })
    // ...but real Hebrew in UTF-8 alongside CJK stays UTF-8
    expect(decode(utf8('א 中文'))).toMatchObject({ ok: true, text: 'א 中文', encoding: 'utf-8' })
  })
})

describe('decode: every seed document in every encoding', () => {
  const encoders: Record<string, (s: string) => Uint8Array> = {
    'utf-8': utf8,
    'utf-8-bom': (s) => bytes([0xef, 0xbb, 0xbf], s),
    'utf-16le': (s) => bytes([0xff, 0xfe], utf16le(s)),
    'utf-16be': (s) => bytes([0xfe, 0xff], utf16be(s)),
    'utf-16le no BOM': utf16le,
    'utf-16be no BOM': utf16be,
    gb18030: gb,
  }
  for (const seed of seeds) {
    for (const [name, encode] of Object.entries(encoders)) {
      it(`${seed.name} as ${name}`, () => {
        const result = decode(encode(seed.text))
        expect(result.ok).toBe(true)
        if (!result.ok) return
        expect(result.encoding).toBe(name.replace(' no BOM', ''))
        expect(result.text === seed.text).toBe(true)
      })
    }
    it(`${seed.name}: every 40-character GB18030 excerpt`, () => {
      for (let start = 0; start + 40 <= seed.text.length; start += 997) {
        const excerpt = seed.text.slice(start, start + 40)
        if (excerpt.trim() === '' || !/[^\x00-\x7f]/.test(excerpt)) continue
        const result = decode(gb(excerpt))
        expect(result.ok && result.text, JSON.stringify(excerpt)).toBe(excerpt)
      }
    })
  }
})

describe('decode: damaged and non-text input', () => {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]
  test.each([
    { name: 'empty', input: new Uint8Array(), ruleId: 'decode-empty' },
    { name: 'only a UTF-8 BOM', input: bytes([0xef, 0xbb, 0xbf]), ruleId: 'decode-empty' },
    { name: 'only a UTF-16 BOM', input: bytes([0xff, 0xfe]), ruleId: 'decode-empty' },
    { name: 'only whitespace', input: utf8(' \r\n\t\n　'), ruleId: 'decode-empty' },
    { name: 'PNG header', input: Uint8Array.from(png), ruleId: 'decode-binary' },
    { name: 'a NUL byte inside UTF-8 text', input: bytes('一、总体要求', [0], '二、重点任务'), ruleId: 'decode-binary' },
    { name: 'control characters', input: utf8('\x01\x02\x03\x04abc'), ruleId: 'decode-binary' },
    { name: 'ZIP (xlsx) header', input: bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], 'xl/workbook.xml'), ruleId: 'decode-binary' },
    { name: 'Latin-1 text', input: Uint8Array.from(Buffer.from('Déclaration: café über naïve', 'latin1')), ruleId: 'decode-unknown-encoding' },
    {
      name: 'high bytes without structure',
      input: Uint8Array.from({ length: 512 }, (_, i) => 0x80 + ((i * 37 + (i >> 3) * 11) % 0x7f)),
      ruleId: 'decode-unknown-encoding',
    },
  ])('$name → $ruleId', ({ input, ruleId }) => {
    expect(decode(input)).toMatchObject({ ok: false, ruleId })
  })

  it('a short run with a NUL byte is not taken for UTF-16', () => {
    expect(decode(bytes('abcd', [0]))).toMatchObject({ ok: false, ruleId: 'decode-binary' })
  })

  it('names the byte offset of a NUL byte', () => {
    expect(decode(bytes('abc', [0]))).toMatchObject({ ok: false, ruleId: 'decode-binary', byteOffset: 3 })
  })

  it('a truncated UTF-8 multibyte sequence at the end: decoded with a warning', () => {
    const input = utf8('一、总体要求\n二、重点任务').subarray(0, -2)
    const result = decode(input)
    expect(result).toMatchObject({ ok: true, encoding: 'utf-8', text: '一、总体要求\n二、重点任\uFFFD' })
    expect(result.ok && result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'decode-invalid-bytes', severity: 'warning', line: 2 }),
    ])
  })

  it('a truncated GB18030 character at the end: decoded with a warning', () => {
    const input = gb(SAMPLE.trimEnd()).subarray(0, -1)
    const result = decode(input)
    expect(result).toMatchObject({ ok: true, encoding: 'gb18030' })
    expect(result.ok && result.diagnostics.map((d) => d.ruleId)).toContain('decode-invalid-bytes')
  })

  it('odd-length UTF-16 with BOM: decoded with a warning', () => {
    const result = decode(bytes([0xff, 0xfe], utf16le(SAMPLE), [0x41]))
    expect(result).toMatchObject({ ok: true, encoding: 'utf-16le', text: `${SAMPLE}\uFFFD` })
  })

  it('one stray control character in a long text: a warning, not binary', () => {
    const result = decode(utf8(`${SAMPLE.repeat(3)}\x07${SAMPLE}`))
    expect(result).toMatchObject({ ok: true, encoding: 'utf-8' })
    expect(result.ok && result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'decode-control-chars', severity: 'warning', line: 10 }),
    ])
  })
})

describe('decode: explicit encoding', () => {
  test.each([
    { label: 'gbk', input: gb(SAMPLE), text: SAMPLE, encoding: 'gb18030' },
    { label: 'GB2312', input: gb(SAMPLE), text: SAMPLE, encoding: 'gb18030' },
    { label: 'utf-16', input: bytes([0xfe, 0xff], utf16be(SAMPLE)), text: SAMPLE, encoding: 'utf-16be' },
    { label: 'utf-16', input: utf16le(SAMPLE), text: SAMPLE, encoding: 'utf-16le' },
    { label: 'UTF-8', input: bytes([0xef, 0xbb, 0xbf], SAMPLE), text: SAMPLE, encoding: 'utf-8-bom' },
    // overrides detection even where detection would choose otherwise
    { label: 'gb18030', input: utf8('中文'), text: '涓\uE15F枃', encoding: 'gb18030' },
  ])('$label', ({ label, input, text, encoding }) => {
    expect(decode(input, { encoding: label })).toMatchObject({ ok: true, text, encoding })
  })

  it('an unsupported label is an error, not an exception', () => {
    expect(decode(utf8('x'), { encoding: 'latin1' })).toMatchObject({ ok: false, ruleId: 'decode-unknown-encoding' })
  })

  it('a forced wrong encoding decodes with a warning', () => {
    const result = decode(gb(SAMPLE), { encoding: 'utf-8' })
    expect(result).toMatchObject({ ok: true, encoding: 'utf-8' })
    expect(result.ok && result.diagnostics.map((d) => d.ruleId)).toEqual(['decode-invalid-bytes'])
  })

  it('NUL bytes are still binary unless the encoding is UTF-16', () => {
    expect(decode(bytes('a', [0]), { encoding: 'gbk' })).toMatchObject({ ok: false, ruleId: 'decode-binary' })
  })
})

describe('decode: properties', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.option(fc.constantFrom('utf-8', 'gbk', 'utf-16', 'bogus')), (input, encoding) => {
        const result = encoding === null ? decode(input) : decode(input, { encoding })
        expect(typeof result.ok).toBe('boolean')
        if (result.ok) expect(result.text.trim()).not.toBe('')
        else expect(result.reason).not.toBe('')
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on UTF-16 and GB18030 look-alikes', () => {
    const lookAlike = fc.oneof(
      fc.uint16Array({ maxLength: 200 }).map((a) => new Uint8Array(a.buffer)),
      fc.array(fc.integer({ min: 0x81, max: 0xfe }), { maxLength: 400 }).map((a) => Uint8Array.from(a)),
    )
    fc.assert(
      fc.property(lookAlike, (input) => {
        decode(input)
      }),
      { numRuns: 2000 },
    )
  })

  const controls = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/

  it('valid UTF-8 text with some CJK comes back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.constantFrom('中', '、', '（一）'), (s, cjk) => {
        const text = cjk + s
        fc.pre(!controls.test(text))
        expect(decode(utf8(text))).toMatchObject({ ok: true, encoding: 'utf-8', text })
      }),
    )
  })

  it('GB18030 text of common characters comes back unchanged', () => {
    const alphabet = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研、，。：；（）“”《》—…0123456789 \nABCabc-']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 80 }), (chars) => {
        const text = chars.join('')
        fc.pre(text.trim() !== '')
        const result = decode(gb(text))
        expect(result).toMatchObject({ ok: true, text })
      }),
      { numRuns: 1000 },
    )
  })
})
