/**
 * Prompt texts the LLM rules found clean, remembered across requests under what the
 * verdict depends on: the field kind, a SHA-256 of the request's tool names and a SHA-256
 * of the inspected text.
 *
 * Why: a chat client re-sends the whole conversation with every turn, and an application
 * sends the same system prompt with every request, so most prompt text a gateway sees
 * was inspected before. The scanners are pure functions of those inputs and of the
 * config (one memo per inspector; a reload builds a new one), so a clean verdict can be
 * reused as it is.
 *
 * What is kept: only digests of texts without any finding. A text that matched anything
 * (even a finding only logged) is scanned on every request, so findings, redactions and
 * their offsets always come from a fresh scan, and no prompt text (nor a secret in one)
 * stays in memory. SHA-256 because a collision would let an attacker's text pass as a
 * clean one.
 *
 * Bounds: two generations of at most `maxEntries / 2` digests each; when the young one is
 * full the old one is dropped. Entries in use move to the young generation, so a steady
 * set of system prompts survives a flood of unique texts.
 */
import { hash } from 'node:crypto';

/** Shorter texts are scanned every time: hashing them costs about what scanning does. */
export const MIN_REMEMBERED_CHARS = 256;

export class CleanTextMemo {
  private young = new Map<string, true>();
  private old = new Map<string, true>();
  private readonly half: number;

  constructor(maxEntries: number) {
    this.half = Math.max(1, Math.floor(maxEntries / 2));
  }

  /**
   * The digest a verdict is filed under, or null when the text is not remembered.
   * `context` holds everything else the verdict depends on, without NUL characters;
   * it is kept in the key as is (a field kind and the request's tool names).
   * Texts with lone surrogates are not remembered: UTF-8 turns every one of them into
   * U+FFFD, so two different texts would share a digest.
   */
  key(text: string, context: string): string | null {
    if (text.length < MIN_REMEMBERED_CHARS || !text.isWellFormed()) return null;
    // The text is hashed as it is (no copy joined to the context); the context, free of NUL, prefixes the digest.
    return `${context}\u0000${hash('sha256', text, 'base64')}`;
  }

  has(key: string): boolean {
    if (this.young.has(key)) return true;
    if (!this.old.has(key)) return false;
    this.old.delete(key);
    this.add(key);
    return true;
  }

  add(key: string): void {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, true);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
