/**
 * Builds the held-out corpus from the templates under gen/ and writes data/*.json.
 *
 *   npx tsc -p tsconfig.json && node dist/test/waf/corpus/holdout/generate.js          # rewrite data/
 *   node dist/test/waf/corpus/holdout/generate.js --check                               # exit 1 if data/ is stale
 *
 * Deterministic: one seeded PRNG per category, no clock, no zlib. The shape test
 * regenerates in memory and fails if the committed files differ.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CorpusCase } from '../types.js';
import { familyOf, subCategory } from '../types.js';
import { benign } from './gen/benign.js';
import { web } from './gen/web.js';
import { secrets } from './gen/secrets.js';
import { injection } from './gen/injection.js';
import { ssrf } from './gen/ssrf.js';
import { holdoutDataDir } from './load.js';

export function holdoutFileFor(category: string): string {
  const sub = subCategory(category);
  switch (familyOf(category)) {
    case 'benign': return `benign-${sub.replaceAll('_', '-')}.json`;
    case 'web': return `attack-web-${sub.split('.')[0]!}.json`;
    case 'secret': return 'attack-secrets.json';
    case 'injection': return 'attack-injection.json';
    case 'ssrf': return 'attack-ssrf.json';
  }
}

let cached: CorpusCase[] | null = null;

export function buildHoldout(): CorpusCase[] {
  cached ??= [...benign(), ...web(), ...secrets(), ...injection(), ...ssrf()];
  return cached;
}

/** File name → exact file text. */
export function renderHoldout(cases: readonly CorpusCase[] = buildHoldout()): Map<string, string> {
  const byFile = new Map<string, CorpusCase[]>();
  for (const c of cases) {
    const f = holdoutFileFor(c.category);
    let list = byFile.get(f);
    if (list === undefined) byFile.set(f, (list = []));
    list.push(c);
  }
  const out = new Map<string, string>();
  for (const [f, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) out.set(f, JSON.stringify(list, null, 2) + '\n');
  return out;
}

/** Files in `dir` that differ from a fresh render (missing, stale or extra). */
export function staleHoldoutFiles(dir: string = holdoutDataDir()): string[] {
  const want = renderHoldout();
  const have = new Set(readdirSync(dir).filter((f) => f.endsWith('.json')));
  const stale: string[] = [];
  for (const [f, text] of want) {
    if (!have.has(f) || readFileSync(join(dir, f), 'utf8') !== text) stale.push(f);
    have.delete(f);
  }
  return [...stale, ...have];
}

function main(): void {
  const dir = holdoutDataDir({ forWriting: true });
  if (process.argv.includes('--check')) {
    const stale = staleHoldoutFiles(dir);
    if (stale.length > 0) {
      console.error(`held-out corpus data is stale: ${stale.join(', ')}; run node dist/test/waf/corpus/holdout/generate.js`);
      process.exit(1);
    }
    console.log('held-out corpus data is up to date');
    return;
  }
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) rmSync(join(dir, f));
  const cases = buildHoldout();
  for (const [f, text] of renderHoldout(cases)) writeFileSync(join(dir, f), text);
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
  const fam = new Map<string, number>();
  for (const c of cases) fam.set(familyOf(c.category), (fam.get(familyOf(c.category)) ?? 0) + 1);
  for (const [k, v] of counts) console.log(`${k.padEnd(40)} ${v}`);
  console.log('');
  for (const [k, v] of fam) console.log(`${k.padEnd(40)} ${v}`);
  console.log(`${'total'.padEnd(40)} ${cases.length}\nwritten to ${dir}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
