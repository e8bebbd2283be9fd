import { isB64 } from './base64-decode.js';

/**
 * t:base64DecodeExt — forgiving base64: every char outside `A–Z a–z 0–9 + /` (including
 * `=`, `.` and whitespace) is skipped instead of ending the decode (ModSecurity v2
 * `base64_decode_ex`).
 */
export function base64DecodeExt(input: string): [string, boolean] {
  let clean = '';
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    if (!isB64(input.charCodeAt(i))) {
      clean += input.slice(start, i);
      start = i + 1;
    }
  }
  clean += input.slice(start);
  const out = Buffer.from(clean, 'base64').toString('latin1');
  return [out, out !== input];
}
