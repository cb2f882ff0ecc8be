export { main, globalHelp } from './main.js'
export { commands } from './commands/index.js'
export { defineCommand, parseCommandArgs, commandHelp, UsageError } from './command.js'
export type { Command, Invocation, OptionSpec, OptionValues } from './command.js'
export {
  readInput,
  forEachInput,
  writeOutput,
  writeFileAtomic,
  formatDiagnostic,
  reportDiagnostics,
  checkEncoding,
  displayName,
  ENCODINGS,
  IO_OPTIONS,
  processIo,
} from './io.js'
export type { Io, InputText, ReadResult, OutputTarget, WriteResult, BatchSummary } from './io.js'
export { toJson } from './format/json.js'
export { toTree } from './format/tree.js'
export { toMarkdown } from './format/markdown.js'
export { outline } from './format/outline.js'
export type { OutlineNode } from './format/outline.js'
