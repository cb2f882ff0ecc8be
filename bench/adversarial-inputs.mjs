// The adversarial inputs of issue 9: text shaped to find every place where the parser's time or
// memory grows faster than the input (a regex that rescans a line, a per-node scan of siblings, a
// recursion on nesting depth). Deterministic: the same scale gives the same bytes.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** A small deterministic PRNG (mulberry32): the inputs must not change between runs. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HANZI = '加强推进建设完善提升服务管理发展改革创新优化营商环境落实政策体系机制工作重点任务项目企业市场监管数据共享平台'
const UNITS = ['市发展改革委', '市财政局', '市商务局', '市市场监管局', '市政务服务局', '市自然资源和规划局', '市住房城乡建设局', '市人力资源社会保障局']

/** Running CJK text without a line break: hanzi with a `，` every few words and a `。` every sentence. */
function cjkLine(chars, seed = 1) {
  const rnd = random(seed)
  let out = ''
  let sinceComma = 0
  let sinceStop = 0
  const parts = []
  for (let i = 0; i < chars; i++) {
    sinceComma++
    sinceStop++
    if (sinceStop > 30 && rnd() < 0.1) {
      out += '。'
      sinceStop = 0
      sinceComma = 0
    } else if (sinceComma > 8 && rnd() < 0.15) {
      out += '，'
      sinceComma = 0
    } else out += HANZI[Math.floor(rnd() * HANZI.length)]
    if (out.length >= 4096) {
      parts.push(out)
      out = ''
    }
  }
  parts.push(out)
  return parts.join('')
}

const seed002 = () =>
  readFileSync(fileURLToPath(new URL('../fixtures/002_c5ffb9b641a0b531/002_c5ffb9b641a0b531.txt', import.meta.url)), 'utf8')

/**
 * The cases, one row each of the adversarial table. `make(scale)` builds the input at `scale` of
 * its full size (1 = the size the issue measured; `--quick` runs a tenth).
 */
export const CASES = [
  {
    id: 'cjk-line',
    label: '1 MB single line of CJK',
    target: '< 1 s',
    make: (s) => cjkLine(Math.round(333_000 * s)),
  },
  {
    id: 'nested-paren',
    label: '10⁵ nested （ (600 KB)',
    target: '< 1 s',
    make: (s) => {
      const k = Math.round(100_000 * s)
      return `${'（'.repeat(k)}市商务局${'）'.repeat(k)}\n`
    },
  },
  {
    id: 'nested-paren-statement',
    label: '10⁵ nested （ inside 责任单位：',
    target: '< 1 s',
    make: (s) => {
      const k = Math.round(100_000 * s)
      return `一、重点任务\n1.推进项目建设。（责任单位：${'（'.repeat(k)}市商务局${'）'.repeat(k)}）\n`
    },
  },
  {
    id: 'unit-list',
    label: '10⁵ units joined by 、 (2 MB)',
    target: '< 2 s',
    make: (s) => {
      const k = Math.round(100_000 * s)
      const units = Array.from({ length: k }, (_, i) => UNITS[i % UNITS.length])
      return `一、重点任务\n1.推进项目建设。（责任单位：${units.join('、')}）\n`
    },
  },
  {
    id: 'bare-dun',
    label: '10⁵ bare 、',
    target: '< 1 s',
    make: (s) => `${'、'.repeat(Math.round(100_000 * s))}\n`,
  },
  {
    id: 'numbered-items',
    label: '10⁵ full numbered items (9.5 MB)',
    target: '≥ 2 MB/s',
    make: (s) => {
      const k = Math.round(100_000 * s)
      const rnd = random(7)
      const out = ['关于印发某市优化营商环境行动方案的通知\n', '一、重点任务\n']
      for (let i = 1; i <= k; i++) {
        const a = UNITS[Math.floor(rnd() * UNITS.length)]
        out.push(`${i}.${cjkLine(6, i)}。（牵头单位：${a}；完成时限：2025年底）\n`)
      }
      return out.join('')
    },
  },
  {
    id: 'bare-numbers',
    label: '10⁵ lines 1. (300 KB)',
    target: '< 2 s, ≤ 20× input',
    make: (s) => '1.\n'.repeat(Math.round(100_000 * s)),
  },
  {
    id: 'seed-002-x100',
    label: '50 MB (seed 002 ×100 in one file)',
    target: '≤ 10× input',
    make: (s) => seed002().repeat(Math.max(1, Math.round(100 * s))),
  },
  {
    id: 'nested-quote',
    label: '5 000 nested > (10 KB)',
    target: 'parsed, no crash',
    // depth, not size, is what breaks: the quick run keeps it
    make: () => `${'> '.repeat(5000)}推进项目建设\n`,
  },
]
