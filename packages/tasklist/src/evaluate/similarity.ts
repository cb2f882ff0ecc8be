// Bigram similarity is shared with the parser (it matches attachment titles with it).
export { bigramCount, bigrams, dice, normalizeForMatch } from '@policykb/parser'
