#!/usr/bin/env bash
# Every package as it would be published: `pnpm pack` each one (workspace: ranges become real
# versions), check what the tarballs hold, install them together with npm into an empty project
# (the other dependencies come from the registry), and use them there: `policykb --version`, a
# parse, a search and a docx export from the installed CLI, and a TypeScript file importing the
# libraries, type-checked under `strict` and run.
#
# Usage: bash scripts/pack-install.sh   (after pnpm build; `.ci/run` runs it after pnpm check)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "pack-install: $*" >&2; exit 1; }

mkdir -p "$work/tarballs" "$work/project"
for dir in packages/*/; do
  (cd "$dir" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done

# What each tarball holds: a LICENSE equal to the repository's, no workspace: range left, and a
# source file for every source map's `sources`.
for tgz in "$work"/tarballs/*.tgz; do
  name=$(basename "$tgz")
  x="$work/x/$name"
  mkdir -p "$x" && tar -xzf "$tgz" -C "$x"
  cmp -s "$x/package/LICENSE" LICENSE || fail "$name: no LICENSE, or not the repository's"
  if grep -q '"workspace:' "$x/package/package.json"; then fail "$name: package.json still has a workspace: range"; fi
  node -e '
    const fs = require("node:fs"), path = require("node:path")
    const pkg = process.argv[1]
    const maps = fs.readdirSync(pkg, { recursive: true }).filter((f) => f.endsWith(".map"))
    for (const map of maps) {
      for (const source of JSON.parse(fs.readFileSync(path.join(pkg, map), "utf8")).sources) {
        const file = path.resolve(pkg, path.dirname(map), source)
        if (!fs.existsSync(file)) { console.error(`pack-install: ${map} maps to ${source}, not in the package`); process.exit(1) }
      }
    }' "$x/package"
done

cd "$work/project"
# The override is the one the README tells npm users on Node 20 to add (docx declares nanoid 6,
# which wants Node 22, and bundles its own copy).
cat > package.json <<'JSON'
{ "name": "scratch", "private": true, "type": "module", "overrides": { "nanoid": "^5.1.12" } }
JSON
npm install --no-audit --no-fund --loglevel=warn "$work"/tarballs/*.tgz @types/node@20 typescript@5.9 >"$work/npm.log" 2>&1 ||
  { cat "$work/npm.log" >&2; fail "npm install of the tarballs failed"; }
if grep -Ei 'warn|err' "$work/npm.log"; then fail "npm install was not clean (above)"; fi

want=$(node -p "require('$root/packages/cli/package.json').version")
got=$(npx --no-install policykb --version)
[ "$got" = "$want" ] || fail "policykb --version printed '$got', expected '$want'"

doc="$root/fixtures/001_d25d4ccf3a63151e/001_d25d4ccf3a63151e.txt"
npx --no-install policykb parse "$doc" --format tree | grep -q '^measures: 25$' || fail "policykb parse of seed 001 did not find its 25 measures"
npx --no-install policykb index "$doc" -o kb -q
npx --no-install policykb search 市税务局 --kb kb --lead | grep -q 全面落实减税降费政策 || fail "policykb search found no measure led by 市税务局"
npx --no-install policykb tasklist "$doc" --format docx -o t.docx && [ -s t.docx ] || fail "policykb tasklist --format docx wrote nothing"

cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true,
  "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true, "types": ["node"], "outDir": "out" },
  "files": ["use.ts"] }
JSON
cat > use.ts <<'TS'
import type { Deadline, Measure } from '@policykb/model'
import { parse } from '@policykb/parser'
import { toTaskTable, writeTaskTable } from '@policykb/tasklist'
import { createKnowledgeBase } from '@policykb/search'

const due = (d: Deadline | null): string => (d?.kind === 'date' || d?.kind === 'period' ? d.date : (d?.kind ?? '—'))
const result = parse('二、重点任务\n1.推行“一网通办”。实现全程网办。\n责任单位：市政数局牵头\n完成时限：2022年12月底前')
const measures: Measure[] = result.measures
const kb = createKnowledgeBase()
kb.add(result, { document: 'demo' })
const xlsx: Uint8Array = await writeTaskTable(toTaskTable(result), 'xlsx')
console.log(measures.map((m) => `${m.title} ${due(m.deadline)}`).join('\n'), kb.search('一网通办').total, xlsx.length > 0)
TS
node node_modules/typescript/bin/tsc -p . || fail "use.ts does not type-check against the installed packages"
out=$(node out/use.js)
[ "$out" = "推行“一网通办” 2022-12-31 1 true" ] || fail "use.js printed '$out'"
echo "pack-install: $(ls "$work"/tarballs | tr '\n' ' ')installed together; policykb $got, parse, search, docx and a strict typed import work"
