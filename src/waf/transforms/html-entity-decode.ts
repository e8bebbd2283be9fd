import { ByteBuilder, hexVal } from './byte-string.js';

/**
 * t:htmlEntityDecode, as ModSecurity v2 `html_entities_decode_inplace`:
 * - `&#xHH..;` / `&#XHH..`, `&#DD..;` — the semicolon is optional, at least one digit is
 *   required, and only the low byte of the value is kept (byte-string output);
 * - `&quot; &amp; &lt; &gt; &nbsp;` case-insensitively, semicolon optional (`&nbsp` → 0xA0).
 *   The name is the whole alphanumeric run, so `&ampx` is not decoded;
 * - anything else is copied unchanged.
 */
export function htmlEntityDecode(input: string): [string, boolean] {
  if (input.indexOf('&') === -1) return [input, false];
  const out = new ByteBuilder();
  const n = input.length;
  let changed = false;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c !== 0x26 /* & */ || i + 1 >= n) {
      out.push(c);
      i++;
      continue;
    }
    if (input.charCodeAt(i + 1) === 0x23 /* # */) {
      const x = i + 2 < n ? input.charCodeAt(i + 2) : 0;
      const hex = x === 0x78 || x === 0x58;
      const k = hex ? i + 3 : i + 2;
      let j = k;
      let v = 0;
      while (j < n) {
        const d = hex ? hexVal(input.charCodeAt(j)) : decVal(input.charCodeAt(j));
        if (d < 0) break;
        v = (v * (hex ? 16 : 10) + d) % 0x1000000; // keep it bounded; only the low byte matters
        j++;
      }
      if (j > k) {
        out.push(v & 0xff);
        i = j < n && input.charCodeAt(j) === 0x3b /* ; */ ? j + 1 : j;
        changed = true;
        continue;
      }
      out.push(c);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isAlnum(input.charCodeAt(j))) j++;
    if (j > i + 1) {
      const b = namedEntity(input.slice(i + 1, j).toLowerCase());
      if (b >= 0) {
        out.push(b);
        i = j < n && input.charCodeAt(j) === 0x3b ? j + 1 : j;
        changed = true;
        continue;
      }
      out.pushString(input.slice(i, j));
      i = j;
      continue;
    }
    out.push(c);
    i++;
  }
  return changed ? [out.toString(), true] : [input, false];
}

function decVal(c: number): number {
  return c >= 0x30 && c <= 0x39 ? c - 0x30 : -1;
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function namedEntity(name: string): number {
  switch (name) {
    case 'quot': return 0x22;
    case 'amp': return 0x26;
    case 'lt': return 0x3c;
    case 'gt': return 0x3e;
    case 'nbsp': return 0xa0;
    default: return -1;
  }
}
