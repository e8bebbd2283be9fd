import { randomBytes } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { pino, type Logger } from 'pino';
import { CredentialCheck } from './auth.js';
import { azureHeaders, JSON_CONTENT_TYPE, RateLimitWindow, SSE_CONTENT_TYPE, withRateLimit } from './azure-headers.js';
import { EmulatorError, errorBody } from './azure-errors.js';
import { DEFAULT_MAX_BODY_BYTES, readBody } from './body.js';
import { FaultInjector, type FaultSpec } from './faults.js';
import { DEFAULT_TOKEN_LIFETIME_SECONDS, IDENTITY_PATH, IdentityEndpoint, TokenIssuer } from './identity-endpoint.js';
import { isJsonObject, type JsonObject } from './fields.js';
import { contentSafetyCredentials, PromptShields, SHIELD_PROMPT_PATH } from './prompt-shields.js';
import type { HandlerReply } from './reply.js';
import { matchRoute, type Route } from './routes.js';
import { writeSse } from './sse.js';
import { pause } from './timing.js';

export type { FaultMode, FaultSpec } from './faults.js';

export interface EmulatorOptions {
  /** Address to listen on. Default '127.0.0.1'. */
  host?: string;
  /** Port to listen on. Default 0 (an ephemeral port; read it from `RunningEmulator.port`). */
  port?: number;
  /** PEM certificate and key; null or absent serves plain HTTP. TLS 1.2 is the minimum, as on Azure. */
  tls?: { cert: string | Buffer; key: string | Buffer } | null;
  /** Accepted `api-key` / `Authorization: Bearer` values. Empty or absent: no key check. */
  apiKeys?: string[];
  /**
   * Also accept bearer tokens issued by this emulator's identity endpoint (for the Azure OpenAI
   * audience). When true, credentials are required even if `apiKeys` is empty. Default false.
   */
  acceptEntraTokens?: boolean;
  /** Delay before the response headers of each data-plane request. Default 0. */
  latencyMs?: number;
  /** Delay between streamed chunks. Default 0. */
  chunkDelayMs?: number;
  /** Injected faults; change them later with `setFaults`. Default none. */
  faults?: FaultSpec | null;
  /**
   * Default true: no per-request log. False writes one JSON access-log line per request to
   * stderr (the CLI does this). Quiet by default so tests and benchmarks pay no logging cost.
   */
  quiet?: boolean;
  /** Secret the identity endpoint expects in `X-IDENTITY-HEADER`. Default: random per start. */
  identityHeaderSecret?: string;
  /** Lifetime of identity-endpoint tokens, in seconds. Default 3600 (as App Service). */
  tokenLifetimeSeconds?: number;
  /** Largest request body accepted; larger bodies get 413. Default 16 MiB. */
  maxBodyBytes?: number;
  /**
   * Extra phrases (case-insensitive) that make the Prompt Shields route report an attack, in
   * addition to "ignore previous instructions" and "ignore all previous instructions". Default none.
   */
  promptShieldMarkers?: string[];
}

export interface EmulatorStats {
  /** Data-plane requests received (matched routes only; 404s and the identity endpoint are not counted). */
  requests: number;
  /** Tokens issued by the identity endpoint. */
  tokensIssued: number;
  /** Headers of the last data-plane request, as received. */
  lastHeaders: Record<string, string | string[] | undefined> | null;
  /** Path and query of the last data-plane request, as received. */
  lastPath: string | null;
  /** First 64 KiB of the last data-plane request body, as UTF-8. */
  lastBody: string | null;
}

export interface RunningEmulator {
  /** Base URL to dial, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  port: number;
  host: string;
  /** Value to put in IDENTITY_HEADER; IDENTITY_ENDPOINT is `${url}/msi/token`. */
  identityHeaderSecret: string;
  /** Ends every connection, hung ones included, then stops listening. Idempotent. */
  close(): Promise<void>;
  /** Replaces the fault spec; the "every Nth" count restarts. Throws TypeError on an invalid spec. */
  setFaults(f: FaultSpec | null): void;
  stats(): EmulatorStats;
}

const LAST_BODY_CAP = 64 * 1024;

interface EmulatorConfig {
  readonly host: string;
  readonly port: number;
  readonly tls: { cert: string | Buffer; key: string | Buffer } | null;
  readonly apiKeys: readonly string[];
  readonly acceptEntraTokens: boolean;
  readonly latencyMs: number;
  readonly chunkDelayMs: number;
  readonly quiet: boolean;
  readonly identityHeaderSecret: string;
  readonly tokenLifetimeSeconds: number;
  readonly maxBodyBytes: number;
  readonly promptShieldMarkers: readonly string[];
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0) throw new TypeError(`emulator option ${name} must be a non-negative number; got ${value}`);
  return v;
}

function resolveOptions(opts: EmulatorOptions): EmulatorConfig {
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`emulator option port must be 0–65535; got ${port}`);
  const apiKeys = opts.apiKeys ?? [];
  if (apiKeys.some((k) => typeof k !== 'string' || k.length === 0)) throw new TypeError('emulator option apiKeys must hold non-empty strings');
  const secret = opts.identityHeaderSecret ?? randomBytes(24).toString('base64url');
  if (secret.length === 0) throw new TypeError('emulator option identityHeaderSecret must not be empty');
  const tokenLifetimeSeconds = nonNegative('tokenLifetimeSeconds', opts.tokenLifetimeSeconds, DEFAULT_TOKEN_LIFETIME_SECONDS);
  if (tokenLifetimeSeconds === 0) throw new TypeError('emulator option tokenLifetimeSeconds must be positive');
  return Object.freeze({
    host: opts.host ?? '127.0.0.1',
    port,
    tls: opts.tls ?? null,
    apiKeys: Object.freeze([...apiKeys]),
    acceptEntraTokens: opts.acceptEntraTokens ?? false,
    latencyMs: nonNegative('latencyMs', opts.latencyMs, 0),
    chunkDelayMs: nonNegative('chunkDelayMs', opts.chunkDelayMs, 0),
    quiet: opts.quiet ?? true,
    identityHeaderSecret: secret,
    tokenLifetimeSeconds,
    maxBodyBytes: nonNegative('maxBodyBytes', opts.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
    promptShieldMarkers: Object.freeze([...(opts.promptShieldMarkers ?? [])]),
  });
}

/** A URL must name an address one can dial: a wildcard bind is reached over loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function sendJson(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: unknown): void {
  const payload = JSON.stringify(body);
  headers['content-length'] = Buffer.byteLength(payload);
  res.writeHead(status, headers);
  res.end(payload);
}

/** A TCP RST where the socket allows it (plain TCP); a TLS socket can only be destroyed. */
function resetConnection(socket: Socket): void {
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

class Emulator {
  readonly config: EmulatorConfig;
  readonly server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #faults: FaultInjector;
  readonly #issuer: TokenIssuer;
  readonly #identity: IdentityEndpoint;
  readonly #credentials: CredentialCheck;
  readonly #shields: PromptShields;
  readonly #rateLimit = new RateLimitWindow();
  readonly #log: Logger | null;
  #requests = 0;
  #lastHeaders: Record<string, string | string[] | undefined> | null = null;
  #lastPath: string | null = null;
  #lastBody: string | null = null;
  #closing: Promise<void> | null = null;

  constructor(config: EmulatorConfig, faults: FaultSpec | null) {
    this.config = config;
    this.#faults = new FaultInjector(faults);
    this.#issuer = new TokenIssuer(config.tokenLifetimeSeconds);
    this.#identity = new IdentityEndpoint(this.#issuer, config.identityHeaderSecret);
    this.#credentials = new CredentialCheck(config.apiKeys, config.acceptEntraTokens ? this.#issuer : null);
    this.#shields = new PromptShields(config.promptShieldMarkers);
    this.#log = config.quiet ? null : pino({ name: 'portcullis-emulator' }, pino.destination({ dest: 2, sync: true }));
    const onRequest = (req: IncomingMessage, res: ServerResponse): void => this.#onRequest(req, res);
    this.server =
      config.tls === null
        ? createHttpServer({ noDelay: true }, onRequest)
        : createHttpsServer({ cert: config.tls.cert, key: config.tls.key, minVersion: 'TLSv1.2', noDelay: true }, onRequest);
    // Tracked so close() can end hung requests and idle keep-alive connections alike; for
    // HTTPS this is the raw TCP socket, so sockets still in the TLS handshake are covered too.
    this.server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
  }

  setFaults(spec: FaultSpec | null): void {
    this.#faults.set(spec);
  }

  stats(): EmulatorStats {
    return {
      requests: this.#requests,
      tokensIssued: this.#issuer.issued,
      lastHeaders: this.#lastHeaders === null ? null : { ...this.#lastHeaders },
      lastPath: this.#lastPath,
      lastBody: this.#lastBody,
    };
  }

  close(): Promise<void> {
    this.#closing ??= new Promise((resolve) => {
      // The callback also gets ERR_SERVER_NOT_RUNNING if listen never succeeded; closed either way.
      this.server.close(() => resolve());
      for (const socket of this.#sockets) socket.destroy();
      this.server.closeAllConnections();
    });
    return this.#closing;
  }

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (this.#log !== null) this.#logAccess(req, res, this.#log);
    this.#handle(req, res).catch((err: unknown) => this.#fail(res, err));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    if (path === IDENTITY_PATH) {
      req.resume();
      this.#identity.handle(req, res, new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1)));
      return;
    }
    if (path === SHIELD_PROMPT_PATH && req.method === 'POST') {
      await this.#promptShields(req, res, rawUrl, q);
      return;
    }
    const route = matchRoute(req.method, path);
    if (route === null) {
      req.resume();
      this.#sendError(res, new EmulatorError('not_found'));
      return;
    }
    await this.#dataPlane(req, res, route, rawUrl, q);
  }

  /** Order: read body → record → latency → fault → credentials → api-version → parse → operation. */
  async #dataPlane(req: IncomingMessage, res: ServerResponse, route: Route, rawUrl: string, q: number): Promise<void> {
    const raw = await this.#admit(req, res, rawUrl, req.headers);
    if (raw === null) return;
    if (route.deployment !== null && !new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1)).get('api-version')) {
      this.#sendError(res, new EmulatorError('missing_api_version'));
      return;
    }
    const body = this.#parseObject(res, raw);
    if (body === null) return;
    const model = route.deployment ?? body['model'];
    if (typeof model !== 'string' || model.length === 0) {
      this.#sendError(res, new EmulatorError('invalid_request', "'model' is a required property.", 'model'));
      return;
    }

    let reply: HandlerReply;
    try {
      reply = route.operation(body, model);
    } catch (err) {
      if (!(err instanceof EmulatorError)) throw err;
      this.#sendError(res, err);
      return;
    }
    const remaining = this.#rateLimit.record(reply.tokens, Date.now());
    if (reply.kind === 'json') {
      sendJson(res, 200, withRateLimit(azureHeaders(JSON_CONTENT_TYPE), remaining), reply.body);
    } else {
      await writeSse(res, withRateLimit(azureHeaders(SSE_CONTENT_TYPE), remaining), reply.events, this.config.chunkDelayMs);
    }
  }

  /**
   * Content Safety's Prompt Shields (see prompt-shields.ts), through the same admission as
   * Azure OpenAI (so latency and faults apply), with the key read from Ocp-Apim-Subscription-Key.
   * Order: admission → api-version (always required here) → parse → analysis.
   */
  async #promptShields(req: IncomingMessage, res: ServerResponse, rawUrl: string, q: number): Promise<void> {
    const raw = await this.#admit(req, res, rawUrl, contentSafetyCredentials(req.headers));
    if (raw === null) return;
    if (!new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1)).get('api-version')) {
      this.#sendError(res, new EmulatorError('missing_api_version'));
      return;
    }
    const body = this.#parseObject(res, raw);
    if (body === null) return;
    let analysis: JsonObject;
    try {
      analysis = this.#shields.analyze(body);
    } catch (err) {
      if (!(err instanceof EmulatorError)) throw err;
      this.#sendError(res, err);
      return;
    }
    sendJson(res, 200, azureHeaders(JSON_CONTENT_TYPE), analysis);
  }

  /**
   * What every data-plane request goes through first: read body → record → latency → fault →
   * credentials. Returns the body, or null when the request has been answered or dropped.
   */
  async #admit(req: IncomingMessage, res: ServerResponse, rawUrl: string, credentials: IncomingHttpHeaders): Promise<Buffer | null> {
    this.#requests++;
    const fault = this.#faults.next();
    const read = await readBody(req, this.config.maxBodyBytes);
    this.#lastHeaders = { ...req.headers };
    this.#lastPath = rawUrl;
    this.#lastBody = read.ok ? read.body.subarray(0, LAST_BODY_CAP).toString('utf8') : null;
    if (!read.ok) {
      if (read.reason === 'too_large') {
        res.shouldKeepAlive = false;
        this.#sendError(res, new EmulatorError('body_too_large', `The request body exceeds ${this.config.maxBodyBytes} bytes.`));
      }
      return null;
    }
    if (this.config.latencyMs > 0 && !(await pause(this.config.latencyMs, res))) return null;

    if (fault !== null) {
      switch (fault.mode) {
        case 'status429':
          this.#sendError(res, new EmulatorError('rate_limited'), {
            'retry-after': String(Math.ceil(fault.retryAfterSeconds)),
            'retry-after-ms': String(Math.round(fault.retryAfterSeconds * 1000)),
          });
          return null;
        case 'status500':
          this.#sendError(res, new EmulatorError('internal_error'));
          return null;
        case 'hang':
          // Never answered; close() destroys the socket.
          return null;
        case 'reset':
          resetConnection(req.socket);
          return null;
      }
    }

    if (!this.#credentials.accepts(credentials)) {
      this.#sendError(res, new EmulatorError('unauthorized'));
      return null;
    }
    return read.body;
  }

  /** The body as a JSON object, or null once a 400 has been sent. */
  #parseObject(res: ServerResponse, raw: Buffer): JsonObject | null {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      this.#sendError(res, new EmulatorError('invalid_json'));
      return null;
    }
    if (!isJsonObject(body)) {
      this.#sendError(res, new EmulatorError('invalid_json', 'The request body must be a JSON object.'));
      return null;
    }
    return body;
  }

  #sendError(res: ServerResponse, err: EmulatorError, extraHeaders?: OutgoingHttpHeaders): void {
    if (res.headersSent || res.destroyed) return;
    sendJson(res, err.status, { ...azureHeaders(JSON_CONTENT_TYPE), ...extraHeaders }, errorBody(err));
  }

  /** A bug in the emulator: logged here, answered with a bare 500 — never a stack trace. */
  #fail(res: ServerResponse, err: unknown): void {
    this.#log?.error({ err }, 'emulator request failed');
    if (!res.headersSent && !res.destroyed) this.#sendError(res, new EmulatorError('internal_error'));
    else res.destroy();
  }

  #logAccess(req: IncomingMessage, res: ServerResponse, log: Logger): void {
    const started = performance.now();
    res.once('close', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      log.info({
        method: req.method,
        path: q === -1 ? url : url.slice(0, q),
        status: res.headersSent ? res.statusCode : null,
        completed: res.writableFinished,
        ms: Math.round(performance.now() - started),
      });
    });
  }
}

/** Starts an Azure OpenAI emulator and resolves once it is listening. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveOptions(opts);
  const emulator = new Emulator(config, opts.faults ?? null);
  await new Promise<void>((resolve, reject) => {
    emulator.server.once('error', reject);
    emulator.server.listen(config.port, config.host, () => {
      emulator.server.off('error', reject);
      resolve();
    });
  });
  const { port } = emulator.server.address() as AddressInfo;
  const scheme = config.tls === null ? 'http' : 'https';
  return {
    url: `${scheme}://${urlHost(config.host)}:${port}`,
    port,
    host: config.host,
    identityHeaderSecret: config.identityHeaderSecret,
    close: () => emulator.close(),
    setFaults: (f) => emulator.setFaults(f),
    stats: () => emulator.stats(),
  };
}
