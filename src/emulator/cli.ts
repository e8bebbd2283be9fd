import { parseFaultSpec } from './faults.js';
import { IDENTITY_PATH } from './identity-endpoint.js';
import { startEmulator } from './server.js';

export interface EmulatorCommandOptions {
  host: string;
  port: number;
  /** One accepted key; absent leaves the emulator open. */
  apiKey?: string;
  latencyMs?: number;
  chunkDelayMs?: number;
  /** `mode[:every[:retryAfterSeconds]]`, e.g. `status429:3`; see faults.ts. */
  fault?: string;
}

/**
 * `portcullis emulator`: runs the emulator until SIGINT or SIGTERM, then resolves once every
 * connection is closed.
 */
export async function runEmulatorCommand(opts: EmulatorCommandOptions): Promise<void> {
  const faults = opts.fault === undefined || opts.fault === '' ? null : parseFaultSpec(opts.fault);
  const apiKeys = opts.apiKey === undefined || opts.apiKey === '' ? [] : [opts.apiKey];
  const emulator = await startEmulator({
    host: opts.host,
    port: opts.port,
    apiKeys,
    // With a key configured, managed-identity tokens are the other way in, as on Azure.
    acceptEntraTokens: apiKeys.length > 0,
    latencyMs: opts.latencyMs ?? 0,
    chunkDelayMs: opts.chunkDelayMs ?? 0,
    faults,
    quiet: false,
  });
  // One write, so a parent process reading the pipe sees the whole banner at once.
  const lines = [`Azure OpenAI emulator listening on ${emulator.url}`];
  if (apiKeys.length > 0) {
    lines.push(`Managed identity: IDENTITY_ENDPOINT=${emulator.url}${IDENTITY_PATH} IDENTITY_HEADER=${emulator.identityHeaderSecret}`);
  }
  if (faults !== null) lines.push(`Injecting fault ${faults.mode} every ${faults.every ?? 1} request(s)`);
  process.stdout.write(lines.join('\n') + '\n');

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emulator.close();
}
