/**
 * Runs corpus cases through the WAF exactly as the gateway builds it: the `waf:` config
 * is parsed by the real schema and provisioned by provisionWaf, then each case goes
 * through Waf.inspect as the waf stage calls it.
 */
import { pino } from 'pino';
import { WafConfigSchema } from '../../../src/waf/config.js';
import { provisionWaf, type ProvisionedWaf } from '../../../src/waf/provision.js';
import type { CorpusCase } from './load.js';
import { toWireRequest } from './load.js';
import type { RunResult, Runner } from './score.js';

export interface CorpusWaf {
  readonly provisioned: ProvisionedWaf;
  readonly run: Runner;
}

/** The default `waf:` block a new deployment would start from, with the given CRS folder. */
export function defaultWafConfig(rulesDir: string, paranoiaLevel = 1, opts: { promptAware?: boolean } = {}): unknown {
  // promptAware false: the CRS scores prompts too, as a WAF that does not know the API would.
  return { mode: 'prevention', crs: { rulesDir, paranoiaLevel, ...(opts.promptAware === false ? { promptExemptTags: [] } : {}) } };
}

export async function createCorpusWaf(config: unknown): Promise<CorpusWaf> {
  const cfg = WafConfigSchema.parse(config);
  const provisioned = await provisionWaf(cfg, { baseDir: process.cwd(), log: pino({ level: 'silent' }), env: process.env, offline: true });
  const waf = provisioned.waf;
  const run = async (c: CorpusCase): Promise<RunResult> => {
    const w = toWireRequest(c);
    const o = await waf.inspect({ method: w.method, target: w.target, httpVersion: '1.1', rawHeaders: w.rawHeaders, remoteAddress: '203.0.113.7', body: w.body }, c.id);
    return { blocked: o.action === 'block', redacted: o.redacted > 0, findings: o.rules };
  };
  return { provisioned, run };
}
