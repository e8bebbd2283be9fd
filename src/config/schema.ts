import { z } from 'zod';
import { ListenerConfigSchema, NetworkPolicySchema, HttpLimitsSchema } from '../network/listener-config.js';
import { BackendConfigSchema } from '../upstream/backend-config.js';
import { ApiKeyConfigSchema, CertClientConfigSchema } from '../identity/api-key-config.js';
import { WafConfigSchema } from '../waf/config.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const DeploymentConfigSchema = z.strictObject({
  name: z.string().regex(NAME, 'letters, digits, ".", "_" and "-", at most 64, starting with a letter or digit').describe('Deployment name clients use in /openai/deployments/{name}/… and as `model` on /openai/v1. Required.'),
  upstreamName: z.string().regex(NAME).optional().describe('Deployment name at the backend. Default: the same as `name`.'),
  backends: z.array(z.string()).min(1).describe('Names of the backends (see `backends`) that serve this deployment; traffic goes round-robin to the healthy ones. Required.'),
  aliases: z.array(z.string().regex(NAME)).default([]).describe('Other names that select this deployment: in /openai/deployments/{name}/… paths and as the body `model` on /openai/v1 routes. Default: none.'),
});

export const ControlConfigSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Serve /healthz, /readyz, /metrics and /status. Default: true.'),
  host: z.string().default('127.0.0.1').describe('Address of the control-plane listener; keep it off the public network. Default: 127.0.0.1.'),
  port: z.number().int().min(0).max(65535).default(9090).describe('Port of the control-plane listener. Default: 9090.'),
});

export const LogConfigSchema = z.strictObject({
  level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Minimum log level. Default: info.'),
  accessLog: z.boolean().default(true).describe('One JSON line per request. Default: true.'),
});

export const GatewayConfigSchema = z
  .strictObject({
    listeners: z.array(ListenerConfigSchema).min(1).describe('Data-plane listeners. Only these are opened. Required.'),
    network: NetworkPolicySchema.describe('Source-address policy, checked when a TCP connection is accepted. Required.'),
    limits: HttpLimitsSchema.default(HttpLimitsSchema.parse({})).describe('Sizes and times a client controls.'),
    control: ControlConfigSchema.default(ControlConfigSchema.parse({})).describe('Control-plane listener (health, metrics).'),
    backends: z.array(BackendConfigSchema).min(1).describe('Azure OpenAI (or compatible) endpoints the gateway may connect to: the only egress. Required.'),
    deployments: z.array(DeploymentConfigSchema).min(1).describe('Deployments this gateway serves. Required.'),
    v1DefaultDeployment: z.string().optional().describe('Deployment for /openai/v1 requests whose body names no model (e.g. GET /openai/v1/models). Default: such requests get 400 model_required.'),
    keys: z.array(ApiKeyConfigSchema).default([]).describe('API keys, stored as hashes. Default: none.'),
    keysFile: z.string().optional().describe('A YAML file with `keys: [...]` in the same shape, read at start and on reload. Default: none.'),
    clients: z.array(CertClientConfigSchema).default([]).describe('Clients identified by a verified TLS client certificate. Default: none.'),
    shadow: z.array(z.enum(['identity', 'access'])).default([]).describe('Stages whose denies are only logged, not enforced (for rollout). Default: none.'),
    log: LogConfigSchema.default(LogConfigSchema.parse({})).describe('Logging.'),
    waf: WafConfigSchema.optional().describe('Web application firewall: OWASP CRS on the web layer, LLM rules on prompts. Default: off.'),
  })
  .describe('Portcullis gateway configuration.');

export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;
export type DeploymentConfig = z.infer<typeof DeploymentConfigSchema>;
