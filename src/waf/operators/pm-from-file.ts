import { toByteString } from '../transforms/byte-string.js';
import { readDataFiles } from './data-file.js';
import type { Operator, OperatorFactoryContext } from './operator.js';
import { pmFromPhrases } from './pm.js';

/**
 * @pmFromFile (alias @pmf) — @pm with one phrase per line read from data files relative
 * to the rules directory (blank lines and `#` comments skipped). Example (CRS 913100):
 * `SecRule REQUEST_HEADERS:User-Agent "@pmFromFile scanners-user-agents.data"`.
 */
export function pmFromFile(argument: string, ctx: OperatorFactoryContext): Operator {
  return pmFromPhrases(readDataFiles(argument, 'pmFromFile', ctx).map(toByteString));
}
