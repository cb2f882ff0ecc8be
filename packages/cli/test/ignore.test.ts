import { describe, expect, it } from 'vitest'
import { ignoreRules, isIgnored } from '../src/ignore.js'

describe('ignore patterns (gitignore syntax)', () => {
  it.each([
    { patterns: ['outline.txt'], path: 'a/outline.txt', dir: false, ignored: true },
    { patterns: ['outline.txt'], path: 'outline.txt', dir: false, ignored: true },
    { patterns: ['/outline.txt'], path: 'a/outline.txt', dir: false, ignored: false },
    { patterns: ['oracle/'], path: 'a/oracle', dir: true, ignored: true },
    { patterns: ['oracle/'], path: 'a/oracle', dir: false, ignored: false },
    { patterns: ['*.pdf'], path: 'x/y/z.PDF', dir: false, ignored: false },
    { patterns: ['*.pdf'], path: 'x/y/z.pdf', dir: false, ignored: true },
    { patterns: ['*.pdf', '!made-*/made-*.pdf'], path: 'made-a/made-a.pdf', dir: false, ignored: false },
    { patterns: ['*.pdf', '!made-*/made-*.pdf'], path: 'x/made-a/made-a.pdf', dir: false, ignored: true },
    { patterns: ['tasklist*'], path: 'a/tasklist-preview.md', dir: false, ignored: true },
    { patterns: ['a/*.txt'], path: 'a/b/c.txt', dir: false, ignored: false },
    { patterns: ['a/**/c.txt'], path: 'a/b/d/c.txt', dir: false, ignored: true },
    { patterns: ['**/b'], path: 'x/b', dir: true, ignored: true },
    { patterns: ['file?.md'], path: 'file1.md', dir: false, ignored: true },
    { patterns: ['[ab].md'], path: 'b.md', dir: false, ignored: true },
    { patterns: ['# comment', '', '  '], path: '# comment', dir: false, ignored: false },
    { patterns: ['\\#x.md'], path: '#x.md', dir: false, ignored: true },
  ])('$patterns on $path (directory: $dir) → ignored $ignored', ({ patterns, path, dir, ignored }) => {
    expect(isIgnored(ignoreRules(patterns), path, dir)).toBe(ignored)
  })
})
