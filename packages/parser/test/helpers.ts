import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url))

/** The text documents: `{ name, text }` for every `fixtures/<name>/<name>.txt` (folders of other formats have none). */
export function seeds(): Array<{ name: string; text: string }> {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, `${d.name}.txt`)))
    .map((d) => ({ name: d.name, text: readFileSync(join(FIXTURES, d.name, `${d.name}.txt`), 'utf8') }))
}

/** One seed by its name prefix (`001`). */
export function seed(prefix: string): string {
  const s = seeds().find((x) => x.name.startsWith(prefix))
  if (!s) throw new Error(`no fixture ${prefix}`)
  return s.text
}

/** A measure's units as `name:role`, in order: what the forms tests compare. */
export const unitRoles = (m: { units: Array<{ name: string; role: string }> }): string[] => m.units.map((u) => `${u.name}:${u.role}`)
