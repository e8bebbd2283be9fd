import { readPromptInputs } from './prompt-input.js';
import { includeUsage, optionalBoolean, optionalPositiveInt, type JsonObject } from './fields.js';
import { echoReply, objectId, unixSeconds, type HandlerReply } from './reply.js';
import { streamPieces, truncateToTokens } from './tokens.js';

/** Legacy completions default to 16 tokens when `max_tokens` is absent (OpenAI API reference). */
const DEFAULT_MAX_TOKENS = 16;

/** `POST …/completions` (legacy): one echoing choice per prompt, as JSON or as a chunk stream. */
export function completion(body: JsonObject, model: string): HandlerReply {
  const prompts = readPromptInputs(body['prompt'] ?? '<|endoftext|>', 'prompt', true);
  const stream = optionalBoolean(body, 'stream');
  const maxTokens = optionalPositiveInt(body, 'max_tokens') ?? DEFAULT_MAX_TOKENS;
  const replies = prompts.map((p) => truncateToTokens(echoReply(p.text), maxTokens));
  const promptTokens = prompts.reduce((sum, p) => sum + p.tokens, 0);
  const completionTokens = replies.reduce((sum, r) => sum + r.tokens, 0);
  const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
  const head = { id: objectId('cmpl-'), object: 'text_completion', created: unixSeconds(), model };

  if (!stream) {
    const choices = replies.map((r, index) => ({
      text: r.text,
      index,
      logprobs: null,
      finish_reason: r.truncated ? 'length' : 'stop',
    }));
    return { kind: 'json', tokens: usage.total_tokens, body: { ...head, choices, usage } };
  }

  const withUsage = includeUsage(body);
  const events: unknown[] = [];
  const push = (choice: JsonObject): void => {
    events.push(withUsage ? { ...head, choices: [choice], usage: null } : { ...head, choices: [choice] });
  };
  replies.forEach((r, index) => {
    for (const piece of streamPieces(r.text)) push({ text: piece, index, logprobs: null, finish_reason: null });
    push({ text: '', index, logprobs: null, finish_reason: r.truncated ? 'length' : 'stop' });
  });
  if (withUsage) events.push({ ...head, choices: [], usage });
  return { kind: 'sse', events, tokens: usage.total_tokens };
}
