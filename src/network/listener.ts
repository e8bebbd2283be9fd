import { watch, type FSWatcher } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerOptions, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { basename, dirname } from 'node:path';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error.js';
import type { Reason } from '../errors/reasons.js';
import { sendError, writeRawError } from '../http/error-response.js';
import { normalizeAddress } from './address-set.js';
import type { ConnectionGate, GateRefusal } from './connection-gate.js';
import type { HttpLimits, ListenerConfig, TlsConfig } from './listener-config.js';
import { loadTlsOptions, type TlsMaterial } from './tls-material.js';

export interface ListenerOptions {
  readonly config: ListenerConfig;
  /** Folder the TLS file paths are relative to (the config file's). */
  readonly baseDir: string;
  /** Place of this listener in the config (`listeners[0]`), for error messages. */
  readonly path: string;
  readonly gate: ConnectionGate;
  readonly limits: HttpLimits;
  readonly onRequest: (req: IncomingMessage, res: ServerResponse) => void;
  readonly log: Logger;
  /** Called for every connection closed at accept (metrics); `remote` is normalised. */
  readonly onConnectionDenied?: (remote: string, reason: GateRefusal) => void;
  /** A TLS handshake failed (old protocol, no shared cipher, bad client certificate). */
  readonly onTlsHandshakeFailed?: () => void;
  /** For `tls.passphrase: { env }`. Default: process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Live counters of one listener (read-only to callers). */
export interface ListenerCounters {
  readonly accepted: number;
  readonly refused: Readonly<Record<GateRefusal, number>>;
  readonly tlsHandshakeFailed: number;
  /** Requests Node's parser rejected, by the reason sent back. */
  readonly clientErrors: Readonly<Record<ClientErrorReason, number>>;
  readonly tlsReloads: number;
  readonly tlsReloadsRefused: number;
}

export interface ListenerHandle {
  readonly name: string;
  readonly address: AddressInfo;
  readonly counters: ListenerCounters;
  /** The certificate new handshakes get; null on a plaintext listener. */
  certificate(): TlsMaterial['certificate'] | null;
  /**
   * Loads the TLS files again (SIGHUP, config reload; `tls` replaces the settings when the
   * config changed them) and applies them to new handshakes; open connections keep theirs.
   * Returns false, logs, and keeps serving the old certificate when the new files are invalid.
   * True on a plaintext listener (nothing to load).
   */
  reloadTls(tls?: TlsConfig): boolean;
  /** Switches to the policy of a reloaded config; open connections stay counted. */
  setGate(gate: ConnectionGate): void;
  /** Stops accepting, lets requests in flight finish for up to graceMs, then closes what is left. */
  close(graceMs: number): Promise<void>;
}

type ClientErrorReason = Extract<Reason, 'bad_request' | 'request_timeout' | 'headers_too_large'>;

/**
 * What the client is told when Node's HTTP parser gives up on a request. Null: say nothing
 * and close (the peer is gone, or this is a TLS failure forwarded by https.Server).
 */
export function clientErrorReason(code: string | undefined): ClientErrorReason | null {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return 'headers_too_large';
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'request_timeout';
    // The client closed its side mid-request: nobody is left to read an answer.
    case 'HPE_INVALID_EOF_STATE':
      return null;
    default:
      // llhttp's codes: framing (HPE_INVALID_TRANSFER_ENCODING for Content-Length with
      // Transfer-Encoding, RFC 9112 §6.1; HPE_UNEXPECTED_CONTENT_LENGTH for two lengths), bad
      // chunks (HPE_INVALID_CHUNK_SIZE), bad header characters, an HTTP/2 preface.
      return code !== undefined && code.startsWith('HPE_') ? 'bad_request' : null;
  }
}

/** The debounce of file-change events: editors and `cp` write in several steps. */
const WATCH_DEBOUNCE_MS = 200;
/** How often, while closing, connections that became idle are closed. */
const CLOSE_SWEEP_MS = 50;
/** A connection we answered with an error and closed gets this long to read it. */
const ERROR_LINGER_MS = 1000;
/** TCP keep-alive on client sockets: finds dead peers of long streams (NAT timeouts). */
const TCP_KEEPALIVE_MS = 60_000;

function noop(): void {}

/**
 * A data-plane listener.
 *
 * A plain `net.Server` accepts TCP and runs the ConnectionGate first: a refused connection is
 * reset at once, before a byte is read, so it costs no TLS handshake and gets no answer (not
 * even a TLS alert). An admitted socket is handed to an http(s).Server with
 * `emit('connection')`, the documented way to give a server a socket it did not accept.
 */
export async function startListener(opts: ListenerOptions): Promise<ListenerHandle> {
  const { config, limits, log, baseDir, path } = opts;
  const name = config.name;
  const env = opts.env ?? process.env;
  let gate = opts.gate;
  let tlsConfig = config.tls ?? null;
  const tlsPath = `${path}.tls`;

  // Config errors (missing file, key mismatch, expired) refuse the start, before any socket.
  let material: TlsMaterial | null = tlsConfig === null ? null : loadTlsOptions(tlsConfig, baseDir, tlsPath, env);
  for (const w of material?.warnings ?? []) log.warn({ listener: name }, w);

  const counters = {
    accepted: 0,
    refused: { source_not_allowed: 0, source_denied: 0, connection_limit: 0 },
    tlsHandshakeFailed: 0,
    clientErrors: { bad_request: 0, request_timeout: 0, headers_too_large: 0 },
    tlsReloads: 0,
    tlsReloadsRefused: 0,
  };

  const httpOptions: ServerOptions = {
    maxHeaderSize: limits.maxHeaderBytes,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts above on an interval (default 30 s, which would let a
    // 10 s headers timeout run to 40 s). A quarter of the headers timeout, 0.1-1 s: the
    // check walks the connection list in C++, cheap even at the connection limit.
    connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    // RFC 9112 §3.2: an HTTP/1.1 request without Host gets 400. Node's own check answers with
    // an empty body; `answer` below sends our bad_request body instead.
    requireHostHeader: false,
    // Repeated headers stay separate so the pipeline can refuse ambiguous ones (ambiguous_header).
    joinDuplicateHeaders: false,
    insecureHTTPParser: false,
  };
  const onRequest = opts.onRequest;
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.headers.host === undefined && req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
      res.shouldKeepAlive = false;
      sendError(res, 'bad_request', null);
      return;
    }
    onRequest(req, res);
  };
  const server: HttpServer | HttpsServer =
    material === null
      ? createHttpServer(httpOptions, answer)
      : createHttpsServer({ ...httpOptions, ...material.options, handshakeTimeout: limits.tlsHandshakeTimeoutMs }, answer);
  server.maxRequestsPerSocket = limits.maxRequestsPerSocket;
  // http.Server starts its connection tracking (which enforces headersTimeout and
  // requestTimeout, and which closeIdleConnections() uses) on its own 'listening' event. This
  // server never listens, net.Server below does, so without this the timeouts would never
  // fire: verified on Node 24, and covered by the request-timeout test.
  server.emit('listening');

  // Responses in flight, so close() can tell them to end with `connection: close`.
  const inflight = new Set<ServerResponse>();
  let closing = false;
  function untrack(this: ServerResponse): void {
    inflight.delete(this);
  }
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (closing) res.shouldKeepAlive = false;
    inflight.add(res);
    res.on('close', untrack);
  });

  server.on('clientError', (err: NodeJS.ErrnoException, duplex: Duplex) => {
    const socket = duplex as Socket;
    const reason = clientErrorReason(err.code);
    if (reason === null) {
      socket.destroy();
      return;
    }
    counters.clientErrors[reason]++;
    if (log.isLevelEnabled('debug')) log.debug({ listener: name, remote: normalizeAddress(socket.remoteAddress ?? ''), reason, code: err.code }, 'request rejected by the HTTP parser');
    // Never echo the parser's message: it quotes the client's bytes.
    const current = (socket as { _httpMessage?: ServerResponse | null })._httpMessage;
    if (!socket.writable || current?.headersSent === true) {
      // A response is already on the wire (pipelining): an error now would corrupt it.
      socket.destroy();
      return;
    }
    writeRawError(socket, reason, null);
    socket.setTimeout(ERROR_LINGER_MS, () => socket.destroy());
  });

  if (material !== null) {
    server.on('tlsClientError', (err: NodeJS.ErrnoException, tlsSocket: TLSSocket) => {
      counters.tlsHandshakeFailed++;
      opts.onTlsHandshakeFailed?.();
      if (log.isLevelEnabled('debug')) {
        log.debug({ listener: name, remote: normalizeAddress(tlsSocket.remoteAddress ?? ''), reason: 'tls_handshake_failed', code: err.code ?? err.message }, 'TLS handshake failed');
      }
      tlsSocket.destroy();
    });
  }

  const sockets = new Set<Socket>();
  const onConnection = (socket: Socket): void => {
    const peer = socket.remoteAddress;
    const admission = gate.admit(peer);
    if (!admission.ok) {
      counters.refused[admission.reason]++;
      // RST, not FIN: nothing was read and nothing will be, and the server keeps no TIME_WAIT
      // state for a connection it never wanted (matters under a flood).
      socket.resetAndDestroy();
      const remote = normalizeAddress(peer ?? '');
      opts.onConnectionDenied?.(remote, admission.reason);
      // Debug only: a flood of refused connections must not become a flood of log lines.
      if (log.isLevelEnabled('debug')) log.debug({ listener: name, remote, reason: admission.reason }, 'connection refused');
      return;
    }
    counters.accepted++;
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      admission.release();
    });
    // Streamed (SSE) chunks must leave at once, not wait for Nagle's algorithm.
    socket.setNoDelay(true);
    socket.setKeepAlive(true, TCP_KEEPALIVE_MS);
    server.emit('connection', socket);
  };

  // Same half-open behaviour as the server that gets the socket: http.Server lets a client
  // half-close after its request and still get the response; tls.Server does not.
  const netServer: NetServer = createNetServer({ allowHalfOpen: material === null }, onConnection);
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.close(noop);
      const field = err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' ? 'host' : 'port';
      reject(new ConfigError(`${path}.${field}`, `cannot listen on ${config.host}:${config.port}: ${err.code ?? err.message}`));
    };
    netServer.once('error', onError);
    netServer.listen({ host: config.host, port: config.port }, () => {
      netServer.off('error', onError);
      resolve();
    });
  });
  let lastAcceptErrorLog = 0;
  netServer.on('error', (err: NodeJS.ErrnoException) => {
    // accept() failures (EMFILE, ENFILE): at most one line a second.
    const now = Date.now();
    if (now - lastAcceptErrorLog < 1000) return;
    lastAcceptErrorLog = now;
    log.error({ listener: name, code: err.code }, 'accepting a connection failed');
  });
  const address = netServer.address() as AddressInfo;

  // --- TLS reload ---
  const applyTls = (next: TlsMaterial, why: string): void => {
    (server as HttpsServer).setSecureContext(next.options);
    material = next;
    counters.tlsReloads++;
    const c = next.certificate;
    log.info({ listener: name, why, subject: c.subject.split('\n').join(', '), serial: c.serialNumber, fingerprint256: c.fingerprint256, validTo: c.validToDate.toISOString() }, 'TLS certificate loaded');
    for (const w of next.warnings) log.warn({ listener: name }, w);
  };
  const reload = (why: 'request' | 'file change', replacement?: TlsConfig): boolean => {
    if (material === null) return true;
    const refuse = (message: string): false => {
      counters.tlsReloadsRefused++;
      log.error({ listener: name, err: { message } }, 'TLS reload refused; the previous certificate keeps serving');
      return false;
    };
    let next: TlsMaterial;
    try {
      next = loadTlsOptions(replacement ?? tlsConfig!, baseDir, tlsPath, env);
    } catch (err) {
      return refuse((err as Error).message);
    }
    // Whether client certificates are requested is fixed per server at creation (tls.Server
    // reads requestCert/rejectUnauthorized once); setSecureContext cannot change it.
    if (next.options.requestCert !== material.options.requestCert || next.options.rejectUnauthorized !== material.options.rejectUnauthorized) {
      return refuse(`${tlsPath}: turning client certificates on or off (clientCa, requireClientCert) needs a restart`);
    }
    if (next.digest === material.digest) {
      if (why === 'request') log.debug({ listener: name }, 'TLS files and settings unchanged');
      return true;
    }
    try {
      applyTls(next, why);
    } catch (err) {
      return refuse((err as Error).message);
    }
    if (replacement !== undefined) {
      tlsConfig = replacement;
      startWatching();
    }
    return true;
  };

  let watchers: FSWatcher[] = [];
  let debounce: NodeJS.Timeout | null = null;
  const stopWatching = (): void => {
    for (const w of watchers) w.close();
    watchers = [];
    if (debounce !== null) clearTimeout(debounce);
    debounce = null;
  };
  const onFileEvent = (): void => {
    if (debounce !== null) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      if (!closing) reload('file change');
    }, WATCH_DEBOUNCE_MS);
    debounce.unref();
  };
  function startWatching(): void {
    stopWatching();
    if (material === null || tlsConfig === null || !tlsConfig.watch) return;
    // Watch the folders, not the files: editors and `mv`-style deployments replace the file
    // (a new inode the old watch never sees), and Kubernetes swaps a `..data` symlink.
    const byDir = new Map<string, Set<string>>();
    for (const f of material.files) {
      const dir = dirname(f);
      let names = byDir.get(dir);
      if (names === undefined) byDir.set(dir, (names = new Set()));
      names.add(basename(f));
    }
    for (const [dir, names] of byDir) {
      try {
        const w = watch(dir, { persistent: false }, (_event, filename) => {
          if (filename === null || names.has(filename) || filename.startsWith('..')) onFileEvent();
        });
        w.on('error', (err) => log.warn({ listener: name, dir, err: { message: err.message } }, 'stopped watching TLS files; reload them with SIGHUP'));
        watchers.push(w);
      } catch (err) {
        log.warn({ listener: name, dir, err: { message: (err as Error).message } }, 'cannot watch TLS files; reload them with SIGHUP');
      }
    }
  }
  startWatching();

  log.info(
    { listener: name, host: address.address, port: address.port, tls: material !== null, mutualTls: material?.options.requestCert ?? false },
    material === null ? 'listening (plain HTTP)' : 'listening',
  );

  let closed: Promise<void> | null = null;
  const close = (graceMs: number): Promise<void> =>
    (closed ??= (async () => {
      closing = true;
      stopWatching();
      const drained = new Promise<void>((resolve) => netServer.close(() => resolve()));
      for (const res of inflight) if (!res.headersSent) res.shouldKeepAlive = false;
      // Stops Node's timeout checker and closes idle keep-alive connections. The callback gets
      // ERR_SERVER_NOT_RUNNING (this server never listened): expected.
      server.close(noop);
      const sweep = setInterval(() => server.closeIdleConnections(), CLOSE_SWEEP_MS);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([drained, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, graceMs))))]);
      clearTimeout(timer);
      clearInterval(sweep);
      // Past the grace period: cut what is left (including TLS handshakes in progress).
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await drained;
      log.info({ listener: name }, 'listener closed');
    })());

  return {
    name,
    address,
    counters,
    certificate: () => material?.certificate ?? null,
    reloadTls: (tls?: TlsConfig) => reload('request', tls),
    setGate(next: ConnectionGate): void {
      next.carryOver(gate);
      gate = next;
    },
    close,
  };
}
