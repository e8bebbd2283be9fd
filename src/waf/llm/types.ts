/**
 * Contract between the LLM rules (this folder) and the WAF facade.
 * The LLM rules read `PromptField`s (../request/types.ts) and return findings; they never
 * see raw bytes and never log matched text (a finding names the type, never the secret).
 */
import type { PromptField } from '../request/types.js';

/** What to do when a detector fires. `redact` replaces the match before the request leaves. */
export type LlmAction = 'block' | 'redact' | 'log';

export type InjectionCategory =
  | 'instruction_override'
  | 'roleplay_escape'
  | 'system_prompt_exfiltration'
  | 'obfuscated_payload'
  | 'tool_call_hijacking';

export type SecretType =
  | 'aws_access_key' | 'azure_key' | 'gcp_api_key' | 'github_token' | 'openai_key' | 'slack_token'
  | 'stripe_key' | 'private_key' | 'jwt' | 'connection_string' | 'generic_api_key'
  | 'credit_card' | 'iban' | 'us_ssn' | 'national_id' | 'email' | 'phone';

export interface LlmFinding {
  /** Stable id for audit and config (`llm.injection.instruction_override`, `llm.secret.credit_card`, `llm.ssrf`). */
  readonly ruleId: string;
  readonly category: 'prompt_injection' | 'secret' | 'ssrf';
  readonly type: InjectionCategory | SecretType | 'ssrf';
  readonly action: LlmAction;
  /** ARGS name of the field it fired in (never the matched text). */
  readonly argName: string;
  /** Short human message without request data. */
  readonly msg: string;
}

/** A replacement inside one prompt field, applied by the facade before forwarding. */
export interface Redaction {
  readonly path: readonly (string | number)[];
  /** Full new text of that field. */
  readonly text: string;
}

export interface LlmVerdict {
  readonly findings: readonly LlmFinding[];
  /** Empty unless some finding's action is `redact`. */
  readonly redactions: readonly Redaction[];
}

export type { PromptField };
