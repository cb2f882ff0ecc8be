import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isStoreEntry } from '@policykb/search'
import { defineCommand, UsageError } from '../command.js'
import { checkEncoding, describeFsError, IO_OPTIONS, reportError } from '../io.js'
import { DOCUMENT_KINDS, IGNORE_FILE } from '../documentFiles.js'
import { buildKnowledgeBase, tokenizerOption } from '../kb.js'

/**
 * Why `dir` cannot take a knowledge base, or null when it can: it is missing, empty, or holds a
 * knowledge base already (which is replaced). Anything else is refused, so that `-o .` or a typo
 * never scatters the store's files among someone's documents.
 */
async function targetProblem(dir: string): Promise<string | null> {
  let names: string[]
  try {
    if (!(await stat(dir)).isDirectory()) return `${dir}: exists and is not a directory`
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    return `${dir}: ${describeFsError(error, 'write')}`
  }
  if (names.length === 0 || names.includes('manifest.json') || names.every(isStoreEntry)) return null
  return `${dir}: the directory is not empty and holds no knowledge base (no manifest.json); give a new or empty directory`
}

async function storeBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    total += entry.isDirectory() ? await storeBytes(path) : (await stat(path)).size
  }
  return total
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** `policykb index FILE|DIR... -o KB`: parse documents into a saved, searchable knowledge base. */
export const indexCommand = defineCommand({
  name: 'index',
  summary: 'build a searchable knowledge base from documents or directories',
  usage: '[options] -o KB FILE|DIR...',
  description: [
    'Parse policy documents and save their measures as a knowledge base in the directory KB,',
    'for policykb search and policykb units. A DIR stands for every document file under it by',
    `its kind (${DOCUMENT_KINDS}; recursively, in name order, hidden files skipped) but those`,
    `its ${IGNORE_FILE} (gitignore patterns: outline.txt, oracle/, !keep.txt …) or --exclude`,
    'leave out; a FILE named is read whatever its name. Each document is filed under its path',
    'relative to the current directory (its file name when it lies outside), the id search shows',
    'and --document takes. KB is created if missing and replaced if it holds a knowledge base;',
    'a non-empty directory that holds none is refused.',
    'A file that cannot be read (missing, binary, empty, undecodable) is reported and skipped: the',
    'others are indexed and the exit status is 1. If no file can be read, KB is not written.',
    'A document without measures (a reply letter) is indexed with a note. Progress (a bar on a',
    "terminal, a line per file otherwise), the documents' warnings and a summary go to standard",
    'error; -q leaves only errors.',
  ].join('\n'),
  options: {
    output: { type: 'string', short: 'o', value: 'KB', description: 'the knowledge base directory to write (required)' },
    tokenizer: {
      type: 'string',
      value: 'NAME',
      description: 'word segmenter: jieba (default; @node-rs/jieba) or nodejieba',
    },
    exclude: {
      type: 'string',
      multiple: true,
      value: 'GLOB',
      description: `leave out files under a DIR matching GLOB (gitignore syntax, as in ${IGNORE_FILE}; repeatable)`,
    },
    encoding: IO_OPTIONS.encoding,
    quiet: { type: 'boolean', short: 'q', description: 'no progress, warnings or summary on standard error' },
  },
  examples: ['policykb index plans/ -o kb', "policykb index plans/ --exclude 'drafts/' --exclude '*.doc' -o kb", 'policykb index 001.txt 002.txt -o kb --tokenizer nodejieba', 'policykb search 市税务局 --kb kb'],
  async run({ values, positionals, io }) {
    const tokenizer = tokenizerOption(values.tokenizer, 'index')
    checkEncoding(values.encoding, 'index')
    const out = values.output
    if (out === undefined || out.trim() === '') throw new UsageError('missing -o KB: the directory to write the knowledge base to', 'index')
    if (out === '-') throw new UsageError('a knowledge base is a directory: -o - (standard output) cannot take it', 'index')
    if (positionals.length === 0) {
      throw new UsageError(`missing FILE or DIR (documents, or directories of ${DOCUMENT_KINDS} files)`, 'index')
    }
    const problem = await targetProblem(out)
    if (problem) {
      reportError(io, problem)
      return 1
    }

    const started = performance.now()
    const built = await buildKnowledgeBase(positionals, {
      io,
      encoding: values.encoding,
      tokenizer,
      verbose: !values.quiet,
      selection: { exclude: values.exclude ?? [] },
    })
    if (built.documents === 0) {
      reportError(io, `no document could be indexed; ${out} was not written`)
      return 1
    }
    try {
      await built.kb.save(out)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code
      reportError(io, code ? `${out}: ${describeFsError(error, 'write')}` : `${out}: ${error instanceof Error ? error.message : String(error)}`)
      return 1
    }
    if (!values.quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const failed = built.failed > 0 ? `; ${built.failed} of ${plural(built.total, 'file')} failed` : ''
      io.stderr.write(
        `indexed ${plural(built.documents, 'document')}: ${plural(built.measures, 'measure')}, ${plural(built.kb.units().length, 'unit')}` +
          ` → ${out} (${megabytes(await storeBytes(out))}, ${seconds} s)${failed}\n`,
      )
    }
    return built.failed > 0 ? 1 : 0
  },
})
