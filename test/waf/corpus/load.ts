/**
 * Loads the WAF corpus (data/*.json) and turns a case into the bytes a client would send.
 *
 * Where the data lives: the JSON files stay in the source tree (test/waf/corpus/data) and
 * are read from there, not copied. tsc does not copy JSON into dist/, a copy step would
 * add a second place that can go stale, and the corpus test compares the files with the
 * generator's output. So the folder is worked out from this module's own location:
 *   - compiled:  dist/test/waf/corpus/load.js → ../../../../test/waf/corpus/data
 *   - from source (a TS loader): test/waf/corpus/load.ts → ./data
 * PORTCULLIS_WAF_CORPUS_DIR overrides both (e.g. to score a corpus kept elsewhere).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusCase, Family } from './types.js';
import { CATEGORIES, EXPECTS, familyOf } from './types.js';

export type { CorpusCase, Expect, Family } from './types.js';
export { CATEGORIES, FAMILIES, FAMILY_EXPECT, FAMILY_MIN, familyOf, subCategory, idPrefix } from './types.js';

export class CorpusError extends Error {
  override readonly name = 'CorpusError';
}

/** The data folder in the source tree (see the module comment). */
export function corpusDataDir(opts: { forWriting?: boolean } = {}): string {
  const env = process.env.PORTCULLIS_WAF_CORPUS_DIR;
  if (env !== undefined && env !== '') return resolve(env);
  const here = fileURLToPath(new URL('.', import.meta.url));
  const compiled = `${sep}dist${sep}test${sep}waf${sep}corpus${sep}`;
  const dir = here.endsWith(compiled) ? resolve(here, '../../../../test/waf/corpus/data') : resolve(here, 'data');
  if (!opts.forWriting && !(existsSync(dir) && statSync(dir).isDirectory())) {
    throw new CorpusError(`corpus data folder not found at ${dir} (set PORTCULLIS_WAF_CORPUS_DIR to override)`);
  }
  return dir;
}

/** The corpus files in load order (sorted by name). */
export function corpusFiles(dir: string = corpusDataDir()): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

/** Checks one raw case's structure; throws naming the file and index. */
function validate(raw: unknown, where: string): CorpusCase {
  const fail = (why: string): never => {
    throw new CorpusError(`${where}: ${why}`);
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('not an object');
  const c = raw as Record<string, unknown>;
  if (typeof c.id !== 'string' || c.id === '') fail('id missing');
  const at = `${where} (${String(c.id)})`;
  if (typeof c.category !== 'string' || CATEGORIES[c.category] === undefined) throw new CorpusError(`${at}: unknown category ${JSON.stringify(c.category)}`);
  if (typeof c.expect !== 'string' || !(EXPECTS as readonly string[]).includes(c.expect)) throw new CorpusError(`${at}: bad expect ${JSON.stringify(c.expect)}`);
  if (typeof c.method !== 'string' || !/^[A-Z]+$/.test(c.method)) throw new CorpusError(`${at}: bad method`);
  if (typeof c.path !== 'string' || !c.path.startsWith('/')) throw new CorpusError(`${at}: path must start with /`);
  if (!isStringRecord(c.headers)) throw new CorpusError(`${at}: headers must map names to strings`);
  if (!('body' in c)) throw new CorpusError(`${at}: body missing (use null for none)`);
  if (c.note !== undefined && typeof c.note !== 'string') throw new CorpusError(`${at}: note must be a string`);
  if (c.tags !== undefined && !(Array.isArray(c.tags) && c.tags.every((t) => typeof t === 'string'))) throw new CorpusError(`${at}: tags must be strings`);
  if (c.planted !== undefined && typeof c.planted !== 'string') throw new CorpusError(`${at}: planted must be a string`);
  return c as unknown as CorpusCase;
}

export interface LoadOptions {
  dir?: string;
  families?: readonly Family[];
  categories?: readonly string[];
}

/** All cases, file by file in name order, each file's cases in their order. */
export function loadCorpus(opts: LoadOptions = {}): CorpusCase[] {
  const dir = opts.dir ?? corpusDataDir();
  const out: CorpusCase[] = [];
  for (const f of corpusFiles(dir)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch (e) {
      throw new CorpusError(`${f}: not valid JSON (${(e as Error).message})`);
    }
    if (!Array.isArray(parsed)) throw new CorpusError(`${f}: top level must be an array of cases`);
    parsed.forEach((raw, i) => {
      const c = validate(raw, `${f}[${i}]`);
      if (opts.families && !opts.families.includes(familyOf(c.category))) return;
      if (opts.categories && !opts.categories.includes(c.category)) return;
      out.push(c);
    });
  }
  return out;
}

/** The body bytes as sent: JSON values are stringified, strings sent verbatim, null → no body. */
export function serializeBody(c: CorpusCase): Buffer | null {
  if (c.body === null || c.body === undefined) return null;
  return Buffer.from(typeof c.body === 'string' ? c.body : JSON.stringify(c.body), 'utf8');
}

export interface WireRequest {
  readonly method: string;
  /** Request target as on the request line. */
  readonly target: string;
  /** name, value, name, value… (IncomingMessage.rawHeaders shape), content-length added. */
  readonly rawHeaders: string[];
  readonly body: Buffer | null;
}

/** What the gateway would receive for this case (feed it to the WAF's request extractor). */
export function toWireRequest(c: CorpusCase): WireRequest {
  const body = serializeBody(c);
  const rawHeaders: string[] = [];
  let hasLength = false;
  for (const [k, v] of Object.entries(c.headers)) {
    rawHeaders.push(k, v);
    if (k.toLowerCase() === 'content-length') hasLength = true;
  }
  if (body !== null && !hasLength) rawHeaders.push('content-length', String(body.length));
  return { method: c.method, target: c.path, rawHeaders, body };
}

