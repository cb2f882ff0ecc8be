/** What the serve tests share: a folder of documents copied from fixtures/, a server on it, raw HTTP requests. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../../../', import.meta.url))
export const fixture = (name: string, ext = 'txt') => join(root, 'fixtures', name, `${name}.${ext}`)
export const SEED_002 = '002_c5ffb9b641a0b531'
export const SEED_001 = '001_d25d4ccf3a63151e'

/** A plan whose measure holds markup and script: it must be shown as text. */
export const HOSTILE = [
  '一、重点任务',
  '1.防范脚本注入。在页面中展示<script>alert(1)</script>以及<img src=x onerror=alert(2)>和<a href="javascript:alert(3)">链接</a>的原文。',
  '责任单位：市政数局<b>加粗</b>',
  '完成时限：2022年12月底前',
  '2.第二项措施。保持原样。',
  '责任单位：市财政局',
  '完成时限：长期坚持',
].join('\n')

/** A fresh folder with copies of the named seeds (corrections are written beside them, never in fixtures/). */
export function documentsFolder(seeds: string[], extra: Record<string, string> = {}): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'policykb-serve-'))
  mkdirSync(join(dir, 'docs'))
  for (const seed of seeds) copyFileSync(fixture(seed), join(dir, 'docs', `${seed}.txt`))
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, 'docs', name), text)
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** One raw HTTP request: the path is sent exactly as given (no normalisation of `..`). */
export function raw(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', fail)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}
