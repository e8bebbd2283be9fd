/**
 * Load-time errors of the transformation registry. One class, a stable `code` per failure
 * (tests assert codes, not messages). These are internal/config errors, never client denies.
 */
export const TRANSFORM_ERROR_CODES = {
  /** A rule names a transformation that is not registered. */
  WAF_ERR_TRANSFORM_UNKNOWN: 'unknown transformation',
  /** Two transformations were registered under the same (case-insensitive) name. */
  WAF_ERR_TRANSFORM_DUPLICATE: 'duplicate transformation',
} as const;

export type TransformErrorCode = keyof typeof TRANSFORM_ERROR_CODES;

export class TransformError extends Error {
  readonly code: TransformErrorCode;
  /** Transformation name as written in the rule. */
  readonly transform: string;
  /** Id of the rule that named it, when known. */
  readonly ruleId: string | null;

  constructor(code: TransformErrorCode, transform: string, ruleId: string | null = null) {
    super(`${TRANSFORM_ERROR_CODES[code]} "${transform}"${ruleId === null ? '' : ` in rule ${ruleId}`}`);
    this.name = 'TransformError';
    this.code = code;
    this.transform = transform;
    this.ruleId = ruleId;
  }
}
