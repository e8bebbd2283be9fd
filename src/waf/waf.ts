/**
 * The WAF as the gateway uses it: one `inspect` per request, returning what to do.
 *
 *   1. extract   the request as ModSecurity variables, prompt fields marked (request/)
 *   2. CRS       phase 1 then phase 2 of the SecLang rule set (engine/); prompt fields
 *                are skipped by the web-attack groups
 *   3. LLM rules prompt injection, secrets/PII, SSRF on prompt fields (llm/)
 *   4. shields   optional Content Safety Prompt Shields on the prompts (content-safety/)
 *
 * Fail closed: a body the processors cannot parse, or one past the WAF's bounds, is
 * blocked (`portcullis-body-error`), because an uninspected body must not pass.
 */
import type { LoadedRuleSet } from './ruleset.js';
import { extractRequest, type ExtractOptions } from './request/extract.js';
import type { WafInput, WafRequest } from './request/types.js';
import { Transaction } from './engine/transaction.js';
import type { LlmFinding, Redaction } from './llm/types.js';
import type { PromptShieldsClient } from './content-safety/prompt-shields.js';
import { blocks } from './content-safety/verdict.js';
import { markApiVocabulary } from './request/api-vocabulary.js';

export type WafMode = 'prevention' | 'detection';

/** What the LLM rules look like to the facade (llm/inspector.ts). */
export interface LlmRules {
  inspect(fields: WafRequest['promptFields']): { readonly findings: readonly LlmFinding[]; readonly redactions: readonly Redaction[]; readonly truncated: boolean };
}

export interface WafOutcome {
  /** `block`: refuse with 403 waf_blocked. `detect`: would have blocked (detection mode). */
  readonly action: 'pass' | 'block' | 'detect';
  /** CRS inbound anomaly score (0 without the CRS). */
  readonly score: number;
  /** Rule ids that matched: CRS ids, `llm.*`, `content-safety.*`, `portcullis-body-error`. Never request data. */
  readonly rules: readonly string[];
  /** The rule that decided a block (`949110`, `llm.secret.jwt`…), else null. */
  readonly decidedBy: string | null;
  /** The body to forward instead of the client's (secrets redacted), else null. */
  readonly body: Buffer | null;
  /** Number of prompt fields changed by redaction. */
  readonly redacted: number;
}

export interface WafOptions {
  readonly mode: WafMode;
  readonly ruleSet: LoadedRuleSet | null;
  readonly extract: ExtractOptions;
  readonly llm: LlmRules | null;
  /** Prompts beyond the LLM rules' limits (not inspected): block (fail closed) or only record. */
  readonly uninspectedPrompt?: 'block' | 'log';
  readonly shields: PromptShieldsClient | null;
  /** Longest header value, cookie, field name or non-prompt field value inspected; longer is refused. */
  readonly maxFieldBytes: number;
  /** Most bytes of those, all together, one request may bring to the rules; more is refused. */
  readonly maxInspectBytes: number;
}

const BODY_ERROR_RULE = 'portcullis-body-error';
const FIELD_TOO_LONG_RULE = 'portcullis-field-too-long';
const PROMPT_UNINSPECTED_RULE = 'llm.uninspected';

export class Waf {
  readonly mode: WafMode;
  private readonly opts: WafOptions;

  constructor(opts: WafOptions) {
    this.mode = opts.mode;
    this.opts = opts;
  }

  /** Synchronous unless Content Safety is configured and there are prompts to ask about. */
  inspect(input: WafInput, requestId: string): WafOutcome | Promise<WafOutcome> {
    const { opts } = this;
    let req = vetted(extractRequest(input, opts.extract));
    const rules: string[] = [];
    let decidedBy: string | null = null;
    let score = 0;
    if (req.bodyError !== null) {
      rules.push(BODY_ERROR_RULE);
      decidedBy = BODY_ERROR_RULE;
    } else if (tooMuchToInspect(req, opts.maxFieldBytes, opts.maxInspectBytes)) {
      // Regex work grows with value length (and, for some CRS patterns, with its square):
      // the web layer of an LLM API carries ids, names and enums, so a huge one, or a
      // great many, are refused before any rule runs. Prompts are exempt; the LLM rules
      // bound their own work.
      rules.push(FIELD_TOO_LONG_RULE);
      decidedBy = FIELD_TOO_LONG_RULE;
    }

    const rs = decidedBy === FIELD_TOO_LONG_RULE ? null : opts.ruleSet;
    if (rs !== null) {
      const tx = new Transaction(req, requestId, this.mode === 'prevention' ? 'On' : 'DetectionOnly', rs.memo);
      tx.runPhase(rs.phases[1]!, 1);
      if (tx.bodyProcessorOverride !== null && tx.bodyProcessorOverride !== 'XML' && tx.bodyProcessorOverride !== req.bodyProcessor) {
        req = vetted(extractRequest(input, { ...opts.extract, bodyProcessor: tx.bodyProcessorOverride }));
        tx.replaceRequest(req);
      }
      tx.runPhase(rs.phases[2]!, 2);
      for (const m of tx.matches) rules.push(m.id);
      score = toScore(tx.tx('blocking_inbound_anomaly_score') ?? tx.tx('anomaly_score'));
      if (tx.interruption !== null) decidedBy ??= tx.interruption.ruleId;
    }

    let redactions: readonly Redaction[] = [];
    if (opts.llm !== null && req.promptFields.length > 0) {
      const v = opts.llm.inspect(req.promptFields);
      for (const f of v.findings) {
        rules.push(f.ruleId);
        if (f.action === 'block') decidedBy ??= f.ruleId;
      }
      redactions = v.redactions;
      if (v.truncated) {
        rules.push(PROMPT_UNINSPECTED_RULE);
        if ((opts.uninspectedPrompt ?? 'block') === 'block') decidedBy ??= PROMPT_UNINSPECTED_RULE;
      }
    }

    const finish = (): WafOutcome => this.outcome(req, rules, decidedBy, score, redactions);
    if (opts.shields === null || decidedBy !== null) return finish();
    const asked = shieldInput(req);
    if (asked === null) return finish();
    return opts.shields.check(asked).then((verdict) => {
      if (verdict.outcome === 'attack') rules.push(`content-safety.${verdict.where}`);
      else if (verdict.outcome === 'unavailable') rules.push(`content-safety.unavailable.${verdict.reason}`);
      if (blocks(verdict, opts.shields!.failMode)) decidedBy ??= rules[rules.length - 1]!;
      return finish();
    });
  }

  private outcome(req: WafRequest, rules: string[], decidedBy: string | null, score: number, redactions: readonly Redaction[]): WafOutcome {
    if (decidedBy !== null) {
      return { action: this.mode === 'prevention' ? 'block' : 'detect', score, rules, decidedBy, body: null, redacted: 0 };
    }
    // Detection mode records what it would redact but forwards the request untouched.
    if (redactions.length === 0 || this.mode === 'detection' || req.json === null) {
      return { action: 'pass', score, rules, decidedBy: null, body: null, redacted: 0 };
    }
    return { action: 'pass', score, rules, decidedBy: null, body: Buffer.from(JSON.stringify(applyRedactions(req.json, redactions))), redacted: redactions.length };
  }
}

function tooMuchToInspect(req: WafRequest, maxField: number, maxTotal: number): boolean {
  let total = 0;
  for (const h of req.headers) {
    if (h.value.length > maxField) return true;
    total += h.name.length + h.value.length;
  }
  for (const c of req.cookies) {
    if (c.value.length > maxField || c.name.length > maxField) return true;
    total += c.name.length + c.value.length;
  }
  for (const a of req.args) {
    const v = a.prompt ? 0 : a.value.length;
    if (a.name.length > maxField || v > maxField) return true;
    total += a.name.length + v;
  }
  return total > maxTotal;
}

/** The request with API vocabulary (request/api-vocabulary.ts) exempt like prompts. */
function vetted(req: WafRequest): WafRequest {
  const args = markApiVocabulary(req.args);
  return args === req.args ? req : { ...req, args };
}

function toScore(v: string | undefined): number {
  const n = v === undefined ? 0 : parseInt(v, 10);
  return Number.isNaN(n) ? 0 : n;
}

/** Prompt Shields' split: what people typed is the user prompt, tool output and documents are documents. */
function shieldInput(req: WafRequest): { userPrompt: string; documents: string[] } | null {
  const prompt: string[] = [];
  const documents: string[] = [];
  for (const f of req.promptFields) {
    if (f.kind === 'text') prompt.push(f.text);
    else if (f.kind === 'tool_result') documents.push(f.text);
  }
  if (prompt.length === 0 && documents.length === 0) return null;
  return { userPrompt: prompt.join('\n\n'), documents };
}

/** A copy of the JSON body with each redacted field's text replaced (the client's object is not touched). */
export function applyRedactions(json: unknown, redactions: readonly Redaction[]): unknown {
  const root: unknown = structuredClone(json);
  for (const r of redactions) {
    if (r.path.length === 0) continue;
    let node: unknown = root;
    for (let i = 0; i < r.path.length - 1; i++) {
      if (node === null || typeof node !== 'object') break;
      node = (node as Record<string | number, unknown>)[r.path[i]!];
    }
    if (node !== null && typeof node === 'object') (node as Record<string | number, unknown>)[r.path[r.path.length - 1]!] = r.text;
  }
  return root;
}
