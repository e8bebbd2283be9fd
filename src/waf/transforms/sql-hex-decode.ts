import { ByteBuilder, hexByteAt } from './byte-string.js';

/**
 * t:sqlHexDecode — SQL hex literals `0xHHHH…` → bytes (`0x414243` → `ABC`), as ModSecurity
 * v2 `sql_hex2bytes_inplace`: needs at least two hex digits after `0x`/`0X`; digits are
 * consumed in pairs and an odd trailing digit is kept as text. Everything else is copied.
 */
export function sqlHexDecode(input: string): [string, boolean] {
  if (!/0[xX][0-9a-fA-F]{2}/.test(input)) return [input, false];
  const out = new ByteBuilder();
  const n = input.length;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === 0x30 && i + 3 < n && (input.charCodeAt(i + 1) | 0x20) === 0x78 && hexByteAt(input, i + 2) >= 0) {
      i += 2;
      while (i + 1 < n) {
        const b = hexByteAt(input, i);
        if (b < 0) break;
        out.push(b);
        i += 2;
      }
      continue;
    }
    out.push(c);
    i++;
  }
  const s = out.toString();
  return [s, s !== input];
}
