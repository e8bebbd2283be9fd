/**
 * Child processes of the benchmark: the emulator and the gateway each run in their own
 * process so that the gateway's CPU time is its own (process.cpuUsage over the run).
 * Usage: node children.js emulator <certDir> <chunkDelayMs> | gateway <configFile>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../src/cli/logger.js';
import { startEmulator } from '../src/emulator/server.js';
import { startGateway } from '../src/gateway/gateway.js';

const [role, arg, extra] = process.argv.slice(2);

process.on('message', (m: unknown) => {
  if (m === 'cpu') {
    const u = process.cpuUsage();
    process.send!({ cpu: u.user + u.system });
  } else if (m === 'stop') {
    process.exit(0);
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
} else {
  throw new Error(`unknown role ${role}`);
}
