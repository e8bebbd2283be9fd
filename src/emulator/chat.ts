import { EmulatorError } from './azure-errors.js';
import { contentText, includeUsage, isJsonObject, optionalBoolean, optionalPositiveInt, type JsonObject } from './fields.js';
import { CONTENT_FILTER_RESULTS, echoReply, objectId, unixSeconds, type HandlerReply } from './reply.js';
import {
  countTextTokens,
  REPLY_PRIMING_TOKENS,
  streamPieces,
  TOKENS_PER_MESSAGE,
  TOKENS_PER_NAME,
  truncateToTokens,
} from './tokens.js';

/** OpenAI bills a low-detail image at a flat 85 tokens; the emulator counts every image that way. */
const IMAGE_TOKENS = 85;
const SYSTEM_FINGERPRINT = 'fp_emulator';

interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}

function readMessages(body: JsonObject): JsonObject[] {
  const messages = body['messages'];
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new EmulatorError('invalid_request', "'messages' is a required property and must be a non-empty array.", 'messages');
  }
  messages.forEach((message, index) => {
    if (!isJsonObject(message) || typeof message['role'] !== 'string') {
      throw new EmulatorError('invalid_request', `'messages[${index}]' must be an object with a 'role'.`, `messages[${index}]`);
    }
  });
  return messages as JsonObject[];
}

/** Prompt tokens by OpenAI's documented chat-format formula; tool definitions are counted as their JSON. */
export function countPromptTokens(messages: readonly JsonObject[], tools: unknown): number {
  let total = REPLY_PRIMING_TOKENS;
  for (const message of messages) {
    const { text, images } = contentText(message['content']);
    total += TOKENS_PER_MESSAGE + countTextTokens(String(message['role'])) + countTextTokens(text) + images * IMAGE_TOKENS;
    const name = message['name'];
    if (typeof name === 'string') total += TOKENS_PER_NAME + countTextTokens(name);
    if (message['tool_calls'] !== undefined) total += countTextTokens(JSON.stringify(message['tool_calls']));
  }
  if (tools !== undefined && tools !== null) total += countTextTokens(JSON.stringify(tools));
  return total;
}

function lastUserText(messages: readonly JsonObject[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message !== undefined && message['role'] === 'user') return contentText(message['content']).text;
  }
  return '';
}

function usageOf(promptTokens: number, completionTokens: number): ChatUsage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

/** `POST …/chat/completions`: echoes the last user message, as JSON or as a chunk stream. */
export function chatCompletion(body: JsonObject, model: string): HandlerReply {
  const messages = readMessages(body);
  const stream = optionalBoolean(body, 'stream');
  // Newer models take max_completion_tokens; max_tokens is the older name for the same cap.
  const maxTokens = optionalPositiveInt(body, 'max_completion_tokens') ?? optionalPositiveInt(body, 'max_tokens');
  const promptTokens = countPromptTokens(messages, body['tools']);
  const full = echoReply(lastUserText(messages));
  const reply = truncateToTokens(full, maxTokens ?? Number.MAX_SAFE_INTEGER);
  const finishReason = reply.truncated ? 'length' : 'stop';
  const usage = usageOf(promptTokens, reply.tokens);
  const id = objectId('chatcmpl-');
  const created = unixSeconds();

  if (!stream) {
    return {
      kind: 'json',
      tokens: usage.total_tokens,
      body: {
        id,
        object: 'chat.completion',
        created,
        model,
        system_fingerprint: SYSTEM_FINGERPRINT,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: reply.text, refusal: null, annotations: [] },
            logprobs: null,
            finish_reason: finishReason,
            content_filter_results: CONTENT_FILTER_RESULTS,
          },
        ],
        usage,
        prompt_filter_results: [{ prompt_index: 0, content_filter_results: CONTENT_FILTER_RESULTS }],
      },
    };
  }

  const head: ChunkHead = { id, object: 'chat.completion.chunk', created, model, system_fingerprint: SYSTEM_FINGERPRINT };
  // OpenAI sends `usage: null` on every chunk once include_usage is on, then one usage chunk.
  const usageField = includeUsage(body) ? null : undefined;
  const events: unknown[] = [chunkEvent(head, deltaChoice({ role: 'assistant', content: '', refusal: null }, null), usageField)];
  for (const piece of streamPieces(reply.text)) events.push(chunkEvent(head, deltaChoice({ content: piece }, null), usageField));
  events.push(chunkEvent(head, deltaChoice({}, finishReason), usageField));
  if (usageField === null) events.push({ ...head, choices: [], usage });
  return { kind: 'sse', events, tokens: usage.total_tokens };
}

interface ChunkHead {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  system_fingerprint: string;
}

/** `usage` undefined leaves the field out, as OpenAI does when include_usage is off. */
function chunkEvent(head: ChunkHead, choice: JsonObject, usage: null | undefined): JsonObject {
  return usage === undefined ? { ...head, choices: [choice] } : { ...head, choices: [choice], usage };
}

function deltaChoice(delta: JsonObject, finishReason: string | null): JsonObject {
  return { index: 0, delta, logprobs: null, finish_reason: finishReason };
}
