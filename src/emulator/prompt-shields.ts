import type { IncomingHttpHeaders } from 'node:http';
import { EmulatorError } from './azure-errors.js';
import type { JsonObject } from './fields.js';

/**
 * Azure AI Content Safety's Prompt Shields, `POST /contentsafety/text:shieldPrompt?api-version=…`,
 * served by the same emulator as Azure OpenAI so the gateway's WAF can be tested against it.
 *
 * Request `{"userPrompt": "…", "documents": ["…"]}`; answer
 * `{"userPromptAnalysis":{"attackDetected":bool},"documentsAnalysis":[{"attackDetected":bool},…]}`,
 * one analysis per document, in order. Instead of a classifier, a text is an attack when it
 * contains one of the attack phrases, compared case-insensitively: deterministic, so tests
 * can say which text will be flagged.
 *
 * The documented input limits are enforced with a 400 (a prompt of at most 10K characters;
 * at most five documents, 10K characters in all), so a client that does not split long
 * input is caught in tests. Lengths are UTF-16 code units, the strictest reading.
 */
export const SHIELD_PROMPT_PATH = '/contentsafety/text:shieldPrompt';

/** Phrases flagged by default; `promptShieldMarkers` adds more. */
export const DEFAULT_ATTACK_PHRASES: readonly string[] = Object.freeze(['ignore previous instructions', 'ignore all previous instructions']);

const MAX_PROMPT_CHARS = 10_000;
const MAX_DOCUMENTS = 5;
const MAX_DOCUMENT_CHARS = 10_000;

/**
 * Content Safety takes its key in `Ocp-Apim-Subscription-Key`, where Azure OpenAI takes
 * `api-key`: this presents the request's credentials in the shape `CredentialCheck` reads,
 * so both services accept the same keys and the identity endpoint's tokens.
 */
export function contentSafetyCredentials(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return { 'api-key': headers['ocp-apim-subscription-key'], authorization: headers.authorization };
}

export class PromptShields {
  readonly #phrases: readonly string[];

  /** `extraPhrases` are added to the defaults; empty strings are refused (they would flag everything). */
  constructor(extraPhrases: readonly string[] = []) {
    if (extraPhrases.some((p) => typeof p !== 'string' || p.length === 0)) throw new TypeError('emulator option promptShieldMarkers must hold non-empty strings');
    this.#phrases = Object.freeze([...DEFAULT_ATTACK_PHRASES, ...extraPhrases].map((p) => p.toLowerCase()));
  }

  /** The analysis of a parsed request body; throws an EmulatorError (400) for a malformed or over-limit one. */
  analyze(body: JsonObject): JsonObject {
    const userPrompt = body['userPrompt'];
    const documents = body['documents'];
    if (userPrompt !== undefined && userPrompt !== null && typeof userPrompt !== 'string') {
      throw new EmulatorError('invalid_request', "'userPrompt' must be a string.", 'userPrompt');
    }
    if (documents !== undefined && documents !== null && (!Array.isArray(documents) || documents.some((d) => typeof d !== 'string'))) {
      throw new EmulatorError('invalid_request', "'documents' must be an array of strings.", 'documents');
    }
    const prompt = typeof userPrompt === 'string' ? userPrompt : '';
    const docs = Array.isArray(documents) ? (documents as string[]) : [];
    if (prompt.length === 0 && docs.length === 0) {
      throw new EmulatorError('invalid_request', "At least one of 'userPrompt' and 'documents' must be given.", 'userPrompt');
    }
    if (prompt.length > MAX_PROMPT_CHARS) {
      throw new EmulatorError('invalid_request', `'userPrompt' exceeds ${MAX_PROMPT_CHARS} characters.`, 'userPrompt');
    }
    if (docs.length > MAX_DOCUMENTS) throw new EmulatorError('invalid_request', `At most ${MAX_DOCUMENTS} documents are allowed.`, 'documents');
    let total = 0;
    for (const d of docs) total += d.length;
    if (total > MAX_DOCUMENT_CHARS) {
      throw new EmulatorError('invalid_request', `The documents exceed ${MAX_DOCUMENT_CHARS} characters in total.`, 'documents');
    }
    return {
      userPromptAnalysis: { attackDetected: this.#isAttack(prompt) },
      documentsAnalysis: docs.map((d) => ({ attackDetected: this.#isAttack(d) })),
    };
  }

  #isAttack(text: string): boolean {
    if (text.length === 0) return false;
    const lower = text.toLowerCase();
    return this.#phrases.some((p) => lower.includes(p));
  }
}
