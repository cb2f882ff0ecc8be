import { TaskRow } from '@policykb/model'
import { describe, expect, test } from 'vitest'
import type { TaskTable } from '../src/columns.js'
import { quoteCsvField, writeCsv } from '../src/export/csv.js'
import { EXPORT_FORMATS, writeTaskTable } from '../src/export/index.js'
import { writeJson } from '../src/export/json.js'
import { escapeMarkdownCell, writeMarkdown } from '../src/export/markdown.js'
import { csvSafe, isFormulaLike } from '../src/export/safeCell.js'
import { SMALL_TABLE } from './fixtures/export/tables.js'

describe('safeCell', () => {
  test.each([
    { text: '=1+1', csv: "'=1+1" },
    { text: '+86 123', csv: "'+86 123" },
    { text: '-市税务局', csv: "'-市税务局" },
    { text: '@SUM(A1)', csv: "'@SUM(A1)" },
    { text: '\t=1+1', csv: "'\t=1+1" },
    { text: '\r=1+1', csv: "'\r=1+1" },
    { text: '＝1+1', csv: "'＝1+1" },
    { text: '市政数局', csv: '市政数局' },
    { text: '2022年12月', csv: '2022年12月' },
    { text: ' =1', csv: ' =1' },
    { text: '', csv: '' },
  ])('$text', ({ text, csv }) => {
    expect(csvSafe(text)).toBe(csv)
    expect(isFormulaLike(text)).toBe(csv !== text)
  })
})

test.each([
  { field: '市政数局', expected: '市政数局' },
  { field: 'a,b', expected: '"a,b"' },
  { field: '全面推行"一网通办"', expected: '"全面推行""一网通办"""' },
  { field: '第一行\n第二行', expected: '"第一行\n第二行"' },
  { field: 'a\rb', expected: '"a\rb"' },
  { field: '', expected: '' },
])('quoteCsvField($field)', ({ field, expected }) => {
  expect(quoteCsvField(field)).toBe(expected)
})

test.each([
  { text: 'a|b', expected: 'a\\|b' },
  { text: '第一行\n第二行\r\n第三行', expected: '第一行<br>第二行<br>第三行' },
  { text: 'C:\\dir', expected: 'C:\\\\dir' },
])('escapeMarkdownCell($text)', ({ text, expected }) => {
  expect(escapeMarkdownCell(text)).toBe(expected)
})

describe('writeCsv', () => {
  test('exact output: BOM, CRLF, RFC 4180 quoting, formula cells prefixed', () => {
    expect(writeCsv(SMALL_TABLE)).toBe(
      '\uFEFF' +
        '序号,所属专项,改革方向,升级措施,牵头单位,责任单位,完成时限\r\n' +
        '1,企业开办,压缩开办时间,"全面推行""一网通办""，企业开办1个工作日办结。",市市场监管局,市市场监管局、市政数局,2022年12月\r\n' +
        `2,企业开办,压缩开办时间,"'=HYPERLINK(""http://x"",""点击"")",,'-市税务局,持续推进\r\n` +
        '3,获得电力,,"a|b\n第二行",,市供电公司、各县（市、区）,\r\n',
    )
  })

  test('renders exactly table.columns; BOM optional', () => {
    const table: TaskTable = { ...SMALL_TABLE, columns: ['seq', 'measure', 'deadline'] }
    expect(writeCsv(table, { bom: false }).split('\r\n').slice(0, 2)).toEqual([
      '序号,升级措施,完成时限',
      '1,"全面推行""一网通办""，企业开办1个工作日办结。",2022年12月',
    ])
  })

  test('UTF-8 bytes start with EF BB BF', () => {
    expect([...Buffer.from(writeCsv(SMALL_TABLE), 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })
})

describe('writeMarkdown', () => {
  test('exact output', () => {
    expect(writeMarkdown(SMALL_TABLE)).toBe(
      [
        '# 测试任务清单',
        '',
        '| 序号 | 所属专项 | 改革方向 | 升级措施 | 牵头单位 | 责任单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| 1 | 企业开办 | 压缩开办时间 | 全面推行"一网通办"，企业开办1个工作日办结。 | 市市场监管局 | 市市场监管局、市政数局 | 2022年12月 |',
        '| 2 | 企业开办 | 压缩开办时间 | =HYPERLINK("http://x","点击") |  | -市税务局 | 持续推进 |',
        '| 3 | 获得电力 |  | a\\|b<br>第二行 |  | 市供电公司、各县（市、区） |  |',
        '',
      ].join('\n'),
    )
  })

  test('no heading without a title or with title: false', () => {
    expect(writeMarkdown({ ...SMALL_TABLE, title: null }).startsWith('| 序号 |')).toBe(true)
    expect(writeMarkdown(SMALL_TABLE, { title: false }).startsWith('| 序号 |')).toBe(true)
  })
})

describe('writeJson', () => {
  test('exact output: the rows as TaskRow records, units and deadline as data', () => {
    const json = writeJson(SMALL_TABLE)
    expect(json).toBe(JSON.stringify(SMALL_TABLE.rows, null, 2) + '\n')
    expect(json.split('\n').slice(0, 4)).toEqual(['[', '  {', '    "seq": 1,', '    "specialty": "企业开办",'])
    const parsed = JSON.parse(json) as unknown[]
    expect(Object.keys(parsed[0] as object)).toEqual([
      'seq',
      'specialty',
      'direction',
      'measure',
      'leadUnits',
      'units',
      'deadline',
      'deadlineDate',
      'span',
      'measureId',
      'line',
    ])
    expect(parsed.every((row) => TaskRow.safeParse(row).success)).toBe(true)
    expect((parsed[0] as TaskRow).deadline).toMatchObject({ kind: 'date', text: '2022年12月', date: '2022-12-31', span: null })
    expect((parsed[1] as TaskRow).deadline).toMatchObject({ kind: 'ongoing', text: '持续推进' })
    expect((parsed[2] as TaskRow).deadline).toBeNull()
  })
})

describe('writeTaskTable', () => {
  test('EXPORT_FORMATS', () => {
    expect(EXPORT_FORMATS).toEqual(['xlsx', 'docx', 'csv', 'md', 'json'])
  })

  test('text formats give the writers’ strings, binary formats give bytes', async () => {
    expect(await writeTaskTable(SMALL_TABLE, 'csv', { bom: false })).toBe(writeCsv(SMALL_TABLE, { bom: false }))
    expect(await writeTaskTable(SMALL_TABLE, 'md')).toBe(writeMarkdown(SMALL_TABLE))
    expect(await writeTaskTable(SMALL_TABLE, 'json')).toBe(writeJson(SMALL_TABLE))
    for (const format of ['xlsx', 'docx'] as const) {
      const bytes = await writeTaskTable(SMALL_TABLE, format)
      expect(bytes).toBeInstanceOf(Uint8Array)
      expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]) // "PK": a zip file
    }
  })

  test('an unknown format is a programmer mistake', async () => {
    await expect(writeTaskTable(SMALL_TABLE, 'pdf' as 'csv')).rejects.toThrow(/writeTaskTable/)
  })

  test('writers do not mutate the table', async () => {
    const copy = structuredClone(SMALL_TABLE)
    for (const format of EXPORT_FORMATS) await writeTaskTable(SMALL_TABLE, format)
    expect(SMALL_TABLE).toEqual(copy)
  })
})
