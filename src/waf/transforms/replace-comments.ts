/**
 * t:replaceComments — each C-style `/* … *\/` comment becomes one space; an unterminated
 * comment runs to the end and also becomes one space (ModSecurity v2). A lone `*\/`
 * outside a comment is kept.
 */
export function replaceComments(input: string): [string, boolean] {
  let i = input.indexOf('/*');
  if (i === -1) return [input, false];
  let out = '';
  let start = 0;
  while (i !== -1) {
    out += input.slice(start, i) + ' ';
    const end = input.indexOf('*/', i + 2);
    if (end === -1) return [out, true];
    start = end + 2;
    i = input.indexOf('/*', start);
  }
  return [out + input.slice(start), true];
}
