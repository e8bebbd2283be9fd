/**
 * Token folding for @detectSQLi: collapses token runs that do not change the shape of the
 * injection, so `UNION ALL SELECT`, `'a' 'b'`, `OR -1` and `UNION/**\/SELECT` give the same
 * fingerprint as their plain forms. Same idea as libinjection's fold step; rules are ours.
 */
import { T, type Token } from './sqli-tokenizer.js';

/** Fingerprints use at most this many tokens (libinjection uses 5). */
export const MAX_FINGERPRINT_TOKENS = 5;

const UNARY = new Set(['-', '+', '!', '~', 'not']);

/** Folds the token stream; returns at most MAX_FINGERPRINT_TOKENS tokens. */
export function fold(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let idx = 0; idx < tokens.length && out.length <= MAX_FINGERPRINT_TOKENS; idx++) {
    const t = tokens[idx] as Token;
    const prev = out[out.length - 1];
    const isLast = idx === tokens.length - 1;
    // Comments between tokens act as whitespace; a trailing comment is kept (it is how
    // injections cut off the rest of the original query: `admin'--`).
    if (t.type === T.COMMENT && !isLast) continue;
    // A unary operator at the start, after another operator, after a logic operator or after
    // '(' does not change the shape: `-1 OR 1=1`, `1=-1`, `OR NOT 1`, `(-1)`.
    if (t.type === T.OPERATOR && UNARY.has(t.value)) {
      const next = tokens[idx + 1];
      const operandFollows = next !== undefined && next.type !== T.COMMENT && next.type !== T.OPERATOR;
      if (operandFollows && (prev === undefined || prev.type === T.OPERATOR || prev.type === T.LOGIC || prev.type === T.LPAREN || prev.type === T.COMMA)) continue;
    }
    if (prev !== undefined) {
      // Adjacent literals concatenate ('a' 'b' in ANSI SQL).
      if (prev.type === T.STRING && t.type === T.STRING && t.open !== '') continue;
      if (prev.type === T.SEMICOLON && t.type === T.SEMICOLON) continue;
      // UNION ALL / UNION DISTINCT
      if (prev.type === T.UNION && (t.value === 'all' || t.value === 'distinct')) continue;
      // ORDER BY / GROUP BY → one group token; HAVING and LIMIT alone are group tokens too.
      if (t.value === 'by' && (prev.value === 'order' || prev.value === 'group')) {
        out[out.length - 1] = { ...prev, type: T.GROUP, value: prev.value + ' by' };
        continue;
      }
      // NOT IN / NOT LIKE / IS NOT → one operator.
      if (prev.type === T.OPERATOR && t.type === T.OPERATOR && /^[a-z]/.test(prev.value) && /^[a-z]/.test(t.value)) continue;
    }
    if (t.type === T.KEYWORD && (t.value === 'having' || t.value === 'limit')) {
      out.push({ ...t, type: T.GROUP });
      continue;
    }
    out.push(t);
  }
  return out.slice(0, MAX_FINGERPRINT_TOKENS);
}
