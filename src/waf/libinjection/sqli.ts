/**
 * SQL injection detection in the manner of libinjection's `libinjection_sqli`, used by
 * @detectSQLi. No maintained Node library exists for libinjection, so this is our own
 * implementation of its algorithm:
 *
 *  1. tokenize the input as plain SQL, as the tail of a '…' literal and as the tail of a
 *     "…" literal (the three places a parameter can land in a query);
 *  2. fold the token stream (sqli-fold.ts);
 *  3. join the first five token types into a fingerprint and look it up (sqli-fingerprints.ts);
 *  4. apply the special cases below that keep short fingerprints from firing on prose.
 *
 * One extra pass, not in libinjection: when the input contains `/*`, it is re-tokenized
 * with comments deleted, because `UN/**\/ION SEL/**\/ECT` is aimed at back ends or filters
 * that strip comments.
 */
import { fold } from './sqli-fold.js';
import { isSqliFingerprint } from './sqli-fingerprints.js';
import { T, tokenize, type QuoteContext, type Token } from './sqli-tokenizer.js';

export interface SqliResult {
  injection: boolean;
  /** Fingerprint of the matching pass, or of the plain pass when nothing matched. */
  fingerprint: string;
}

function fingerprintOf(tokens: readonly Token[]): string {
  let fp = '';
  for (const t of tokens) fp += t.type;
  return fp;
}

/** Special cases: a listed fingerprint that is still not an injection. */
function confirmed(fp: string, tokens: readonly Token[], ctx: QuoteContext): boolean {
  const first = tokens[0];
  if (first === undefined) return false;
  if (ctx === 'none') {
    // Very short shapes ("a" OR "b", 1 OR 2) only count when they break out of a literal.
    if (fp.length <= 3) return false;
    // A plain-context input that starts with a complete quoted string is usually prose
    // quoting something; libinjection's quote passes cover real breaks.
    if (first.type === T.STRING && first.closed && fp.length < 5) return false;
  } else if (first.type === T.STRING && !first.closed) {
    // In a quote context the first token must be the literal the input closes.
    return false;
  }
  // x'-- style: only a real SQL comment opener counts (already guaranteed by the tokenizer),
  // and the string before it must be short: a paragraph ending in "it's over -- thanks" is
  // not a login bypass.
  if (fp === 'sc' && first.value.length > 64) return false;
  return true;
}

function check(input: string, ctx: QuoteContext): { hit: boolean; fp: string } {
  const tokens = fold(tokenize(input, ctx));
  const fp = fingerprintOf(tokens);
  return { hit: isSqliFingerprint(fp) && confirmed(fp, tokens, ctx), fp };
}

const COMMENT_RE = /\/\*(?!!)[\s\S]*?\*\//g;

export function detectSqli(input: string): SqliResult {
  if (input.length === 0) return { injection: false, fingerprint: '' };
  const variants = [input];
  if (input.includes('/*')) {
    const stripped = input.replace(COMMENT_RE, '');
    if (stripped !== input) variants.push(stripped);
  }
  let plainFp = '';
  for (const v of variants) {
    const contexts: QuoteContext[] = ['none'];
    if (v.includes("'")) contexts.push("'");
    if (v.includes('"')) contexts.push('"');
    for (const ctx of contexts) {
      const r = check(v, ctx);
      if (r.hit) return { injection: true, fingerprint: r.fp };
      if (plainFp === '') plainFp = r.fp;
    }
  }
  return { injection: false, fingerprint: plainFp };
}
