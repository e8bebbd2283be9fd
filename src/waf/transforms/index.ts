/**
 * Transformation registry, chain compiler and per-transaction chain cache.
 *
 * Names are matched case-insensitively (SecLang writes `t:urlDecodeUni`, `t:lowercase`,
 * and both ModSecurity and Coraza accept any case). British and American spellings of
 * the path transformations are aliases of one function, so they share cache entries.
 */
import type { Transform } from './transform.js';
import { TransformError } from './errors.js';
import { base64Decode } from './base64-decode.js';
import { base64DecodeExt } from './base64-decode-ext.js';
import { base64Encode } from './base64-encode.js';
import { cmdLine } from './cmd-line.js';
import { compressWhitespace } from './compress-whitespace.js';
import { cssDecode } from './css-decode.js';
import { escapeSeqDecode } from './escape-seq-decode.js';
import { hexDecode } from './hex-decode.js';
import { hexEncode } from './hex-encode.js';
import { htmlEntityDecode } from './html-entity-decode.js';
import { jsDecode } from './js-decode.js';
import { length } from './length.js';
import { lowercase } from './lowercase.js';
import { md5 } from './md5.js';
import { none } from './none.js';
import { normalisePath } from './normalise-path.js';
import { normalisePathWin } from './normalise-path-win.js';
import { removeComments } from './remove-comments.js';
import { removeCommentsChar } from './remove-comments-char.js';
import { removeNulls } from './remove-nulls.js';
import { removeWhitespace } from './remove-whitespace.js';
import { replaceComments } from './replace-comments.js';
import { replaceNulls } from './replace-nulls.js';
import { sha1 } from './sha1.js';
import { sqlHexDecode } from './sql-hex-decode.js';
import { trim, trimLeft, trimRight } from './trim.js';
import { uppercase } from './uppercase.js';
import { urlDecode } from './url-decode.js';
import { urlDecodeUni } from './url-decode-uni.js';
import { utf8toUnicode } from './utf8-to-unicode.js';

export type { Transform } from './transform.js';
export { TransformError, TRANSFORM_ERROR_CODES } from './errors.js';
export type { TransformErrorCode } from './errors.js';
export { toByteString, fromByteString, byteStringToUtf8, isByteString } from './byte-string.js';
export type { ByteString } from './byte-string.js';

interface Entry {
  /** Canonical name (first registration's spelling); used in chain keys. */
  readonly name: string;
  readonly fn: Transform;
}

/** Name → transformation. Registering a name twice (any case) throws: no silent overwrite. */
export class TransformRegistry {
  private readonly byName = new Map<string, Entry>();

  register(name: string, fn: Transform, aliases: readonly string[] = []): void {
    const entry: Entry = { name, fn };
    for (const n of [name, ...aliases]) {
      const key = n.toLowerCase();
      if (this.byName.has(key)) throw new TransformError('WAF_ERR_TRANSFORM_DUPLICATE', n);
      this.byName.set(key, entry);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** The transformation, or a `WAF_ERR_TRANSFORM_UNKNOWN` error naming the rule. */
  get(name: string, ruleId: string | null = null): Transform {
    return this.entry(name, ruleId).fn;
  }

  /** Canonical name of a registered transformation (aliases resolve to their target). */
  canonicalName(name: string, ruleId: string | null = null): string {
    return this.entry(name, ruleId).name;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  private entry(name: string, ruleId: string | null): Entry {
    const e = this.byName.get(name.toLowerCase());
    if (e === undefined) throw new TransformError('WAF_ERR_TRANSFORM_UNKNOWN', name, ruleId);
    return e;
  }
}

/** Registry with every built-in transformation. */
export function createDefaultTransformRegistry(): TransformRegistry {
  const r = new TransformRegistry();
  r.register('base64Decode', base64Decode);
  r.register('base64DecodeExt', base64DecodeExt);
  r.register('base64Encode', base64Encode);
  r.register('cmdLine', cmdLine);
  r.register('compressWhitespace', compressWhitespace);
  r.register('cssDecode', cssDecode);
  r.register('escapeSeqDecode', escapeSeqDecode);
  r.register('hexDecode', hexDecode);
  r.register('hexEncode', hexEncode);
  r.register('htmlEntityDecode', htmlEntityDecode);
  r.register('jsDecode', jsDecode);
  r.register('length', length);
  r.register('lowercase', lowercase);
  r.register('md5', md5);
  r.register('none', none);
  r.register('normalisePath', normalisePath, ['normalizePath']);
  r.register('normalisePathWin', normalisePathWin, ['normalizePathWin']);
  r.register('removeComments', removeComments);
  r.register('removeCommentsChar', removeCommentsChar);
  r.register('removeNulls', removeNulls);
  r.register('removeWhitespace', removeWhitespace);
  r.register('replaceComments', replaceComments);
  r.register('replaceNulls', replaceNulls);
  r.register('sha1', sha1);
  r.register('sqlHexDecode', sqlHexDecode);
  r.register('trim', trim);
  r.register('trimLeft', trimLeft);
  r.register('trimRight', trimRight);
  r.register('uppercase', uppercase);
  r.register('urlDecode', urlDecode);
  r.register('urlDecodeUni', urlDecodeUni);
  r.register('utf8toUnicode', utf8toUnicode);
  return r;
}

/** The process-wide registry of built-ins. */
export const transforms: TransformRegistry = createDefaultTransformRegistry();

/** Looks a transformation up in the built-in registry; throws `WAF_ERR_TRANSFORM_UNKNOWN`. */
export function getTransform(name: string, ruleId: string | null = null): Transform {
  return transforms.get(name, ruleId);
}

/**
 * A rule's transformation chain, resolved at load. `prefixKeys[k]` identifies the first
 * k+1 steps; two rules whose chains start the same way (CRS: `t:none,t:urlDecodeUni,
 * t:lowercase,…`) produce identical keys, which is what lets the cache share work.
 * `t:none` steps are dropped (identity), so `none,lowercase` and `lowercase` share keys.
 */
export interface CompiledChain {
  readonly fns: readonly Transform[];
  readonly prefixKeys: readonly string[];
  /** Key of the whole chain ('' for an empty chain). */
  readonly key: string;
}

export function compileChain(names: readonly string[], ruleId: string | null = null,
  registry: TransformRegistry = transforms): CompiledChain {
  const fns: Transform[] = [];
  const prefixKeys: string[] = [];
  let key = '';
  for (const n of names) {
    const canonical = registry.canonicalName(n, ruleId);
    if (canonical === 'none') continue;
    fns.push(registry.get(n, ruleId));
    key = key === '' ? canonical : `${key},${canonical}`;
    prefixKeys.push(key);
  }
  return Object.freeze({ fns: Object.freeze(fns), prefixKeys: Object.freeze(prefixKeys), key });
}

type Result = readonly [output: string, changed: boolean];

/**
 * Per-transaction cache of transformation results, keyed by (chain-prefix key, input
 * value) — the idea of Coraza's `internal/corazawaf/rule.go` transformation cache. Create
 * one per transaction and drop it with the transaction: it holds request data.
 */
export class TransformCache {
  private readonly byChain = new Map<string, Map<string, Result>>();
  /** Lookups answered from the cache (for tests and debug counters). */
  hits = 0;
  /** Transformation calls actually executed through `applyChain` with this cache. */
  runs = 0;

  get(value: string, chainKey: string): Result | undefined {
    return this.byChain.get(chainKey)?.get(value);
  }

  set(value: string, chainKey: string, result: Result): void {
    let m = this.byChain.get(chainKey);
    if (m === undefined) {
      m = new Map();
      this.byChain.set(chainKey, m);
    }
    m.set(value, result);
  }

  clear(): void {
    this.byChain.clear();
    this.hits = 0;
    this.runs = 0;
  }
}

/**
 * Runs a chain over one value. With a cache, the longest already-computed prefix of the
 * chain is reused and every newly computed prefix is stored. `changed` is true when any
 * step changed the value. Pass a `CompiledChain` on the request path; names are accepted
 * for convenience and resolved (and validated) on every call.
 */
export function applyChain(chain: CompiledChain | readonly string[], input: string,
  cache: TransformCache | null = null): [output: string, changed: boolean] {
  const c = isCompiled(chain) ? chain : compileChain(chain);
  const fns = c.fns;
  let value = input;
  let changed = false;
  let start = 0;
  if (cache !== null) {
    for (let k = fns.length - 1; k >= 0; k--) {
      const hit = cache.get(input, c.prefixKeys[k]!);
      if (hit !== undefined) {
        value = hit[0];
        changed = hit[1];
        start = k + 1;
        cache.hits++;
        break;
      }
    }
  }
  for (let k = start; k < fns.length; k++) {
    const [out, ch] = fns[k]!(value);
    value = out;
    changed ||= ch;
    if (cache !== null) {
      cache.runs++;
      cache.set(input, c.prefixKeys[k]!, [value, changed]);
    }
  }
  return [value, changed];
}

function isCompiled(c: CompiledChain | readonly string[]): c is CompiledChain {
  return !Array.isArray(c);
}
