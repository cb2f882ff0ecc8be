import { createRequire } from 'node:module'
import { dictionaryWords, type Tokenizer, type TokenizerOptions } from './tokenizer.js'

interface NodeRsJieba {
  loadDict(dict: Uint8Array): void
  cut(sentence: string, hmm?: boolean): string[]
  cutForSearch(sentence: string, hmm?: boolean): string[]
}
interface NodeRsModule {
  Jieba: { withDict(dict: Uint8Array): NodeRsJieba }
}

/**
 * Frequency given to user words: far above any word of jieba's dictionary, so a unit name like
 * 市人力资源社会保障局 beats its parts, while a longer user word still beats a shorter one.
 */
export const USER_WORD_FREQUENCY = 1_000_000

/**
 * A {@link Tokenizer} on @node-rs/jieba (Rust jieba-rs through N-API): loads in about 0.1 s, keeps
 * numbers such as 2022 whole. The dictionary is loaded on the first cut, not on creation, so a
 * knowledge base loaded from disk never pays for it unless documents are added.
 * @param options - user words and HMM switch; default no words, HMM on
 */
export function createJiebaTokenizer(options: TokenizerOptions = {}): Tokenizer {
  const hmm = options.hmm ?? true
  let jieba: NodeRsJieba | undefined
  let pending: string[] = options.userDict ? dictionaryWords(options.userDict) : []

  const load = (): NodeRsJieba => {
    if (jieba) return jieba
    const require = createRequire(import.meta.url)
    let mod: NodeRsModule
    let dict: Uint8Array
    try {
      mod = require('@node-rs/jieba') as NodeRsModule
      dict = (require('@node-rs/jieba/dict') as { dict: Uint8Array }).dict
    } catch (cause) {
      throw new Error(
        'Cannot load @node-rs/jieba, the default tokenizer of @policykb/search: is it installed for this platform? ' +
          'Reinstall dependencies, or pass another tokenizer (createNodejiebaTokenizer()).',
        { cause },
      )
    }
    jieba = mod.Jieba.withDict(dict)
    flush(jieba)
    return jieba
  }
  const flush = (j: NodeRsJieba): void => {
    if (pending.length === 0) return
    j.loadDict(Buffer.from(pending.map((w) => `${w} ${USER_WORD_FREQUENCY} n`).join('\n'), 'utf8'))
    pending = []
  }

  return {
    name: 'node-rs-jieba',
    cut: (text) => load().cut(text, hmm),
    cutForSearch: (text) => load().cutForSearch(text, hmm),
    loadUserDict(words) {
      pending.push(...dictionaryWords(words))
      if (jieba) flush(jieba)
    },
  }
}
