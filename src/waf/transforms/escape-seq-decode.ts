import { ByteBuilder, hexByteAt, isOctal } from './byte-string.js';
import { simpleEscape } from './js-decode.js';

/**
 * t:escapeSeqDecode — ANSI C escapes, as ModSecurity v2 `ansi_c_sequences_decode_inplace`:
 * `\a \b \f \n \r \t \v \\ \? \' \"`, `\xHH` (exactly two hex digits) and `\O`–`\OOO`
 * (value truncated to a byte). For any other escape, including an invalid `\x`, the
 * backslash is dropped and the next char kept (`\z` → `z`, `\xZZ` → `xZZ`). A trailing
 * lone backslash is kept.
 */
export function escapeSeqDecode(input: string): [string, boolean] {
  if (input.indexOf('\\') === -1) return [input, false];
  const out = new ByteBuilder();
  const n = input.length;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c !== 0x5c || i + 1 >= n) {
      out.push(c);
      i++;
      continue;
    }
    const e = input.charCodeAt(i + 1);
    if ((e === 0x78 || e === 0x58) && i + 3 < n) {
      const b = hexByteAt(input, i + 2);
      if (b >= 0) {
        out.push(b);
        i += 4;
        continue;
      }
    }
    if (isOctal(e)) {
      let j = 1;
      let v = e - 0x30;
      while (j < 3 && i + 1 + j < n && isOctal(input.charCodeAt(i + 1 + j))) {
        v = v * 8 + input.charCodeAt(i + 1 + j) - 0x30;
        j++;
      }
      out.push(v & 0xff);
      i += 1 + j;
      continue;
    }
    out.push(simpleEscape(e));
    i += 2;
  }
  const s = out.toString();
  return [s, s !== input];
}
