import { rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { USER_WORD_FREQUENCY } from './jieba.js'
import { dictionaryWords, type Tokenizer, type TokenizerOptions } from './tokenizer.js'

interface NodejiebaModule {
  DEFAULT_USER_DICT: string
  load(options?: Record<string, string>): void
  cut(sentence: string, hmm?: boolean): string[]
  cutForSearch(sentence: string, hmm?: boolean): string[]
}

/** Options of {@link createNodejiebaTokenizer}. */
export interface NodejiebaOptions extends TokenizerOptions {
  /** Package to require; default `nodejieba` (any package with nodejieba's API will do). */
  module?: string
}

let fileSeq = 0

/**
 * A {@link Tokenizer} on nodejieba (cppjieba, a native addon built from source). It is an optional
 * dependency: it is required on the first cut, and if it is missing or failed to build the error
 * says so. Loading takes about 1.3 s and 240 MB RSS (see the README).
 *
 * nodejieba's `insertWord` gives user words cppjieba's median weight, too low to keep
 * 市人力资源社会保障局 or 不见面 whole, and cannot take a frequency; so user words go into a user
 * dictionary file with a frequency, read when the dictionary loads. Words added after the first cut
 * reload the dictionary (another ~1.3 s). nodejieba holds one dictionary per process: the last
 * instance to load decides it for all.
 * @param options - user words, HMM switch (default on), package name
 */
export function createNodejiebaTokenizer(options: NodejiebaOptions = {}): Tokenizer {
  const moduleName = options.module ?? 'nodejieba'
  const hmm = options.hmm ?? true
  const words: string[] = options.userDict ? dictionaryWords(options.userDict) : []
  let jieba: NodejiebaModule | undefined
  let loadedWords = -1

  const load = (): NodejiebaModule => {
    if (jieba && loadedWords === words.length) return jieba
    if (!jieba) {
      const require = createRequire(import.meta.url)
      try {
        jieba = require(moduleName) as NodejiebaModule
      } catch (cause) {
        throw new Error(
          `Cannot load ${moduleName}: nodejieba is an optional dependency of @policykb/search and is not installed or did not build ` +
            '(it compiles cppjieba from source). Install it with `pnpm add nodejieba` (needs a C++ toolchain), ' +
            'or use the default tokenizer, createJiebaTokenizer().',
          { cause },
        )
      }
    }
    const file = join(tmpdir(), `policykb-nodejieba-${process.pid}-${fileSeq++}.utf8`)
    writeFileSync(file, words.map((w) => `${w} ${USER_WORD_FREQUENCY} n\n`).join(''), 'utf8')
    try {
      // cppjieba reads several user dictionaries separated by `|`.
      jieba.load({ userDict: `${jieba.DEFAULT_USER_DICT}|${file}` })
    } finally {
      rmSync(file, { force: true })
    }
    loadedWords = words.length
    return jieba
  }

  return {
    name: 'nodejieba',
    cut: (text) => load().cut(text, hmm),
    cutForSearch: (text) => load().cutForSearch(text, hmm),
    loadUserDict(more) {
      words.push(...dictionaryWords(more))
    },
  }
}
