import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Measure, ParseResult, publishedSchemas, toJsonSchema } from '../src/index.js'

const schemaFile = (name: string) => fileURLToPath(new URL(`../schema/${name}.schema.json`, import.meta.url))

describe('JSON Schema', () => {
  it.each(Object.keys(publishedSchemas) as Array<keyof typeof publishedSchemas>)('schema/%s.schema.json is generated from the zod schema', async (name) => {
    await expect(`${JSON.stringify(toJsonSchema(name), null, 2)}\n`).toMatchFileSnapshot(schemaFile(name))
  })

  it('rejects a measure whose span is not offsets', () => {
    const result = Measure.safeParse({ id: 'm1', span: { start: -1 } })
    expect(result.success).toBe(false)
  })

  it('accepts an empty parse result', () => {
    const empty = {
      document: {
        title: null,
        issuer: null,
        docNumber: null,
        date: null,
        kind: 'unknown',
        attachments: [],
        parts: [],
        tables: [],
        toc: [],
        footnotes: [],
        asides: [],
      },
      measures: [],
      diagnostics: [],
    }
    expect(ParseResult.parse(empty)).toEqual(empty)
  })
})
