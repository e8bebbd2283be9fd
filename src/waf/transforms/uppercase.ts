/** t:uppercase — ASCII a–z → A–Z; bytes ≥ 0x80 untouched (see lowercase.ts). */
export function uppercase(input: string): [string, boolean] {
  if (!/[a-z]/.test(input)) return [input, false];
  return [input.replace(/[a-z]+/g, asciiUpper), true];
}

function asciiUpper(s: string): string {
  return s.toUpperCase();
}
