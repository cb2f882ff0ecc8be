export { applyCorrections, correctTable, addedRowId } from './apply.js'
export type { ApplyCorrectionsOptions, CorrectedRows, CorrectionConflict } from './apply.js'
export { parseCorrectionsFile } from './file.js'
export type { CorrectionsFileResult } from './file.js'
