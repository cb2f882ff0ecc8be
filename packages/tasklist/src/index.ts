export { TASK_COLUMNS, COLUMN_HEADERS, cellText, cellOptions } from './columns.js'
export type { TaskColumn, TaskTable, CellOptions, DeadlineDisplay } from './columns.js'
export { unitsCell, deadlineCell } from './cells.js'
export {
  toTaskRows,
  toTaskTable,
  defaultColumns,
  measureCell,
  directionCell,
  DIRECTION_MODES,
  hasLeadLabel,
  planTitle,
} from './generate.js'
export type { DirectionMode, PartSelector, TaskRowOptions, TaskTableOptions } from './generate.js'
export { deadlineDate } from './deadlineText.js'
export {
  writeTaskTable,
  EXPORT_FORMATS,
  writeXlsx,
  writeDocx,
  writeCsv,
  writeMarkdown,
  writeJson,
  toJsonRows,
  quoteCsvField,
  escapeMarkdownCell,
  verticalMerges,
  mergeRoles,
  csvSafe,
  isFormulaLike,
  FORMULA_TRIGGERS,
} from './export/index.js'
export type {
  ExportFormat,
  ExportOptions,
  XlsxOptions,
  DocxOptions,
  CsvOptions,
  MarkdownOptions,
  TaskRowJson,
  MergeColumn,
  MergeRange,
  MergeOptions,
} from './export/index.js'
export { readTaskTable, detectFormat, parseCsv } from './import/index.js'
export type { ReadTaskTableOptions, ReadTaskTableResult, TaskTableFormat } from './import/index.js'
export {
  evaluate,
  formatReport,
  matchTexts,
  sameUnits,
  sameDeadline,
  sameDirection,
  sameSpecialty,
  COMPARED_FIELDS,
} from './evaluate/index.js'
export type {
  EvaluateOptions,
  EvalReport,
  FieldAgreement,
  MatchedPair,
  SpecialtyBreakdown,
  DifferingPair,
  ReportFormat,
  RowMatch,
  ComparedField,
} from './evaluate/index.js'
export { applyCorrections, correctTable, addedRowId, parseCorrectionsFile } from './corrections/index.js'
export type { ApplyCorrectionsOptions, CorrectedRows, CorrectionConflict, CorrectionsFileResult } from './corrections/index.js'
