/**
 * What the engine could not do with a rule set, by rule id. Nothing is silently ignored:
 * every rule that is not run as written appears here, and the gateway logs the list at
 * start and `portcullis validate` prints it.
 */

export type LoadIssueKind = 'syntax' | 'directive' | 'variable' | 'operator' | 'action' | 'transformation' | 'ctl' | 'phase';

/**
 * - `rule_disabled`: the rule (and its whole chain) is not run.
 * - `not_run`: the rule is loaded but its phase never runs in a gateway (response body
 *   inspection would mean buffering streamed responses).
 * - `partial`: the rule runs, but one part behaves differently (explained in `message`).
 * - `load_error`: a directive outside any rule could not be applied.
 */
export type LoadIssueEffect = 'rule_disabled' | 'not_run' | 'partial' | 'load_error';

export interface LoadIssue {
  readonly ruleId: string | null;
  readonly file: string;
  readonly line: number;
  readonly kind: LoadIssueKind;
  /** The directive, variable, operator, action or transformation name. */
  readonly name: string;
  readonly effect: LoadIssueEffect;
  readonly message: string;
}

/** One line per issue, `file:line: rule N: message (effect)`. */
export function formatLoadIssue(i: LoadIssue): string {
  return `${i.file}:${i.line}: ${i.ruleId === null ? '' : `rule ${i.ruleId}: `}${i.message} (${i.effect.replace('_', ' ')})`;
}
