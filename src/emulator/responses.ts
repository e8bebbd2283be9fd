import { EmulatorError } from './azure-errors.js';
import { contentText, isJsonObject, optionalBoolean, optionalPositiveInt, type JsonObject } from './fields.js';
import { echoReply, objectId, unixSeconds, type HandlerReply } from './reply.js';
import { countTextTokens, REPLY_PRIMING_TOKENS, TOKENS_PER_MESSAGE, truncateToTokens } from './tokens.js';

interface InputMessage {
  role: string;
  text: string;
}

/** `input` is a string (one user message) or a list of message items whose content is a string or parts. */
function readInput(body: JsonObject): InputMessage[] {
  const input = body['input'];
  if (typeof input === 'string') return [{ role: 'user', text: input }];
  if (!Array.isArray(input) || input.length === 0) {
    throw new EmulatorError('invalid_request', "'input' must be a string or a non-empty array of input items.", 'input');
  }
  const messages: InputMessage[] = [];
  for (const item of input) {
    // Items other than messages (function call outputs, reasoning) carry no prompt text worth echoing.
    if (!isJsonObject(item) || typeof item['role'] !== 'string') continue;
    messages.push({ role: item['role'], text: contentText(item['content']).text });
  }
  return messages;
}

/**
 * `POST /openai/v1/responses`, non-streaming only: a completed response whose single message
 * item holds an `output_text` part, which is what the SDK's `response.output_text` reads.
 */
export function createResponse(body: JsonObject, model: string): HandlerReply {
  if (optionalBoolean(body, 'stream')) {
    throw new EmulatorError('unsupported', 'Streaming is not supported by the emulator for the Responses API.', 'stream');
  }
  const messages = readInput(body);
  const instructions = typeof body['instructions'] === 'string' ? body['instructions'] : null;
  const maxOutputTokens = optionalPositiveInt(body, 'max_output_tokens');

  let inputTokens = REPLY_PRIMING_TOKENS;
  if (instructions !== null) inputTokens += TOKENS_PER_MESSAGE + countTextTokens('system') + countTextTokens(instructions);
  for (const m of messages) inputTokens += TOKENS_PER_MESSAGE + countTextTokens(m.role) + countTextTokens(m.text);

  const lastUser = messages.findLast((m) => m.role === 'user');
  const reply = truncateToTokens(echoReply(lastUser?.text ?? ''), maxOutputTokens ?? Number.MAX_SAFE_INTEGER);
  const usage = {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: reply.tokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: inputTokens + reply.tokens,
  };
  return {
    kind: 'json',
    tokens: usage.total_tokens,
    body: {
      id: objectId('resp_'),
      object: 'response',
      created_at: unixSeconds(),
      status: reply.truncated ? 'incomplete' : 'completed',
      error: null,
      incomplete_details: reply.truncated ? { reason: 'max_output_tokens' } : null,
      instructions,
      max_output_tokens: maxOutputTokens,
      model,
      output: [
        {
          type: 'message',
          id: objectId('msg_'),
          status: reply.truncated ? 'incomplete' : 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: reply.text, annotations: [], logprobs: [] }],
        },
      ],
      parallel_tool_calls: true,
      previous_response_id: null,
      reasoning: { effort: null, summary: null },
      store: false,
      temperature: 1,
      text: { format: { type: 'text' } },
      tool_choice: 'auto',
      tools: [],
      top_p: 1,
      truncation: 'disabled',
      usage,
      user: null,
      metadata: {},
    },
  };
}
