import { isCSpace } from './byte-string.js';

/** t:trim — removes C `isspace()` chars (space \t \n \v \f \r) from both ends (ModSecurity v2). */
export function trim(input: string): [string, boolean] {
  let a = 0;
  let b = input.length;
  while (a < b && isCSpace(input.charCodeAt(a))) a++;
  while (b > a && isCSpace(input.charCodeAt(b - 1))) b--;
  if (a === 0 && b === input.length) return [input, false];
  return [input.slice(a, b), true];
}

/** t:trimLeft — as t:trim, leading side only. */
export function trimLeft(input: string): [string, boolean] {
  let a = 0;
  while (a < input.length && isCSpace(input.charCodeAt(a))) a++;
  return a === 0 ? [input, false] : [input.slice(a), true];
}

/** t:trimRight — as t:trim, trailing side only. */
export function trimRight(input: string): [string, boolean] {
  let b = input.length;
  while (b > 0 && isCSpace(input.charCodeAt(b - 1))) b--;
  return b === input.length ? [input, false] : [input.slice(0, b), true];
}
