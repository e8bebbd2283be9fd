import { ByteBuilder, hexVal, isCSpace } from './byte-string.js';

/**
 * t:cssDecode, CSS 2.1 §4.1.3 escapes as ModSecurity v2 `css_decode_inplace`:
 * - `\` + 1–6 hex digits → the low byte of the value; for 4–6 digits whose high part is
 *   `FF` (U+FF01–U+FF5E, full-width ASCII) the byte gets +0x20; one whitespace char after
 *   the hex escape is swallowed;
 * - `\` + newline → removed (line continuation);
 * - `\` + any other char → that char;
 * - a trailing lone `\` is removed.
 */
export function cssDecode(input: string): [string, boolean] {
  if (input.indexOf('\\') === -1) return [input, false];
  const out = new ByteBuilder();
  const n = input.length;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c !== 0x5c) {
      out.push(c);
      i++;
      continue;
    }
    if (i + 1 >= n) {
      i++;
      continue;
    }
    i++;
    let j = 0;
    while (j < 6 && i + j < n && hexVal(input.charCodeAt(i + j)) >= 0) j++;
    if (j > 0) {
      let b: number;
      if (j === 1) {
        b = hexVal(input.charCodeAt(i));
      } else {
        b = hexVal(input.charCodeAt(i + j - 2)) * 16 + hexVal(input.charCodeAt(i + j - 1));
      }
      // Full-width check: digits j-4 and j-3 are the "FF" of U+FFxx; for 5/6 digits the
      // leading digits must be zero.
      const full = j === 4 || (j === 5 && input.charCodeAt(i) === 0x30) ||
        (j === 6 && input.charCodeAt(i) === 0x30 && input.charCodeAt(i + 1) === 0x30);
      if (full && b > 0x00 && b < 0x5f &&
        (input.charCodeAt(i + j - 3) | 0x20) === 0x66 && (input.charCodeAt(i + j - 4) | 0x20) === 0x66) {
        b += 0x20;
      }
      out.push(b);
      if (i + j < n && isCSpace(input.charCodeAt(i + j))) j++;
      i += j;
    } else if (input.charCodeAt(i) === 0x0a) {
      i++;
    } else {
      out.push(input.charCodeAt(i));
      i++;
    }
  }
  const s = out.toString();
  return [s, s !== input];
}
