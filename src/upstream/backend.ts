import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { checkServerIdentity, createSecureContext, getCACertificates, rootCertificates, type PeerCertificate } from 'node:tls';
import type { Logger } from 'pino';
import { Pool, buildConnector, type Dispatcher } from 'undici';
import { ConfigError } from '../config/config-error.js';
import { readConfigFile } from '../config/files.js';
import { createBackendAuth, type AuthContext, type BackendAuth } from './backend-auth.js';
import { hostnameOf, type BackendConfig } from './backend-config.js';
import { EgressPolicy, type DnsLookup } from './egress-lookup.js';
import { StatusMatcher } from './health-probe.js';
import { HealthState } from './health-state.js';
import { isPrivateAddress } from './private-address.js';

/**
 * A provisioned backend: everything the request path needs to reach one Azure OpenAI
 * endpoint, built once from its config. The proxy reads `hostHeader`, `auth` and
 * `dispatcher`; the pool reads `health.status`.
 */

export interface BackendContext {
  readonly baseDir: string;
  /** Config path of this backend, e.g. `backends[0]`; config errors are named under it. */
  readonly path: string;
  readonly log: Logger;
  /** Environment for secret references. Default: process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Test seams. */
  readonly dnsLookup?: DnsLookup;
  readonly credentialFactory?: AuthContext['credentialFactory'];
  readonly tokenTiming?: AuthContext['timing'];
  /** How long provisioning waits for the first Entra token before going on without it. Default: 10 s. */
  readonly firstTokenWaitMs?: number;
}

const FIRST_TOKEN_WAIT_MS = 10_000;

export class Backend {
  readonly name: string;
  /** `https://host[:port]`, as undici parses it. */
  readonly origin: string;
  /** Value sent as Host: `hostHeader` from the config, else the url's host (with a non-default port). */
  readonly hostHeader: string;
  /** The name the backend's certificate is verified against (and sent as SNI unless an IP). */
  readonly tlsName: string | null;
  /** undici Pool: HTTP/1.1 keep-alive connections to this backend, with its TLS trust and egress rule. */
  readonly dispatcher: Dispatcher;
  readonly auth: BackendAuth;
  readonly health: HealthState;
  readonly egress: EgressPolicy;
  #closing: Promise<void> | null = null;

  constructor(init: { name: string; origin: string; hostHeader: string; tlsName: string | null; dispatcher: Dispatcher; auth: BackendAuth; egress: EgressPolicy }) {
    this.name = init.name;
    this.origin = init.origin;
    this.hostHeader = init.hostHeader;
    this.tlsName = init.tlsName;
    this.dispatcher = init.dispatcher;
    this.auth = init.auth;
    this.egress = init.egress;
    this.health = new HealthState();
  }

  /**
   * Stops token refreshes and closes the pool gracefully: requests in flight finish
   * (bounded by the body and headers timeouts), new ones are refused. Idempotent.
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.auth.close();
      await this.dispatcher.close();
    })();
    return this.#closing;
  }

  /** Keeps JSON dumps (status pages) to what is safe to show. */
  toJSON(): object {
    return { name: this.name, origin: this.origin, hostHeader: this.hostHeader, health: this.health };
  }
}

/**
 * Parse → provision: reads the CA file, resolves secrets, builds the connector and pool,
 * and waits (bounded) for a first Entra token. Throws a ConfigError named under
 * `ctx.path` for anything wrong in the config; on any failure what was built is closed.
 */
export async function provisionBackend(cfg: BackendConfig, ctx: BackendContext): Promise<Backend> {
  const path = ctx.path;
  const env = ctx.env ?? process.env;
  const log = ctx.log;

  // --- checks that need no resources ---
  const url = new URL(cfg.url);
  const hostname = hostnameOf(url);
  const https = url.protocol === 'https:';
  if (url.protocol === 'http:' && !cfg.allowPlaintext) throw new ConfigError(`${path}.url`, 'http:// requires allowPlaintext: true');
  const resolve = cfg.resolve ?? null;
  resolve?.forEach((ip, i) => {
    if (isIP(ip) === 0) throw new ConfigError(`${path}.resolve[${i}]`, `"${ip}" is not an IP address`);
  });
  // Validated here as well as in the schema: the prober relies on it.
  new StatusMatcher(cfg.probe.expectStatus, `${path}.probe.expectStatus`);
  const hostHeader = cfg.hostHeader ?? url.host;
  const tlsName = https ? hostOfHeader(hostHeader) : null;
  const ca = cfg.ca === undefined ? null : readCaBundle(cfg.ca, ctx.baseDir, `${path}.ca`, log, cfg.name);

  const egress = new EgressPolicy({
    backend: cfg.name,
    resolve,
    requirePrivateAddress: cfg.requirePrivateAddress,
    log,
    ...(ctx.dnsLookup === undefined ? {} : { dnsLookup: ctx.dnsLookup }),
  });
  if (cfg.requirePrivateAddress) {
    // Known at load: say so now rather than at the first request.
    const fixed = isIP(hostname) !== 0 ? [hostname] : resolve ?? [];
    for (const ip of fixed) {
      if (!isPrivateAddress(ip)) log.warn({ backend: cfg.name, address: ip }, `backend ${cfg.name}: ${ip} is not a private address; every connection will be refused (requirePrivateAddress)`);
    }
  }
  // Node connects to an IP literal without calling lookup, so its check happens here, once.
  const literalAddress = isIP(hostname) !== 0 ? hostname : null;

  // --- resources: auth (timers), then the pool ---
  let auth: BackendAuth | null = null;
  let pool: Pool | null = null;
  try {
    auth = await createBackendAuth(cfg.auth, {
      backend: cfg.name,
      baseDir: ctx.baseDir,
      path,
      env,
      log,
      ...(ctx.credentialFactory === undefined ? {} : { credentialFactory: ctx.credentialFactory }),
      ...(ctx.tokenTiming === undefined ? {} : { timing: ctx.tokenTiming }),
    });

    const base = buildConnector({
      timeout: cfg.connectTimeoutMs,
      // HTTP/1.1 only, like nginx and Envoy's default upstream: one long LLM stream per
      // connection, no TCP head-of-line blocking between streams, `connections` caps sockets.
      allowH2: false,
      lookup: egress.lookup,
      // Azure requires TLS 1.2+; so do we (seed 001). One context per backend, built here:
      // passing `ca` to tls.connect would parse the whole root store again on every new
      // connection (measured: ~10 ms of CPU each under `npm run bench`).
      secureContext: createSecureContext({ minVersion: 'TLSv1.2', ...(ca === null ? {} : { ca }) }),
      ...(tlsName !== null && isIP(tlsName) !== 0 && tlsName !== hostname
        ? { checkServerIdentity: (_host: string, cert: PeerCertificate) => checkServerIdentity(tlsName, cert) }
        : {}),
    });
    // The server name comes from here, never from a request's Host header (undici would
    // otherwise derive SNI, and so the name verified, from each request's Host).
    // An IP is not a valid SNI (RFC 6066 §3): null lets node verify the IP itself.
    const servername = tlsName !== null && isIP(tlsName) === 0 ? tlsName : null;
    const connector: buildConnector.connector = (opts, cb) => {
      if (literalAddress !== null) {
        const refused = egress.checkAddress(literalAddress, literalAddress);
        if (refused !== null) {
          queueMicrotask(() => cb(refused, null));
          return;
        }
      }
      base({ ...opts, servername: servername as string }, cb);
    };

    pool = new Pool(url.origin, {
      connections: cfg.connections,
      pipelining: 1,
      connect: connector,
      headersTimeout: cfg.headersTimeoutMs,
      bodyTimeout: cfg.bodyTimeoutMs,
      keepAliveTimeout: cfg.keepAliveTimeoutMs,
      // A Keep-Alive hint from the backend may shorten the idle time, never lengthen it.
      keepAliveMaxTimeout: cfg.keepAliveTimeoutMs,
      allowH2: false,
    });

    const backend = new Backend({ name: cfg.name, origin: url.origin, hostHeader, tlsName, dispatcher: pool, auth, egress });
    await waitForFirstToken(backend, ctx.firstTokenWaitMs ?? FIRST_TOKEN_WAIT_MS, log);
    return backend;
  } catch (err) {
    auth?.close();
    await pool?.destroy().catch(() => undefined);
    throw err;
  }
}

/**
 * An Entra backend starts with a token when the identity endpoint answers in time; if it
 * does not, the gateway starts anyway (the backend fails with upstream_auth_error and the
 * token keeps being retried in the background) rather than refuse a whole config because
 * an identity endpoint is briefly down.
 */
async function waitForFirstToken(backend: Backend, waitMs: number, log: Logger): Promise<void> {
  if (backend.auth.headerName !== 'authorization') return;
  let timer: NodeJS.Timeout | null = null;
  const deadline = new Promise<'timeout'>((res) => {
    timer = setTimeout(() => res('timeout'), waitMs);
    timer.unref();
  });
  try {
    const r = await Promise.race([backend.auth.ready().then(() => 'ok' as const), deadline]);
    if (r === 'timeout') log.warn({ backend: backend.name, waitedMs: waitMs }, `backend ${backend.name}: no Entra ID token yet; still trying in the background`);
  } catch (err) {
    log.error({ backend: backend.name, error: err instanceof Error ? err.message : String(err) }, `backend ${backend.name}: could not get an Entra ID token; retrying in the background`);
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}

/** The host of a Host header value: brackets and port removed. */
function hostOfHeader(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

/**
 * The trust list for a backend with a private CA: node's default CAs (bundled roots, plus
 * NODE_EXTRA_CA_CERTS and the system store when node is told to use them) and the
 * certificates of the file. Each certificate in the file must parse; an expired one or a
 * non-CA one is worth a warning, not a refusal (a self-signed leaf is a valid trust anchor).
 */
export function readCaBundle(file: string, baseDir: string, path: string, log: Logger, backend: string): string[] {
  const text = readConfigFile(baseDir, file, path).toString('utf8');
  const pems = text.match(PEM_CERT) ?? [];
  if (pems.length === 0) throw new ConfigError(path, `no PEM certificate in ${file}`);
  const now = Date.now();
  pems.forEach((pem, i) => {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(pem);
    } catch (err) {
      throw new ConfigError(path, `certificate ${i + 1} in ${file} does not parse: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (Date.parse(cert.validTo) < now) log.warn({ backend, subject: cert.subject, validTo: cert.validTo }, `backend ${backend}: CA certificate ${i + 1} in ${file} has expired`);
    if (!cert.ca) log.warn({ backend, subject: cert.subject }, `backend ${backend}: certificate ${i + 1} in ${file} is not a CA certificate`);
  });
  const defaults = typeof getCACertificates === 'function' ? getCACertificates('default') : rootCertificates;
  return [...defaults, ...pems];
}
