import type { Command } from '../command.js'

/**
 * A command as the registry lists it: enough for `policykb --help` (name and summary), and
 * `load` to import the module that implements it.
 */
export interface CommandEntry {
  name: string
  /** One line for the command list; the same as the loaded command's `summary`. */
  summary: string
  /** Import the command's module and return its {@link Command}. */
  load(): Promise<Command>
}

/**
 * Every command of `policykb`, in the order `policykb --help` lists them.
 *
 * To add one: write `commands/<name>.ts` exporting a {@link Command} made with `defineCommand`,
 * and add a line here with its name, its summary and a dynamic `import()` of its module. Each
 * module is imported only when its command runs, so that one command's heavy dependencies (the
 * parser, exceljs, docx) do not slow down another's start (`search` on a saved knowledge base
 * answers in a fraction of a second). Read inputs with `readInput` (one file) or `forEachInput`
 * (several: a bad file is reported and the rest go on), write with `writeOutput` (`binary: true`
 * for xlsx and docx), and spread `IO_OPTIONS` into the command's options for `-o`, `-e` and `-q`.
 */
export const commands: readonly CommandEntry[] = [
  { name: 'parse', summary: 'parse a policy document into its outline and measures (json, tree, md, text)', load: async () => (await import('./parse.js')).parseCommand },
  { name: 'tasklist', summary: 'make the 任务清单 (task table) of a plan (md, csv, json, xlsx, docx)', load: async () => (await import('./tasklist.js')).tasklistCommand },
  { name: 'eval', summary: 'measure the generated 任务清单 against a reference table (text, md, json)', load: async () => (await import('./eval.js')).evalCommand },
  { name: 'index', summary: 'build a searchable knowledge base from documents or directories', load: async () => (await import('./indexCommand.js')).indexCommand },
  { name: 'search', summary: 'search the measures of a knowledge base by words, unit, deadline (table, json)', load: async () => (await import('./search.js')).searchCommand },
  { name: 'documents', summary: 'list the documents of a knowledge base: id, kind, measures, title (table, json)', load: async () => (await import('./documents.js')).documentsCommand },
  { name: 'units', summary: 'list the units of a knowledge base with their roles and other names (table, json)', load: async () => (await import('./units.js')).unitsCommand },
  { name: 'serve', summary: 'review 任务清单 and search the knowledge base in the browser', load: async () => (await import('./serve.js')).serveCommand },
]
