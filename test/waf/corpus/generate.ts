/**
 * Builds the corpus from the templates under gen/ and writes data/*.json.
 *
 *   npx tsc -p tsconfig.json && node dist/test/waf/corpus/generate.js          # rewrite data/
 *   node dist/test/waf/corpus/generate.js --check                               # exit 1 if data/ is stale
 *
 * Output is deterministic (seeded per category, no clock, no zlib): the corpus test
 * regenerates in memory and fails if the committed files differ.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CorpusCase } from './types.js';
import { familyOf, subCategory } from './types.js';
import { Sink } from './gen/sink.js';
import { benign } from './gen/benign.js';
import { web } from './gen/web.js';
import { secrets } from './gen/secrets.js';
import { injection } from './gen/injection.js';
import { ssrf } from './gen/ssrf.js';
import { corpusDataDir } from './load.js';

/** data file a category belongs to. */
export function fileFor(category: string): string {
  const fam = familyOf(category);
  const sub = subCategory(category);
  switch (fam) {
    case 'benign': return `benign-${sub.replaceAll('_', '-')}.json`;
    case 'web': return `attack-web-${sub.split('.')[0]!}.json`;
    case 'secret': return 'attack-secrets.json';
    case 'injection': return 'attack-injection.json';
    case 'ssrf': return 'attack-ssrf.json';
  }
}

export function buildCorpus(): CorpusCase[] {
  const sink = new Sink();
  benign(sink);
  web(sink);
  secrets(sink);
  injection(sink);
  ssrf(sink);
  return sink.cases;
}

/** File name → exact file text. */
export function renderCorpus(cases: readonly CorpusCase[] = buildCorpus()): Map<string, string> {
  const byFile = new Map<string, CorpusCase[]>();
  for (const c of cases) {
    const f = fileFor(c.category);
    let list = byFile.get(f);
    if (list === undefined) byFile.set(f, (list = []));
    list.push(c);
  }
  const out = new Map<string, string>();
  for (const [f, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) out.set(f, JSON.stringify(list, null, 2) + '\n');
  return out;
}

/** Names of files in `dir` that differ from a fresh render (missing, stale or extra). */
export function staleFiles(dir: string = corpusDataDir()): string[] {
  const want = renderCorpus();
  const have = new Set(readdirSync(dir).filter((f) => f.endsWith('.json')));
  const stale: string[] = [];
  for (const [f, text] of want) {
    if (!have.has(f) || readFileSync(join(dir, f), 'utf8') !== text) stale.push(f);
    have.delete(f);
  }
  return [...stale, ...have];
}

function main(): void {
  const dir = corpusDataDir({ forWriting: true });
  if (process.argv.includes('--check')) {
    const stale = staleFiles(dir);
    if (stale.length > 0) {
      console.error(`corpus data is stale: ${stale.join(', ')}; run node dist/test/waf/corpus/generate.js`);
      process.exit(1);
    }
    console.log('corpus data is up to date');
    return;
  }
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith('.json')) rmSync(join(dir, f));
  const files = renderCorpus();
  for (const [f, text] of files) writeFileSync(join(dir, f), text);
  const counts = new Map<string, number>();
  for (const text of files.values()) for (const c of JSON.parse(text) as CorpusCase[]) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
  console.log(`wrote ${files.size} files to ${dir}`);
  for (const [cat, n] of [...counts].sort()) console.log(`${String(n).padStart(5)}  ${cat}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
