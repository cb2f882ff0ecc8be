import { z } from 'zod'
import { Deadline } from './deadline.js'
import { Diagnostic } from './diagnostic.js'
import { PolicyDocument } from './document.js'
import { Measure } from './measure.js'
import { SourceText } from './provenance.js'
import { ParseResult } from './result.js'
import { Section } from './section.js'
import { Span } from './span.js'
import { TaskRow } from './taskrow.js'
import { UnitRef } from './unit.js'

/** The schemas published as JSON Schema, by file name stem. */
export const publishedSchemas = {
  span: Span,
  diagnostic: Diagnostic,
  'unit-ref': UnitRef,
  deadline: Deadline,
  section: Section,
  measure: Measure,
  document: PolicyDocument,
  'parse-result': ParseResult,
  'task-row': TaskRow,
  'source-text': SourceText,
} as const

/**
 * JSON Schema (draft 2020-12) for one of the published schemas.
 * @param name - key of `publishedSchemas`
 */
export function toJsonSchema(name: keyof typeof publishedSchemas): Record<string, unknown> {
  return z.toJSONSchema(publishedSchemas[name], { target: 'draft-2020-12' }) as Record<string, unknown>
}
