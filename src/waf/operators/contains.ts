import { MacroArg } from './macro.js';
import type { Operator, OperatorContext } from './operator.js';

/**
 * @contains — true when the argument occurs anywhere in the value (case-sensitive). Example: `SecRule ARGS "@contains <script>"`.
 * The argument may contain macros (expanded at match time).
 */
export function contains(argument: string): Operator {
  const a = new MacroArg(argument);
  return {
    evaluate(tx: OperatorContext, value: string): boolean {
      const arg = a.resolve(tx);
      return value.includes(arg);
    },
  };
}
