/**
 * t:utf8toUnicode — each well-formed multi-byte UTF-8 sequence in the byte string becomes
 * `%uHHHH` (lowercase hex, at least four digits; five for code points above U+FFFF), as
 * ModSecurity v2. ASCII bytes and bytes that do not start a complete sequence with valid
 * continuation bytes are copied unchanged. Overlong forms are decoded like v2 does (it
 * checks only the lead/continuation bit patterns).
 */
export function utf8toUnicode(input: string): [string, boolean] {
  const n = input.length;
  let out = '';
  let start = 0;
  let changed = false;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    let len = 0;
    let cp = 0;
    if ((c & 0xe0) === 0xc0) { len = 2; cp = c & 0x1f; }
    else if ((c & 0xf0) === 0xe0) { len = 3; cp = c & 0x0f; }
    else if ((c & 0xf8) === 0xf0) { len = 4; cp = c & 0x07; }
    if (len === 0 || i + len > n) {
      i++;
      continue;
    }
    let ok = true;
    for (let k = 1; k < len; k++) {
      const b = input.charCodeAt(i + k);
      if ((b & 0xc0) !== 0x80) { ok = false; break; }
      cp = cp * 64 + (b & 0x3f);
    }
    if (!ok) {
      i++;
      continue;
    }
    out += input.slice(start, i) + '%u' + cp.toString(16).padStart(4, '0');
    i += len;
    start = i;
    changed = true;
  }
  if (!changed) return [input, false];
  return [out + input.slice(start), true];
}
