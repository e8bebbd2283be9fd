import { randomUUID } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';

/** Per-minute quota the emulator reports; Azure's default for a gpt-4o S0 deployment is of this order. Never enforced: faults do that. */
const REQUESTS_PER_MINUTE = 6000;
const TOKENS_PER_MINUTE = 1_000_000;
const WINDOW_MS = 60_000;

/**
 * Fills Azure's `x-ratelimit-remaining-*` headers from a fixed one-minute window, so a gateway
 * that forwards or reads them sees values that fall as traffic rises.
 */
export class RateLimitWindow {
  #windowStart = 0;
  #requests = 0;
  #tokens = 0;

  record(tokens: number, now: number): { requests: number; tokens: number } {
    if (now - this.#windowStart >= WINDOW_MS) {
      this.#windowStart = now;
      this.#requests = 0;
      this.#tokens = 0;
    }
    this.#requests++;
    this.#tokens += tokens;
    return {
      requests: Math.max(0, REQUESTS_PER_MINUTE - this.#requests),
      tokens: Math.max(0, TOKENS_PER_MINUTE - this.#tokens),
    };
  }
}

/** Headers Azure OpenAI puts on every data-plane answer. */
export function azureHeaders(contentType: string): OutgoingHttpHeaders {
  return {
    'content-type': contentType,
    'apim-request-id': randomUUID(),
    'x-request-id': randomUUID(),
    'x-ms-region': 'Emulator',
  };
}

export function withRateLimit(headers: OutgoingHttpHeaders, remaining: { requests: number; tokens: number }): OutgoingHttpHeaders {
  headers['x-ratelimit-limit-requests'] = String(REQUESTS_PER_MINUTE);
  headers['x-ratelimit-limit-tokens'] = String(TOKENS_PER_MINUTE);
  headers['x-ratelimit-remaining-requests'] = String(remaining.requests);
  headers['x-ratelimit-remaining-tokens'] = String(remaining.tokens);
  return headers;
}

export const JSON_CONTENT_TYPE = 'application/json';
export const SSE_CONTENT_TYPE = 'text/event-stream; charset=utf-8';
