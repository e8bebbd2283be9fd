import type { Logger } from 'pino';
import { parseDocument } from 'yaml';
import type { LoadedConfig } from '../config/load.js';
import { formatPath } from '../config/load.js';
import { ConfigError, ConfigErrors } from '../config/config-error.js';
import { readConfigFile } from '../config/files.js';
import { KeysFileSchema, type ApiKeyConfig } from '../identity/api-key-config.js';
import { KeyStore, deploymentSet } from '../identity/key-store.js';
import type { Identity } from '../identity/identity.js';
import { ConnectionGate } from '../network/connection-gate.js';
import { AddressSet } from '../network/address-set.js';
import { buildStages } from '../pipeline/order.js';
import type { DataPlane } from '../pipeline/handle-request.js';
import type { Deployment } from '../pipeline/deployments.js';
import { provisionBackend, type Backend } from '../upstream/backend.js';
import { HealthProber } from '../upstream/health-probe.js';
import { BackendPool } from '../upstream/pool.js';
import { createRequestRecorder } from '../audit/access-log.js';
import type { GatewayMetrics } from '../telemetry/metrics.js';
import { provisionWaf, type ProvisionedWaf } from '../waf/provision.js';

/**
 * Everything built from one configuration: provisioned once, read-only afterwards, and
 * replaced whole on reload. Requests in flight keep the generation they started with.
 */
export interface Generation {
  readonly loaded: LoadedConfig;
  readonly plane: DataPlane;
  readonly gate: ConnectionGate;
  readonly backends: readonly Backend[];
  readonly probers: ReadonlyMap<string, HealthProber>;
  readonly deployments: readonly Deployment[];
  readonly waf: ProvisionedWaf | null;
  close(): Promise<void>;
}

export interface GenerationDeps {
  readonly log: Logger;
  readonly metrics: GatewayMetrics;
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => number;
  /** For `portcullis validate`: provision everything but send no probe and wait for no token. */
  readonly offline?: boolean;
}

function readKeysFile(loaded: LoadedConfig): { config: ApiKeyConfig; path: string }[] {
  const file = loaded.config.keysFile;
  if (file === undefined) return [];
  const doc = parseDocument(readConfigFile(loaded.baseDir, file, 'keysFile').toString('utf8'), { uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigError('keysFile', `YAML: ${doc.errors[0]!.message}`);
  const parsed = KeysFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    throw new ConfigErrors(parsed.error.issues.map((i) => new ConfigError(`keysFile:${formatPath(i.path)}`, i.message)));
  }
  return parsed.data.keys.map((config, i) => ({ config, path: `keysFile:keys[${i}]` }));
}

/**
 * Parse → provision → validate, in that order; on any failure everything provisioned so
 * far is closed again, so a refused reload leaves no sockets or timers behind.
 */
export async function provisionGeneration(loaded: LoadedConfig, deps: GenerationDeps): Promise<Generation> {
  const { config, baseDir } = loaded;
  const { log, metrics } = deps;
  const backends: Backend[] = [];
  const probers = new Map<string, HealthProber>();
  let waf: ProvisionedWaf | null = null;
  const closeAll = async (): Promise<void> => {
    for (const p of probers.values()) p.stop();
    await Promise.allSettled([...backends.map((b) => b.close()), waf?.close()]);
  };
  try {
    const keys = new KeyStore([
      ...config.keys.map((k, i) => ({ config: k, path: `keys[${i}]` })),
      ...readKeysFile(loaded),
    ]);
    const certClients = new Map<string, Identity>();
    config.clients.forEach((c, i) => {
      if (certClients.has(c.subject)) throw new ConfigError(`clients[${i}].subject`, `duplicate subject "${c.subject}"`);
      certClients.set(c.subject, Object.freeze({ kind: 'client_cert', id: c.id, name: c.name ?? c.id, deployments: deploymentSet(c.deployments) }));
    });

    for (const [i, b] of config.backends.entries()) {
      backends.push(await provisionBackend(b, { baseDir, path: `backends[${i}]`, log, env: deps.env, ...(deps.offline === true ? { firstTokenWaitMs: 0 } : {}) }));
    }
    const byName = new Map(backends.map((b) => [b.name, b]));
    const deployments: Deployment[] = config.deployments.map((d) => ({
      name: d.name,
      upstreamName: d.upstreamName ?? d.name,
      pool: new BackendPool(d.backends.map((n) => byName.get(n)!)),
    }));
    const byModel = new Map<string, Deployment>();
    config.deployments.forEach((d, i) => {
      byModel.set(d.name, deployments[i]!);
      for (const a of d.aliases) byModel.set(a, deployments[i]!);
    });

    if (config.waf !== undefined) {
      waf = await provisionWaf(config.waf, { baseDir, log, env: deps.env, offline: deps.offline === true });
    }
    const trusted = AddressSet.parse(config.network.trustedProxies, 'network.trustedProxies');
    const stages = buildStages({
      shape: { maxUrlBytes: config.limits.maxUrlBytes, maxBodyBytes: config.limits.maxBodyBytes },
      identity: { keys, certClients, now: deps.now },
      deployment: {
        deployments: byModel,
        v1Default: config.v1DefaultDeployment === undefined ? null : byModel.get(config.v1DefaultDeployment)!,
        maxBodyBytes: config.limits.maxBodyBytes,
      },
      waf: waf === null ? null : { waf: waf.waf, maxBodyBytes: config.limits.maxBodyBytes, scoreHeader: waf.scoreHeader },
      shadow: new Set(config.shadow),
    });
    const plane: DataPlane = {
      stages,
      proxy: {
        maxBodyBytes: config.limits.maxBodyBytes,
        bufferBodyBytes: config.limits.bufferBodyBytes,
        onDone: createRequestRecorder(config.log.accessLog ? log : null, metrics),
      },
      isTrustedProxy: (a) => trusted.has(a),
      log,
    };
    const gate = new ConnectionGate(config.network);

    for (const [i, b] of backends.entries()) {
      const prober = new HealthProber(b, config.backends[i]!.probe, log, (healthy) => metrics.backendHealthy.labels(b.name).set(healthy ? 1 : 0));
      probers.set(b.name, prober);
    }
    // Readiness is known before traffic: each prober's first probe completes here.
    if (deps.offline !== true) await Promise.all([...probers.values()].map((p) => p.start()));

    return {
      loaded,
      plane,
      gate,
      backends,
      probers,
      deployments,
      waf,
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
