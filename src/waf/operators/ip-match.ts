import { BlockList, isIP } from 'node:net';
import { OperatorError } from './errors.js';
import type { Operator, OperatorContext, OperatorFactoryContext } from './operator.js';

/**
 * @ipMatch — true when the value (an IPv4/IPv6 address, e.g. REMOTE_ADDR) is one of the
 * listed addresses or inside one of the CIDR blocks. Argument: comma-separated, e.g.
 * `@ipMatch 127.0.0.1,10.0.0.0/8,::1`. Parsed once into a `net.BlockList`; a value
 * that is not an IP address never matches.
 */
export function ipMatch(argument: string, ctx: OperatorFactoryContext): Operator {
  return ipMatchList(argument.split(','), 'ipMatch', ctx);
}

export function ipMatchList(entries: readonly string[], op: string, ctx: OperatorFactoryContext): Operator {
  const list = new BlockList();
  let count = 0;
  for (const raw of entries) {
    const e = raw.trim();
    if (e === '') continue;
    const slash = e.indexOf('/');
    const addr = slash === -1 ? e : e.slice(0, slash);
    const family = isIP(addr);
    if (family === 0) throw new OperatorError('WAF_ERR_OPERATOR_ARGUMENT', op, ctx.ruleId, `bad address "${e}"`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (slash === -1) {
      list.addAddress(addr, type);
    } else {
      const bits = e.slice(slash + 1);
      const prefix = Number(bits);
      if (!/^\d{1,3}$/.test(bits) || prefix > (family === 4 ? 32 : 128)) {
        throw new OperatorError('WAF_ERR_OPERATOR_ARGUMENT', op, ctx.ruleId, `bad prefix "${e}"`);
      }
      list.addSubnet(addr, prefix, type);
    }
    count++;
  }
  if (count === 0) throw new OperatorError('WAF_ERR_OPERATOR_ARGUMENT', op, ctx.ruleId, 'no addresses');
  return {
    evaluate(_tx: OperatorContext, value: string): boolean {
      const v = value.trim();
      const family = isIP(v);
      if (family === 0) return false;
      return list.check(v, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
