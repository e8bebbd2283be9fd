import { readDataFiles } from './data-file.js';
import { ipMatchList } from './ip-match.js';
import type { Operator, OperatorFactoryContext } from './operator.js';

/**
 * @ipMatchFromFile (alias @ipMatchF) — @ipMatch with addresses/CIDRs read from data files
 * (one per line, `#` comments), relative to the rules directory.
 */
export function ipMatchFromFile(argument: string, ctx: OperatorFactoryContext): Operator {
  return ipMatchList(readDataFiles(argument, 'ipMatchFromFile', ctx), 'ipMatchFromFile', ctx);
}
