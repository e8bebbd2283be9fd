import { MacroArg } from './macro.js';
import type { Operator, OperatorContext } from './operator.js';

/**
 * @containsWord — true when the argument occurs in the value delimited by non-word chars
 * or the ends of the value (word chars: ASCII alphanumerics and `_`, as ModSecurity v2).
 * Every occurrence is tried, so `@containsWord abc` matches `abcd abc`.
 * Example: `SecRule ARGS "@containsWord select"`.
 */
export function containsWord(argument: string): Operator {
  const a = new MacroArg(argument);
  return {
    evaluate(tx: OperatorContext, value: string): boolean {
      const arg = a.resolve(tx);
      if (arg.length === 0) return true;
      let i = value.indexOf(arg);
      while (i !== -1) {
        const end = i + arg.length;
        if ((i === 0 || !isWordChar(value.charCodeAt(i - 1))) && (end === value.length || !isWordChar(value.charCodeAt(end)))) {
          return true;
        }
        i = value.indexOf(arg, i + 1);
      }
      return false;
    },
  };
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}
