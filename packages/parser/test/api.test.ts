import { expect, it } from 'vitest'
import * as parser from '../src/index.js'

it('pins the public exports of @policykb/parser', () => {
  expect(Object.keys(parser).sort()).toMatchInlineSnapshot(`
    [
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
