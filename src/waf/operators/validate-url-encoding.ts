import { hexVal } from '../transforms/byte-string.js';
import type { Operator, OperatorContext } from './operator.js';

/**
 * @validateUrlEncoding — true (a violation) when a `%` is not followed by two hex digits,
 * including a truncated sequence at the end (CRS 920220/920240). No argument.
 */
export function validateUrlEncoding(): Operator {
  return {
    evaluate(_tx: OperatorContext, value: string): boolean {
      let i = value.indexOf('%');
      while (i !== -1) {
        if (i + 2 >= value.length || hexVal(value.charCodeAt(i + 1)) < 0 || hexVal(value.charCodeAt(i + 2)) < 0) return true;
        i = value.indexOf('%', i + 3);
      }
      return false;
    },
  };
}
