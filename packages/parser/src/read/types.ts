import type { Diagnostic, SourceFormat, SourceText } from '@policykb/model'

/** Options of {@link read} and of every reader. */
export interface ReadOptions {
  /** The file's name, for messages and for the extension hint; content decides the format. */
  name?: string
  /** Character encoding of a text or HTML file, overriding detection (see `decode`). */
  encoding?: string
  /** Read as this format instead of detecting one. */
  format?: SourceFormat
  /**
   * Upper bound on what a reader may inflate or allocate (decompressed zip entries, PDF pages'
   * text), in bytes. Default: 256 MiB.
   */
  maxBytes?: number
}

/**
 * Why a file could not be read at all. `location` names the place in the file when one is to
 * blame (`page 3`, `line 12`, `word/document.xml`).
 */
export interface ReadFailure {
  ok: false
  format: SourceFormat | 'unknown'
  ruleId: string
  reason: string
  location?: string
  /** Byte offset of the first offending byte (a NUL byte in a text file). */
  byteOffset?: number
}

/** What a reader returns: the source text with its provenance and what it noticed, or a failure. */
export type ReadOutcome = { ok: true; source: SourceText; diagnostics: Diagnostic[] } | ReadFailure

/** One reader: bytes of a file in its format → {@link ReadOutcome}. Never throws. */
export type Reader = (bytes: Uint8Array, options: ReadOptions) => Promise<ReadOutcome>
