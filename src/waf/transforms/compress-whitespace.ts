import { isCSpace } from './byte-string.js';

/**
 * t:compressWhitespace — every run of whitespace (C `isspace()` plus 0xA0, the latin1
 * no-break space, as ModSecurity v2) becomes a single space.
 */
export function compressWhitespace(input: string): [string, boolean] {
  let out = '';
  let start = 0;
  let changed = false;
  const n = input.length;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (!isWs(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWs(input.charCodeAt(j))) j++;
    if (j - i > 1 || c !== 0x20) {
      out += input.slice(start, i) + ' ';
      start = j;
      changed = true;
    }
    i = j;
  }
  if (!changed) return [input, false];
  return [out + input.slice(start), true];
}

export function isWs(c: number): boolean {
  return isCSpace(c) || c === 0xa0;
}
