/**
 * Child processes of the benchmark: the emulator and the gateway each run in their own
 * process so that the gateway's CPU time is its own (process.cpuUsage over the run).
 * Usage: node children.js emulator <certDir> <chunkDelayMs> | gateway <configFile> | floor <certDir> <emulatorUrl>
 *
 * Messages from run.ts: 'cpu' (answers { cpu }: user + system µs so far), 'stop', and
 * { prof: 'start' } / { prof: 'stop', file } (answers { prof: 'ok' }): a V8 CPU profile of
 * just the span between the two, written to `file` (open it in Chrome DevTools).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';
import { Pool } from 'undici';
import { join } from 'node:path';
import { createLogger } from '../src/cli/logger.js';
import { startEmulator } from '../src/emulator/server.js';
import { startGateway } from '../src/gateway/gateway.js';

const [role, arg, extra] = process.argv.slice(2);

let session: Session | null = null;

async function profile(m: { prof: 'start' | 'stop'; file?: string }): Promise<void> {
  if (m.prof === 'start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
  } else if (session !== null) {
    const { profile: p } = await session.post('Profiler.stop');
    writeFileSync(m.file!, JSON.stringify(p));
    session.disconnect();
    session = null;
  }
  process.send!({ prof: 'ok' });
}

process.on('message', (m: unknown) => {
  if (m === 'cpu') {
    const u = process.cpuUsage();
    process.send!({ cpu: u.user + u.system });
  } else if (m === 'stop') {
    process.exit(0);
  } else if (typeof m === 'object' && m !== null && 'prof' in m) {
    void profile(m as { prof: 'start' | 'stop'; file?: string });
  }
});

if (role === 'emulator') {
  const em = await startEmulator({
    tls: { cert: readFileSync(join(arg!, 'server.pem')), key: readFileSync(join(arg!, 'server-key.pem')) },
    apiKeys: ['bench-backend-key'],
    chunkDelayMs: Number(extra ?? 0),
    quiet: true,
  });
  process.send!({ url: em.url });
} else if (role === 'gateway') {
  // Access logging stays on (as in production) but goes nowhere, so the terminal is not the bottleneck.
  const gw = await startGateway({ configFile: arg!, log: createLogger('info', '/dev/null') });
  process.send!({ url: `https://127.0.0.1:${gw.listeners[0]!.address.port}` });
} else if (role === 'floor') {
  // The floor: the least a Node TLS reverse proxy does per request (https server, undici
  // pool with TLS to the backend, swap the credential, stream the answer back) and nothing
  // else. The gateway's CPU per request is reported against it as well as against direct.
  const dir = arg!;
  const pool = new Pool(extra!, { connections: 128, connect: { secureContext: createSecureContext({ ca: readFileSync(join(dir, 'ca.pem')) }) } });
  // The body is read whole first, as the gateway does for small bodies (handle-request.ts:
  // streamed into undici it costs more, in GC, than the rest of the floor's JavaScript).
  const server = createServer({ cert: readFileSync(join(dir, 'server.pem')), key: readFileSync(join(dir, 'server-key.pem')) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const headers = ['api-key', 'bench-backend-key', 'content-type', 'application/json', 'content-length', String(body.length)];
      pool.dispatch(
        { path: req.url!, method: 'POST', headers, body },
        {
          onRequestStart: () => undefined,
          onResponseStart: (_c, status, h) => void res.writeHead(status, h as Record<string, string>),
          onResponseData: (_c, chunk) => void res.write(chunk),
          onResponseEnd: () => void res.end(),
          onResponseError: () => void res.destroy(),
        },
      );
    });
  });
  server.listen(0, '127.0.0.1', () => process.send!({ url: `https://127.0.0.1:${(server.address() as AddressInfo).port}` }));
} else {
  throw new Error(`unknown role ${role}`);
}
