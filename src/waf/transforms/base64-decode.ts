/**
 * t:base64Decode — decodes the longest leading run of base64 alphabet chars
 * (`A–Z a–z 0–9 + /`); decoding stops at `=` or the first char outside the alphabet,
 * padding is optional, and a dangling 6-bit remainder is dropped (Coraza; ModSecurity v2
 * also stops at the first invalid char). Output is a byte string.
 */
export function base64Decode(input: string): [string, boolean] {
  let end = 0;
  while (end < input.length && isB64(input.charCodeAt(end))) end++;
  const out = Buffer.from(input.slice(0, end), 'base64').toString('latin1');
  return [out, out !== input];
}

export function isB64(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
}
