import { expect, it } from 'vitest'
import * as api from '../src/index.js'

it('pins the public exports of @policykb/cli', () => {
  expect(Object.keys(api).sort()).toEqual([
    'ENCODINGS',
    'IO_OPTIONS',
    'UsageError',
    'checkEncoding',
    'commandHelp',
    'commands',
    'defineCommand',
    'displayName',
    'forEachInput',
    'formatDiagnostic',
    'globalHelp',
    'main',
    'outline',
    'parseCommandArgs',
    'processIo',
    'readInput',
    'reportDiagnostics',
    'toJson',
    'toMarkdown',
    'toTree',
    'writeFileAtomic',
    'writeOutput',
  ])
  expect(api.commands.map((c) => c.name)).toEqual(['parse', 'tasklist', 'eval', 'index', 'search', 'documents', 'units', 'serve'])
})
