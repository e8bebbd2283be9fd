import { ByteBuilder, hexVal } from './byte-string.js';

/**
 * t:urlDecode — `+` → space and `%HH` → byte. Invalid or truncated `%` sequences are
 * kept as they are (ModSecurity v2 `urldecode_nonstrict_inplace`), so `%zz` and a
 * trailing `%4` survive unchanged.
 */
export function urlDecode(input: string): [string, boolean] {
  if (input.indexOf('%') === -1 && input.indexOf('+') === -1) return [input, false];
  const out = new ByteBuilder();
  let changed = false;
  const n = input.length;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === 0x25 /* % */ && i + 2 < n) {
      const hi = hexVal(input.charCodeAt(i + 1));
      const lo = hexVal(input.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out.push(hi * 16 + lo);
        i += 3;
        changed = true;
        continue;
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
