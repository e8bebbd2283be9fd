import { hexVal } from './byte-string.js';

/**
 * t:hexDecode — pairs of hex digits → bytes (`414243` → `ABC`). Input that is not an even
 * run of hex digits is returned unchanged with changed=false, as Coraza does (ModSecurity
 * v2 decodes garbage from invalid digits; we prefer not to invent bytes).
 */
export function hexDecode(input: string): [string, boolean] {
  const n = input.length;
  if (n % 2 !== 0) return [input, false];
  for (let i = 0; i < n; i++) if (hexVal(input.charCodeAt(i)) < 0) return [input, false];
  const out = Buffer.from(input, 'hex').toString('latin1');
  return [out, out !== input];
}
