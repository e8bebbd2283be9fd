import { createHash } from 'node:crypto';
import { EmulatorError } from './azure-errors.js';
import { readPromptInputs, type PromptInput } from './prompt-input.js';
import { optionalPositiveInt, type JsonObject } from './fields.js';
import type { HandlerReply } from './reply.js';

/** text-embedding-ada-002 and text-embedding-3-small both return 1536 dimensions. */
export const DEFAULT_DIMENSIONS = 1536;
/** text-embedding-3-large's native size, the largest `dimensions` Azure accepts. */
const MAX_DIMENSIONS = 3072;

/**
 * A deterministic unit vector for an input: SHA-256 of the input seeds a small PRNG
 * (mulberry32, integer-only so every platform gives the same floats), and the result is
 * normalized. Equal inputs give equal vectors; different inputs give unrelated ones.
 */
export function embeddingVector(input: PromptInput, dimensions: number): Float32Array {
  const key = input.tokenIds === null ? `text:${input.text}` : `tokens:${input.tokenIds.join(',')}`;
  const digest = createHash('sha256').update(key).digest();
  let state = digest.readUInt32LE(0) ^ digest.readUInt32LE(4) ^ digest.readUInt32LE(8) ^ digest.readUInt32LE(12);
  const raw = new Float64Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const value = ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
    raw[i] = value;
    norm += value * value;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const vector = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) vector[i] = (raw[i] ?? 0) * scale;
  return vector;
}

/** float32 little-endian, base64 — what the openai SDK asks for by default and decodes. */
export function toBase64Float32(vector: Float32Array): string {
  const bytes = Buffer.allocUnsafe(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i] ?? 0, i * 4);
  return bytes.toString('base64');
}

function readEncodingFormat(body: JsonObject): 'float' | 'base64' {
  const format = body['encoding_format'];
  if (format === undefined || format === null || format === 'float') return 'float';
  if (format === 'base64') return 'base64';
  throw new EmulatorError('invalid_request', "'encoding_format' must be 'float' or 'base64'.", 'encoding_format');
}

/** `POST …/embeddings`. */
export function embeddings(body: JsonObject, model: string): HandlerReply {
  const inputs = readPromptInputs(body['input'], 'input', false);
  const dimensions = optionalPositiveInt(body, 'dimensions') ?? DEFAULT_DIMENSIONS;
  if (dimensions > MAX_DIMENSIONS) {
    throw new EmulatorError('invalid_request', `'dimensions' must be at most ${MAX_DIMENSIONS}.`, 'dimensions');
  }
  const format = readEncodingFormat(body);
  const data = inputs.map((input, index) => {
    const vector = embeddingVector(input, dimensions);
    return { object: 'embedding', index, embedding: format === 'base64' ? toBase64Float32(vector) : Array.from(vector) };
  });
  const promptTokens = inputs.reduce((sum, input) => sum + input.tokens, 0);
  return {
    kind: 'json',
    tokens: promptTokens,
    body: { object: 'list', data, model, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } },
  };
}
