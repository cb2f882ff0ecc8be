/**
 * Ignore patterns as `.gitignore` writes them, for `.policykbignore` and `--exclude`: one pattern a
 * line, `#` comments, `!` re-includes, a trailing `/` matches directories only, a pattern with a `/`
 * before its end is anchored to the directory walked (else it matches a name at any depth), `*` and
 * `?` stay within one path segment, `**` spans segments. The last pattern that matches decides;
 * as in git, a file inside an ignored directory cannot be re-included (the walk never enters it).
 */

/** One compiled pattern. */
export interface IgnoreRule {
  /** The pattern as written, for messages. */
  source: string
  /** `!pattern`: a match re-includes. */
  negate: boolean
  /** `pattern/`: only directories match. */
  directoryOnly: boolean
  regex: RegExp
}

/** Compile one pattern; `null` for a blank line or a comment. */
export function ignoreRule(line: string): IgnoreRule | null {
  let p = line.replace(/(?<!\\)\s+$/, '')
  if (p === '' || p.startsWith('#')) return null
  const negate = p.startsWith('!')
  if (negate) p = p.slice(1)
  if (p.startsWith('\\')) p = p.slice(1)
  const directoryOnly = p.endsWith('/')
  if (directoryOnly) p = p.slice(0, -1)
  const anchored = p.includes('/')
  if (p.startsWith('/')) p = p.slice(1)
  if (p === '') return null
  const body = globToRegex(p)
  // Unanchored: the name at any depth; `**/` in front means the same.
  const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`)
  return { source: line.trim(), negate, directoryOnly, regex }
}

function globToRegex(glob: string): string {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` any number of directories, a trailing `**` everything below.
        const slash = glob[i + 2] === '/'
        out += slash ? '(?:.*/)?' : '.*'
        i += slash ? 2 : 1
      } else out += '[^/]*'
    } else if (c === '?') out += '[^/]'
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1)
      if (close < 0) out += '\\['
      else {
        const set = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')
        out += `[${set}]`
        i = close
      }
    } else if (c === '\\' && i + 1 < glob.length) out += literal(glob[++i]!)
    else out += literal(c)
  }
  return out
}

const literal = (c: string) => c.replace(/[.+^${}()|[\]\\]/g, '\\$&')

/** Compile the lines of an ignore file (or a list of `--exclude` patterns). */
export function ignoreRules(text: string | readonly string[]): IgnoreRule[] {
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : text
  return lines.map(ignoreRule).filter((r): r is IgnoreRule => r !== null)
}

/**
 * Whether a path is ignored.
 * @param path - relative to the directory the patterns belong to, with `/`
 * @param isDirectory - directory-only patterns match only when true
 */
export function isIgnored(rules: readonly IgnoreRule[], path: string, isDirectory: boolean): boolean {
  let ignored = false
  for (const rule of rules) {
    if (rule.directoryOnly && !isDirectory) continue
    if (rule.regex.test(path)) ignored = !rule.negate
  }
  return ignored
}
