import { z } from 'zod';

/** `sha256:` followed by the 64 hex digits of SHA-256 over the key's UTF-8 bytes. */
export const KEY_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

export const ApiKeyConfigSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).describe('Stable key id, written to logs and audit records (never the key). Required.'),
  name: z.string().min(1).max(200).optional().describe('Human-readable owner of the key. Default: the id.'),
  hash: z
    .string()
    .regex(KEY_HASH_PATTERN, 'must be "sha256:" and 64 lowercase hex digits (see `portcullis hash-key`)')
    .describe('SHA-256 of the key as produced by `portcullis hash-key`. The key itself is never stored. Required.'),
  deployments: z
    .array(z.string().min(1))
    .min(1)
    .describe('Deployments the key may use; ["*"] for all. Required.'),
  expiresAt: z.iso.datetime({ offset: true }).optional().describe('ISO 8601 instant after which the key is refused (401 credential_expired). Default: never.'),
  enabled: z.boolean().default(true).describe('A disabled key is refused like an unknown one. Default: true.'),
});
export type ApiKeyConfig = z.infer<typeof ApiKeyConfigSchema>;

/** A keys file holds only keys, so that it can be managed apart from the gateway config. */
export const KeysFileSchema = z.strictObject({
  keys: z.array(ApiKeyConfigSchema).default([]),
});

/** A client identified by a verified TLS client certificate (mutual TLS). */
export const CertClientConfigSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).describe('Stable client id for logs and access rules. Required.'),
  name: z.string().min(1).max(200).optional().describe('Human-readable name. Default: the id.'),
  subject: z
    .string()
    .min(1)
    .describe('The certificate subject common name (CN) that identifies this client. The certificate must also verify against the listener\'s clientCa. Required.'),
  deployments: z.array(z.string().min(1)).min(1).describe('Deployments the client may use; ["*"] for all. Required.'),
});
export type CertClientConfig = z.infer<typeof CertClientConfigSchema>;
