import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { OperatorError } from './errors.js';
import type { OperatorFactoryContext } from './operator.js';

/**
 * Reads the data files named by a *FromFile operator argument (space-separated paths,
 * relative to the rules directory) and returns their entries: one per line, trimmed,
 * blank lines and `#` comment lines skipped. Files are read at load only.
 */
export function readDataFiles(argument: string, op: string, ctx: OperatorFactoryContext): string[] {
  const out: string[] = [];
  const paths = argument.trim().split(/\s+/).filter((p) => p !== '');
  if (paths.length === 0) throw new OperatorError('WAF_ERR_OPERATOR_ARGUMENT', op, ctx.ruleId, 'no data file');
  for (const p of paths) {
    const file = isAbsolute(p) ? p : resolve(ctx.rulesDir, p);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new OperatorError('WAF_ERR_OPERATOR_ARGUMENT', op, ctx.ruleId, `cannot read ${file}: ${(e as Error).message}`);
    }
    for (const line of text.split(/\r?\n/)) {
      const t = line.trim();
      if (t === '' || t.startsWith('#')) continue;
      out.push(t);
    }
  }
  return out;
}
