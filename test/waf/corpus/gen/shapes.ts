/**
 * Realistic Azure OpenAI requests: the routes, bodies and client headers real SDKs send.
 * Every builder takes the category's Rng so the output is reproducible.
 */
import type { Rng } from './rng.js';
import { B64URL } from './rng.js';

export interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Msg = { [k: string]: Json };

export const CHAT_DEPLOYMENTS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'o4-mini', 'gpt-4o-eu', 'chat-prod', 'gpt-35-turbo'] as const;
export const V1_MODELS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'o4-mini', 'gpt-5-mini'] as const;
export const EMBED_DEPLOYMENTS = ['text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002'] as const;
export const API_VERSIONS = ['2024-10-21', '2024-10-21', '2024-06-01', '2024-08-01-preview', '2025-01-01-preview', '2025-03-01-preview', '2025-04-01-preview', '2024-02-01'] as const;

const HOSTS = [
  'aoai-gw.contoso.internal',
  'portcullis.corp.fabrikam.com',
  'llm-gateway.northwind.local:8443',
  'ai-gateway.woodgrove.net',
  'gw.aoai.tailspin.dev',
  'portcullis:8443',
];

export type Client = 'python' | 'python_async' | 'node' | 'dotnet' | 'go' | 'java' | 'curl' | 'powershell' | 'langchain';

const CLIENTS: readonly Client[] = ['python', 'python', 'python', 'python_async', 'node', 'node', 'dotnet', 'go', 'java', 'curl', 'powershell', 'langchain'];

export function gatewayKey(rng: Rng): string {
  return 'pcs_' + rng.chars(B64URL, 43);
}

export function traceparent(rng: Rng): string {
  return `00-${rng.hex(32)}-${rng.hex(16)}-01`;
}

/** Headers a given client library sends (minus content-length, which the runner adds). */
export function clientHeaders(rng: Rng, client: Client = rng.pick(CLIENTS), host: string = rng.pick(HOSTS)): Record<string, string> {
  const h: Record<string, string> = { host };
  const key = gatewayKey(rng);
  switch (client) {
    case 'python':
    case 'python_async':
    case 'langchain': {
      const ver = rng.pick(['1.54.3', '1.58.1', '1.61.0', '1.66.3', '1.75.0', '1.82.1']);
      const py = rng.pick(['3.11.9', '3.12.7', '3.12.8', '3.13.1', '3.10.14']);
      Object.assign(h, {
        'accept-encoding': 'gzip, deflate',
        accept: 'application/json',
        connection: 'keep-alive',
        'user-agent': `AzureOpenAI/Python ${ver}`,
        'x-stainless-lang': 'python',
        'x-stainless-package-version': ver,
        'x-stainless-os': rng.pick(['Linux', 'Linux', 'MacOS', 'Windows']),
        'x-stainless-arch': rng.pick(['x64', 'arm64']),
        'x-stainless-runtime': 'CPython',
        'x-stainless-runtime-version': py,
        'x-stainless-async': client === 'python_async' ? 'async:asyncio' : 'false',
        'x-stainless-retry-count': rng.pick(['0', '0', '0', '1']),
        'x-stainless-read-timeout': rng.pick(['600', '60', '120']),
        'api-key': key,
        'content-type': 'application/json',
      });
      if (client === 'langchain') h['x-stainless-raw-response'] = 'true';
      break;
    }
    case 'node': {
      const ver = rng.pick(['4.77.0', '4.85.4', '4.96.0', '5.8.2', '5.12.0']);
      Object.assign(h, {
        accept: 'application/json',
        'content-type': 'application/json',
        'user-agent': `AzureOpenAI/JS ${ver}`,
        'x-stainless-lang': 'js',
        'x-stainless-package-version': ver,
        'x-stainless-os': rng.pick(['Linux', 'MacOS', 'Windows']),
        'x-stainless-arch': rng.pick(['x64', 'arm64']),
        'x-stainless-runtime': 'node',
        'x-stainless-runtime-version': rng.pick(['v20.18.1', 'v22.12.0', 'v22.14.0', 'v24.1.0']),
        'x-stainless-retry-count': '0',
        'api-key': key,
        'accept-encoding': 'gzip, deflate',
        connection: 'keep-alive',
      });
      break;
    }
    case 'dotnet':
      Object.assign(h, {
        accept: 'application/json',
        'user-agent': `azsdk-net-AI.OpenAI/${rng.pick(['2.1.0', '2.2.0-beta.4'])} (.NET ${rng.pick(['8.0.11', '9.0.2'])}; ${rng.pick(['Microsoft Windows 10.0.26100', 'Linux 5.15.0-1075-azure #84-Ubuntu SMP'])})`,
        'x-ms-client-request-id': rng.uuid(),
        'x-ms-return-client-request-id': 'true',
        'api-key': key,
        'content-type': 'application/json',
        traceparent: traceparent(rng),
      });
      break;
    case 'go':
      Object.assign(h, {
        'user-agent': `azsdk-go-azopenai/v0.7.${rng.int(0, 2)} (go1.23.${rng.int(2, 6)}; linux)`,
        'api-key': key,
        'content-type': 'application/json',
        accept: 'application/json',
        'accept-encoding': 'gzip',
      });
      break;
    case 'java':
      Object.assign(h, {
        'user-agent': `azsdk-java-azure-ai-openai/1.0.0-beta.${rng.int(12, 16)} (${rng.pick(['17.0.13', '21.0.5'])}; Linux; 6.8.0-1017-azure)`,
        'x-ms-client-request-id': rng.uuid(),
        accept: 'application/json',
        'api-key': key,
        'content-type': 'application/json',
      });
      break;
    case 'curl':
      Object.assign(h, {
        'user-agent': rng.pick(['curl/8.5.0', 'curl/7.88.1', 'curl/8.11.1']),
        accept: '*/*',
        'api-key': key,
        'content-type': 'application/json',
      });
      break;
    case 'powershell':
      Object.assign(h, {
        'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.22631; en-US) PowerShell/7.4.6',
        'api-key': key,
        'content-type': 'application/json',
      });
      break;
  }
  return h;
}

// ---------------------------------------------------------------- system prompts

export const SYSTEM_PROMPTS = [
  'You are a helpful assistant.',
  'You are an AI assistant that helps people find information.',
  'You are Contoso HR Assistant. Answer questions about Contoso HR policies using only the provided excerpts. If the answer is not in the excerpts, say you do not know.',
  'You are a senior software engineer doing code review. Be concise, point out bugs first, then style.',
  'You are a customer-support agent for Fabrikam Telecom. Be polite, keep answers under 120 words, and never promise refunds.',
  'You translate text faithfully. Keep formatting, code blocks and placeholders like {name} unchanged.',
  'You are a data analyst. When asked for SQL, answer for PostgreSQL 16 unless told otherwise, and explain the query briefly.',
  'You are an internal IT helpdesk bot for Woodgrove Bank employees. Refer security incidents to the SOC at extension 4400.',
  'Du bist ein hilfreicher Assistent für die Mitarbeitenden der Stadtwerke. Antworte auf Deutsch.',
  'Tu es un assistant qui aide les équipes juridiques à résumer des documents. Réponds en français.',
  'You write unit tests. Use the testing framework that the code already uses.',
  'Answer in Markdown. Use tables where they help.',
];

// ---------------------------------------------------------------- bodies

function withApiVersion(path: string, rng: Rng, apiVersion?: string): string {
  return `${path}?api-version=${apiVersion ?? rng.pick(API_VERSIONS)}`;
}

/** Ordinary sampling parameters, some of the time. */
export function commonParams(rng: Rng, reasoning = false): Msg {
  const p: Msg = {};
  if (reasoning) {
    if (rng.chance(0.5)) p.reasoning_effort = rng.pick(['low', 'medium', 'high']);
    if (rng.chance(0.6)) p.max_completion_tokens = rng.pick([2000, 4000, 8000]);
    return p;
  }
  if (rng.chance(0.6)) p.temperature = rng.pick([0, 0.2, 0.3, 0.5, 0.7, 1]);
  if (rng.chance(0.5)) p.max_tokens = rng.pick([256, 512, 800, 1024, 2048, 4096]);
  if (rng.chance(0.15)) p.top_p = rng.pick([0.9, 0.95, 1]);
  if (rng.chance(0.2)) p.stream = true;
  return p;
}

export interface ChatOpts {
  deployment?: string;
  apiVersion?: string;
  /** Use /openai/v1/chat/completions with `model` in the body. */
  v1?: boolean;
  model?: string;
  params?: Msg;
  client?: Client;
  headers?: Record<string, string>;
  /** Skip the random sampling parameters. */
  bare?: boolean;
}

export function chat(rng: Rng, messages: Msg[], o: ChatOpts = {}): Req {
  const v1 = o.v1 ?? rng.chance(0.25);
  const deployment = o.deployment ?? rng.pick(CHAT_DEPLOYMENTS);
  const body: Msg = {};
  let path: string;
  if (v1) {
    path = '/openai/v1/chat/completions';
    body.model = o.model ?? rng.pick(V1_MODELS);
  } else {
    path = withApiVersion(`/openai/deployments/${deployment}/chat/completions`, rng, o.apiVersion);
  }
  // Reasoning models take reasoning_effort/max_completion_tokens instead of temperature/max_tokens.
  const reasoning = /^(?:o\d|gpt-5)/.test(v1 ? String(body.model) : deployment);
  body.messages = messages;
  if (!o.bare) Object.assign(body, commonParams(rng, reasoning));
  if (body.stream === true && rng.chance(0.7)) body.stream_options = { include_usage: true };
  if (o.params) Object.assign(body, o.params);
  return { method: 'POST', path, headers: { ...clientHeaders(rng, o.client), ...o.headers }, body };
}

export interface ResponsesOpts {
  model?: string;
  instructions?: string;
  params?: Msg;
  client?: Client;
  headers?: Record<string, string>;
  tools?: Json[];
}

/** Responses API (`/openai/v1/responses`): `input` is a string or a list of items. */
export function responses(rng: Rng, input: Json, o: ResponsesOpts = {}): Req {
  const body: Msg = { model: o.model ?? rng.pick(V1_MODELS) };
  if (o.instructions !== undefined) body.instructions = o.instructions;
  body.input = input;
  if (o.tools) body.tools = o.tools;
  if (rng.chance(0.3)) body.store = rng.chance(0.5);
  if (rng.chance(0.3)) body.max_output_tokens = rng.pick([1024, 4096, 16000]);
  if (o.params) Object.assign(body, o.params);
  const path = rng.chance(0.2) ? '/openai/v1/responses?api-version=preview' : '/openai/v1/responses';
  return { method: 'POST', path, headers: { ...clientHeaders(rng, o.client), ...o.headers }, body };
}

export function completions(rng: Rng, prompt: Json, o: { params?: Msg; client?: Client; headers?: Record<string, string> } = {}): Req {
  const body: Msg = { prompt, max_tokens: rng.pick([64, 256, 512, 1000]), temperature: rng.pick([0, 0.2, 0.7]) };
  if (rng.chance(0.3)) body.stop = rng.pick([['\n\n'], ['###'], ['"""', '\n\n\n']]);
  if (o.params) Object.assign(body, o.params);
  return {
    method: 'POST',
    path: withApiVersion(`/openai/deployments/${rng.pick(['gpt-35-turbo-instruct', 'davinci-002', 'gpt-35-instruct-prod'])}/completions`, rng, rng.pick(['2024-02-01', '2024-06-01', '2024-10-21'])),
    headers: { ...clientHeaders(rng, o.client), ...o.headers },
    body,
  };
}

export function embeddings(rng: Rng, input: string | string[], o: { v1?: boolean; params?: Msg; client?: Client; headers?: Record<string, string> } = {}): Req {
  const model = rng.pick(EMBED_DEPLOYMENTS);
  const body: Msg = { input };
  if (model !== 'text-embedding-ada-002' && rng.chance(0.3)) body.dimensions = rng.pick([256, 512, 1024]);
  if (rng.chance(0.3)) body.encoding_format = rng.pick(['float', 'base64']);
  if (o.params) Object.assign(body, o.params);
  const v1 = o.v1 ?? rng.chance(0.2);
  if (v1) return { method: 'POST', path: '/openai/v1/embeddings', headers: { ...clientHeaders(rng, o.client), ...o.headers }, body: { model, ...body } };
  return { method: 'POST', path: withApiVersion(`/openai/deployments/${model}/embeddings`, rng), headers: { ...clientHeaders(rng, o.client), ...o.headers }, body };
}

// ---------------------------------------------------------------- helpers for message lists

export const sys = (content: string): Msg => ({ role: 'system', content });
export const dev = (content: string): Msg => ({ role: 'developer', content });
export const user = (content: Json): Msg => ({ role: 'user', content });
export const assistant = (content: string): Msg => ({ role: 'assistant', content });

/**
 * Wraps a user text in one of the common request shapes: chat with or without a system
 * prompt, a multi-turn chat, a multi-part content array, or the Responses API.
 */
export function textRequest(rng: Rng, text: string, o: { system?: string; history?: [string, string]; allowResponses?: boolean; client?: Client } = {}): Req {
  const shape = rng.int(0, 9);
  const system = o.system ?? rng.pick(SYSTEM_PROMPTS);
  if ((o.allowResponses ?? true) && shape >= 8) {
    return rng.chance(0.5)
      ? responses(rng, text, { instructions: system, client: o.client })
      : responses(rng, [{ role: 'user', content: [{ type: 'input_text', text }] }], { instructions: system, client: o.client });
  }
  const msgs: Msg[] = [];
  if (shape !== 0) msgs.push(rng.chance(0.15) ? dev(system) : sys(system));
  if (o.history) msgs.push(user(o.history[0]), assistant(o.history[1]));
  msgs.push(shape === 7 ? user([{ type: 'text', text }]) : user(text));
  return chat(rng, msgs, { client: o.client });
}
