/**
 * Builds the WAF of one configuration generation: rule set compiled, prompt table
 * compiled, LLM rules and Content Safety client created. Load issues (rules that cannot
 * run as written) are logged once, by rule id; `portcullis validate` prints them all.
 */
import type { Logger } from 'pino';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config/config-error.js';
import type { WafConfig } from './config.js';
import { loadRuleSet, type LoadedRuleSet } from './ruleset.js';
import { compilePromptFields, PromptFieldError } from './request/prompt-fields.js';
import { formatLoadIssue, type LoadIssue } from './engine/load-issues.js';
import { createPromptShieldsClient, type PromptShieldsClient } from './content-safety/prompt-shields.js';
import { Waf } from './waf.js';
import { createLlmInspector } from './llm/inspector.js';

/** Shipped with the package (package.json `files`); from dist/src/waf/ that is ../../../rules. */
export const GATEWAY_RULES_FILE = fileURLToPath(new URL('../../../rules/portcullis-gateway.conf', import.meta.url));

export interface ProvisionedWaf {
  readonly waf: Waf;
  readonly ruleSet: LoadedRuleSet | null;
  readonly issues: readonly LoadIssue[];
  readonly scoreHeader: boolean;
  close(): Promise<void>;
}

export interface WafProvisionContext {
  readonly baseDir: string;
  readonly log: Logger;
  readonly env: NodeJS.ProcessEnv;
  readonly offline: boolean;
}

export async function provisionWaf(cfg: WafConfig, ctx: WafProvisionContext): Promise<ProvisionedWaf> {
  let ruleSet: LoadedRuleSet | null = null;
  if (cfg.crs !== undefined || cfg.customRules.length > 0 || cfg.customRulesText.trim() !== '') {
    const crs = cfg.crs;
    try {
      ruleSet = loadRuleSet({
        crs: crs === undefined ? null : {
          rulesDir: resolve(ctx.baseDir, crs.rulesDir),
          files: crs.files,
          paranoiaLevel: crs.paranoiaLevel,
          detectionParanoiaLevel: crs.detectionParanoiaLevel ?? crs.paranoiaLevel,
          inboundAnomalyThreshold: crs.inboundAnomalyThreshold,
          allowedMethods: crs.allowedMethods,
        },
        customFiles: [...(crs?.gatewayRules === true ? [GATEWAY_RULES_FILE] : []), ...cfg.customRules],
        customText: cfg.customRulesText,
        baseDir: ctx.baseDir,
        disabledRules: crs?.disabledRules ?? [],
        disabledTags: crs?.disabledTags ?? [],
        exclusions: crs?.exclusions ?? [],
        promptExemptTags: crs?.promptExemptTags ?? ['attack-*', 'owasp_crs/protocol-attack'],
        allHeadersExcept: crs === undefined || !crs.inspectAllHeaders ? null : crs.headerExceptions.map((h) => h.toLowerCase()),
      });
    } catch (err) {
      throw new ConfigError('waf.crs.rulesDir', (err as Error).message);
    }
    const fatal = ruleSet.issues.filter((i) => i.effect === 'load_error');
    if (fatal.length > 0) throw new ConfigError('waf', `rule files could not be loaded:\n  ${fatal.map(formatLoadIssue).join('\n  ')}`);
    const notAsWritten = ruleSet.issues.filter((i) => i.effect !== 'not_run');
    ctx.log.info({ rules: ruleSet.ruleCount, crs: ruleSet.crs?.version ?? null, files: ruleSet.files.length }, 'WAF rule set loaded');
    for (const i of notAsWritten) ctx.log.warn({ ruleId: i.ruleId, effect: i.effect, item: i.name }, formatLoadIssue(i));
  }
  let promptFields;
  try {
    promptFields = compilePromptFields(cfg.promptFields.replace ? { replace: cfg.promptFields.entries } : { extra: cfg.promptFields.entries });
  } catch (err) {
    if (err instanceof PromptFieldError) throw new ConfigError('waf.promptFields', err.message);
    throw err;
  }
  let shields: PromptShieldsClient | null = null;
  if (cfg.contentSafety !== undefined) {
    shields = await createPromptShieldsClient(cfg.contentSafety, {
      baseDir: ctx.baseDir, path: 'waf.contentSafety', log: ctx.log, env: ctx.env, ...(ctx.offline ? { firstTokenWaitMs: 0 } : {}),
    });
  }
  const waf = new Waf({
    mode: cfg.mode,
    ruleSet,
    extract: { maxArgs: cfg.limits.maxArgs, maxJsonDepth: cfg.limits.maxJsonDepth, promptFields },
    llm: createLlmInspector(cfg.llm),
    uninspectedPrompt: cfg.uninspectedPrompt,
    shields,
    maxFieldBytes: cfg.limits.maxFieldBytes,
    maxInspectBytes: cfg.limits.maxInspectBytes,
  });
  return {
    waf,
    ruleSet,
    issues: ruleSet?.issues ?? [],
    scoreHeader: cfg.scoreHeader && cfg.mode === 'detection',
    close: async () => {
      await shields?.close();
    },
  };
}
