import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { writeXlsx } from '../src/export/xlsx.js'
import { longTable, SMALL_TABLE } from './fixtures/export/tables.js'
import { unzip, zipText } from './fixtures/export/unzip.js'

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  const sheet = workbook.worksheets[0]
  if (sheet === undefined) throw new Error('no worksheet')
  return sheet
}

const merges = (sheet: ExcelJS.Worksheet): string[] => (sheet.model as unknown as { merges: string[] }).merges

describe('writeXlsx', async () => {
  const bytes = await writeXlsx(SMALL_TABLE)
  const sheet = await readBack(bytes)
  const sheetXml = zipText(bytes, 'xl/worksheets/sheet1.xml')

  test('title row merged across all columns, larger and bold', () => {
    expect(sheet.name).toBe('任务清单')
    expect(sheet.getCell('A1').value).toBe('测试任务清单')
    expect(sheet.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true })
    expect(merges(sheet)).toContain('A1:G1')
  })

  test('header row, then one row per task in table.columns order', () => {
    expect(sheet.getRow(2).values).toEqual([undefined, '序号', '所属专项', '改革方向', '升级措施', '牵头单位', '责任单位', '完成时限'])
    expect(sheet.getRow(2).getCell(1).font).toMatchObject({ bold: true })
    expect(sheet.getCell('A3').value).toBe(1)
    expect(sheet.getCell('D3').value).toBe('全面推行"一网通办"，企业开办1个工作日办结。')
    expect(sheet.getCell('E3').value).toBe('市市场监管局')
    expect(sheet.getCell('F5').value).toBe('市供电公司、各县（市、区）')
    expect(sheet.rowCount).toBe(5)
  })

  test('equal 所属专项 and 改革方向 cells are merged', () => {
    expect(merges(sheet).sort()).toEqual(['A1:G1', 'B3:B4', 'C3:C4'])
  })

  test('prints A4 landscape, fitted to the page width, header row on every page', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    })
    expect(zipText(bytes, 'xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;任务清单&apos;!$2:$2</definedName>')
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>')
  })

  test('title and header rows are frozen', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' })
  })

  test('every cell: CJK font, wrapped, vertically centred, thin borders', () => {
    for (let r = 2; r <= 5; r++) {
      for (let c = 1; c <= 7; c++) {
        const cell = sheet.getRow(r).getCell(c)
        // ExcelJS reads font sizes back as integers; the 10.5 written is checked in styles.xml below.
        expect(cell.font).toMatchObject({ name: '宋体', charset: 134 })
        expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'middle' })
        expect(cell.border?.top?.style).toBe('thin')
        expect(cell.border?.left?.style).toBe('thin')
      }
    }
  })

  test('fonts in styles.xml: 宋体 (GB2312) at 10.5pt, bold header, 16pt bold title', () => {
    const fonts = zipText(bytes, 'xl/styles.xml').match(/<fonts[^>]*>(.*?)<\/fonts>/)?.[1] ?? ''
    expect(fonts).toContain('<font><charset val="134"/><sz val="10.5"/><name val="宋体"/></font>')
    expect(fonts).toContain('<font><b/><charset val="134"/><sz val="10.5"/><name val="宋体"/></font>')
    expect(fonts).toContain('<font><b/><charset val="134"/><sz val="16"/><name val="宋体"/></font>')
  })

  test('column widths: 序号 narrowest, 升级措施 widest', () => {
    const widths = [1, 2, 3, 4, 5, 6, 7].map((c) => sheet.getColumn(c).width ?? 0)
    expect(Math.min(...widths)).toBe(widths[0])
    expect(Math.max(...widths)).toBe(widths[3])
  })

  test('row heights grow with wrapped text', () => {
    expect(sheet.getRow(5).height).toBeGreaterThan(sheet.getRow(3).height) // a line break in 升级措施
  })

  test('formula-like text is stored as a string cell, never a formula', () => {
    const cell = sheet.getCell('D4')
    expect(cell.type).toBe(ExcelJS.ValueType.String)
    expect(cell.value).toBe('=HYPERLINK("http://x","点击")')
    expect(cell.formula).toBeUndefined()
    expect(sheet.getCell('F4').type).toBe(ExcelJS.ValueType.String)
    expect(sheet.getCell('F4').value).toBe('-市税务局')
    expect(sheetXml).not.toMatch(/<f[ >]/)
    expect(sheetXml).toMatch(/<c r="D4" s="\d+" t="s">/)
  })

  test('no title row without a title', async () => {
    const untitled = await readBack(await writeXlsx({ ...SMALL_TABLE, title: null }))
    expect(untitled.getCell('A1').value).toBe('序号')
    expect(untitled.pageSetup.printTitlesRow).toBe('1:1')
    expect(untitled.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(merges(untitled).sort()).toEqual(['B2:B3', 'C2:C3'])
  })

  test('options: sheet name, font', async () => {
    const other = await readBack(await writeXlsx(SMALL_TABLE, { sheetName: '清单', font: 'SimSun', fontSize: 12 }))
    expect(other.name).toBe('清单')
    expect(other.getCell('D3').font).toMatchObject({ name: 'SimSun', size: 12 })
  })

  test('same input, same file contents (zip entry dates aside)', async () => {
    const again = unzip(await writeXlsx(SMALL_TABLE))
    for (const [name, content] of unzip(bytes)) expect(again.get(name)?.equals(content), name).toBe(true)
  })
})

describe('writeXlsx pagination', async () => {
  const table = longTable()
  const bytes = await writeXlsx(table)
  const sheet = await readBack(bytes)
  const sheetXml = zipText(bytes, 'xl/worksheets/sheet1.xml')
  const breaks = [...sheetXml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))
  const ranges = merges(sheet)
    .filter((ref) => ref !== 'A1:F1')
    .map((ref) => ref.match(/^[A-Z]+(\d+):[A-Z]+(\d+)$/)!.slice(1).map(Number) as [number, number])

  test('pages break between rows, and no merge crosses a page break', () => {
    expect(breaks.length).toBeGreaterThan(5)
    for (const brk of breaks) {
      // A break after sheet row `brk`: no merge may hold both `brk` and `brk + 1`.
      expect(ranges.filter(([top, bottom]) => top <= brk && bottom > brk)).toEqual([])
    }
  })

  test('each page restarts the 所属专项 merge', () => {
    for (const brk of breaks) {
      const next = brk + 1
      expect(sheet.getCell(`B${next}`).value).toBe(table.rows[next - 3]?.specialty)
      expect(sheet.getCell(`B${next}`).isMerged && sheet.getCell(`B${next}`).master.address !== `B${next}`).toBe(false)
    }
  })

  test('without paginate, merges run whole specialties', async () => {
    const whole = await readBack(await writeXlsx(table, { paginate: false }))
    expect(merges(whole)).toContain('B3:B17')
    expect(zipText(await writeXlsx(table, { paginate: false }), 'xl/worksheets/sheet1.xml')).not.toContain('<rowBreaks')
  })
})
