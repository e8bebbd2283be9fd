import { z } from 'zod';
import { SecretRefSchema } from '../config/files.js';
import { parseAddressEntry } from './address-set.js';

/**
 * Config of the data-plane listeners, the source-address policy and the HTTP limits a
 * client controls. Files named here are relative to the config file. Runtime state built
 * from it lives elsewhere: ConnectionGate (policy), tls-material.ts (certificates),
 * listener.ts (sockets).
 */

export const TlsConfigSchema = z
  .strictObject({
    cert: z
      .string()
      .min(1)
      .optional()
      .describe('PEM file with the server certificate, followed by any intermediate certificates. Use with `key`, or use `pfx` instead. Default: none.'),
    key: z.string().min(1).optional().describe('PEM file with the private key of `cert` (PKCS#8, PKCS#1 or SEC1). Default: none.'),
    pfx: z
      .string()
      .min(1)
      .optional()
      .describe('PKCS#12 (.pfx/.p12) file holding certificate, chain and key, as exported from Windows or Azure Key Vault; instead of `cert` and `key`. Default: none.'),
    passphrase: SecretRefSchema.optional().describe(
      'Where the passphrase of `pfx` (or of an encrypted PEM `key`) comes from: `{ env: NAME }` or `{ file: path }`, never an inline value. Default: none (unencrypted).',
    ),
    minVersion: z
      .enum(['TLSv1.2', 'TLSv1.3'])
      .default('TLSv1.2')
      .describe('Lowest TLS version accepted; older clients fail the handshake. Default: TLSv1.2.'),
    ciphers: z
      .string()
      .min(1)
      .optional()
      .describe("OpenSSL cipher list for TLS 1.2 and below, in order of preference (the server's order wins). TLS 1.3 suites are not affected. Default: Node's default list."),
    clientCa: z
      .string()
      .min(1)
      .optional()
      .describe('PEM bundle of the CAs whose client certificates are accepted; setting it turns on mutual TLS. Default: none (no client certificates requested).'),
    requireClientCert: z
      .boolean()
      .optional()
      .describe('With `clientCa`: refuse the handshake when the client presents no certificate, or one not issued by `clientCa`. False lets such clients through unauthenticated (for mixed API-key and certificate clients). Default: true when `clientCa` is set.'),
    watch: z
      .boolean()
      .default(true)
      .describe('Watch the certificate, key, PFX and CA files and load them again when they change; new connections get the new certificate, open ones are kept. Default: true.'),
  })
  .superRefine((t, ctx) => {
    if (t.pfx !== undefined) {
      for (const field of ['cert', 'key'] as const) {
        if (t[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'give either `cert` and `key` (PEM files) or `pfx` (PKCS#12 file), not both' });
      }
    } else {
      if (t.cert === undefined) ctx.addIssue({ code: 'custom', path: ['cert'], message: 'required: give `cert` and `key` (PEM files) or `pfx` (PKCS#12 file)' });
      if (t.key === undefined) ctx.addIssue({ code: 'custom', path: ['key'], message: 'required with `cert`: the PEM file holding its private key' });
    }
    if (t.requireClientCert !== undefined && t.clientCa === undefined) {
      ctx.addIssue({ code: 'custom', path: ['requireClientCert'], message: 'has no effect without `clientCa` (the CAs client certificates are checked against)' });
    }
  })
  .describe('TLS for a listener: the certificate it presents, versions, ciphers and optional client certificates.');

/** Listener names follow the same rule as other names in the config (used as a metrics label). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const ListenerConfigSchema = z
  .strictObject({
    name: z
      .string()
      .regex(NAME, 'letters, digits, ".", "_" and "-", at most 64, starting with a letter or digit')
      .default('public')
      .describe('Name used in logs and metrics. Default: public.'),
    host: z.string().min(1).default('0.0.0.0').describe('Address to listen on; `::` listens on IPv6 and IPv4. Default: 0.0.0.0 (all IPv4 addresses).'),
    port: z
      .number()
      .int()
      .min(0)
      .max(65535)
      .describe('TCP port, 1-65535 (0 picks a free port, for tests). Required.'),
    tls: TlsConfigSchema.optional().describe('TLS settings. Required unless `plaintext: true`.'),
    plaintext: z
      .boolean()
      .default(false)
      .describe('Serve plain HTTP without TLS: only behind a TLS-terminating proxy on a trusted network. Must be set explicitly, and excludes `tls`. Default: false.'),
  })
  .superRefine((l, ctx) => {
    if (l.tls === undefined && !l.plaintext) {
      ctx.addIssue({ code: 'custom', path: ['tls'], message: 'required: a listener serves HTTPS; plain HTTP is allowed only when the config says so explicitly with `plaintext: true`' });
    }
    if (l.tls !== undefined && l.plaintext) {
      ctx.addIssue({ code: 'custom', path: ['plaintext'], message: '`plaintext: true` contradicts `tls`; remove one of them' });
    }
  })
  .describe('A data-plane listener.');

const ADDRESS_LIST_HELP = 'IPv4/IPv6 addresses or CIDR ranges';

export const NetworkPolicySchema = z
  .strictObject({
    allow: z
      .array(z.string())
      .min(1, 'at least one entry: the gateway refuses every source it is not told to allow (write 0.0.0.0/0 and ::/0 to allow all)')
      .describe(
        `Sources that may connect (${ADDRESS_LIST_HELP}); every other source is closed at accept, before TLS. IPv4 rules also match IPv4-mapped IPv6 peers; IPv6 rules match IPv6 peers only, so allow everyone with both 0.0.0.0/0 and ::/0. Required, at least one entry (fail closed).`,
      ),
    deny: z.array(z.string()).default([]).describe(`Sources refused even when \`allow\` matches: deny wins (${ADDRESS_LIST_HELP}). Default: none.`),
    trustedProxies: z
      .array(z.string())
      .default([])
      .describe(
        `Peers whose \`x-forwarded-for\` header is believed for the client address (access log, forwarded x-forwarded-for) (${ADDRESS_LIST_HELP}). The accept-time policy above always uses the TCP peer. Default: none.`,
      ),
    maxConnections: z.number().int().min(1).default(10000).describe('Open client connections across all listeners; more are closed at accept. Default: 10000.'),
    maxConnectionsPerIp: z.number().int().min(1).default(1000).describe('Open client connections from one source address. Default: 1000.'),
  })
  .superRefine((p, ctx) => {
    for (const list of ['allow', 'deny', 'trustedProxies'] as const) {
      p[list].forEach((entry, i) => {
        const e = parseAddressEntry(entry);
        if (typeof e === 'string') ctx.addIssue({ code: 'custom', path: [list, i], message: e });
      });
    }
  })
  .describe('Source-address policy and connection limits, checked when a TCP connection is accepted.');

export const HttpLimitsSchema = z
  .strictObject({
    maxHeaderBytes: z.number().int().min(1024).max(1_048_576).default(16384).describe('Request line plus headers, in bytes; more is answered 431 headers_too_large. Default: 16384.'),
    maxUrlBytes: z.number().int().min(64).default(8192).describe('Request target length in bytes; longer is answered 414 uri_too_long. Default: 8192.'),
    maxBodyBytes: z.number().int().min(0).default(33_554_432).describe('Request body size in bytes; larger is answered 413 body_too_large. Default: 33554432 (32 MiB).'),
    bufferBodyBytes: z
      .number()
      .int()
      .min(0)
      .default(1_048_576)
      .describe('Request bodies declared (Content-Length) up to this size are read whole before the backend request starts, as nginx\'s proxy_request_buffering does; larger and chunked bodies are streamed. 0: always stream. Default: 1048576 (1 MiB).'),
    headersTimeoutMs: z.number().int().min(1).default(10_000).describe('Time to receive the complete request headers (slowloris); then 408 request_timeout. Default: 10000.'),
    requestTimeoutMs: z
      .number()
      .int()
      .min(1)
      .default(300_000)
      .describe('Time to receive the complete request, body included; then 408 request_timeout. Does not limit the response (a long stream). Default: 300000.'),
    keepAliveTimeoutMs: z.number().int().min(0).default(5000).describe('How long an idle keep-alive connection stays open between requests. Default: 5000.'),
    maxRequestsPerSocket: z.number().int().min(0).default(1000).describe('Requests served on one connection before it is closed (0: unlimited). Default: 1000.'),
    tlsHandshakeTimeoutMs: z.number().int().min(1).default(10_000).describe('Time for a client to complete the TLS handshake. Default: 10000.'),
  })
  .superRefine((l, ctx) => {
    // Node refuses headersTimeout > requestTimeout (ERR_OUT_OF_RANGE at createServer).
    if (l.headersTimeoutMs > l.requestTimeoutMs) {
      ctx.addIssue({ code: 'custom', path: ['headersTimeoutMs'], message: `must not exceed requestTimeoutMs (${l.requestTimeoutMs})` });
    }
  })
  .describe('Sizes and times a client controls.');

export type TlsConfig = z.infer<typeof TlsConfigSchema>;
export type ListenerConfig = z.infer<typeof ListenerConfigSchema>;
export type NetworkPolicy = z.infer<typeof NetworkPolicySchema>;
export type HttpLimits = z.infer<typeof HttpLimitsSchema>;
