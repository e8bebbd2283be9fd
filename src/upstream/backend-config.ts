import { isIP } from 'node:net';
import { z } from 'zod';
import { SecretRefSchema } from '../config/files.js';

/**
 * Configuration of the backends: the Azure OpenAI (or compatible) endpoints the gateway
 * may connect to. Schema only; `backend.ts` provisions it into runtime state.
 */

const BACKEND_NAME = /^[A-Za-z0-9._-]{1,64}$/;
/** A DNS name or IP literal (IPv6 in brackets), with an optional port: the shape of a Host header. */
const HOST_HEADER = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)(?::[0-9]{1,5})?$/;
/** `200`, or an inclusive range `200-399`. */
const STATUS_SPEC = /^[1-5][0-9]{2}(?:-[1-5][0-9]{2})?$/;
/** An absolute path with an optional query; no fragment, no whitespace. */
const PROBE_PATH = /^\/[^\s#]*$/;

export const DEFAULT_SCOPE = 'https://cognitiveservices.azure.com/.default';

export const ProbeConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Probe the backend; when false it always counts as healthy. Default: true.'),
    path: z.string().regex(PROBE_PATH, 'an absolute path such as "/"').default('/').describe('Path probed (with an optional query). Default: "/".'),
    method: z.enum(['GET', 'HEAD']).default('GET').describe('HTTP method of the probe. Default: GET.'),
    intervalMs: z.number().int().min(10).max(3_600_000).default(10_000).describe('Time between the end of one probe and the start of the next, ±10% jitter. Default: 10000.'),
    timeoutMs: z.number().int().min(1).max(600_000).default(3_000).describe('A probe without a complete status line within this time fails. Default: 3000.'),
    healthyThreshold: z.number().int().min(1).max(100).default(2).describe('Consecutive passes that make an unhealthy backend healthy. Default: 2.'),
    unhealthyThreshold: z.number().int().min(1).max(100).default(3).describe('Consecutive failures that make a healthy backend unhealthy. Default: 3.'),
    expectStatus: z
      .array(z.string().regex(STATUS_SPEC, 'a status code such as "404" or a range such as "200-399"'))
      .min(1)
      .default(['200-399', '404'])
      .describe('Statuses that count as a pass: codes or inclusive ranges. Azure OpenAI has no health endpoint and answers 404 at "/", hence the default. Default: ["200-399", "404"].'),
  })
  .superRefine((p, ctx) => {
    p.expectStatus.forEach((spec, i) => {
      const [lo, hi] = spec.split('-');
      if (hi !== undefined && Number(lo) > Number(hi)) ctx.addIssue({ code: 'custom', path: ['expectStatus', i], message: `range ${spec} is empty (start above end)` });
    });
  })
  .describe('Active health probe, as Application Gateway\'s custom probe.');

export const ApiKeyAuthSchema = z.strictObject({
  type: z.literal('apiKey'),
  key: SecretRefSchema.describe('Where the backend\'s API key comes from (`{env: NAME}` or `{file: path}`); sent as the `api-key` header. Required.'),
});

export const EntraAuthSchema = z
  .strictObject({
    type: z.literal('entra'),
    credential: z
      .enum(['managedIdentity', 'workloadIdentity', 'clientSecret', 'default'])
      .default('managedIdentity')
      .describe('How the gateway gets its Microsoft Entra ID token: the host\'s managed identity, AKS workload identity, an app registration\'s client secret, or DefaultAzureCredential\'s chain. Default: managedIdentity.'),
    clientId: z.string().min(1).optional().describe('Client ID of a user-assigned managed identity, or of the app registration (workloadIdentity, clientSecret). Default: system-assigned identity / AZURE_CLIENT_ID.'),
    tenantId: z.string().min(1).optional().describe('Directory (tenant) ID; required for clientSecret. Default: AZURE_TENANT_ID where the credential reads it.'),
    clientSecret: SecretRefSchema.optional().describe('Client secret of the app registration (`{env}` or `{file}`); only with credential clientSecret. Default: none.'),
    scope: z.string().min(1).default(DEFAULT_SCOPE).describe(`Token scope. Default: ${DEFAULT_SCOPE}.`),
    authorityHost: z.url({ protocol: /^https$/ }).optional().describe('Entra authority for sovereign clouds, e.g. https://login.microsoftonline.us (not used by managedIdentity). Default: https://login.microsoftonline.com.'),
  })
  .superRefine((a, ctx) => {
    if (a.credential === 'clientSecret') {
      for (const field of ['tenantId', 'clientId', 'clientSecret'] as const) {
        if (a[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `required with credential clientSecret` });
      }
    } else if (a.clientSecret !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['clientSecret'], message: `only used with credential clientSecret (credential is ${a.credential})` });
    }
    if (a.credential === 'managedIdentity' && a.authorityHost !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['authorityHost'], message: 'not used by managedIdentity (the identity endpoint is local)' });
    }
  });

export const NoAuthSchema = z.strictObject({
  type: z.literal('none'),
});

export const BackendAuthConfigSchema = z
  .discriminatedUnion('type', [ApiKeyAuthSchema, EntraAuthSchema, NoAuthSchema])
  .describe('The credential the gateway presents to the backend (clients\' own credentials are never forwarded): `apiKey` (api-key header), `entra` (Authorization: Bearer) or `none`. Required.');

export const BackendConfigSchema = z
  .strictObject({
    name: z.string().regex(BACKEND_NAME, 'letters, digits, ".", "_" and "-", 1 to 64').describe('Unique name, used by deployments, logs and metrics. Required.'),
    url: z.string().describe('Origin of the backend: https://host[:port], no path, query or credentials (e.g. https://contoso.openai.azure.com). Required.'),
    allowPlaintext: z.boolean().default(false).describe('Allow an http:// url (unencrypted; only for a backend on the same host or a test rig). Default: false.'),
    hostHeader: z.string().regex(HOST_HEADER, 'a host name or IP, with an optional :port').optional().describe('Host header (and TLS server name) sent to the backend instead of the url\'s host; the certificate is then verified against this name. Default: the url\'s host.'),
    ca: z.string().min(1).optional().describe('PEM file of CA certificates trusted for this backend in addition to the system roots (re-encryption to a backend with a private CA). Default: system roots only.'),
    resolve: z
      .array(z.string().refine((s) => isIP(s) !== 0, 'an IPv4 or IPv6 address'))
      .min(1)
      .optional()
      .describe('Addresses to connect to instead of resolving the url\'s host in DNS, like a hosts-file entry for a private endpoint; TLS still verifies the real host name. Default: DNS.'),
    requirePrivateAddress: z.boolean().default(false).describe('Refuse to connect unless every address the host resolves to (or `resolve` lists) is private: 10/8, 172.16/12, 192.168/16, 100.64/10, 127/8, ::1, fc00::/7. Link-local (169.254/16, incl. the metadata service) is not private. Default: false.'),
    auth: BackendAuthConfigSchema,
    probe: ProbeConfigSchema.prefault({}),
    connections: z.number().int().min(1).max(65_535).default(128).describe('Maximum open connections (sockets) to this backend; further requests queue. Default: 128.'),
    connectTimeoutMs: z.number().int().min(1).max(600_000).default(5_000).describe('Time allowed for the TCP and TLS handshakes. Default: 5000.'),
    headersTimeoutMs: z.number().int().min(1).max(3_600_000).default(300_000).describe('Time from sending the request to the backend\'s response headers; LLM calls are slow. Default: 300000.'),
    bodyTimeoutMs: z.number().int().min(1).max(3_600_000).default(300_000).describe('Longest silence allowed between two chunks of the response body. Default: 300000.'),
    keepAliveTimeoutMs: z.number().int().min(1).max(600_000).default(30_000).describe('How long an idle connection is kept for reuse (a shorter Keep-Alive hint from the backend wins). Default: 30000.'),
  })
  .superRefine((b, ctx) => {
    let url: URL;
    try {
      url = new URL(b.url);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'not a valid URL' });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', path: ['url'], message: `scheme must be https (got ${url.protocol.slice(0, -1)})` });
      return;
    }
    if (url.protocol === 'http:' && !b.allowPlaintext) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'http:// sends prompts and credentials unencrypted; use https, or set allowPlaintext: true' });
    }
    if (url.username !== '' || url.password !== '') ctx.addIssue({ code: 'custom', path: ['url'], message: 'must not contain credentials; use auth' });
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(b.url)) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'must be an origin only (https://host[:port]), without path, query or fragment' });
    }
    if (url.protocol === 'http:' && b.ca !== undefined) ctx.addIssue({ code: 'custom', path: ['ca'], message: 'only used with https' });
    if (b.resolve !== undefined && isIP(hostnameOf(url)) !== 0) {
      ctx.addIssue({ code: 'custom', path: ['resolve'], message: 'the url already names an address; resolve is for host names' });
    }
  })
  .describe('One backend endpoint.');

/** The url's host without IPv6 brackets. */
export function hostnameOf(url: URL): string {
  const h = url.hostname;
  return h.startsWith('[') ? h.slice(1, -1) : h;
}

export type ProbeConfig = z.infer<typeof ProbeConfigSchema>;
export type ApiKeyAuthConfig = z.infer<typeof ApiKeyAuthSchema>;
export type EntraAuthConfig = z.infer<typeof EntraAuthSchema>;
export type BackendAuthConfig = z.infer<typeof BackendAuthConfigSchema>;
export type BackendConfig = z.infer<typeof BackendConfigSchema>;
