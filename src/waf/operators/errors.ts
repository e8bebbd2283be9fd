/**
 * Load-time errors of the operator registry and operator factories. One class, a stable
 * `code` per failure; every error carries the rule id when the caller gave one (an
 * unknown or broken operator is a config error reported against its rule).
 */
export const OPERATOR_ERROR_CODES = {
  /** A rule names an operator that is not registered. */
  WAF_ERR_OPERATOR_UNKNOWN: 'unknown operator',
  /** Two operators were registered under the same (case-insensitive) name. */
  WAF_ERR_OPERATOR_DUPLICATE: 'duplicate operator',
  /** The operator argument is invalid (bad number, bad IP/CIDR, bad byte range, missing data file). */
  WAF_ERR_OPERATOR_ARGUMENT: 'invalid operator argument',
  /** An @rx pattern uses PCRE syntax we cannot express in JavaScript (atomic groups, possessive quantifiers, \K …) or does not compile. */
  WAF_ERR_REGEX_UNSUPPORTED: 'unsupported regular expression',
  /** The runtime refused the V8 flags the regex-safety strategy depends on. */
  WAF_ERR_REGEX_SAFETY: 'regex safety flags not in effect',
} as const;

export type OperatorErrorCode = keyof typeof OPERATOR_ERROR_CODES;

export class OperatorError extends Error {
  readonly code: OperatorErrorCode;
  readonly operator: string;
  readonly ruleId: string | null;

  constructor(code: OperatorErrorCode, operator: string, ruleId: string | null, detail = '') {
    super(`${OPERATOR_ERROR_CODES[code]} @${operator}${ruleId === null ? '' : ` in rule ${ruleId}`}${detail === '' ? '' : `: ${detail}`}`);
    this.name = 'OperatorError';
    this.code = code;
    this.operator = operator;
    this.ruleId = ruleId;
  }
}
