import { normalisePath } from './normalise-path.js';

/** t:normalisePathWin (alias normalizePathWin) — `\` → `/`, then t:normalisePath. */
export function normalisePathWin(input: string): [string, boolean] {
  if (input.indexOf('\\') === -1) return normalisePath(input);
  const [out] = normalisePath(input.replaceAll('\\', '/'));
  return [out, out !== input];
}
