import { OperatorError } from './errors.js';
import type { Operator, OperatorContext, OperatorFactoryContext } from './operator.js';

/**
 * @validateByteRange — true (a violation) when the value contains a byte outside the
 * allowed set. Argument: comma-separated bytes and ranges, e.g. `1-255` or
 * `9,10,13,32-126` (CRS 920270–920274). The set is a 256-entry table built at load.
 */
export function validateByteRange(argument: string, ctx: OperatorFactoryContext): Operator {
  const allowed = new Uint8Array(256);
  for (const raw of argument.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const m = /^(\d{1,3})(?:\s*-\s*(\d{1,3}))?$/.exec(part);
    if (m === null) throw new OperatorError('WAF_ERR_OPERATOR_ARGUMENT', 'validateByteRange', ctx.ruleId, `bad range "${part}"`);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (lo > 255 || hi > 255 || lo > hi) {
      throw new OperatorError('WAF_ERR_OPERATOR_ARGUMENT', 'validateByteRange', ctx.ruleId, `bad range "${part}"`);
    }
    for (let b = lo; b <= hi; b++) allowed[b] = 1;
  }
  return {
    evaluate(_tx: OperatorContext, value: string): boolean {
      for (let i = 0; i < value.length; i++) {
        if (allowed[value.charCodeAt(i) & 0xff] === 0) return true;
      }
      return false;
    },
  };
}
