import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayMetrics } from '../telemetry/metrics.js';
import type { Generation } from '../gateway/generation.js';

export interface ControlServer {
  readonly address: AddressInfo;
  close(): Promise<void>;
}

interface BackendStatus {
  readonly name: string;
  readonly health: unknown;
}

/** Readiness: every deployment has at least one healthy backend. */
export function readiness(gen: Generation): { ready: boolean; deployments: { name: string; healthyBackends: number; backends: string[] }[]; backends: BackendStatus[] } {
  const deployments = gen.deployments.map((d) => ({
    name: d.name,
    backends: d.pool.backends.map((b) => b.name),
    healthyBackends: d.pool.backends.filter((b) => b.health.status === 'healthy').length,
  }));
  return {
    ready: deployments.every((d) => d.healthyBackends > 0),
    deployments,
    backends: gen.backends.map((b) => ({ name: b.name, health: b.health })),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/**
 * The control plane: its own listener, loopback by default, never on the data-plane
 * port. Read-only for now: health, readiness, metrics and status.
 */
export function startControlServer(opts: { host: string; port: number; metrics: GatewayMetrics; current: () => Generation; startedAt: Date }): Promise<ControlServer> {
  const server: Server = createServer({ maxHeaderSize: 8192, requestTimeout: 10_000, headersTimeout: 5_000 }, (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') return json(res, 405, { error: { code: 'method_not_allowed', message: 'Only GET is served here.' } });
    const path = (req.url ?? '/').split('?')[0];
    switch (path) {
      case '/healthz':
        return json(res, 200, { status: 'alive' });
      case '/readyz': {
        const r = readiness(opts.current());
        return json(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not_ready', deployments: r.deployments, backends: r.backends });
      }
      case '/status': {
        const gen = opts.current();
        return json(res, 200, {
          startedAt: opts.startedAt.toISOString(),
          configFile: gen.loaded.file,
          ...readiness(gen),
        });
      }
      case '/metrics':
        opts.metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'content-type': opts.metrics.registry.contentType });
            res.end(text);
          },
          () => json(res, 500, { error: { code: 'internal_error', message: 'metrics unavailable' } }),
        );
        return;
      default:
        return json(res, 404, { error: { code: 'route_not_found', message: 'Resource not found.' } });
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve({
        address: server.address() as AddressInfo,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
