import { expect, it } from 'vitest'
import * as parser from '../src/index.js'

it('pins the public exports of @policykb/parser', () => {
  expect(Object.keys(parser).sort()).toMatchInlineSnapshot(`
    [
      "bigramCount",
      "bigrams",
      "decode",
      "dice",
      "extractMeasures",
      "fold",
      "foldChar",
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
      "parseUnitList",
      "specialtyOfTitle",
      "toPolicyTree",
      "toSourceOffset",
    ]
  `)
})
