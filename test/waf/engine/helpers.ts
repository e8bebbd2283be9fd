/**
 * Shared builders for the engine tests: requests go through extractRequest() exactly as
 * the gateway builds them, rule sets through loadRuleSet().
 */
import { extractRequest } from '../../../src/waf/request/extract.js';
import type { WafInput, WafRequest } from '../../../src/waf/request/types.js';
import { loadRuleSet, type LoadedRuleSet, type RuleSetOptions } from '../../../src/waf/ruleset.js';
import { Transaction, type EngineMode } from '../../../src/waf/engine/transaction.js';
import type { ValueMemo } from '../../../src/waf/engine/value-memo.js';

export interface RequestSpec {
  readonly method?: string;
  readonly target?: string;
  /** Name/value pairs in order (duplicates allowed). Host is added when absent. */
  readonly headers?: readonly (readonly [string, string])[];
  /** An object is sent as JSON (Content-Type added when absent); a string as is. */
  readonly body?: unknown;
  readonly remoteAddress?: string;
}

export function input(spec: RequestSpec = {}): WafInput {
  const headers: [string, string][] = (spec.headers ?? []).map(([n, v]) => [n, v]);
  if (!headers.some(([n]) => n.toLowerCase() === 'host')) headers.unshift(['Host', 'gateway.example.com']);
  let body: Buffer | null = null;
  if (spec.body !== undefined) {
    if (typeof spec.body === 'string') body = Buffer.from(spec.body);
    else {
      body = Buffer.from(JSON.stringify(spec.body));
      if (!headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/json']);
    }
  }
  if (body !== null) headers.push(['Content-Length', String(body.length)]);
  return {
    method: spec.method ?? (body === null ? 'GET' : 'POST'),
    target: spec.target ?? '/',
    httpVersion: '1.1',
    rawHeaders: headers.flat(),
    remoteAddress: spec.remoteAddress ?? '192.0.2.10',
    body,
  };
}

export function request(spec: RequestSpec = {}): WafRequest {
  return extractRequest(input(spec), {});
}

/** loadRuleSet options as the config defaults give them (CRS rules as written, prompts exempt from attack-*). */
const RULESET_DEFAULTS = {
  crs: null,
  customFiles: [],
  customText: '',
  baseDir: process.cwd(),
  disabledRules: [],
  disabledTags: [],
  exclusions: [],
  promptExemptTags: ['attack-*'],
  allHeadersExcept: null,
};

export function ruleSet(customText: string, opts: Partial<RuleSetOptions> = {}): LoadedRuleSet {
  return loadRuleSet({ ...RULESET_DEFAULTS, customText, ...opts });
}

/** Runs phase 1 then phase 2, as waf.ts does. */
export function run(rs: LoadedRuleSet, req: WafRequest, mode: EngineMode = 'On', memo: ValueMemo | null = null): Transaction {
  const tx = new Transaction(req, 'test-unique-id', mode, memo);
  tx.runPhase(rs.phases[1]!, 1);
  tx.runPhase(rs.phases[2]!, 2);
  return tx;
}

/** Ids of recorded matches, in order. */
export function ids(tx: Transaction): string[] {
  return tx.matches.map((m) => m.id);
}

/** A rule set made of `customText` that must load without any issue. */
export function cleanRuleSet(customText: string, opts: Partial<RuleSetOptions> = {}): LoadedRuleSet {
  const rs = ruleSet(customText, opts);
  if (rs.issues.length > 0) throw new Error(`unexpected load issues:\n${rs.issues.map((i) => `${i.ruleId}: ${i.message} (${i.effect})`).join('\n')}`);
  return rs;
}

export interface CrsLevels {
  readonly paranoiaLevel?: number;
  readonly detectionParanoiaLevel?: number;
}

/** The CRS request-phase rule files of `rulesDir`, as provision.ts loads them from the config defaults. */
export function crsRuleSet(rulesDir: string, levels: CrsLevels = {}, opts: Partial<RuleSetOptions> = {}): LoadedRuleSet {
  const pl = levels.paranoiaLevel ?? 1;
  return ruleSet('', {
    crs: {
      rulesDir,
      files: ['REQUEST-*.conf'],
      paranoiaLevel: pl,
      detectionParanoiaLevel: levels.detectionParanoiaLevel ?? pl,
      inboundAnomalyThreshold: 5,
      allowedMethods: ['GET', 'HEAD', 'POST', 'OPTIONS', 'DELETE'],
    },
    ...opts,
  });
}

/** An Azure OpenAI chat completions body. */
export function chat(extra: Record<string, unknown> = {}, content = 'Summarise the attached meeting notes in three bullet points.'): Record<string, unknown> {
  return { messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content }], temperature: 0.2, ...extra };
}

export const CHAT_TARGET = '/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21';
export const SDK_HEADERS: readonly (readonly [string, string])[] = [
  ['User-Agent', 'AzureOpenAI/Python 1.54.4'],
  ['Accept', 'application/json'],
  ['api-key', '0123456789abcdef0123456789abcdef'],
];
