import { isUtf8 } from 'node:buffer';
import type { Operator, OperatorContext } from './operator.js';

/**
 * @validateUtf8Encoding — true (a violation) when the bytes are not well-formed UTF-8:
 * truncated or invalid sequences, overlong forms, surrogates or code points above
 * U+10FFFF (CRS 920250). Uses Node's native `buffer.isUtf8` (simdutf) on the bytes.
 */
export function validateUtf8Encoding(): Operator {
  return {
    evaluate(_tx: OperatorContext, value: string): boolean {
      if (!/[\x80-\xff]/.test(value)) return false; // ASCII is always valid
      return !isUtf8(Buffer.from(value, 'latin1'));
    },
  };
}
