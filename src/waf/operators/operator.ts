/**
 * Operator contract (Coraza `internal/operators`): a factory compiles the argument once at
 * load; `evaluate(tx, value)` runs per variable value on the request path.
 *
 * All strings are byte strings (see ../transforms/byte-string.ts). Factories receive the
 * argument as Unicode text, as read from the .conf file, and convert it with
 * `toByteString`, so a non-ASCII phrase in a rule matches its UTF-8 bytes in the request.
 */

/** What an operator may read or write in the transaction. */
export interface OperatorContext {
  /**
   * TX:0..9 capture slots, or null when the rule has no `capture` action (then nothing is
   * written, and @rx skips building match groups). Operators that capture overwrite slots
   * 0..n and clear the rest, as ModSecurity does.
   */
  captures: string[] | null;
  /** Expands `%{collection.key}` macros against the transaction (byte string in, byte string out). */
  expand(text: string): string;
}

/** Load-time context of a factory. */
export interface OperatorFactoryContext {
  /** Directory of the rules file; @pmFromFile / @ipMatchFromFile paths are relative to it. */
  readonly rulesDir: string;
  /** Rule id for error messages, when known. */
  readonly ruleId: string | null;
}

export interface Operator {
  evaluate(tx: OperatorContext, value: string): boolean;
}

export type OperatorFactory = (argument: string, ctx: OperatorFactoryContext) => Operator;

/** Maximum TX capture slots (TX:0 … TX:9). */
export const MAX_CAPTURES = 10;

/** Writes captures into tx.captures (when requested), clearing the remaining slots. */
export function setCaptures(tx: OperatorContext, values: readonly (string | undefined)[]): void {
  const c = tx.captures;
  if (c === null) return;
  c.length = 0;
  for (let i = 0; i < values.length && i < MAX_CAPTURES; i++) c.push(values[i] ?? '');
}
