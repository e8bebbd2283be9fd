/**
 * Where the held-out corpus lives, and its size targets.
 *
 * Like data/ for the main corpus, the JSON stays in the source tree
 * (test/waf/corpus/holdout/data) and is read from there. The folder is worked out from this
 * module's own location, so it works both compiled and from source:
 *   - compiled:    <root>/dist/test/waf/corpus/holdout/load.js → <root>/test/waf/corpus/holdout/data
 *   - from source: test/waf/corpus/holdout/load.ts             → ./data
 * If neither exists (an unusual outDir), parent folders are searched for
 * test/waf/corpus/holdout/data. PORTCULLIS_WAF_HOLDOUT_DIR overrides everything.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusCase, Family } from '../types.js';
import { loadCorpus, CorpusError } from '../load.js';

const REL = join('test', 'waf', 'corpus', 'holdout', 'data');

function isDir(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/** The held-out data folder in the source tree. */
export function holdoutDataDir(opts: { forWriting?: boolean } = {}): string {
  const env = process.env['PORTCULLIS_WAF_HOLDOUT_DIR'];
  if (env !== undefined && env !== '') return resolve(env);
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates: string[] = [];
  const marker = `${sep}dist${sep}`;
  const at = here.lastIndexOf(marker);
  if (at !== -1) candidates.push(resolve(here.slice(0, at), here.slice(at + marker.length), 'data'));
  candidates.push(resolve(here, 'data'));
  for (let d = resolve(here); ; d = dirname(d)) {
    candidates.push(join(d, REL));
    if (dirname(d) === d) break;
  }
  const found = candidates.find(isDir);
  if (found !== undefined) return found;
  if (opts.forWriting) return candidates[0]!;
  throw new CorpusError(`held-out corpus folder not found (looked in ${candidates.slice(0, 2).join(', ')}; set PORTCULLIS_WAF_HOLDOUT_DIR)`);
}

/** The held-out corpus, through the main corpus loader (same format, same validation). */
export function loadHoldout(opts: { families?: readonly Family[]; categories?: readonly string[] } = {}): CorpusCase[] {
  return loadCorpus({ dir: holdoutDataDir(), ...opts });
}

/** Minimum cases per family in the held-out corpus. */
export const HOLDOUT_FAMILY_MIN: Readonly<Record<Family, number>> = {
  benign: 400,
  web: 150,
  secret: 100,
  injection: 100,
  ssrf: 30,
};

/** Every category of CATEGORIES appears at least this often (more for a few). */
export const HOLDOUT_CATEGORY_MIN_DEFAULT = 5;
export const HOLDOUT_CATEGORY_MIN: Readonly<Record<string, number>> = {
  'benign.prose': 50,
  'benign.code': 40,
  'benign.sql': 30,
  'benign.shell': 30,
  'benign.html': 30,
  'benign.data_url': 20,
  'benign.url_fields': 15,
  'benign.tools': 40,
  'benign.long_document': 12,
  'benign.security_discussion': 30,
  'benign.headers': 30,
  'benign.ordinary_fields': 30,
  'web.sqli.query': 15,
  'web.sqli.json_field': 10,
  'web.sqli.header': 8,
  'injection.instruction_override': 20,
  'injection.roleplay_escape': 20,
  'injection.system_prompt_exfiltration': 20,
  'injection.obfuscated_payload': 20,
  'injection.tool_call_hijacking': 20,
  'ssrf.image_url': 15,
  'ssrf.file_url': 8,
  'ssrf.mcp_server_url': 8,
};

export function holdoutCategoryMin(category: string): number {
  return HOLDOUT_CATEGORY_MIN[category] ?? HOLDOUT_CATEGORY_MIN_DEFAULT;
}
