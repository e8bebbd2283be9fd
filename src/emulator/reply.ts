import { randomBytes } from 'node:crypto';

/**
 * What a request handler asks the server to send. Handlers are pure functions of the parsed
 * body; the server owns sockets, delays and headers.
 */
export type HandlerReply =
  /** One JSON document. `tokens` feeds the rate-limit headers. */
  | { kind: 'json'; body: unknown; tokens: number }
  /** Server-sent events, each object sent as one `data:` line, then `data: [DONE]`. */
  | { kind: 'sse'; events: unknown[]; tokens: number };

/** Opaque object ids in OpenAI's style (`chatcmpl-…`, `resp_…`). */
export function objectId(prefix: string): string {
  return prefix + randomBytes(12).toString('base64url');
}

export function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Longest stretch of the prompt echoed back, in characters. */
export const ECHO_CHARS = 200;

/**
 * The reply every generative route gives: deterministic, so tests and benchmarks can assert it,
 * and derived from the prompt, so a test can tell which request it answers.
 */
export function echoReply(prompt: string): string {
  if (prompt.length <= ECHO_CHARS) return `Echo: ${prompt}`;
  // Cut on code points so an emoji is never split in half. 2×ECHO_CHARS UTF-16 units always hold
  // ECHO_CHARS code points, and slicing first keeps a huge prompt from being exploded whole.
  const head = Array.from(prompt.slice(0, ECHO_CHARS * 2)).slice(0, ECHO_CHARS).join('');
  return `Echo: ${head}`;
}

/** Azure reports these for every prompt and choice; the gateway's usage parser must skip them. */
export const CONTENT_FILTER_RESULTS = Object.freeze({
  hate: { filtered: false, severity: 'safe' },
  self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' },
  violence: { filtered: false, severity: 'safe' },
});
