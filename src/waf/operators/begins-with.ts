import { MacroArg } from './macro.js';
import type { Operator, OperatorContext } from './operator.js';

/**
 * @beginsWith — true when the value starts with the argument (case-sensitive).
 * The argument may contain macros (expanded at match time).
 */
export function beginsWith(argument: string): Operator {
  const a = new MacroArg(argument);
  return {
    evaluate(tx: OperatorContext, value: string): boolean {
      const arg = a.resolve(tx);
      return value.startsWith(arg);
    },
  };
}
