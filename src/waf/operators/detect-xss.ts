import { detectXss as detect } from '../libinjection/xss.js';
import type { Operator, OperatorContext } from './operator.js';

/**
 * @detectXSS — true when libinjection-style HTML5 analysis (../libinjection/xss.ts) finds
 * cross-site scripting in the value. Takes no argument and captures nothing (as in
 * ModSecurity).
 *
 * There is no maintained Node library for libinjection; the implementation is our own.
 *
 * Example: `SecRule ARGS "@detectXSS" "id:941100,phase:2,t:none,t:utf8toUnicode,t:urlDecodeUni,t:htmlEntityDecode,block"`.
 */
export function detectXss(): Operator {
  return {
    evaluate(_tx: OperatorContext, value: string): boolean {
      return detect(value);
    },
  };
}
