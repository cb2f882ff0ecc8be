// The one place the CLI touches @policykb/parser.
export { decode, parse } from '@policykb/parser'
export type { DecodeResult, ParseOutput } from '@policykb/parser'
