import type { Command } from '../command.js'
import { evalCommand } from './eval.js'
import { parseCommand } from './parse.js'
import { tasklistCommand } from './tasklist.js'

/**
 * Every command of `policykb`, in the order `policykb --help` lists them.
 *
 * To add one (`tasklist`, `eval`, `index`, `search`, `units`): write `commands/<name>.ts`
 * exporting a {@link Command} made with `defineCommand`, and list it here. Read inputs with
 * `readInput` (one file) or `forEachInput` (several: a bad file is reported and the rest go on),
 * write with `writeOutput` (`binary: true` for xlsx and docx), and spread `IO_OPTIONS` into the
 * command's options for `-o`, `-e` and `-q`.
 */
export const commands: readonly Command[] = [parseCommand, tasklistCommand, evalCommand]
