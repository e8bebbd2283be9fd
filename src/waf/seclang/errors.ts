/**
 * Load-time errors of the SecLang front end. One class, one `code`; the `reason` says which
 * check failed so tests and the later engine can branch on it without matching messages.
 * Reasons are never reused or renamed (same policy as `src/errors/reasons.ts`).
 */
export const SECLANG_REASONS = {
  /** Malformed text: unterminated quote, wrong argument count, bad id, bad selector. */
  syntax: 'syntax',
  /** A directive name neither ModSecurity v2 nor Coraza defines (most likely a typo). */
  unknown_directive: 'unknown_directive',
  /** A real ModSecurity/Coraza directive that this front end does not model. */
  unsupported_directive: 'unsupported_directive',
  /** A variable collection name no SecLang engine defines. */
  unknown_variable: 'unknown_variable',
  /** An `@operator` name no SecLang engine defines. */
  unknown_operator: 'unknown_operator',
  /** An action name no SecLang engine defines. */
  unknown_action: 'unknown_action',
  /** A `t:` transformation name no SecLang engine defines. */
  unknown_transformation: 'unknown_transformation',
  /** A `ctl:` option no SecLang engine defines. */
  unknown_ctl: 'unknown_ctl',
  /** A rule with `chain` is the last rule of its file, or is followed by something else. */
  chain_unterminated: 'chain_unterminated',
  /** A chain starter (SecRule/SecAction) without `id:`; ModSecurity >= 2.7 and Coraza refuse it. */
  missing_rule_id: 'missing_rule_id',
  /** Two rules with the same id in one load; ModSecurity and Coraza refuse the second. */
  duplicate_rule_id: 'duplicate_rule_id',
  /** `Include` whose pattern matches no file, or a file that cannot be read. */
  include_not_found: 'include_not_found',
  /** `Include` of a file that is already being loaded further up the include stack. */
  include_cycle: 'include_cycle',
} as const;

export type SecLangReason = keyof typeof SECLANG_REASONS;

/** A SecLang load error with its place: file, first line of the directive, and rule id. */
export class SecLangError extends Error {
  readonly code = 'PCS_ERR_SECLANG';
  readonly reason: SecLangReason;
  readonly file: string;
  readonly line: number;
  readonly ruleId: string | null;
  /** The message without the `file:line: rule id:` prefix. */
  readonly detail: string;

  constructor(reason: SecLangReason, file: string, line: number, ruleId: string | null, detail: string) {
    super(`${file}:${line}: ${ruleId === null ? '' : `rule ${ruleId}: `}${detail}`);
    this.name = 'SecLangError';
    this.reason = reason;
    this.file = file;
    this.line = line;
    this.ruleId = ruleId;
    this.detail = detail;
  }
}
