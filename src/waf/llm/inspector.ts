/**
 * The LLM rules' entry point: inspects a request's prompt fields and returns findings and
 * redactions (types.ts). The facade decides what a finding's action means for the request.
 *
 * Provisioning (createLlmInspector) compiles everything config-dependent once: the action
 * tables, the secret scanner for the enabled types, the SSRF allow-list. `inspect` only
 * reads them. Findings name the rule, type and field, never the matched text.
 *
 * Work is bounded: each field is inspected up to `limits.maxFieldChars`, the request up to
 * `limits.maxTotalChars`; what is beyond passes unscanned and `truncated` is set so the
 * caller can log or refuse it.
 */
import type { PromptField } from '../request/types.js';
import type { InjectionCategory, LlmAction, LlmFinding, LlmVerdict, Redaction, SecretType } from './types.js';
import { DEFAULT_SECRET_ACTIONS, type LlmRulesConfig } from './config.js';
import { createInjectionScanner, INJECTION_CATEGORIES, type InjectionScanner, type ScannedKind } from './prompt-injection.js';
import { textFacts } from './facts.js';
import { redact } from './redact.js';
import { createSecretScanner, SECRET_TYPES, type SecretScanner, type SecretSpan } from './secrets.js';
import { hash } from 'node:crypto';
import { CleanTextMemo } from './clean-memo.js';
import { createSsrfChecker, SSRF_REASON_MESSAGES, type SsrfChecker } from './ssrf.js';

export { LlmRulesConfigSchema, DEFAULT_SECRET_ACTIONS, type LlmRulesConfig } from './config.js';

export interface LlmInspection extends LlmVerdict {
  /** Some prompt text was beyond the configured limits and was not inspected. */
  readonly truncated: boolean;
}

export interface LlmInspector {
  inspect(fields: readonly PromptField[]): LlmInspection;
}

export const INJECTION_MESSAGES: Readonly<Record<InjectionCategory, string>> = Object.freeze({
  instruction_override: 'Prompt tries to override earlier instructions',
  roleplay_escape: 'Prompt asks the model to role-play without its restrictions',
  system_prompt_exfiltration: 'Prompt tries to extract the system prompt',
  obfuscated_payload: 'Prompt carries hidden or encoded instructions',
  tool_call_hijacking: 'Content addresses the model to hijack its tool use',
});

const SECRET_NAMES: Readonly<Record<SecretType, string>> = Object.freeze({
  aws_access_key: 'an AWS access key',
  azure_key: 'an Azure key or SAS token',
  gcp_api_key: 'a Google API key',
  github_token: 'a GitHub token',
  openai_key: 'an OpenAI API key',
  slack_token: 'a Slack token',
  stripe_key: 'a Stripe live key',
  private_key: 'a private key',
  jwt: 'a JSON Web Token',
  connection_string: 'a connection-string password',
  generic_api_key: 'a labelled credential',
  credit_card: 'a payment card number',
  iban: 'an IBAN',
  us_ssn: 'a US Social Security number',
  national_id: 'a national identity number',
  email: 'an e-mail address',
  phone: 'a phone number',
});

/** Every ruleId this module can emit (audit dashboards, config validation, tests). */
export const LLM_RULE_IDS: readonly string[] = Object.freeze([
  ...INJECTION_CATEGORIES.map((c) => `llm.injection.${c}`),
  ...SECRET_TYPES.map((t) => `llm.secret.${t}`),
  'llm.ssrf',
]);

const EMPTY: LlmInspection = Object.freeze({ findings: Object.freeze([]), redactions: Object.freeze([]), truncated: false });

export function createLlmInspector(config: LlmRulesConfig): LlmInspector {
  const pi = config.promptInjection;
  const injectionActions = INJECTION_CATEGORIES.map((c) => {
    const setting = pi.categories[c] ?? pi.action;
    return setting === 'off' ? null : setting;
  });
  const injection: InjectionScanner | null =
    pi.enabled && injectionActions.some((a) => a !== null) ? createInjectionScanner({ threshold: pi.threshold }) : null;

  const secretActions = new Map<SecretType, LlmAction>();
  if (config.secrets.enabled) {
    for (const t of SECRET_TYPES) {
      const setting = config.secrets.types[t] ?? DEFAULT_SECRET_ACTIONS[t];
      if (setting !== 'off') secretActions.set(t, setting);
    }
  }
  const secrets: SecretScanner | null = secretActions.size > 0 ? createSecretScanner(secretActions.keys()) : null;

  const ssrf: SsrfChecker | null = config.ssrf.enabled ? createSsrfChecker({ allowHosts: config.ssrf.allowHosts }) : null;
  const ssrfAction: LlmAction = config.ssrf.action;
  const { maxFieldChars, maxTotalChars, rememberClean } = config.limits;
  const clean = rememberClean > 0 && (injection !== null || secrets !== null) ? new CleanTextMemo(rememberClean) : null;

  return {
    inspect(fields: readonly PromptField[]): LlmInspection {
      if (fields.length === 0) return EMPTY;
      let findings: LlmFinding[] | null = null;
      let redactions: Redaction[] | null = null;
      let budget = maxTotalChars;
      let truncated = false;
      const toolNames = injection !== null ? toolNamesOf(fields) : NO_NAMES;
      let tools: string | null = null;

      for (const f of fields) {
        if (f.kind === 'data') continue;
        if (f.kind === 'url') {
          if (ssrf === null) continue;
          const reason = ssrf.check(f.text.length > maxFieldChars ? f.text.slice(0, maxFieldChars) : f.text);
          if (reason !== null) {
            (findings ??= []).push({ ruleId: 'llm.ssrf', category: 'ssrf', type: 'ssrf', action: ssrfAction, argName: f.argName, msg: `${SSRF_REASON_MESSAGES[reason]} (${reason})` });
          }
          continue;
        }
        if (budget <= 0) {
          if (f.text.length > 0) truncated = true;
          continue;
        }
        let text = f.text;
        const limit = Math.min(maxFieldChars, budget);
        if (text.length > limit) {
          // Do not cut a surrogate pair in half.
          const cut = isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
          text = text.slice(0, cut);
          truncated = true;
        }
        budget -= text.length;
        if (text.length === 0) continue;

        // The verdict depends on the text, the field's kind and the tool names the text may mention.
        // (Tool names enter as a digest: 64 names could make a 4 KB key.)
        const remembered = clean === null ? null : clean.key(text, `${f.kind}\u0001${(tools ??= toolNames.length === 0 ? '' : hash('sha256', toolNames.join('\u0001'), 'base64'))}`);
        if (remembered !== null && clean!.has(remembered)) continue;
        const foundBefore = findings === null ? 0 : findings.length;

        // What both scanners start from (digit and base64 runs), found once.
        const facts = injection !== null || secrets !== null ? textFacts(text) : undefined;
        if (injection !== null) {
          const mask = injection.scan(text, f.kind as ScannedKind, toolNames, facts);
          if (mask !== 0) {
            for (let c = 0; c < INJECTION_CATEGORIES.length; c++) {
              const action = injectionActions[c];
              if ((mask & (1 << c)) === 0 || action === null || action === undefined) continue;
              const category = INJECTION_CATEGORIES[c]!;
              (findings ??= []).push({ ruleId: `llm.injection.${category}`, category: 'prompt_injection', type: category, action, argName: f.argName, msg: INJECTION_MESSAGES[category] });
            }
          }
        }

        if (secrets !== null && text.length >= MIN_SECRET_CHARS) {
          const spans = secrets.scan(text, facts);
          if (spans.length > 0) {
            const seen = new Set<SecretType>();
            let toRedact: SecretSpan[] | null = null;
            for (const s of spans) {
              const action = secretActions.get(s.type)!;
              if (action === 'redact') (toRedact ??= []).push(s);
              if (seen.has(s.type)) continue;
              seen.add(s.type);
              (findings ??= []).push({ ruleId: `llm.secret.${s.type}`, category: 'secret', type: s.type, action, argName: f.argName, msg: `Prompt contains ${SECRET_NAMES[s.type]}` });
            }
            if (toRedact !== null) {
              (redactions ??= []).push({ path: f.path, text: redact(text, toRedact) + f.text.slice(text.length) });
            }
          }
        }
        if (remembered !== null && (findings === null ? 0 : findings.length) === foundBefore) clean!.add(remembered);
      }
      if (findings === null && !truncated) return EMPTY;
      return { findings: findings ?? [], redactions: redactions ?? [], truncated };
    },
  };
}

const NO_NAMES: readonly string[] = Object.freeze([]);
/** Shortest text a secret detector can match (`a@b.io`). */
const MIN_SECRET_CHARS = 6;
const MAX_TOOL_NAMES = 64;
/** A function name worth looking for in other content: an identifier with `_` or an inner capital (`send_email`, `getWeather`). */
const DISTINCTIVE_NAME = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+|[a-z][A-Z][A-Za-z0-9]*)[A-Za-z0-9_]{0,40}$/;

/** Lower-cased names of the tools this request defines (`tools[*].function.name`, `tools[*].name`). */
function toolNamesOf(fields: readonly PromptField[]): readonly string[] {
  let names: string[] | null = null;
  for (const f of fields) {
    if (f.kind !== 'tool_definition' || !f.argName.endsWith('.name') || f.text.length < 4 || f.text.length > 64) continue;
    if (!DISTINCTIVE_NAME.test(f.text)) continue;
    const n = f.text.toLowerCase();
    if (names === null) names = [];
    if (!names.includes(n)) names.push(n);
    if (names.length >= MAX_TOOL_NAMES) break;
  }
  return names ?? NO_NAMES;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
