import { ByteBuilder, hexByteAt, unicodeEscapeByte } from './byte-string.js';

/**
 * t:urlDecode — `+` → space and `%HH` → byte. Invalid or truncated `%` sequences are
 * kept as they are (ModSecurity v2 `urldecode_nonstrict_inplace`), so `%zz` and a
 * trailing `%4` survive unchanged.
 */
export function urlDecode(input: string): [string, boolean] {
  return decodeUrl(input, false);
}

/**
 * The one URL decoder behind t:urlDecode and t:urlDecodeUni. With `unicode`, IIS-style
 * `%uHHHH` is decoded too (see unicodeEscapeByte: `%uFF1C` → `<`).
 */
export function decodeUrl(input: string, unicode: boolean): [string, boolean] {
  if (input.indexOf('%') === -1 && input.indexOf('+') === -1) return [input, false];
  const out = new ByteBuilder();
  let changed = false;
  const n = input.length;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === 0x25 /* % */) {
      const u = i + 1 < n ? input.charCodeAt(i + 1) : 0;
      if (unicode && (u === 0x75 || u === 0x55) && i + 5 < n) {
        const b = unicodeEscapeByte(input, i + 2);
        if (b >= 0) {
          out.push(b);
          i += 6;
          changed = true;
          continue;
        }
      }
      if (i + 2 < n) {
        const b = hexByteAt(input, i + 1);
        if (b >= 0) {
          out.push(b);
          i += 3;
          changed = true;
          continue;
        }
      }
      out.push(c);
      i++;
    } else if (c === 0x2b /* + */) {
      out.push(0x20);
      i++;
      changed = true;
    } else {
      out.push(c);
      i++;
    }
  }
  return changed ? [out.toString(), true] : [input, false];
}
