import { expect, it } from 'vitest'
import * as parser from '../src/index.js'

it('pins the public exports of @policykb/parser', () => {
  expect(Object.keys(parser).sort()).toMatchInlineSnapshot(`
    [
      "bigramCount",
      "bigrams",
      "decode",
      "dice",
      "extensionOf",
      "extractMeasures",
      "fold",
      "foldChar",
      "formatOfExtension",
      "fromMarkdown",
      "lineOfSource",
      "makeSpan",
      "matchNumbering",
      "normalize",
      "normalizeForMatch",
      "normalizeUnitName",
      "numeralValue",
      "parse",
      "parseDeadline",
      "parseSource",
      "parseUnitList",
      "read",
      "readers",
      "sniffFormat",
      "specialtyOfTitle",
      "toPolicyTree",
      "toSourceOffset",
    ]
  `)
})
