/**
 * Request shapes for the held-out corpus: the header sets real clients send to an Azure
 * OpenAI-compatible gateway, the routes they call and the bodies they build.
 *
 * Header names are lower case and `host` comes first; `content-length` is left to
 * toWireRequest. Nothing here depends on the WAF: these are client shapes only.
 */
import type { CorpusCase, Expect } from '../../types.js';
import { FAMILY_EXPECT, familyOf, idPrefix } from '../../types.js';
import { B64URL, Rng } from './rng.js';

// ---------------------------------------------------------------- routes

export const HOSTS = [
  'aigw.prod.westeurope.contoso.net',
  'llm-gateway.platform.svc.cluster.local:8443',
  'portcullis.internal.fabrikam.io',
  'ai.northwind-traders.net',
  'gateway.llm.adatum.corp:8443',
  'aoai-proxy.tailspin.dev',
  '10.42.7.15:8443',
  'localhost:8443',
] as const;

export const CHAT_DEPLOYMENTS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'o4-mini', 'chat-prod', 'gpt4o-eu', 'gpt-35-turbo'] as const;
export const EMBED_DEPLOYMENTS = ['text-embedding-3-small', 'text-embedding-3-large', 'embed-prod'] as const;
export const COMPLETION_DEPLOYMENTS = ['gpt-35-turbo-instruct', 'davinci-legacy'] as const;
export const API_VERSIONS = ['2024-02-01', '2024-06-01', '2024-10-21', '2024-08-01-preview', '2024-12-01-preview', '2025-01-01-preview', '2025-03-01-preview', '2025-04-01-preview'] as const;

export type Route = 'chat' | 'v1chat' | 'responses' | 'embeddings' | 'completions';

export interface RouteInfo {
  readonly route: Route;
  readonly path: string;
  /** Deployment or model name (goes into `model` on /openai/v1). */
  readonly model: string;
  readonly v1: boolean;
}

export function routeFor(rng: Rng, route: Route): RouteInfo {
  switch (route) {
    case 'chat': {
      const dep = rng.pick(CHAT_DEPLOYMENTS);
      return { route, path: `/openai/deployments/${dep}/chat/completions?api-version=${rng.pick(API_VERSIONS)}`, model: dep, v1: false };
    }
    case 'v1chat':
      return { route, path: rng.chance(0.3) ? '/openai/v1/chat/completions?api-version=preview' : '/openai/v1/chat/completions', model: rng.pick(CHAT_DEPLOYMENTS), v1: true };
    case 'responses':
      return { route, path: rng.chance(0.4) ? '/openai/v1/responses?api-version=preview' : '/openai/v1/responses', model: rng.pick(CHAT_DEPLOYMENTS), v1: true };
    case 'embeddings': {
      const dep = rng.pick(EMBED_DEPLOYMENTS);
      return { route, path: `/openai/deployments/${dep}/embeddings?api-version=${rng.pick(API_VERSIONS)}`, model: dep, v1: false };
    }
    case 'completions': {
      const dep = rng.pick(COMPLETION_DEPLOYMENTS);
      return { route, path: `/openai/deployments/${dep}/completions?api-version=${rng.pick(['2024-02-01', '2024-06-01', '2024-10-21'] as const)}`, model: dep, v1: false };
    }
  }
}

/** A chat-ish route: chat on a deployment most of the time, sometimes v1 chat or Responses. */
export function anyChatRoute(rng: Rng): RouteInfo {
  const r = rng.next();
  return routeFor(rng, r < 0.6 ? 'chat' : r < 0.8 ? 'v1chat' : 'responses');
}

// ---------------------------------------------------------------- clients and headers

export type ClientKind =
  | 'python' | 'python-async' | 'node' | 'dotnet' | 'semantic-kernel' | 'java' | 'go-azure' | 'go-openai'
  | 'curl' | 'powershell' | 'requests' | 'postman' | 'langchain' | 'spring-ai';

export const CLIENTS: readonly ClientKind[] = [
  'python', 'python', 'python', 'python-async', 'node', 'node', 'dotnet', 'semantic-kernel', 'java', 'go-azure', 'go-openai',
  'curl', 'powershell', 'requests', 'postman', 'langchain', 'spring-ai',
];

export type Auth = 'api-key' | 'bearer-key' | 'entra';

export interface HeaderOpts {
  readonly host?: string;
  readonly auth?: Auth;
  /** /openai/v1 routes: OpenAI-style SDK defaults (Authorization: Bearer). */
  readonly v1?: boolean;
  /** Extra headers appended (or replacing same-named ones). */
  readonly extra?: Readonly<Record<string, string>>;
}

export function gatewayKey(rng: Rng): string {
  return `pcs_${rng.chars(B64URL, 43)}`;
}

function b64urlJson(v: unknown): string {
  return Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
}

/** An Entra ID access token for Cognitive Services, as DefaultAzureCredential sends it (signature is filler). */
export function entraToken(rng: Rng): string {
  const tid = rng.uuid();
  const iat = 1735000000 + rng.int(20000000);
  const header = { typ: 'JWT', alg: 'RS256', x5t: rng.chars(B64URL, 27), kid: rng.chars(B64URL, 27) };
  const payload = {
    aud: 'https://cognitiveservices.azure.com', iss: `https://sts.windows.net/${tid}/`, iat, nbf: iat, exp: iat + 4799,
    aio: rng.chars(B64URL, 56), appid: rng.uuid(), appidacr: '2', idp: `https://sts.windows.net/${tid}/`, idtyp: 'app',
    oid: rng.uuid(), rh: `1.${rng.chars(B64URL, 54)}.`, sub: rng.uuid(), tid, uti: rng.chars(B64URL, 22), ver: '1.0',
    xms_idrel: `7 ${rng.range(2, 30)}`, xms_mirid: `/subscriptions/${rng.uuid()}/resourcegroups/rg-app-prod/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-chat-api`,
  };
  return `${b64urlJson(header)}.${b64urlJson(payload)}.${rng.bytes(256).toString('base64url')}`;
}

function authHeaders(rng: Rng, auth: Auth): Record<string, string> {
  switch (auth) {
    case 'api-key': return { 'api-key': gatewayKey(rng) };
    case 'bearer-key': return { authorization: `Bearer ${gatewayKey(rng)}` };
    case 'entra': return { authorization: `Bearer ${entraToken(rng)}` };
  }
}

const PY_VERSIONS = ['1.40.6', '1.51.2', '1.55.3', '1.58.1', '1.61.0', '1.68.2', '1.75.0', '1.82.1'] as const;
const JS_VERSIONS = ['4.52.7', '4.67.3', '4.73.1', '4.77.0', '4.85.4', '5.1.1', '5.8.2'] as const;
const PY_RUNTIME = ['3.10.14', '3.11.9', '3.12.4', '3.12.8', '3.13.1'] as const;
const NODE_RUNTIME = ['v18.20.4', 'v20.11.1', 'v20.18.1', 'v22.12.0', 'v22.14.0'] as const;
const OSES = ['Linux', 'Linux', 'MacOS', 'Windows'] as const;

/** Headers a given client sends, host first, in that client's order. */
export function clientHeaders(rng: Rng, kind: ClientKind, opts: HeaderOpts = {}): Record<string, string> {
  const host = opts.host ?? rng.pick(HOSTS);
  const auth = authHeaders(rng, opts.auth ?? (opts.v1 ? 'bearer-key' : kind === 'dotnet' && rng.chance(0.4) ? 'entra' : 'api-key'));
  const h: Record<string, string> = { host };
  const json = { accept: 'application/json', 'content-type': 'application/json' };
  switch (kind) {
    case 'python':
    case 'python-async':
    case 'langchain': {
      const v = rng.pick(PY_VERSIONS);
      Object.assign(h, { 'accept-encoding': 'gzip, deflate', connection: 'keep-alive' }, json, {
        'user-agent': `${opts.v1 ? 'OpenAI' : 'AzureOpenAI'}/Python ${v}`,
        'x-stainless-lang': 'python', 'x-stainless-package-version': v, 'x-stainless-os': rng.pick(OSES),
        'x-stainless-arch': rng.pick(['x64', 'arm64'] as const), 'x-stainless-runtime': 'CPython', 'x-stainless-runtime-version': rng.pick(PY_RUNTIME),
      }, auth, {
        'x-stainless-async': kind === 'python-async' ? 'async:asyncio' : 'false', 'x-stainless-retry-count': String(rng.chance(0.9) ? 0 : 1),
        'x-stainless-read-timeout': rng.pick(['600', '600.0', '120', '60.0']),
      });
      if (kind === 'langchain') h['user-agent'] = `${h['user-agent']} langchain-openai/${rng.pick(['0.2.14', '0.3.7', '0.3.12'])}`;
      break;
    }
    case 'node': {
      const v = rng.pick(JS_VERSIONS);
      Object.assign(h, json, {
        'user-agent': `${opts.v1 ? 'OpenAI' : 'AzureOpenAI'}/JS ${v}`, 'x-stainless-lang': 'js', 'x-stainless-package-version': v,
        'x-stainless-os': rng.pick(OSES), 'x-stainless-arch': rng.pick(['x64', 'arm64'] as const), 'x-stainless-runtime': 'node',
        'x-stainless-runtime-version': rng.pick(NODE_RUNTIME), 'x-stainless-retry-count': '0',
      }, auth, { 'accept-encoding': 'gzip,deflate', connection: 'keep-alive' });
      if (rng.chance(0.3)) h['x-stainless-timeout'] = '600000';
      break;
    }
    case 'dotnet':
    case 'semantic-kernel': {
      const net = rng.pick(['8.0.8', '8.0.11', '9.0.1', '6.0.33'] as const);
      const os = rng.pick(['Microsoft Windows 10.0.22631', 'Microsoft Windows 10.0.26100', 'Ubuntu 22.04.5 LTS', 'Debian GNU/Linux 12 (bookworm)'] as const);
      Object.assign(h, json, {
        'user-agent': rng.chance(0.5) ? `azsdk-net-AI.OpenAI/${rng.pick(['1.0.0-beta.17', '2.0.0', '2.1.0'])} (.NET ${net}; ${os})` : `OpenAI/${rng.pick(['2.1.0', '2.2.0-beta.1'])} (.NET ${net}; ${os})`,
        'x-ms-client-request-id': rng.uuid(), 'x-ms-return-client-request-id': 'true',
      }, auth);
      if (rng.chance(0.5)) h.traceparent = `00-${rng.hex(32)}-${rng.hex(16)}-01`;
      if (kind === 'semantic-kernel') Object.assign(h, { 'semantic-kernel-version': rng.pick(['1.29.0', '1.33.0', '1.40.1']) });
      break;
    }
    case 'java':
      Object.assign(h, json, {
        'user-agent': `azsdk-java-azure-ai-openai/${rng.pick(['1.0.0-beta.12', '1.0.0-beta.13', '1.0.0-beta.16'])} (${rng.pick(['17.0.12', '21.0.4', '21.0.5'])}; Linux; ${rng.pick(['5.15.0-1072-azure', '6.8.0-1017-azure'])})`,
        'x-ms-client-request-id': rng.uuid(),
      }, auth);
      break;
    case 'spring-ai':
      Object.assign(h, { 'accept-encoding': 'gzip' }, json, { 'user-agent': 'Java-http-client/21.0.5' }, auth);
      break;
    case 'go-azure':
      Object.assign(h, json, {
        'user-agent': `azsdk-go-azopenai/v${rng.pick(['0.6.1', '0.7.1', '0.7.2'])} (${rng.pick(['go1.22.7', 'go1.23.4'])}; linux)`,
        'accept-encoding': 'gzip',
      }, auth);
      break;
    case 'go-openai': {
      const v = rng.pick(['0.1.0-alpha.38', '0.1.0-alpha.61', '1.1.0']);
      Object.assign(h, json, {
        'user-agent': `OpenAI/Go ${v}`, 'x-stainless-lang': 'go', 'x-stainless-package-version': v, 'x-stainless-os': 'Linux',
        'x-stainless-arch': 'x64', 'x-stainless-runtime': 'go', 'x-stainless-runtime-version': 'go1.23.4', 'x-stainless-retry-count': '0',
      }, auth, { 'accept-encoding': 'gzip' });
      break;
    }
    case 'curl':
      Object.assign(h, { 'user-agent': `curl/${rng.pick(['7.81.0', '8.5.0', '8.9.1', '8.11.1'])}`, accept: '*/*', 'content-type': 'application/json' }, auth);
      break;
    case 'powershell':
      Object.assign(h, {
        'user-agent': `Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.${rng.pick(['19045', '22631', '26100'])}; en-US) PowerShell/${rng.pick(['7.4.6', '7.5.0', '7.3.12'])}`,
      }, auth, { 'content-type': 'application/json; charset=utf-8' });
      break;
    case 'requests':
      Object.assign(h, { 'user-agent': `python-requests/${rng.pick(['2.31.0', '2.32.3'])}`, 'accept-encoding': 'gzip, deflate', accept: '*/*', connection: 'keep-alive' }, auth, { 'content-type': 'application/json' });
      break;
    case 'postman':
      Object.assign(h, auth, {
        'content-type': 'application/json', 'user-agent': `PostmanRuntime/${rng.pick(['7.39.0', '7.42.0', '7.43.0'])}`, accept: '*/*',
        'cache-control': 'no-cache', 'postman-token': rng.uuid(), 'accept-encoding': 'gzip, deflate, br', connection: 'keep-alive',
      });
      break;
  }
  if (opts.extra) for (const [k, v] of Object.entries(opts.extra)) h[k] = v;
  return h;
}

// ---------------------------------------------------------------- bodies

export type Msg = Record<string, unknown>;

export const system = (content: string): Msg => ({ role: 'system', content });
export const developer = (content: string): Msg => ({ role: 'developer', content });
export const user = (content: string): Msg => ({ role: 'user', content });
export const assistant = (content: string): Msg => ({ role: 'assistant', content });
export const userParts = (...parts: Msg[]): Msg => ({ role: 'user', content: parts });
export const textPart = (text: string): Msg => ({ type: 'text', text });
export const imagePart = (url: string, detail?: 'low' | 'high' | 'auto'): Msg => ({ type: 'image_url', image_url: detail ? { url, detail } : { url } });
export const toolCall = (id: string, name: string, args: unknown): Msg => ({ id, type: 'function', function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) } });
export const assistantCalls = (...calls: Msg[]): Msg => ({ role: 'assistant', content: null, tool_calls: calls });
export const toolResult = (toolCallId: string, content: string): Msg => ({ role: 'tool', tool_call_id: toolCallId, content });

export function fnTool(name: string, description: string, properties: Record<string, unknown>, required: string[] = Object.keys(properties), strict = false): Msg {
  const parameters: Record<string, unknown> = { type: 'object', properties, required };
  if (strict) parameters.additionalProperties = false;
  return { type: 'function', function: strict ? { name, description, parameters, strict: true } : { name, description, parameters } };
}

/** Responses-API flavour of a function tool. */
export function respTool(name: string, description: string, properties: Record<string, unknown>, required: string[] = Object.keys(properties)): Msg {
  return { type: 'function', name, description, parameters: { type: 'object', properties, required, additionalProperties: false }, strict: true };
}

export function callId(rng: Rng): string {
  return `call_${rng.alnum(24)}`;
}

/** Chat body; `model` is set on v1 routes, where the gateway needs it. */
export function chatBody(ri: RouteInfo, messages: Msg[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return ri.v1 ? { model: ri.model, messages, ...extra } : { messages, ...extra };
}

export function responsesBody(ri: RouteInfo, input: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: ri.model, input, ...extra };
}

/** Turns a plain (system?, user) exchange into the body the route expects. */
export function promptBody(rng: Rng, ri: RouteInfo, userText: string, systemText?: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  switch (ri.route) {
    case 'chat':
    case 'v1chat': {
      const msgs: Msg[] = [];
      if (systemText !== undefined) msgs.push(rng.chance(0.15) ? developer(systemText) : system(systemText));
      msgs.push(rng.chance(0.2) ? userParts(textPart(userText)) : user(userText));
      return chatBody(ri, msgs, extra);
    }
    case 'responses': {
      const base: Record<string, unknown> = systemText !== undefined ? { instructions: systemText } : {};
      const input = rng.chance(0.5) ? userText : [{ role: 'user', content: [{ type: 'input_text', text: userText }] }];
      return { model: ri.model, ...base, input, ...extra };
    }
    case 'embeddings':
      return { input: userText, ...extra };
    case 'completions':
      return { prompt: systemText !== undefined ? `${systemText}\n\n${userText}` : userText, max_tokens: 256, ...extra };
  }
}

/** Typical sampling options clients add. */
export function samplingExtras(rng: Rng, route: Route = 'chat'): Record<string, unknown> {
  const e: Record<string, unknown> = {};
  if (route === 'embeddings') {
    if (rng.chance(0.3)) e.dimensions = rng.pick([256, 512, 1024]);
    if (rng.chance(0.3)) e.encoding_format = 'float';
    return e;
  }
  if (rng.chance(0.5)) e.temperature = rng.pick([0, 0.2, 0.3, 0.7, 1]);
  if (rng.chance(0.3)) e[route === 'responses' ? 'max_output_tokens' : 'max_tokens'] = rng.pick([256, 512, 800, 1024, 4096]);
  if (rng.chance(0.15)) e.top_p = rng.pick([0.9, 0.95, 1]);
  if (rng.chance(0.2)) e.stream = true;
  return e;
}

// ---------------------------------------------------------------- cases

export interface Spec {
  readonly method?: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly note?: string;
  readonly tags?: readonly string[];
  readonly planted?: string;
}

/** Collects the cases of one category and numbers them. */
export class CategoryBuilder {
  readonly cases: CorpusCase[] = [];
  readonly rng: Rng;
  readonly expect: Expect;
  readonly category: string;

  constructor(category: string) {
    this.category = category;
    this.rng = new Rng(category);
    this.expect = FAMILY_EXPECT[familyOf(category)];
  }

  add(spec: Spec): void {
    const id = `${idPrefix(this.category)}-${String(this.cases.length + 1).padStart(4, '0')}`;
    const c: Record<string, unknown> = { id, category: this.category, expect: this.expect, method: spec.method ?? 'POST', path: spec.path, headers: spec.headers, body: spec.body };
    if (spec.note !== undefined) c.note = spec.note;
    if (spec.tags !== undefined && spec.tags.length > 0) c.tags = [...new Set(spec.tags)];
    if (spec.planted !== undefined) c.planted = spec.planted;
    this.cases.push(c as unknown as CorpusCase);
  }

  /** A chat-ish request from a random client with the given user text (and optional system text). */
  prompt(userText: string, opts: { system?: string; route?: Route; client?: ClientKind; tags?: readonly string[]; note?: string; extra?: Record<string, unknown>; headers?: Record<string, string> } = {}): void {
    const rng = this.rng;
    const ri = opts.route ? routeFor(rng, opts.route) : anyChatRoute(rng);
    const client = opts.client ?? rng.pick(CLIENTS);
    const headers = clientHeaders(rng, client, { v1: ri.v1, ...(opts.headers ? { extra: opts.headers } : {}) });
    const body = promptBody(rng, ri, userText, opts.system, { ...samplingExtras(rng, ri.route), ...(opts.extra ?? {}) });
    this.add({ path: ri.path, headers, body, tags: [`client:${client}`, `route:${ri.route}`, ...(opts.tags ?? [])], ...(opts.note ? { note: opts.note } : {}) });
  }
}
