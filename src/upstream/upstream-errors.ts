import type { Reason } from '../errors/reasons.js';

/**
 * Internal errors of the upstream side, and the mapping from whatever a failed backend
 * exchange throws (undici, node's net/tls, our own egress and credential checks) to the
 * reason codes of `src/errors/reasons.ts`.
 */

/** Code of {@link NotPrivateAddressError}. */
export const NOT_PRIVATE_CODE = 'PCS_ERR_NOT_PRIVATE';
/** Code of {@link BackendAuthError}. */
export const BACKEND_AUTH_CODE = 'PCS_ERR_BACKEND_AUTH';

/**
 * The backend's host resolved (or was overridden, or is written) to an address outside
 * the private ranges while `requirePrivateAddress` is set. Raised by the egress lookup,
 * before any TCP connection is attempted.
 */
export class NotPrivateAddressError extends Error {
  readonly code = NOT_PRIVATE_CODE;
  readonly backend: string;
  readonly hostname: string;
  readonly address: string;
  constructor(backend: string, hostname: string, address: string) {
    super(`backend "${backend}": ${hostname} resolved to ${address}, which is not on the private network; refusing to connect (requirePrivateAddress)`);
    this.name = 'NotPrivateAddressError';
    this.backend = backend;
    this.hostname = hostname;
    this.address = address;
  }
}

/** No valid credential for the backend (token request failed or not yet done). Never carries the secret. */
export class BackendAuthError extends Error {
  readonly code = BACKEND_AUTH_CODE;
  readonly backend: string;
  constructor(backend: string, message: string, options?: { cause?: unknown }) {
    super(`backend "${backend}": ${message}`, options);
    this.name = 'BackendAuthError';
    this.backend = backend;
  }
}

export type UpstreamReason = Extract<Reason, 'upstream_timeout' | 'upstream_tls_error' | 'upstream_not_private' | 'upstream_auth_error' | 'upstream_error'>;

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  // The kernel gave up on the TCP handshake (SYN unanswered): a timeout too.
  'ETIMEDOUT',
]);

/**
 * OpenSSL's X509 verification results as node reports them (`err.code`), see
 * https://nodejs.org/api/tls.html#x509-certificate-error-codes, plus node's own
 * hostname check. A handshake that fails at the protocol level (`ERR_SSL_*`) is a TLS
 * problem for the operator too, so it lands in the same reason.
 */
const TLS_CODES = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_CRL',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CRL_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CRL_NOT_YET_VALID',
  'CRL_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'ERROR_IN_CRL_LAST_UPDATE_FIELD',
  'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_CERT_ALTNAME_FORMAT',
]);

/** How deep we follow `cause` / `AggregateError.errors`; real chains are 2-3 long. */
const MAX_DEPTH = 5;

function codeOf(err: unknown): string | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function classifyOne(err: unknown, depth: number): UpstreamReason | null {
  if (err === null || typeof err !== 'object' || depth > MAX_DEPTH) return null;
  const code = codeOf(err);
  if (code !== undefined) {
    // Our own checks first: they are the most specific.
    if (code === NOT_PRIVATE_CODE) return 'upstream_not_private';
    if (code === BACKEND_AUTH_CODE) return 'upstream_auth_error';
    if (TIMEOUT_CODES.has(code)) return 'upstream_timeout';
    if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_')) return 'upstream_tls_error';
  }
  // AbortSignal.timeout() rejects with a DOMException named TimeoutError.
  if ((err as { name?: unknown }).name === 'TimeoutError') return 'upstream_timeout';
  // autoSelectFamily (happy eyeballs) reports every failed address in an AggregateError.
  if (err instanceof AggregateError) {
    for (const e of err.errors) {
      const r = classifyOne(e, depth + 1);
      if (r !== null) return r;
    }
  }
  const cause = (err as { cause?: unknown }).cause;
  return cause === undefined ? null : classifyOne(cause, depth + 1);
}

/**
 * Maps an error from a backend exchange to its reason code. Looks through `cause` chains
 * and AggregateErrors (undici wraps a connect timeout's AggregateError in its own error).
 * Anything not recognised is `upstream_error`.
 */
export function classifyUpstreamError(err: unknown): UpstreamReason {
  return classifyOne(err, 0) ?? 'upstream_error';
}
