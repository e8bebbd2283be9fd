/**
 * `waf:` in the gateway config. Everything a security team tunes — paranoia level,
 * thresholds, rule and tag removal, per-field exclusions, custom rules, prompt fields,
 * LLM rules, Content Safety — is here, not only in rule files.
 */
import { z } from 'zod';
import { contentSafetyConfigSchema } from './content-safety/config.js';
import { LlmRulesConfigSchema } from './llm/config.js';

const RULE_ID = /^\d{1,10}(-\d{1,10})?$/;
const TAG = /^[A-Za-z0-9_./:*-]{1,128}$/;
/** A SecLang target (`ARGS:json.user`, `REQUEST_HEADERS:x-trace`, `REQUEST_COOKIES:/^_ga/`); no quotes or blanks. */
const TARGET = /^[A-Z_]{2,40}(:[^"\s]{1,256})?$/;

export const CrsConfigSchema = z.strictObject({
  rulesDir: z.string().min(1).describe('Folder with the OWASP CRS `REQUEST-*.conf` files: CRS 3.3 (Debian: /usr/share/modsecurity-crs/rules) or 4.x (the `rules` folder of a release). The version is detected. Required.'),
  files: z.array(z.string()).default(['REQUEST-*.conf']).describe('Globs inside rulesDir. Default: the request-phase files (responses are streamed, never buffered for inspection).'),
  paranoiaLevel: z.number().int().min(1).max(4).default(1).describe('Blocking paranoia level (v4 tx.blocking_paranoia_level, v3 tx.paranoia_level). Default: 1.'),
  detectionParanoiaLevel: z.number().int().min(1).max(4).optional().describe('CRS v4: rules up to this level also run and score, without blocking. Default: paranoiaLevel.'),
  inboundAnomalyThreshold: z.number().int().min(1).max(1000).default(5).describe('Anomaly score at which a request is blocked (CRS 949110). Default: 5 (one critical match).'),
  allowedMethods: z.array(z.string().regex(/^[A-Z]{1,16}$/)).default(['GET', 'HEAD', 'POST', 'OPTIONS', 'DELETE']).describe('Methods CRS 911100 accepts. Default: GET HEAD POST OPTIONS DELETE (Azure OpenAI uses DELETE for files and batches).'),
  disabledRules: z.array(z.string().regex(RULE_ID)).default([]).describe('Rule ids or ranges to remove (`"942100"`, `"942100-942199"`). Default: none.'),
  disabledTags: z.array(z.string().regex(TAG)).default([]).describe('Remove every rule carrying one of these tags (`attack-sqli`, `paranoia-level/2`). Default: none.'),
  exclusions: z.array(z.strictObject({
    rules: z.array(z.string().regex(RULE_ID)).default([]).describe('Rule ids or ranges the exclusion applies to.'),
    tags: z.array(z.string().regex(TAG)).default([]).describe('Or: rules with these tags.'),
    target: z.string().regex(TARGET).describe('What those rules stop inspecting: `ARGS:json.user`, `REQUEST_HEADERS:x-trace-context`, `REQUEST_COOKIES:/^_ga/`. JSON fields use ModSecurity v3 names (`json.messages.array_0.name`).'),
  })).default([]).describe('Per-field exclusions (SecRuleUpdateTargetById/ByTag). With neither rules nor tags, the target is excluded from every rule. Default: none.'),
  gatewayRules: z.boolean().default(true).describe('Also load Portcullis\'s gateway rules (rules/portcullis-gateway.conf, ids 3900000–3900999): scanners, path-override headers, malformed encodings, short command injections and other requests no Azure OpenAI client sends. Default: true.'),
  inspectAllHeaders: z.boolean().default(true).describe('Score every request header with the web-attack groups, as ARGS are (CRS itself inspects only User-Agent, Referer and a few others). Default: true.'),
  headerExceptions: z.array(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/)).default(['host', 'content-length', 'content-type', 'transfer-encoding', 'authorization', 'api-key', 'cookie', 'accept', 'accept-encoding', 'accept-language', 'user-agent']).describe('Headers left out of inspectAllHeaders: framing Node.js already validated, credentials the identity stage checks, cookies (inspected as REQUEST_COOKIES), and content negotiation with its own CRS rules. Default: host, content-length, content-type, transfer-encoding, authorization, api-key, cookie, accept, accept-encoding, accept-language, and user-agent (CRS picks the rules that suit it; the rest take SDK names such as "Windows" for commands).'),
  promptExemptTags: z.array(z.string().regex(TAG)).default(['attack-*', 'owasp_crs/protocol-attack']).describe('Rules with one of these tags (`prefix*` allowed) do not score prompt-bearing fields; the LLM rules inspect those instead. Default: `attack-*` and `OWASP_CRS/PROTOCOL-ATTACK`, the CRS web-attack groups (the second catches v4\'s LDAP rule 921200, which has no attack-* tag).'),
});

export const PromptFieldEntrySchema = z.strictObject({
  path: z.string().min(1).describe('JSON path: `a.b`, `[*]` any array index, `[**]` the whole subtree (last step only). Example: `metadata.notes`.'),
  kind: z.enum(['text', 'tool_definition', 'tool_result', 'data', 'url', 'url_or_data']).describe('How the LLM rules treat it.'),
  roles: z.array(z.string()).optional().describe('Only inside a message with one of these roles.'),
});

export const WafConfigSchema = z.strictObject({
  mode: z.enum(['prevention', 'detection']).default('prevention').describe('`prevention` blocks with 403 waf_blocked; `detection` only records (audit log, metrics). Default: prevention.'),
  scoreHeader: z.boolean().default(false).describe('Add `x-portcullis-waf-score` (CRS anomaly score) to responses in detection mode, for tuning. Default: false.'),
  crs: CrsConfigSchema.optional().describe('OWASP Core Rule Set. Default: not loaded.'),
  customRules: z.array(z.string()).default([]).describe('Your own SecLang rule files (paths or globs, relative to this config), loaded before the CRS. Default: none.'),
  customRulesText: z.string().default('').describe('SecLang rules written inline, loaded after customRules. Default: none.'),
  promptFields: z.strictObject({
    replace: z.boolean().default(false).describe('Use only `entries`, not the built-in table. Default: false.'),
    entries: z.array(PromptFieldEntrySchema).default([]).describe('Extra prompt-bearing fields, tried before the built-in ones.'),
  }).default({ replace: false, entries: [] }).describe('Which JSON fields are prompts (src/waf/request/prompt-fields.ts has the built-in table).'),
  limits: z.strictObject({
    maxArgs: z.number().int().min(1).max(100_000).default(5000).describe('Most fields (query + body) a request may have; more is refused (waf_blocked, body_error). Default: 5000 (a 300-turn chat has ~900).'),
    maxJsonDepth: z.number().int().min(1).max(1000).default(64).describe('Deepest JSON nesting accepted. Default: 64.'),
    maxFieldBytes: z.number().int().min(256).max(1_048_576).default(4096).describe('Longest header value, cookie, field name or non-prompt field value (user, metadata, query parameters…) the WAF inspects; a longer one is refused (waf_blocked, portcullis-field-too-long). Bounds regex work per request; prompts are not limited by it. Default: 4096.'),
    maxInspectBytes: z.number().int().min(1024).max(16_777_216).default(32_768).describe('Most bytes of header values, cookies, field names and non-prompt values, all together, one request may bring to the rules; more is refused (portcullis-field-too-long). With maxFieldBytes it bounds the CPU an adversarial request can cost (README: WAF, work per request). Default: 32768.'),
  }).default({ maxArgs: 5000, maxJsonDepth: 64, maxFieldBytes: 4096, maxInspectBytes: 32_768 }).describe('Bounds on what the WAF parses.'),
  llm: LlmRulesConfigSchema.prefault({}).describe('LLM rules on prompt fields: prompt injection, secrets and personal data (block, redact or log per type), SSRF in URL fields. On by default.'),
  uninspectedPrompt: z.enum(['block', 'log']).default('block').describe('What happens to a request whose prompts exceed waf.llm.limits (the excess is not inspected): `block` (fail closed) or `log`. Default: block.'),
  contentSafety: contentSafetyConfigSchema.optional().describe('Azure AI Content Safety Prompt Shields as a second opinion on prompts. Default: off.'),
});

export type WafConfig = z.infer<typeof WafConfigSchema>;
