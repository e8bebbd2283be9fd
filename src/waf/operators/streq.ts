import { MacroArg } from './macro.js';
import type { Operator, OperatorContext } from './operator.js';

/**
 * @streq — exact string equality (case-sensitive). Example: `SecRule REQUEST_METHOD "@streq POST"`.
 * The argument may contain macros (expanded at match time).
 */
export function streq(argument: string): Operator {
  const a = new MacroArg(argument);
  return {
    evaluate(tx: OperatorContext, value: string): boolean {
      const arg = a.resolve(tx);
      return value === arg;
    },
  };
}
