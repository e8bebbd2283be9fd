/**
 * t:removeComments, as ModSecurity v2 / Coraza:
 * - `/* … *\/` and `<!-- … -->` are deleted; an unterminated one runs to the end and is
 *   replaced by one space;
 * - outside a comment, `--` or `#` truncates the value there (SQL/shell line comments);
 * - quirk kept from both engines: the char right after a comment's end marker is copied
 *   without being examined, so `/*a*\/#x` keeps `#x`.
 */
export function removeComments(input: string): [string, boolean] {
  const n = input.length;
  let out = '';
  let changed = false;
  let inComment = false;
  let i = 0;
  let start = 0; // start of the pending verbatim run
  while (i < n) {
    const c = input.charCodeAt(i);
    if (!inComment) {
      if (c === 0x2f && i + 1 < n && input.charCodeAt(i + 1) === 0x2a) {
        out += input.slice(start, i);
        inComment = true;
        changed = true;
        i += 2;
      } else if (c === 0x3c && i + 3 < n && input.startsWith('!--', i + 1)) {
        out += input.slice(start, i);
        inComment = true;
        changed = true;
        i += 4;
      } else if ((c === 0x2d && i + 1 < n && input.charCodeAt(i + 1) === 0x2d) || c === 0x23) {
        return [out + input.slice(start, i), true];
      } else {
        i++;
      }
    } else if (c === 0x2a && i + 1 < n && input.charCodeAt(i + 1) === 0x2f) {
      inComment = false;
      i += 2;
      start = i;
      if (i < n) i++;
    } else if (c === 0x2d && i + 2 < n && input.charCodeAt(i + 1) === 0x2d && input.charCodeAt(i + 2) === 0x3e) {
      inComment = false;
      i += 3;
      start = i;
      if (i < n) i++;
    } else {
      i++;
    }
  }
  if (inComment) return [out + ' ', true];
  if (!changed) return [input, false];
  return [out + input.slice(start), true];
}
