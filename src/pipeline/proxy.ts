import type { Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestContext } from './context.js';
import { HeaderTable } from '../http/header-table.js';
import { ByteLimit, BodyTooLargeError } from '../http/byte-limit.js';
import { sendError } from '../http/error-response.js';
import { classifyUpstreamError } from '../upstream/upstream-errors.js';
import type { Reason } from '../errors/reasons.js';

/**
 * Request headers never forwarded: hop-by-hop ones (RFC 9110 §7.6.1), the client's own
 * credentials (the backend gets the gateway's credential instead), framing we re-derive,
 * and forwarding headers we set ourselves so a client cannot forge them.
 */
const DROP_REQUEST = new HeaderTable([
  'connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'expect',
  'host', 'content-length',
  'api-key', 'authorization', 'proxy-authorization', 'cookie',
  'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded', 'x-real-ip', 'x-request-id',
]);

/**
 * Response headers never passed back: hop-by-hop ones, and the backend's x-request-id (the
 * gateway's replaces it); everything the backend says about limits and regions goes through.
 * undici gives the names lower-cased.
 */
const DROP_RESPONSE: ReadonlySet<string> = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'trailer', 'te', 'x-request-id']);

export interface ProxyOptions {
  readonly maxBodyBytes: number;
  /** Declared bodies up to this size are read whole before the backend request (handle-request.ts); 0: always stream. */
  readonly bufferBodyBytes: number;
  /** Called once the request is over, whatever happened. */
  readonly onDone: (ctx: RequestContext) => void;
}

/** Forwards the request to the chosen backend and streams the response back as it comes. */
export function proxy(ctx: RequestContext, opts: ProxyOptions): void {
  const backend = ctx.backend!;
  const req = ctx.req;
  const headers: string[] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (!DROP_REQUEST.has(raw[i]!)) headers.push(raw[i]!, raw[i + 1]!);
  }
  // Connection-specific headers named in `Connection` are hop-by-hop too (RFC 9110 §7.6.1).
  const connection = req.headers.connection;
  if (connection !== undefined && connection !== 'keep-alive' && connection !== 'close') stripConnectionTokens(headers, connection);

  headers.push('host', backend.hostHeader, 'x-request-id', ctx.id, 'x-forwarded-for', forwardedFor(ctx), 'x-forwarded-proto', (req.socket as { encrypted?: boolean }).encrypted === true ? 'https' : 'http');
  const authValue = backend.auth.header();
  if (backend.auth.headerName !== null) {
    if (authValue === null) {
      finishWithError(ctx, 'upstream_auth_error', opts);
      return;
    }
    headers.push(backend.auth.headerName, authValue);
  }

  let body: Buffer | NodeJS.ReadableStream | null = null;
  let limit: ByteLimit | null = null;
  if (ctx.body !== null) {
    body = ctx.body;
    headers.push('content-length', String(ctx.body.length));
  } else {
    const declared = req.headers['content-length'];
    if (declared !== undefined) {
      if (declared !== '0') {
        body = req;
        headers.push('content-length', declared);
      }
      ctx.bytesIn = Number(declared);
    } else if (req.headers['transfer-encoding'] !== undefined) {
      limit = new ByteLimit(opts.maxBodyBytes);
      body = req.pipe(limit);
    }
  }

  const path = ctx.routeKind === 'deployment'
    ? `/openai/deployments/${ctx.deployment!.upstreamName}${ctx.routeRest!}${ctx.query}`
    : `/openai/v1${ctx.routeRest!}${ctx.query}`;

  const handler = new ProxyHandler(ctx, opts, limit);
  backend.dispatcher.dispatch(
    { path, method: req.method as Dispatcher.HttpMethod, headers, body: body as Dispatcher.DispatchOptions['body'] },
    handler,
  );
  // A client that goes away must not keep the backend generating tokens.
  ctx.res.once('close', () => handler.clientClosed());
}

function stripConnectionTokens(headers: string[], connection: string): void {
  const tokens = new HeaderTable(connection.split(',').map((t) => t.trim()).filter((t) => t !== ''));
  for (let i = headers.length - 2; i >= 0; i -= 2) {
    if (tokens.has(headers[i]!)) headers.splice(i, 2);
  }
}

function forwardedFor(ctx: RequestContext): string {
  const prior = ctx.clientAddress !== ctx.peerAddress ? ctx.req.headers['x-forwarded-for'] : undefined;
  return prior === undefined ? ctx.clientAddress : `${prior}, ${ctx.peerAddress}`;
}

function finishWithError(ctx: RequestContext, reason: Reason, opts: ProxyOptions): void {
  ctx.reason = reason;
  sendError(ctx.res, reason, ctx.id);
  opts.onDone(ctx);
}

/**
 * undici's dispatch handler, one per request: writes the backend's status and headers,
 * then each body chunk as it arrives (an SSE event is on the client's socket as soon as
 * the backend sends it), pausing the backend when the client's socket is full.
 */
class ProxyHandler implements Dispatcher.DispatchHandler {
  readonly #ctx: RequestContext;
  readonly #opts: ProxyOptions;
  readonly #limit: ByteLimit | null;
  #controller: Dispatcher.DispatchController | null = null;
  #done = false;
  #clientGone = false;
  #drainHooked = false;

  constructor(ctx: RequestContext, opts: ProxyOptions, limit: ByteLimit | null) {
    this.#ctx = ctx;
    this.#opts = opts;
    this.#limit = limit;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    const ctx = this.#ctx;
    ctx.upstreamMs = Number(process.hrtime.bigint() - ctx.startedAt) / 1e6;
    if (this.#limit !== null) ctx.bytesIn = this.#limit.bytes;
    // A flat list, not the object with names deleted: a delete turns it into a dictionary,
    // which writeHead then walks slowly.
    const out: string[] = [];
    for (const name in headers) {
      if (DROP_RESPONSE.has(name)) continue;
      const value = headers[name];
      if (typeof value === 'string') out.push(name, value);
      else if (value !== undefined) for (let i = 0; i < value.length; i++) out.push(name, value[i]!);
    }
    out.push('x-request-id', ctx.id);
    const res = ctx.res;
    // The listener disabled Nagle on accept, so an SSE event leaves with its write.
    res.writeHead(statusCode, out);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#ctx.bytesOut += chunk.length;
    if (this.#ctx.res.write(chunk)) return;
    // The client's socket is full: pause the backend until it drains (most responses never get here).
    controller.pause();
    if (!this.#drainHooked) {
      this.#drainHooked = true;
      this.#ctx.res.on('drain', () => controller.resume());
    }
  }

  onResponseEnd(): void {
    if (this.#done) return;
    this.#done = true;
    this.#ctx.res.end();
    this.#opts.onDone(this.#ctx);
  }

  onResponseError(_controller: Dispatcher.DispatchController, err: Error): void {
    if (this.#done) return;
    this.#done = true;
    const ctx = this.#ctx;
    if (this.#limit !== null) ctx.bytesIn = this.#limit.bytes;
    const reason: Reason = this.#clientGone ? 'client_closed' : isBodyTooLarge(err) ? 'body_too_large' : classifyUpstreamError(err);
    ctx.reason = reason;
    if (!ctx.res.destroyed) sendError(ctx.res, reason, ctx.id);
    this.#opts.onDone(ctx);
  }

  clientClosed(): void {
    if (this.#done) return;
    this.#clientGone = true;
    // The response did not finish before the client's socket closed: stop the backend.
    this.#controller?.abort(new Error('client closed the connection'));
  }
}

function isBodyTooLarge(err: Error): boolean {
  return err instanceof BodyTooLargeError || (err.cause instanceof BodyTooLargeError);
}
