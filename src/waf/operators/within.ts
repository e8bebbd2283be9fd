import { MacroArg } from './macro.js';
import type { Operator, OperatorContext } from './operator.js';

/**
 * @within — true when the value occurs inside the argument (e.g. `@within GET HEAD POST`); an empty value matches, as in Coraza.
 * The argument may contain macros (expanded at match time).
 */
export function within(argument: string): Operator {
  const a = new MacroArg(argument);
  return {
    evaluate(tx: OperatorContext, value: string): boolean {
      const arg = a.resolve(tx);
      return arg.includes(value);
    },
  };
}
