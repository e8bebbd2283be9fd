import { decode, decodeGenerator, encode } from 'gpt-tokenizer/encoding/o200k_base';

/**
 * Token counting with o200k_base, the encoding of the gpt-4o and later families, so usage numbers
 * are the ones a real deployment would report (within the chat-format overhead below).
 */

// User text such as "<|endoftext|>" must count as plain text, not throw as a special token.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };
const TRAILING_REPLACEMENT_CHARS = /\uFFFD+$/u;

export function encodeText(text: string): number[] {
  return text.length === 0 ? [] : encode(text, PLAIN_TEXT);
}

export function countTextTokens(text: string): number {
  return encodeText(text).length;
}

/** Per-message overhead of the chat format, from OpenAI's cookbook "How to count tokens with tiktoken" (gpt-4o). */
export const TOKENS_PER_MESSAGE = 3;
/** Extra token for a message `name` (same source). */
export const TOKENS_PER_NAME = 1;
/** Every reply is primed with `<|start|>assistant<|message|>` (same source). */
export const REPLY_PRIMING_TOKENS = 3;

/**
 * Cuts a text to at most `maxTokens` tokens. A cut inside a multi-byte character leaves a
 * replacement character at the end, which is dropped.
 */
export function truncateToTokens(text: string, maxTokens: number): { text: string; tokens: number; truncated: boolean } {
  const tokens = encodeText(text);
  if (tokens.length <= maxTokens) return { text, tokens: tokens.length, truncated: false };
  const kept = tokens.slice(0, maxTokens);
  return { text: decode(kept).replace(TRAILING_REPLACEMENT_CHARS, ''), tokens: kept.length, truncated: true };
}

/** Fewest pieces a streamed reply is split into, so clients really see a stream. */
export const MIN_STREAM_PIECES = 5;

/**
 * Splits a reply into the pieces a model would stream: one per token, joined where a token ends
 * inside a multi-byte character. Short replies fall back to one piece per character so that
 * streams still have several chunks.
 */
export function streamPieces(text: string): string[] {
  if (text.length === 0) return [];
  const pieces = [...decodeGenerator(encodeText(text))];
  if (pieces.length >= MIN_STREAM_PIECES) return pieces;
  return Array.from(text);
}

/** Decodes a client-supplied token array; ids outside the vocabulary are the client's error, reported as null. */
export function decodeTokens(tokens: readonly number[]): string | null {
  try {
    return decode(tokens);
  } catch {
    return null;
  }
}
