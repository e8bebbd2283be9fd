import { createHash } from 'node:crypto';

/** t:md5 — the raw 16-byte MD5 digest as a byte string (not hex; chain t:hexEncode for that). */
export function md5(input: string): [string, boolean] {
  return [createHash('md5').update(input, 'latin1').digest().toString('latin1'), true];
}
