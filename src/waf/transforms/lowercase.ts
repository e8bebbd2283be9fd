/**
 * t:lowercase — ASCII A–Z → a–z. Bytes ≥ 0x80 are left alone, as C `tolower()` in the
 * "C" locale does in ModSecurity v2 (JS `toLowerCase` would also fold latin1 letters,
 * which are not letters in a byte string).
 */
export function lowercase(input: string): [string, boolean] {
  if (!/[A-Z]/.test(input)) return [input, false];
  return [input.replace(/[A-Z]+/g, asciiLower), true];
}

function asciiLower(s: string): string {
  return s.toLowerCase();
}
