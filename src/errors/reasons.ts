/**
 * Every reason the gateway itself refuses or fails a request, in one table.
 *
 * The key is the stable, machine-readable code: it is the `error.code` the client
 * receives, the `reason` field of the access-log line and the `reason` label of the
 * deny counters. Codes are never reused or renamed; retire one by leaving it here
 * with a comment. Tests assert codes, never messages.
 */
export const REASONS = {
  // --- connection level (closed before any HTTP exchange; the status is never sent) ---
  /** Source address not in `network.allow`. */
  source_not_allowed: { status: 403, message: 'The source address is not allowed.' },
  /** Source address in `network.deny`. */
  source_denied: { status: 403, message: 'The source address is denied.' },
  /** `network.maxConnections` or `network.maxConnectionsPerIp` reached. */
  connection_limit: { status: 503, message: 'Too many connections.' },
  /** TLS handshake failed (protocol below the minimum, no shared cipher, bad client certificate). */
  tls_handshake_failed: { status: 400, message: 'The TLS handshake failed.' },

  // --- HTTP framing and limits (before routing) ---
  /** The request could not be parsed as HTTP/1.1 (framing, bad header, ambiguous length). */
  bad_request: { status: 400, message: 'The request is malformed.' },
  /** Headers or body did not arrive within the configured time. */
  request_timeout: { status: 408, message: 'The request was not received in time.' },
  /** Body larger than `limits.maxBodyBytes` (declared or streamed). */
  body_too_large: { status: 413, message: 'The request body is too large.' },
  /** Request target longer than `limits.maxUrlBytes`. */
  uri_too_long: { status: 414, message: 'The request URI is too long.' },
  /** Header section larger than `limits.maxHeaderBytes`, or too many headers. */
  headers_too_large: { status: 431, message: 'The request headers are too large.' },
  /** A header that must appear once appeared several times (credentials, host, content-type). */
  ambiguous_header: { status: 400, message: 'A header that must appear at most once was repeated.' },
  /** Content-Encoding on a request body; we inspect bodies and refuse to guess what is inside. */
  unsupported_content_encoding: { status: 415, message: 'Compressed request bodies are not accepted.' },

  // --- routing ---
  /** Path outside the Azure OpenAI data-plane tree, or containing path tricks. */
  route_not_found: { status: 404, message: 'Resource not found.' },
  /** Deployment name not configured on this gateway. */
  deployment_not_found: { status: 404, message: 'The deployment does not exist on this gateway.' },
  /** Method not allowed on this route. */
  method_not_allowed: { status: 405, message: 'The method is not allowed on this resource.' },
  /** `api-version` query parameter missing where Azure requires it. */
  missing_api_version: { status: 400, message: 'The api-version query parameter is required.' },
  /** `api-version` present but not of a known shape, or given twice. */
  invalid_api_version: { status: 400, message: 'The api-version query parameter is invalid.' },
  /** /openai/v1 request whose JSON body has no usable `model`. */
  model_required: { status: 400, message: 'The request body must name a model.' },
  /** Body that must be JSON did not parse. */
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },

  // --- identity and access ---
  /** No credential presented. */
  credential_missing: { status: 401, message: 'Access denied: no API key or bearer token was presented.' },
  /** Credential presented but unknown. */
  credential_invalid: { status: 401, message: 'Access denied: the API key is not valid.' },
  /** Key known but past its expiry. */
  credential_expired: { status: 401, message: 'Access denied: the API key has expired.' },
  /** Both `api-key` and `Authorization` presented, or one of them repeated. */
  credential_ambiguous: { status: 401, message: 'Access denied: present exactly one credential.' },
  /** Caller is known but may not use this deployment. */
  deployment_forbidden: { status: 403, message: 'The caller may not use this deployment.' },

  // --- inspection ---
  /** The WAF blocked the request (CRS anomaly score, an LLM rule, Content Safety, or an uninspectable body); rule ids are in the audit record only. */
  waf_blocked: { status: 403, message: 'The request was blocked by the gateway\'s security policy.' },

  // --- upstream ---
  /** Every backend of the deployment is unhealthy or none is configured. */
  no_healthy_backend: { status: 503, message: 'No healthy backend is available for this deployment.' },
  /** Connecting to or reading from the backend failed. */
  upstream_error: { status: 502, message: 'The backend could not be reached.' },
  /** Backend resolved to a public address while `requirePrivateAddress` is set. */
  upstream_not_private: { status: 502, message: 'The backend is not reachable over a private address.' },
  /** Backend TLS certificate did not verify. */
  upstream_tls_error: { status: 502, message: 'The backend TLS certificate could not be verified.' },
  /** Backend credential (managed identity token, key file) could not be obtained. */
  upstream_auth_error: { status: 502, message: 'The gateway could not authenticate to the backend.' },
  /** Backend did not answer within the configured time. */
  upstream_timeout: { status: 504, message: 'The backend did not respond in time.' },

  /** The client closed the connection before the response finished (nginx's 499; never sent). */
  client_closed: { status: 499, message: 'The client closed the connection.' },

  // --- gateway ---
  /** A bug: the request failed inside the gateway. Details are in the log under the request id. */
  internal_error: { status: 500, message: 'The gateway failed to process the request.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type Reason = keyof typeof REASONS;

export function isReason(code: string): code is Reason {
  return Object.hasOwn(REASONS, code);
}
