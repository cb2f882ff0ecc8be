/**
 * Document metadata in the forms real plans are published in: database record headers above
 * the text, titles starting with a year or given in 《》, a 文号 after the title or in a page's
 * field table, plans recognised by their responsibility statements. Each text is made up, written
 * the way such documents are written.
 */
import { describe, expect, it } from 'vitest'
import { parse } from '../src/parse.js'

const doc = (...lines: string[]) => parse(lines.join('\n')).document

describe('database record headers', () => {
  const d = doc(
    '【法宝引证码】CLI.1.123456',
    '【时效性】现行有效',
    '某市人民政府办公室关于印发某市安全生产“十四五”规划责任分工的通知',
    '各县（市、区）人民政府，市直各有关单位：',
    '现将《某市安全生产“十四五”规划》责任分工印发给你们，请认真组织实施。',
  )

  it('sets the header lines aside and never joins them to the title', () => {
    expect(d.title).toBe('某市人民政府办公室关于印发某市安全生产“十四五”规划责任分工的通知')
    expect(d.issuer).toBe('某市人民政府办公室')
    expect(d.asides.filter((a) => a.kind === 'chrome').map((a) => a.text.trim())).toEqual(['【法宝引证码】CLI.1.123456', '【时效性】现行有效'])
  })
})
