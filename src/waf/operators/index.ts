/**
 * Operator registry. Names are case-insensitive (`@pmFromFile`, `@pmf`); aliases resolve
 * to the same factory. Registering a name twice throws — Coraza's registry silently
 * overwrites, we do not.
 */
import { beginsWith } from './begins-with.js';
import { contains } from './contains.js';
import { containsWord } from './contains-word.js';
import { detectSqli } from './detect-sqli.js';
import { detectXss } from './detect-xss.js';
import { endsWith } from './ends-with.js';
import { eq } from './eq.js';
import { OperatorError } from './errors.js';
import { ge } from './ge.js';
import { gt } from './gt.js';
import { ipMatch } from './ip-match.js';
import { ipMatchFromFile } from './ip-match-from-file.js';
import { le } from './le.js';
import { lt } from './lt.js';
import { noMatch } from './no-match.js';
import type { Operator, OperatorFactory, OperatorFactoryContext } from './operator.js';
import { pm } from './pm.js';
import { pmFromFile } from './pm-from-file.js';
import { rx } from './rx.js';
import { streq } from './streq.js';
import { unconditionalMatch } from './unconditional-match.js';
import { validateByteRange } from './validate-byte-range.js';
import { validateUrlEncoding } from './validate-url-encoding.js';
import { validateUtf8Encoding } from './validate-utf8-encoding.js';
import { within } from './within.js';

export { OperatorError, OPERATOR_ERROR_CODES } from './errors.js';
export type { OperatorErrorCode } from './errors.js';
export type { Operator, OperatorContext, OperatorFactory, OperatorFactoryContext } from './operator.js';
export { compileRx, unprotectedPatterns } from './rx.js';

export class OperatorRegistry {
  private readonly byName = new Map<string, OperatorFactory>();

  register(name: string, factory: OperatorFactory, aliases: readonly string[] = []): void {
    for (const n of [name, ...aliases]) {
      const key = n.toLowerCase();
      if (this.byName.has(key)) throw new OperatorError('WAF_ERR_OPERATOR_DUPLICATE', n, null);
      this.byName.set(key, factory);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** Compiles `@name argument` for a rule; unknown names throw WAF_ERR_OPERATOR_UNKNOWN with the rule id. */
  create(name: string, argument: string, ctx: OperatorFactoryContext): Operator {
    const f = this.byName.get(name.toLowerCase());
    if (f === undefined) throw new OperatorError('WAF_ERR_OPERATOR_UNKNOWN', name, ctx.ruleId);
    return f(argument, ctx);
  }
}

export function createDefaultOperatorRegistry(): OperatorRegistry {
  const r = new OperatorRegistry();
  r.register('rx', rx);
  r.register('pm', pm);
  r.register('pmFromFile', pmFromFile, ['pmf']);
  r.register('streq', streq);
  r.register('contains', contains);
  r.register('containsWord', containsWord);
  r.register('beginsWith', beginsWith);
  r.register('endsWith', endsWith);
  r.register('within', within);
  r.register('eq', eq);
  r.register('ge', ge);
  r.register('gt', gt);
  r.register('le', le);
  r.register('lt', lt);
  r.register('ipMatch', ipMatch);
  r.register('ipMatchFromFile', ipMatchFromFile, ['ipMatchF']);
  r.register('validateByteRange', validateByteRange);
  r.register('validateUrlEncoding', validateUrlEncoding);
  r.register('validateUtf8Encoding', validateUtf8Encoding);
  r.register('unconditionalMatch', unconditionalMatch);
  r.register('noMatch', noMatch);
  r.register('detectSQLi', detectSqli);
  r.register('detectXSS', detectXss);
  return r;
}

/** Process-wide registry of the built-in operators. */
export const operators: OperatorRegistry = createDefaultOperatorRegistry();

export function createOperator(name: string, argument: string, ctx: OperatorFactoryContext): Operator {
  return operators.create(name, argument, ctx);
}
