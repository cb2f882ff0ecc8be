/**
 * The metadata block of a government article page — 索引号, 主题分类, 发文机关, 成文日期, 标题,
 * 发文字号, 发布日期 — as a table of label and value cells, or as a run of `label：value` lines.
 * It is metadata of the document, not its text: read into `SourceMetadata` and set aside.
 */
import type { SourceMetadata } from '@policykb/model'
import type { Element } from 'hast'
import { textOf } from './dom.js'
import { metadataLabel, metadataPair } from './rules.js'

/** More rows than this is a table of data, whatever its cells say. */
const MAX_ROWS = 16

/**
 * The fields of a metadata table, or null when the table is not one: label cells, each followed
 * by its value cell or by none (`主 题 词：` left empty), or `label：value` cells, and no cell that is
 * neither a label nor a label's value — so a 任务分工表 whose header says 名称 and 分类 is never
 * taken for one. A metadata table whose values are all empty gives `{}`.
 *
 * @param table - a `<table>` element; not mutated
 */
export function readMetadataTable(table: Element): SourceMetadata | null {
  const rows: Element[] = []
  for (const c of table.children) {
    if (c.type !== 'element') continue
    if (c.tagName === 'tr') rows.push(c)
    else if (c.tagName === 'tbody' || c.tagName === 'thead' || c.tagName === 'tfoot') {
      for (const r of c.children) if (r.type === 'element' && r.tagName === 'tr') rows.push(r)
    }
    if (rows.length > MAX_ROWS) return null
  }
  const found: SourceMetadata = {}
  let pairs = 0
  for (const row of rows) {
    const cells: string[] = []
    for (const c of row.children) {
      if (c.type !== 'element' || (c.tagName !== 'td' && c.tagName !== 'th')) continue
      if (c.children.some((x) => x.type === 'element' && x.tagName === 'table')) return null
      cells.push(textOf(c))
    }
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!
      if (cell === '') continue
      const label = metadataLabel(cell)
      if (label) {
        const value = cells[i + 1]
        // A label followed by another label, or by nothing, has an empty value: still a label.
        if (value !== undefined && value !== '' && !metadataLabel(value)) {
          if (label.field) found[label.field] ??= value
          i++
        }
        pairs++
        continue
      }
      const pair = metadataPair(cell)
      if (!pair) return null
      if (pair.label.field && pair.value !== '') found[pair.label.field] ??= pair.value
      pairs++
    }
  }
  return pairs >= 1 ? found : null
}

/**
 * The metadata of a run of `label：value` lines (two or more in a row), with the indices of
 * the lines it used.
 *
 * @param lines - texts of consecutive lines
 */
export function metadataLines(lines: readonly string[]): { metadata: SourceMetadata; used: number[] } {
  const metadata: SourceMetadata = {}
  const used: number[] = []
  let run: number[] = []
  const close = () => {
    if (run.length >= 2) {
      for (const i of run) {
        const pair = metadataPair(lines[i]!)!
        if (pair.label.field && pair.value !== '') metadata[pair.label.field] ??= pair.value
        used.push(i)
      }
    }
    run = []
  }
  lines.forEach((text, i) => {
    if (metadataPair(text)) run.push(i)
    else close()
  })
  close()
  return { metadata, used }
}
