/**
 * t:removeCommentsChar — deletes the comment markers themselves, not what is between
 * them: `/*`, `*\/`, `<!--`, `-->`, `--` and `#` (ModSecurity v2).
 */
export function removeCommentsChar(input: string): [string, boolean] {
  const n = input.length;
  let out = '';
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    const d = i + 1 < n ? input.charCodeAt(i + 1) : 0;
    let skip = 0;
    if ((c === 0x2f && d === 0x2a) || (c === 0x2a && d === 0x2f)) skip = 2;
    else if (c === 0x3c && input.startsWith('!--', i + 1)) skip = 4;
    else if (c === 0x2d && d === 0x2d && i + 2 < n && input.charCodeAt(i + 2) === 0x3e) skip = 3;
    else if (c === 0x2d && d === 0x2d) skip = 2;
    else if (c === 0x23) skip = 1;
    if (skip > 0) {
      out += input.slice(start, i);
      i += skip;
      start = i;
    } else {
      i++;
    }
  }
  if (start === 0) return [input, false];
  return [out + input.slice(start), true];
}
