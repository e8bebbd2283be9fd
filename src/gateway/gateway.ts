import type { Logger } from 'pino';
import { loadConfigFile, type LoadedConfig } from '../config/load.js';
import { startListener, type ListenerHandle } from '../network/listener.js';
import { createRequestHandler } from '../pipeline/handle-request.js';
import { GatewayMetrics } from '../telemetry/metrics.js';
import { startControlServer, type ControlServer } from '../admin/control-server.js';
import { provisionGeneration, type Generation } from './generation.js';

export interface GatewayOptions {
  readonly configFile: string;
  readonly log: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** A level given on the command line wins over `log.level` in the config. */
  readonly logLevelOverride?: string;
  /** Injected clock (ms since epoch) for key expiry; tests move it. */
  readonly now?: () => number;
}

export interface RunningGateway {
  readonly listeners: readonly ListenerHandle[];
  readonly control: ControlServer | null;
  readonly metrics: GatewayMetrics;
  current(): Generation;
  /** Loads the config file again; an invalid one is refused and the old one keeps serving. */
  reload(): Promise<boolean>;
  /** Stops accepting, lets requests in flight finish (up to graceMs), then closes everything. */
  close(graceMs?: number): Promise<void>;
}

/** Settings that need new sockets; a reload that changes them is refused with a message. */
function listenerShape(loaded: LoadedConfig): string {
  const c = loaded.config;
  return JSON.stringify({ l: c.listeners.map((l) => [l.name, l.host, l.port, l.plaintext, l.tls === undefined]), c: c.control, lim: c.limits });
}

export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const log = opts.log;
  const env = opts.env ?? process.env;
  const now = opts.now ?? Date.now;
  const metrics = new GatewayMetrics();
  const deps = { log, metrics, env, now };

  const applyLogLevel = (g: Generation): void => {
    if (opts.logLevelOverride === undefined) log.level = g.loaded.config.log.level;
  };
  let generation = await provisionGeneration(loadConfigFile(opts.configFile, env), deps);
  applyLogLevel(generation);
  const handler = createRequestHandler(() => generation.plane);
  const listeners: ListenerHandle[] = [];
  let control: ControlServer | null = null;
  try {
    const { config, baseDir } = generation.loaded;
    for (const [i, l] of config.listeners.entries()) {
      listeners.push(
        await startListener({
          config: l,
          baseDir,
          path: `listeners[${i}]`,
          gate: generation.gate,
          limits: config.limits,
          onRequest: handler,
          log,
          onConnectionDenied: (_remote, reason) => metrics.connectionsDenied.labels(l.name, reason).inc(),
          onTlsHandshakeFailed: () => metrics.tlsHandshakeFailures.labels(l.name).inc(),
        }),
      );
    }
    if (config.control.enabled) {
      control = await startControlServer({ host: config.control.host, port: config.control.port, metrics, current: () => generation, startedAt: new Date() });
    }
  } catch (err) {
    await Promise.allSettled(listeners.map((l) => l.close(0)));
    await generation.close();
    throw err;
  }

  let reloading: Promise<boolean> | null = null;
  const reload = async (): Promise<boolean> => {
    let next: Generation;
    try {
      const loaded = loadConfigFile(opts.configFile, env);
      if (listenerShape(loaded) !== listenerShape(generation.loaded)) {
        throw new Error('listeners, limits or control settings changed: these need a restart');
      }
      next = await provisionGeneration(loaded, deps);
    } catch (err) {
      metrics.configReloads.labels('refused').inc();
      log.error({ err: { message: (err as Error).message } }, 'config reload refused; the previous configuration keeps serving');
      return false;
    }
    const previous = generation;
    generation = next;
    applyLogLevel(next);
    listeners.forEach((l, i) => {
      l.setGate(next.gate);
      const tls = next.loaded.config.listeners[i]!.tls;
      l.reloadTls(tls);
    });
    metrics.configReloads.labels('applied').inc();
    log.info({ file: opts.configFile }, 'config reloaded');
    // undici pools close gracefully: requests in flight on the old generation finish first.
    void previous.close();
    return true;
  };

  return {
    listeners,
    control,
    metrics,
    current: () => generation,
    reload: () => (reloading ??= reload().finally(() => (reloading = null))),
    async close(graceMs = 10_000) {
      await Promise.allSettled(listeners.map((l) => l.close(graceMs)));
      await control?.close();
      await generation.close();
    },
  };
}
