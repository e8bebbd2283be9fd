import { createSecureContext } from 'node:tls';
import type { Logger } from 'pino';
import { Pool, buildConnector, type Dispatcher } from 'undici';
import { ConfigError } from '../../config/config-error.js';
import { resolveSecret } from '../../config/files.js';
import { ApiKeyAuth, createBackendAuth, type AuthContext, type BackendAuth } from '../../upstream/backend-auth.js';
import { readCaBundle } from '../../upstream/backend.js';
import { classifyUpstreamError } from '../../upstream/upstream-errors.js';
import type { ContentSafetyConfig } from './config.js';
import { planCalls, type ShieldCall } from './split-input.js';
import {
  ABORTED,
  ATTACK_IN_DOCUMENT,
  ATTACK_IN_PROMPT,
  CLEAN,
  ERROR,
  INPUT_TOO_LARGE,
  TIMEOUT,
  httpStatus,
  type ShieldVerdict,
} from './verdict.js';

export { blocks, type ShieldVerdict, type UnavailableReason } from './verdict.js';

/**
 * Client for Azure AI Content Safety Prompt Shields
 * (`POST {endpoint}/contentsafety/text:shieldPrompt?api-version=…`, body
 * `{"userPrompt": "…", "documents": ["…"]}`, answer
 * `{"userPromptAnalysis":{"attackDetected":bool},"documentsAnalysis":[{"attackDetected":bool}]}`).
 *
 * Built once from config: the pool, the TLS context, the request path and the credential
 * are prepared at provision; `check()` only serialises the body and waits for the answer.
 * It never throws: every failure is an `unavailable` verdict with a stable reason, and the
 * WAF applies `failMode` to it.
 *
 * Neither the prompt, the documents, the key nor the token is ever logged, put in a
 * verdict or an error: a verdict says where an attack was, never what it said.
 */

export interface PromptShieldsContext {
  readonly baseDir: string;
  /** Config path of this block, e.g. `waf.contentSafety`; config errors are named under it. */
  readonly path: string;
  readonly log: Logger;
  /** Environment for secret references and workload identity. Default: process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Test seams, as for backends. */
  readonly credentialFactory?: AuthContext['credentialFactory'];
  readonly tokenTiming?: AuthContext['timing'];
  /** How long provisioning waits for the first Entra token before going on without it. Default: 10 s. */
  readonly firstTokenWaitMs?: number;
}

export interface ShieldInput {
  /** The end user's text (an injection here is a jailbreak attempt). */
  readonly userPrompt: string;
  /** Third-party text the model will read: retrieved documents, tool results, e-mails. */
  readonly documents: readonly string[];
}

const SHIELD_PROMPT_PATH = '/contentsafety/text:shieldPrompt';
/** Name used for the credential in log lines (the shared token code calls it the backend). */
const CREDENTIAL_NAME = 'content-safety';
const FIRST_TOKEN_WAIT_MS = 10_000;
/**
 * Cap on a response body read into memory. A real answer is under 200 bytes per call
 * (one flag for the prompt, up to five for documents); anything near this is not
 * Prompt Shields talking.
 */
export const MAX_RESPONSE_BYTES = 64 * 1024;
/** Idle connections are kept this long; well under the 4-minute idle timeout of Azure's front ends. */
const KEEP_ALIVE_MS = 30_000;

export class PromptShieldsClient {
  readonly failMode: 'open' | 'closed';
  readonly timeoutMs: number;
  /** Origin and path prefix of the endpoint (for status pages; carries no secret). */
  readonly endpoint: string;
  readonly #pool: Dispatcher;
  readonly #auth: BackendAuth;
  /** `ocp-apim-subscription-key` for a key, `authorization` for an Entra token. */
  readonly #authHeader: string;
  readonly #requestPath: string;
  readonly #maxCalls: number;
  #closing: Promise<void> | null = null;

  constructor(init: { cfg: ContentSafetyConfig; endpoint: string; requestPath: string; pool: Dispatcher; auth: BackendAuth }) {
    this.failMode = init.cfg.failMode;
    this.timeoutMs = init.cfg.timeoutMs;
    this.#maxCalls = init.cfg.maxCallsPerCheck;
    this.endpoint = init.endpoint;
    this.#requestPath = init.requestPath;
    this.#pool = init.pool;
    this.#auth = init.auth;
    // Content Safety, like every Cognitive Services resource, takes its key in
    // Ocp-Apim-Subscription-Key (not Azure OpenAI's api-key).
    this.#authHeader = init.auth.headerName === 'authorization' ? 'authorization' : 'ocp-apim-subscription-key';
  }

  /**
   * Asks Prompt Shields whether the prompt or a document carries an injection attack.
   * Takes at most `timeoutMs` (plus a few ms of bookkeeping) from call to verdict, token
   * wait included. Over-long input is split over parallel calls (see split-input.ts); an
   * attack in any call is the verdict, and the other calls are then abandoned.
   *
   * `signal`, when it aborts, ends the check at once with `unavailable`/`aborted`.
   */
  async check(input: ShieldInput, signal?: AbortSignal): Promise<ShieldVerdict> {
    const calls = planCalls(input.userPrompt, input.documents, this.#maxCalls);
    if (calls === null) return INPUT_TOO_LARGE;
    if (calls.length === 0) return CLEAN;
    if (signal?.aborted === true) return ABORTED;

    // One timer per check: the price of a network call, and dwarfed by it.
    const deadline = AbortSignal.timeout(this.timeoutMs);
    // Aborted once an attack is found, so the other calls of the check stop waiting.
    const settled = new AbortController();
    const any = AbortSignal.any(signal === undefined ? [deadline, settled.signal] : [deadline, settled.signal, signal]);
    const onFailure = (err: unknown): ShieldVerdict => {
      if (deadline.aborted) return TIMEOUT;
      if (signal?.aborted === true || settled.signal.aborted) return ABORTED;
      return classifyUpstreamError(err) === 'upstream_timeout' ? TIMEOUT : ERROR;
    };
    const credential = await this.#credential(any);
    if (credential === null) return onFailure(null);
    if (calls.length === 1) return this.#call(calls[0]!, credential, any, onFailure);
    // Every call is awaited even after one fails: a later attack still decides the verdict
    // (it matters when failing open), and the deadline bounds the wait.
    const verdicts = await Promise.all(
      calls.map((call) =>
        this.#call(call, credential, any, onFailure).then((v) => {
          if (v.outcome === 'attack') settled.abort();
          return v;
        }),
      ),
    );
    let unavailable: ShieldVerdict | null = null;
    for (const v of verdicts) {
      if (v.outcome === 'attack') return v;
      if (v.outcome === 'unavailable' && unavailable === null) unavailable = v;
    }
    return unavailable ?? CLEAN;
  }

  /** Stops token refreshes and closes the pool gracefully: calls in flight finish (within timeoutMs), new ones fail. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#auth.close();
      await this.#pool.close();
    })();
    return this.#closing;
  }

  toJSON(): object {
    return { endpoint: this.endpoint, failMode: this.failMode, timeoutMs: this.timeoutMs, auth: this.#auth };
  }

  /** The auth header's value: cached, or the token being fetched if none is valid yet; null when there is none in time. */
  async #credential(signal: AbortSignal): Promise<string | null> {
    const now = this.#auth.header();
    if (now !== null) return now;
    try {
      await untilAborted(this.#auth.ready(), signal);
    } catch {
      return null;
    }
    return this.#auth.header();
  }

  /** One shieldPrompt call. Never rejects: failures become `unavailable` through `onFailure`. */
  async #call(call: ShieldCall, credential: string, signal: AbortSignal, onFailure: (err: unknown) => ShieldVerdict): Promise<ShieldVerdict> {
    let res: Dispatcher.ResponseData;
    try {
      res = await this.#pool.request({
        method: 'POST',
        path: this.#requestPath,
        headers: { 'content-type': 'application/json', accept: 'application/json', [this.#authHeader]: credential },
        body: JSON.stringify({ userPrompt: call.userPrompt, documents: call.documents }),
        signal,
      });
    } catch (err) {
      return onFailure(err);
    }
    try {
      if (res.statusCode !== 200) {
        // Azure's error JSON is not needed, the status says what went wrong. Drained
        // (bounded) in the background so the connection can be reused, without making the
        // verdict wait for it.
        res.body.dump({ limit: MAX_RESPONSE_BYTES }).catch(() => undefined);
        return httpStatus(res.statusCode);
      }
      const text = await readBounded(res.body, res.headers['content-length']);
      if (text === null) return ERROR;
      return verdictOf(text, call);
    } catch (err) {
      res.body.destroy();
      return onFailure(err);
    }
  }
}

/** `p`, or a rejection once `signal` aborts; `p` keeps running (the token fetch is shared and single-flight). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The body as UTF-8, or null when it is (or says it will be) over MAX_RESPONSE_BYTES. */
async function readBounded(body: Dispatcher.ResponseData['body'], contentLength: string | string[] | undefined): Promise<string | null> {
  if (typeof contentLength === 'string' && Number(contentLength) > MAX_RESPONSE_BYTES) {
    body.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) {
      body.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function attackFlag(v: unknown): boolean | null {
  if (!isObject(v)) return null;
  const flag = v['attackDetected'];
  return typeof flag === 'boolean' ? flag : null;
}

/**
 * Reads Prompt Shields' answer. Every text sent must have its flag; an answer missing one
 * is `error`, never `clean`: a check that did not happen must not pass as one that did.
 * A prompt attack is reported before a document attack when both are flagged.
 */
function verdictOf(text: string, call: ShieldCall): ShieldVerdict {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return ERROR;
  }
  if (!isObject(body)) return ERROR;
  let promptAttack = false;
  if (call.userPrompt.length > 0) {
    const flag = attackFlag(body['userPromptAnalysis']);
    if (flag === null) return ERROR;
    promptAttack = flag;
  }
  let documentAttack = false;
  if (call.documents.length > 0) {
    const analyses = body['documentsAnalysis'];
    if (!Array.isArray(analyses) || analyses.length !== call.documents.length) return ERROR;
    for (const a of analyses) {
      const flag = attackFlag(a);
      if (flag === null) return ERROR;
      documentAttack ||= flag;
    }
  }
  if (promptAttack) return ATTACK_IN_PROMPT;
  return documentAttack ? ATTACK_IN_DOCUMENT : CLEAN;
}

/**
 * Parse → provision: resolves the credential (the backends' code: key from a secret
 * reference, or an Entra token cached and refreshed in the background), reads the CA
 * file, builds the pool, and waits (bounded) for a first Entra token. Throws a
 * ConfigError named under `ctx.path`; on failure, what was built is closed.
 */
export async function createPromptShieldsClient(cfg: ContentSafetyConfig, ctx: PromptShieldsContext): Promise<PromptShieldsClient> {
  const path = ctx.path;
  const env = ctx.env ?? process.env;
  const url = new URL(cfg.endpoint);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${path}.endpoint`, 'scheme must be https');
  const prefix = url.pathname.replace(/\/+$/, '');
  const requestPath = `${prefix}${SHIELD_PROMPT_PATH}?api-version=${encodeURIComponent(cfg.apiVersion)}`;
  const ca = cfg.ca === undefined ? null : readCaBundle(cfg.ca, ctx.baseDir, `${path}.ca`, ctx.log, CREDENTIAL_NAME);

  let auth: BackendAuth | null = null;
  let pool: Pool | null = null;
  try {
    auth = await provisionAuth(cfg, ctx, env);
    const connect = buildConnector({
      // The check's own deadline is the real bound; this only stops one connect from outliving it.
      timeout: cfg.timeoutMs,
      allowH2: false,
      // Built once, as for backends: `ca` on every tls.connect would re-parse the root store per connection.
      secureContext: createSecureContext({ minVersion: 'TLSv1.2', ...(ca === null ? {} : { ca }) }),
    });
    pool = new Pool(url.origin, {
      connections: cfg.connections,
      pipelining: 1,
      connect,
      headersTimeout: cfg.timeoutMs,
      bodyTimeout: cfg.timeoutMs,
      keepAliveTimeout: KEEP_ALIVE_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MS,
      allowH2: false,
    });
    const client = new PromptShieldsClient({ cfg, endpoint: `${url.origin}${prefix}`, requestPath, pool, auth });
    if (auth.headerName === 'authorization') await waitForFirstToken(auth, ctx.firstTokenWaitMs ?? FIRST_TOKEN_WAIT_MS, ctx.log);
    return client;
  } catch (err) {
    auth?.close();
    await pool?.destroy().catch(() => undefined);
    throw err;
  }
}

async function provisionAuth(cfg: ContentSafetyConfig, ctx: PromptShieldsContext, env: NodeJS.ProcessEnv): Promise<BackendAuth> {
  const path = ctx.path;
  if ('apiKey' in cfg.auth) return new ApiKeyAuth(resolveSecret(cfg.auth.apiKey, ctx.baseDir, `${path}.auth.apiKey`, env));
  try {
    return await createBackendAuth(cfg.auth.entra, {
      backend: CREDENTIAL_NAME,
      baseDir: ctx.baseDir,
      path,
      env,
      log: ctx.log,
      ...(ctx.credentialFactory === undefined ? {} : { credentialFactory: ctx.credentialFactory }),
      ...(ctx.tokenTiming === undefined ? {} : { timing: ctx.tokenTiming }),
    });
  } catch (err) {
    // The shared code names a backend's fields `<path>.auth.<field>`; here they sit under `auth.entra`.
    if (err instanceof ConfigError && err.path.startsWith(`${path}.auth.`)) {
      throw new ConfigError(`${path}.auth.entra.${err.path.slice(path.length + '.auth.'.length)}`, err.problem);
    }
    throw err;
  }
}

/**
 * As for backends: start with a token when the identity endpoint answers in time, else
 * start anyway (checks are `unavailable` until a token arrives, and failMode decides) rather
 * than refuse the whole config because an identity endpoint is briefly down.
 */
async function waitForFirstToken(auth: BackendAuth, waitMs: number, log: Logger): Promise<void> {
  const deadline = AbortSignal.timeout(waitMs);
  try {
    await untilAborted(auth.ready(), deadline);
  } catch (err) {
    if (deadline.aborted) log.warn({ credential: CREDENTIAL_NAME, waitedMs: waitMs }, 'content safety: no Entra ID token yet; still trying in the background');
    else log.error({ credential: CREDENTIAL_NAME, error: err instanceof Error ? err.message : String(err) }, 'content safety: could not get an Entra ID token; retrying in the background');
  }
}
