import { z } from 'zod';
import type { LlmAction, SecretType } from './types.js';
import { INJECTION_CATEGORIES } from './prompt-injection.js';
import { SECRET_TYPES } from './secrets.js';
import { allowHostProblem } from './ssrf.js';

/**
 * Configuration of the LLM-specific WAF rules (prompt injection, secrets, SSRF). Schema
 * only; inspector.ts provisions it. Every field states its default.
 */

/**
 * Default action per secret type: credentials are refused outright (a leaked key must not
 * reach a third party, and there is no safe partial form); personal data is redacted so
 * the request still works; contact details are only logged (they are often the point of
 * the prompt: "write an email to …").
 */
export const DEFAULT_SECRET_ACTIONS: Readonly<Record<SecretType, LlmAction>> = Object.freeze({
  aws_access_key: 'block',
  azure_key: 'block',
  gcp_api_key: 'block',
  github_token: 'block',
  openai_key: 'block',
  slack_token: 'block',
  stripe_key: 'block',
  private_key: 'block',
  jwt: 'block',
  connection_string: 'block',
  generic_api_key: 'block',
  credit_card: 'redact',
  iban: 'redact',
  us_ssn: 'redact',
  national_id: 'redact',
  email: 'log',
  phone: 'log',
});

const InjectionSettingSchema = z.enum(['block', 'log', 'off']);
const SecretSettingSchema = z.enum(['block', 'redact', 'log', 'off']);

export const PromptInjectionConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Score prompt text, tool results and tool definitions for prompt injection. Default: true.'),
    action: z.enum(['block', 'log']).default('block').describe('Action for every category without its own setting. Default: block.'),
    categories: z
      .partialRecord(z.enum(INJECTION_CATEGORIES), InjectionSettingSchema)
      .default({})
      .describe('Per-category action (block, log) or off: instruction_override, roleplay_escape, system_prompt_exfiltration, obfuscated_payload, tool_call_hijacking. Default: all use `action`.'),
    threshold: z
      .number()
      .min(0.1)
      .max(10)
      .default(1)
      .describe('Score at which a category fires; 1 means one strong phrase or two weaker cues. Lower is stricter. Default: 1.'),
  })
  .describe('Prompt-injection heuristics.');

export const SecretsConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Detect credentials and personal data in prompt text. Default: true.'),
    types: z
      .partialRecord(z.enum(SECRET_TYPES), SecretSettingSchema)
      .default({})
      .describe('Per-type action (block, redact, log) or off. Default: block for keys, tokens, private keys, JWTs and connection strings; redact for credit_card, iban, us_ssn, national_id; log for email and phone.'),
  })
  .describe('Secret and personal-data detectors.');

export const SsrfConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Check URLs the backend or a tool will fetch (image_url, file_url, MCP server_url). Default: true.'),
    action: z.enum(['block', 'log']).default('block').describe('Action for a refused URL. Default: block.'),
    allowHosts: z
      .array(z.string().refine((h) => allowHostProblem(h) === null, 'a host name, "*.domain", IP address or CIDR range'))
      .default([])
      .describe('Hosts exempt from the address and name checks (not from the http/https check): exact names, "*.domain" for names below it, IP addresses or CIDR ranges. Default: none.'),
  })
  .describe('SSRF check of URL fields. No DNS resolution is done: a public name that resolves to a private address passes.');

export const LlmLimitsSchema = z
  .strictObject({
    maxFieldChars: z
      .number()
      .int()
      .min(1024)
      .max(16 * 1024 * 1024)
      .default(256 * 1024)
      .describe('Characters (UTF-16 units) of one field that are inspected; the rest is passed through unscanned and the verdict says `truncated`. Default: 262144.'),
    maxTotalChars: z
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024)
      .describe('Characters inspected per request across all fields. Default: 1048576.'),
    rememberClean: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(16384)
      .describe('Prompt texts of 256 characters or more found clean that are remembered, by SHA-256 digest only, so the system prompt and the earlier turns a chat client re-sends with every request are not scanned again. Texts with any finding are always scanned. 0 turns this off. Default: 16384 (about 1.6 MB).'),
  })
  .describe('Bounds on the work per request.');

export const LlmRulesConfigSchema = z
  .strictObject({
    promptInjection: PromptInjectionConfigSchema.prefault({}),
    secrets: SecretsConfigSchema.prefault({}),
    ssrf: SsrfConfigSchema.prefault({}),
    limits: LlmLimitsSchema.prefault({}),
  })
  .describe('LLM-specific WAF rules.');

export type PromptInjectionConfig = z.infer<typeof PromptInjectionConfigSchema>;
export type SecretsConfig = z.infer<typeof SecretsConfigSchema>;
export type SsrfConfig = z.infer<typeof SsrfConfigSchema>;
export type LlmLimits = z.infer<typeof LlmLimitsSchema>;
export type LlmRulesConfig = z.infer<typeof LlmRulesConfigSchema>;
