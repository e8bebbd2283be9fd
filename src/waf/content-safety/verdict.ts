/**
 * What a Prompt Shields check concluded. Stable snake_case names: the WAF turns them into
 * audit fields and metric labels, so a value is never renamed or reused.
 */

/** Why no verdict could be had. The WAF applies `failMode` to every one of them. */
export type UnavailableReason =
  /** `timeoutMs` ran out (token wait, connect, or the service's answer). */
  | 'timeout'
  /** Connection refused or reset, TLS failure, no credential, or an answer that is not Prompt Shields' JSON. */
  | 'error'
  /** The service answered with a status other than 200 (`status` says which: 401 key, 429 quota…). */
  | 'http_status'
  /** The input needs more calls than `maxCallsPerCheck`; nothing was sent. */
  | 'input_too_large'
  /** The caller's signal aborted the check (the client went away): no verdict is needed. */
  | 'aborted';

export type ShieldVerdict =
  | { readonly outcome: 'clean' }
  | { readonly outcome: 'attack'; readonly where: 'user_prompt' | 'document' }
  | { readonly outcome: 'unavailable'; readonly reason: UnavailableReason; readonly status?: number };

// Shared, frozen verdicts: the common answers allocate nothing.
export const CLEAN: ShieldVerdict = Object.freeze({ outcome: 'clean' });
export const ATTACK_IN_PROMPT: ShieldVerdict = Object.freeze({ outcome: 'attack', where: 'user_prompt' });
export const ATTACK_IN_DOCUMENT: ShieldVerdict = Object.freeze({ outcome: 'attack', where: 'document' });
export const TIMEOUT: ShieldVerdict = Object.freeze({ outcome: 'unavailable', reason: 'timeout' });
export const ERROR: ShieldVerdict = Object.freeze({ outcome: 'unavailable', reason: 'error' });
export const INPUT_TOO_LARGE: ShieldVerdict = Object.freeze({ outcome: 'unavailable', reason: 'input_too_large' });
export const ABORTED: ShieldVerdict = Object.freeze({ outcome: 'unavailable', reason: 'aborted' });

export function httpStatus(status: number): ShieldVerdict {
  return { outcome: 'unavailable', reason: 'http_status', status };
}

/**
 * Whether the WAF should block on this verdict: always on an attack, never when clean,
 * and on `unavailable` only when failing closed.
 */
export function blocks(verdict: ShieldVerdict, failMode: 'open' | 'closed'): boolean {
  if (verdict.outcome === 'attack') return true;
  if (verdict.outcome === 'clean') return false;
  return failMode === 'closed';
}
