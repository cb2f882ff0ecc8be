import { expect, it } from 'vitest'
import * as model from '../src/index.js'

it('pins the public exports of @policykb/model', () => {
  expect(Object.keys(model).sort()).toMatchInlineSnapshot(`
    [
      "Aside",
      "AttachmentRef",
      "Deadline",
      "Diagnostic",
      "DocumentKind",
      "Footnote",
      "Measure",
      "NormalizedText",
      "NumberingStyle",
      "Origin",
      "ParseResult",
      "Part",
      "PolicyDocument",
      "PrimaryUnit",
      "Removal",
      "RemovalKind",
      "Responsibility",
      "ResponsibilityEntry",
      "Section",
      "SectionRole",
      "Segment",
      "Severity",
      "SourceBlock",
      "SourceFormat",
      "SourceMetadata",
      "SourceRange",
      "SourceText",
      "Span",
      "SpannedText",
      "Table",
      "TableRow",
      "TaskDeadline",
      "TaskRow",
      "TaskUnit",
      "TocEntry",
      "UnitRef",
      "UnitRole",
      "publishedSchemas",
      "toJsonSchema",
    ]
  `)
})
