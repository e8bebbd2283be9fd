/**
 * Regex safety: CRS patterns must not run away on adversarial input (ReDoS).
 *
 * Strategy (measured on Node 24.21 / V8 13.6, see test/waf/operators/redos.test.ts):
 * V8 ships a linear-time (automaton-based, non-backtracking) regexp engine. With
 *   --enable-experimental-regexp-engine-on-excessive-backtracks
 *   --regexp-backtracks-before-fallback=N
 * every regexp the linear engine can run starts on the fast backtracking JIT and, once a
 * single exec has backtracked N times, is re-run on the linear engine. Normal traffic keeps
 * JIT speed; `(a+)+$` on 40 000 chars finishes in ~6 ms instead of never.
 * These flags are read when a regexp is compiled (lazily, at first exec), so they must be
 * set before any WAF pattern runs: `enableRegexSafety()` is called when this module is
 * loaded, i.e. before rx.ts compiles anything. `v8.setFlagsFromString` after start-up is
 * documented as unsupported territory, so we verify it worked: the same call also enables
 * the `l` flag (--enable-experimental-regexp-engine) and we compile `/a/l`; if that throws,
 * the flags were not applied and loading fails with WAF_ERR_REGEX_SAFETY.
 *
 * Limits, checked per pattern at load with `new RegExp(src, flags + 'l')`:
 * the linear engine rejects backreferences, lookarounds, the `i` flag and `(?i:)`
 * modifiers, and `u`/`v`/`d` flags. pcre.ts therefore never emits `i`: it folds ASCII case
 * into character classes itself (which is also closer to PCRE's C-locale folding). A
 * pattern the linear engine cannot run still works but is unprotected; `rx` records it in
 * `unprotectedPatterns()` and the CRS test asserts that list is empty for CRS v4.
 *
 * The flags are process-wide: other regexps in the process also gain the fallback. That
 * changes only their worst-case time, never their results.
 */
import { setFlagsFromString } from 'node:v8';
import { OperatorError } from './errors.js';

/**
 * Backtracks in one exec before switching to the linear engine. V8's default is 50 000;
 * 10 000 bounds each catastrophic exec at a few ms of wasted backtracking while leaving
 * ordinary CRS matching (typically < 1 000 backtracks) on the JIT.
 */
export const BACKTRACKS_BEFORE_FALLBACK = 10_000;

let enabled = false;

export function enableRegexSafety(): void {
  if (enabled) return;
  setFlagsFromString('--enable-experimental-regexp-engine');
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  setFlagsFromString(`--regexp-backtracks-before-fallback=${BACKTRACKS_BEFORE_FALLBACK}`);
  try {
    new RegExp('a', 'l');
  } catch (e) {
    throw new OperatorError('WAF_ERR_REGEX_SAFETY', 'rx', null, (e as Error).message);
  }
  enabled = true;
}

/** True when the linear engine can run this source/flags pair (so the fallback protects it). */
export function isLinearEligible(source: string, flags: string): boolean {
  try {
    new RegExp(source, `${flags}l`);
    return true;
  } catch {
    return false;
  }
}

enableRegexSafety();
