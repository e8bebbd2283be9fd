import { isWs } from './compress-whitespace.js';

/** t:removeWhitespace — deletes C `isspace()` chars and 0xA0 (no-break space), as ModSecurity v2. */
export function removeWhitespace(input: string): [string, boolean] {
  let out = '';
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    if (isWs(input.charCodeAt(i))) {
      out += input.slice(start, i);
      start = i + 1;
    }
  }
  if (start === 0) return [input, false];
  return [out + input.slice(start), true];
}
