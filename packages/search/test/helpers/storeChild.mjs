// A process that writes or reads a knowledge base, for the fault tests (store.faults.test.ts): it
// is killed, starved of disk and run many at a time. Runs the built package (`pnpm build` first).
//   node storeChild.mjs save SRC DIR   load the knowledge base in SRC, save it to DIR; prints `saving`
//                                      when the save starts and `saved <ms>` when it is done
//   node storeChild.mjs load DIR [N]   load DIR N times (default 1); prints the size each time
import { loadKnowledgeBase } from '../../dist/index.js'

const [mode, a, b] = process.argv.slice(2)
if (mode === 'save') {
  const kb = await loadKnowledgeBase(a)
  kb.search('') // the index is at hand: the save is only the writing
  process.stdout.write('saving\n')
  const started = performance.now()
  await kb.save(b, { lockTimeout: 120_000 })
  process.stdout.write(`saved ${(performance.now() - started).toFixed(1)}\n`)
} else if (mode === 'load') {
  for (let i = 0; i < Number(b ?? 1); i++) process.stdout.write(`${(await loadKnowledgeBase(a)).size}\n`)
} else {
  process.stderr.write('usage: storeChild.mjs save SRC DIR | load DIR [N]\n')
  process.exit(2)
}
