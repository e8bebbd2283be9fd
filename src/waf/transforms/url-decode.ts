import { ByteBuilder, hexVal } from './byte-string.js';

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
 * `%uHHHH` is decoded too: without a configured unicode map (we have none, as Coraza),
 * ModSecurity v2 keeps only the low byte, except that full-width ASCII U+FF01–U+FF5E maps
 * to its ASCII twin by adding 0x20 to the low byte (`%uFF1C` → `<`).
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
        const h1 = hexVal(input.charCodeAt(i + 2));
        const h2 = hexVal(input.charCodeAt(i + 3));
        const h3 = hexVal(input.charCodeAt(i + 4));
        const h4 = hexVal(input.charCodeAt(i + 5));
        if (h1 >= 0 && h2 >= 0 && h3 >= 0 && h4 >= 0) {
          let b = h3 * 16 + h4;
          if (b > 0x00 && b < 0x5f && h1 === 15 && h2 === 15) b += 0x20;
          out.push(b);
          i += 6;
          changed = true;
          continue;
        }
      }
      if (i + 2 < n) {
        const hi = hexVal(input.charCodeAt(i + 1));
        const lo = hexVal(input.charCodeAt(i + 2));
        if (hi >= 0 && lo >= 0) {
          out.push(hi * 16 + lo);
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
