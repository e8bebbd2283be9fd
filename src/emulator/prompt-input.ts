import { EmulatorError } from './azure-errors.js';
import { decodeTokens, encodeText } from './tokens.js';

/** One prompt of the legacy completions or embeddings `input`, as text and as its token count. */
export interface PromptInput {
  text: string;
  tokens: number;
  /** The token ids when the client sent ids instead of text; they key deterministic embeddings. */
  tokenIds: readonly number[] | null;
}

/** Largest array OpenAI accepts for `input` / `prompt`. */
const MAX_INPUTS = 2048;

function isTokenArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'number' && Number.isInteger(t) && t >= 0);
}

function fromTokens(tokens: number[], field: string): PromptInput {
  const text = decodeTokens(tokens);
  if (text === null) throw new EmulatorError('invalid_request', `'${field}' contains token ids outside the vocabulary.`, field);
  return { text, tokens: tokens.length, tokenIds: tokens };
}

function fromText(text: string): PromptInput {
  return { text, tokens: encodeText(text).length, tokenIds: null };
}

/**
 * Reads the four shapes OpenAI accepts for `prompt` and `input`: a string, an array of strings,
 * an array of token ids, or an array of token-id arrays.
 */
export function readPromptInputs(value: unknown, field: string, allowEmptyString: boolean): PromptInput[] {
  const invalid = (): EmulatorError =>
    new EmulatorError(
      'invalid_request',
      `'${field}' must be a${allowEmptyString ? '' : ' non-empty'} string, an array of strings, an array of token ids, or an array of token-id arrays.`,
      field,
    );
  if (typeof value === 'string') {
    if (value.length === 0 && !allowEmptyString) throw invalid();
    return [fromText(value)];
  }
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_INPUTS) throw invalid();
  if (isTokenArray(value)) return [fromTokens(value, field)];
  return value.map((item) => {
    if (typeof item === 'string' && (item.length > 0 || allowEmptyString)) return fromText(item);
    if (isTokenArray(item)) return fromTokens(item, field);
    throw invalid();
  });
}
