import { posix } from 'node:path';

/**
 * t:normalisePath (alias normalizePath) — removes `.` segments and repeated slashes and
 * resolves `..` lexically (`/a/b/../c` → `/a/c`; `..` above the root of an absolute path
 * is dropped, leading `..` of a relative path is kept). A trailing slash is preserved,
 * and a path that reduces to `.` becomes the empty string — Coraza's behaviour
 * (Go `path.Clean` + trailing slash), which `posix.normalize` matches apart from those
 * two cases.
 */
export function normalisePath(input: string): [string, boolean] {
  if (input.length === 0) return [input, false];
  let out = posix.normalize(input);
  if (out === '.' || out === './') out = '';
  else if (out.startsWith('./')) out = out.slice(2);
  return [out, out !== input];
}
