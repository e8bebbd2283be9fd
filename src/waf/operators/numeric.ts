import { MacroArg } from './macro.js';
import type { Operator, OperatorContext } from './operator.js';

/**
 * C `atoi()` as ModSecurity v2 uses for @eq/@ge/@gt/@le/@lt: leading whitespace, an
 * optional sign, then digits; anything unparsable is 0 (`"abc"` → 0, `"12abc"` → 12).
 * Clamped to the int32 range like the C int it mirrors.
 */
export function atoi(s: string): number {
  let i = 0;
  const n = s.length;
  while (i < n && (s.charCodeAt(i) === 0x20 || (s.charCodeAt(i) >= 0x09 && s.charCodeAt(i) <= 0x0d))) i++;
  let sign = 1;
  if (i < n && (s.charCodeAt(i) === 0x2d || s.charCodeAt(i) === 0x2b)) {
    if (s.charCodeAt(i) === 0x2d) sign = -1;
    i++;
  }
  let v = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    v = v * 10 + (c - 0x30);
    if (v > 2147483648) v = 2147483648;
    i++;
  }
  v *= sign;
  return v > 2147483647 ? 2147483647 : v;
}

/** Shared body of the integer comparison operators; the argument may be a macro. */
export function numericOperator(argument: string, cmp: (value: number, arg: number) => boolean): Operator {
  const a = new MacroArg(argument);
  const fixed = a.dynamic ? 0 : atoi(a.text);
  return {
    evaluate(tx: OperatorContext, value: string): boolean {
      return cmp(atoi(value), a.dynamic ? atoi(a.resolve(tx)) : fixed);
    },
  };
}
