// The one place the CLI touches @policykb/parser.
export { decode, parse, parseSource, read } from '@policykb/parser'
export type { DecodeResult, ParseOutput, ParseSourceOutput, ReadFailure } from '@policykb/parser'
