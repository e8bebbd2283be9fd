import { createHash } from 'node:crypto';

/** t:sha1 — the raw 20-byte SHA-1 digest as a byte string (not hex; chain t:hexEncode for that). */
export function sha1(input: string): [string, boolean] {
  return [createHash('sha1').update(input, 'latin1').digest().toString('latin1'), true];
}
