import { ByteBuilder } from './byte-string.js';

/**
 * t:cmdLine, for command-injection rules (CRS 932xxx), as ModSecurity v2:
 * - deletes `\ " ' ^`;
 * - deletes spaces before `/` and `(`;
 * - turns `,` `;` and whitespace (space, \t, \r, \n) into one space per run;
 * - lowercases (ASCII).
 */
export function cmdLine(input: string): [string, boolean] {
  const out: number[] = [];
  let space = false;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    switch (c) {
      case 0x22: case 0x27: case 0x5c: case 0x5e: // " ' \ ^
        continue;
      case 0x20: case 0x2c: case 0x3b: case 0x09: case 0x0d: case 0x0a: // space , ; \t \r \n
        if (!space) {
          out.push(0x20);
          space = true;
        }
        continue;
      case 0x2f: case 0x28: // / (
        if (space) out.pop();
        space = false;
        out.push(c);
        continue;
      default:
        out.push(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
        space = false;
    }
  }
  const b = new ByteBuilder();
  for (const c of out) b.push(c);
  const s = b.toString();
  return [s, s !== input];
}
