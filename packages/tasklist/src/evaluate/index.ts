// Measuring a generated 任务清单 against a reference one.
export { evaluate } from './evaluate.js'
export type {
  EvaluateOptions,
  EvalReport,
  FieldAgreement,
  MatchedPair,
  SpecialtyBreakdown,
  DifferingPair,
} from './evaluate.js'
export { formatReport } from './format.js'
export type { ReportFormat } from './format.js'
export { matchTexts } from './match.js'
export type { RowMatch } from './match.js'
export { sameUnits, sameDeadline, sameDirection, sameSpecialty, COMPARED_FIELDS } from './compare.js'
export type { ComparedField } from './compare.js'
export { dice, bigrams, normalizeForMatch } from './similarity.js'
