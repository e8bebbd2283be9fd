import { ByteBuilder, hexByteAt, isOctal, unicodeEscapeByte } from './byte-string.js';

/**
 * t:jsDecode, as ModSecurity v2 `js_decode_nonstrict_inplace`:
 * - `\uHHHH` → low byte, full-width ASCII U+FF01–U+FF5E → ASCII (+0x20);
 * - `\xHH` → byte;
 * - `\OOO` → byte, at most three octal digits and never above 0377 (`\400` is `\40`+`0`);
 * - `\a \b \f \n \r \t \v` → control chars; any other `\C` → `C`;
 * - a trailing lone backslash is kept.
 */
export function jsDecode(input: string): [string, boolean] {
  if (input.indexOf('\\') === -1) return [input, false];
  const out = new ByteBuilder();
  const n = input.length;
  let changed = false;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c !== 0x5c /* \ */ || i + 1 >= n) {
      out.push(c);
      i++;
      continue;
    }
    const e = input.charCodeAt(i + 1);
    changed = true;
    if (e === 0x75 /* u */ && i + 5 < n) {
      const b = unicodeEscapeByte(input, i + 2);
      if (b >= 0) {
        out.push(b);
        i += 6;
        continue;
      }
    }
    if (e === 0x78 /* x */ && i + 3 < n) {
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
        const nv = v * 8 + input.charCodeAt(i + 1 + j) - 0x30;
        if (nv > 0xff) break; // "do not use 3 characters if we will be > 1 byte"
        v = nv;
        j++;
      }
      out.push(v);
      i += 1 + j;
      continue;
    }
    out.push(simpleEscape(e));
    i += 2;
  }
  return changed ? [out.toString(), true] : [input, false];
}

/** `\a \b \f \n \r \t \v` → control char; anything else stands for itself. Shared with escapeSeqDecode. */
export function simpleEscape(e: number): number {
  switch (e) {
    case 0x61: return 0x07; // \a
    case 0x62: return 0x08; // \b
    case 0x66: return 0x0c; // \f
    case 0x6e: return 0x0a; // \n
    case 0x72: return 0x0d; // \r
    case 0x74: return 0x09; // \t
    case 0x76: return 0x0b; // \v
    default: return e;
  }
}
