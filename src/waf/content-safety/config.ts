import { isIP } from 'node:net';
import { z } from 'zod';
import { SecretRefSchema } from '../../config/files.js';
import { EntraAuthSchema, type EntraAuthConfig } from '../../upstream/backend-config.js';

/**
 * Configuration of the Azure AI Content Safety Prompt Shields check, the WAF's optional
 * second opinion on prompt injection. Schema only; `prompt-shields.ts` provisions it.
 *
 * Credentials reuse the backends' building blocks: a secret reference for the key, and
 * the backends' Entra credential settings (managed identity, workload identity, client
 * secret, DefaultAzureCredential) with the same defaults, scope included
 * (https://cognitiveservices.azure.com/.default, which Content Safety accepts too).
 */

/** Prompt Shields' GA version (2024-09-01); preview versions end in `-preview`. */
export const DEFAULT_API_VERSION = '2024-09-01';
const API_VERSION = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:-preview)?$/;

/**
 * The backends' Entra settings without their `type` discriminator: here the key `entra`
 * already says which credential it is. `EntraAuthSchema` has refinements, so zod refuses
 * `.omit()`; the fields are taken from its shape and the result is piped through the
 * schema itself, so its cross-field checks (clientSecret needs tenantId…) run unchanged
 * and the output is an `EntraAuthConfig` that `createBackendAuth` takes as is.
 */
const { type: _entraType, ...entraFields } = EntraAuthSchema.shape;
const EntraFieldsSchema = z.strictObject(entraFields).transform((fields) => ({ type: 'entra' as const, ...fields }));
export const EntraCredentialSchema = EntraFieldsSchema.pipe(
  // zod types a pipe's target as taking exactly the source's output; EntraAuthSchema takes a
  // looser input (its defaulted fields may be absent), which is sound but does not type-check.
  EntraAuthSchema as unknown as z.ZodType<EntraAuthConfig, z.output<typeof EntraFieldsSchema>>,
);

export const ContentSafetyAuthSchema = z
  .union([
    z.strictObject({
      apiKey: SecretRefSchema.describe('Where the Content Safety resource key comes from (`{env: NAME}` or `{file: path}`); sent as `Ocp-Apim-Subscription-Key`.'),
    }),
    z.strictObject({
      entra: EntraCredentialSchema.describe('Microsoft Entra ID token (Authorization: Bearer), with the same settings as a backend\'s `entra` auth; the identity needs the Cognitive Services User role on the resource.'),
    }),
  ])
  .describe('How the gateway authenticates to Content Safety: `{apiKey: {env|file}}` or `{entra: {credential, …}}`. Required.');

/** Loopback hosts, the only ones allowed over http:// (a test rig on the same host). */
function isLoopback(hostname: string): boolean {
  const h = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

export const contentSafetyConfigSchema = z
  .strictObject({
    endpoint: z
      .string()
      .describe('Base URL of the Content Safety resource, e.g. https://contoso.cognitiveservices.azure.com (a path prefix is kept, for a proxy in front). https only; http:// only to a loopback address, for tests. Required.'),
    auth: ContentSafetyAuthSchema,
    timeoutMs: z
      .number()
      .int()
      .min(1)
      .max(60_000)
      .default(1_000)
      .describe('Total time allowed for one check, token wait, connect and every call included; past it the verdict is `unavailable` (timeout) and failMode decides. Default: 1000.'),
    failMode: z
      .enum(['open', 'closed'])
      .default('closed')
      .describe('What an unavailable verdict (timeout, error, non-200 status, input too large) means: `closed` blocks the request, `open` lets it through. Default: closed.'),
    apiVersion: z.string().regex(API_VERSION, 'a date such as "2024-09-01", optionally with "-preview"').default(DEFAULT_API_VERSION).describe(`api-version query parameter. Default: ${DEFAULT_API_VERSION}.`),
    ca: z.string().min(1).optional().describe('PEM file of CA certificates trusted in addition to the system roots (a private endpoint behind a TLS-inspecting proxy). Default: system roots only.'),
    maxCallsPerCheck: z
      .number()
      .int()
      .min(1)
      .max(32)
      .default(4)
      .describe('Input over the service limits (10,000 characters of prompt; 5 documents, 10,000 characters in all) is split over several parallel calls; input that needs more calls than this is not sent and the verdict is `unavailable` (input_too_large). Default: 4.'),
    connections: z.number().int().min(1).max(1_024).default(32).describe('Maximum open connections to the endpoint; further calls queue (within timeoutMs). Default: 32.'),
  })
  .superRefine((c, ctx) => {
    let url: URL;
    try {
      url = new URL(c.endpoint);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['endpoint'], message: 'not a valid URL' });
      return;
    }
    if (url.protocol === 'http:') {
      if (!isLoopback(url.hostname)) ctx.addIssue({ code: 'custom', path: ['endpoint'], message: 'http:// sends prompts and credentials unencrypted; use https (http is allowed only to a loopback address)' });
      if (c.ca !== undefined) ctx.addIssue({ code: 'custom', path: ['ca'], message: 'only used with https' });
    } else if (url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', path: ['endpoint'], message: `scheme must be https (got ${url.protocol.slice(0, -1)})` });
    }
    if (url.username !== '' || url.password !== '') ctx.addIssue({ code: 'custom', path: ['endpoint'], message: 'must not contain credentials; use auth' });
    if (url.search !== '' || url.hash !== '' || /[?#]/.test(c.endpoint)) ctx.addIssue({ code: 'custom', path: ['endpoint'], message: 'must not have a query or fragment (api-version is its own setting)' });
  })
  .describe('Azure AI Content Safety Prompt Shields, asked for a second opinion on prompt injection.');

export type ContentSafetyAuthConfig = z.infer<typeof ContentSafetyAuthSchema>;
export type ContentSafetyConfig = z.infer<typeof contentSafetyConfigSchema>;
export type ContentSafetyConfigInput = z.input<typeof contentSafetyConfigSchema>;
