/**
 * @rx — PCRE-compatible regular expression match.
 *
 * Argument: a PCRE pattern as written in SecLang. True when it matches anywhere in the
 * value. With the rule's `capture` action, TX:0 receives the whole match and TX:1–9 the
 * groups. Example (CRS 932235): `SecRule ARGS "@rx (?i)(?:^|[;&|])\s*(?:ls|cat)\b" "…"`.
 *
 * Semantics follow ModSecurity v2 (PCRE_DOTALL | PCRE_DOLLAR_ENDONLY, bytes, C-locale
 * case folding); pcre.ts translates PCRE syntax into JS and lists what cannot be. Coraza
 * compiles with `(?sm)` (multi-line `^`/`$`) and Go RE2 semantics; CRS avoids patterns
 * where the two differ.
 *
 * Regex safety: importing regex-safety.ts (below) sets V8's backtrack-limit fallback to
 * the linear-time engine before any pattern is compiled; see that file for the strategy,
 * its limits and the measurements. Patterns the linear engine cannot run (lookarounds,
 * backreferences) are still accepted but recorded in `unprotectedPatterns()`; none of the
 * CRS v4 patterns is (test/waf/operators/crs-rx.test.ts).
 *
 * Compiled patterns are memoized process-wide by their source text, so the many CRS rules
 * that share a pattern (e.g. the 9xx-paranoia-level skips) compile it once. RegExp objects
 * are stateless here (no `g`/`y` flag), so sharing them across rules and requests is safe.
 */
import './regex-safety.js';
import { byteStringToUtf8, toByteString } from '../transforms/byte-string.js';
import { MacroArg } from './macro.js';
import { OperatorError } from './errors.js';
import { setCaptures, type Operator, type OperatorContext, type OperatorFactoryContext } from './operator.js';
import { PcreUnsupportedError, translatePcre } from './pcre.js';
import { isLinearEligible } from './regex-safety.js';

export interface CompiledRx {
  readonly re: RegExp;
  /** True when V8 can run it on the linear-time engine (so the backtrack fallback applies). */
  readonly protected: boolean;
  /** PCRE constructs translated to something that may match more (pcre.ts); reported at load. */
  readonly widened: readonly string[];
  /** The same pattern on the linear-time engine (`l` flag), or null when it cannot run there. */
  readonly linear: RegExp | null;
  /** Learned at run time: long values go to `linear` (see evaluateLong). Process-wide, like the pattern. */
  readonly state: { quadratic: boolean };
}

const compiled = new Map<string, CompiledRx>();
const unprotected = new Set<string>();

/** Translates and compiles a PCRE pattern (Unicode text as in the rules file), memoized. */
export function compileRx(pattern: string, ruleId: string | null = null): CompiledRx {
  const hit = compiled.get(pattern);
  if (hit !== undefined) return hit;
  const entry = translateAndCompile(pattern, ruleId);
  if (!entry.protected) unprotected.add(pattern);
  compiled.set(pattern, entry);
  return entry;
}

function translateAndCompile(pattern: string, ruleId: string | null): CompiledRx {
  let source: string;
  let flags: string;
  let widened: readonly string[];
  try {
    ({ source, flags, widened } = translatePcre(toByteString(pattern)));
  } catch (e) {
    if (e instanceof PcreUnsupportedError) {
      throw new OperatorError('WAF_ERR_REGEX_UNSUPPORTED', 'rx', ruleId, e.message);
    }
    throw e;
  }
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (e) {
    throw new OperatorError('WAF_ERR_REGEX_UNSUPPORTED', 'rx', ruleId, (e as Error).message);
  }
  const isLinear = isLinearEligible(source, flags);
  return Object.freeze({ re, protected: isLinear, widened, linear: isLinear ? new RegExp(source, `${flags}l`) : null, state: { quadratic: false } });
}

/** Patterns compiled so far that the linear-engine fallback cannot protect. */
export function unprotectedPatterns(): string[] {
  return [...unprotected];
}

/** Number of distinct compiled patterns (for tests of the memoization). */
export function compiledPatternCount(): number {
  return compiled.size;
}

/**
 * Values at least this long are timed on the backtracking JIT; a pattern that is slower
 * than the linear-time engine would be (LINEAR_NS_PER_BYTE) is switched to that engine
 * for long values from then on. Why: the backtrack-count fallback (regex-safety.ts)
 * catches catastrophic backtracking, but some CRS patterns fail fast at every start
 * position and so cost O(n²) without ever reaching the count (CRS v4 PL1, 16 KB of `<`
 * across four fields: 369 ms on the JIT). Timing costs ~50 ns and only long values pay it;
 * short values, nearly all at an API gateway, stay on the JIT, which is 10–15× faster.
 */
export const TIME_ABOVE = 256;
/** Measured cost of V8's linear engine on CRS patterns, with margin: ~0.1 µs per byte. */
export const LINEAR_NS_PER_BYTE = 150;

export function rx(argument: string, ctx: OperatorFactoryContext): Operator {
  // CRS 3.3 writes patterns with macros (920480: `!@rx ^%{tx.allowed_request_content_type_charset}$`):
  // expanded per request, compiled once per distinct expansion.
  if (argument.includes('%{')) return rxWithMacros(argument, ctx);
  const c = compileRx(argument, ctx.ruleId);
  return { evaluate: (tx, value) => evaluateCompiled(c, tx, value) };
}

/** Distinct expansions one macro pattern keeps compiled; past it the cache starts over. */
const MACRO_PATTERNS_KEPT = 64;

/**
 * The expansion may hold request data (a custom rule can name any variable), so it never
 * enters the process-wide memo: each operator keeps a few, bounded. An expansion that is
 * not a valid pattern matches nothing rather than failing the request.
 */
function rxWithMacros(argument: string, ctx: OperatorFactoryContext): Operator {
  const text = new MacroArg(argument);
  let kept = new Map<string, CompiledRx | null>();
  return {
    evaluate(tx: OperatorContext, value: string): boolean {
      const pattern = byteStringToUtf8(text.resolve(tx));
      let c = kept.get(pattern);
      if (c === undefined) {
        try {
          c = translateAndCompile(pattern, ctx.ruleId);
        } catch {
          c = null;
        }
        if (kept.size >= MACRO_PATTERNS_KEPT) kept = new Map();
        kept.set(pattern, c);
      }
      return c !== null && evaluateCompiled(c, tx, value);
    },
  };
}

function evaluateCompiled(c: CompiledRx, tx: OperatorContext, value: string): boolean {
  return c.linear !== null && value.length >= TIME_ABOVE ? evaluateLong(c, c.linear, tx, value) : run(c.re, tx, value);
}

function evaluateLong(c: CompiledRx, linear: RegExp, tx: OperatorContext, value: string): boolean {
  if (c.state.quadratic) return run(linear, tx, value);
  const t0 = performance.now();
  const hit = run(c.re, tx, value);
  if ((performance.now() - t0) * 1e6 > LINEAR_NS_PER_BYTE * value.length) c.state.quadratic = true;
  return hit;
}

function run(r: RegExp, tx: OperatorContext, value: string): boolean {
  if (tx.captures === null) return r.test(value);
  const m = r.exec(value);
  if (m === null) return false;
  setCaptures(tx, m);
  return true;
}
