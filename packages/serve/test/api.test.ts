import { expect, it } from 'vitest'
import * as serve from '../src/index.js'

it('pins the public exports of @policykb/serve', () => {
  expect(Object.keys(serve).sort()).toEqual([
    'SERVED_EXTENSIONS',
    'allowedHosts',
    'analyse',
    'api',
    'collectFiles',
    'correctionsPathOf',
    'dueCalendar',
    'isLoopback',
    'loadCorrections',
    'normalizedRange',
    'refusal',
    'saveCorrections',
    'startServer',
    'summaryOf',
    'viewOf',
  ])
})
