import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { Agent, fetch as undiciFetch, request } from 'undici';
import { connect } from 'node:tls';
import { AzureOpenAI } from 'openai';
import { createCa, issueServerCert } from '../../src/network/dev-ca.js';
import { startEmulator, type RunningEmulator, type EmulatorOptions } from '../../src/emulator/server.js';
import { startGateway, type RunningGateway } from '../../src/gateway/gateway.js';
import { generateKey, hashKey } from '../../src/identity/key-hash.js';

export const API_VERSION = '2024-10-21';

/** Collects the gateway's JSON log lines so tests can assert on the access log. */
export class LogSink {
  readonly lines: Record<string, unknown>[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') this.lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  logger(): Logger {
    return pino({ level: 'debug' }, this.stream);
  }
  requests(): Record<string, unknown>[] {
    return this.lines.filter((l) => l.msg === 'request');
  }
  /** Access-log lines are written when a response finishes; give the event loop a moment. */
  async waitForRequest(id: string, timeoutMs = 2000): Promise<Record<string, unknown>> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.requests().find((l) => l.requestId === id);
      if (hit !== undefined) return hit;
      if (Date.now() > end) throw new Error(`no access-log line for ${id}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

export interface Pki {
  readonly ca: { certPem: string; keyPem: string };
  readonly server: { certPem: string; keyPem: string };
}

export async function makePki(): Promise<Pki> {
  const ca = await createCa({ commonName: 'Portcullis test CA' });
  const server = await issueServerCert(ca, { dnsNames: ['localhost', 'aoai.test'], ipAddresses: ['127.0.0.1', '::1'] });
  return { ca, server };
}

export interface Harness {
  readonly dir: string;
  readonly pki: Pki;
  readonly emulator: RunningEmulator;
  readonly gateway: RunningGateway;
  readonly logs: LogSink;
  readonly url: string;
  /** A key with access to every deployment. */
  readonly key: string;
  /** An HTTPS agent trusting the test CA. */
  readonly agent: Agent;
  readonly configFile: string;
  sdk(opts?: { apiKey?: string; deployment?: string; maxRetries?: number }): AzureOpenAI;
  /** Rewrites the config file (same listener ports) and reloads. */
  reconfigure(edit: (yaml: string) => string): Promise<boolean>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly emulator?: EmulatorOptions;
  /** Extra YAML appended to the generated config (top-level keys). */
  readonly extraYaml?: string | ((emulatorUrl: string) => string);
  /** Replaces the generated `network:` block. */
  readonly networkYaml?: string;
  /** Extra lines inside the emulator backend entry (indented 4 spaces). */
  readonly backendYaml?: string;
  /** Replaces the generated `limits:` block. */
  readonly limitsYaml?: string;
  readonly keysYaml?: string;
  /** Extra lines inside the listener's `tls:` block (indented 6 spaces). */
  readonly tlsYaml?: string;
  /** The backend url, from the emulator's port (default: the emulator's own url). */
  readonly backendUrl?: (emulatorPort: number) => string;
  /** Replaces the emulator backend's `probe:` block (indented 4 spaces). */
  readonly probeYaml?: string;
  /** Runs after the harness wrote its files, before the gateway starts (extra files the config names). */
  readonly preStart?: (dir: string) => void;
}

const BACKEND_KEY = 'backend-secret-key';

export function baseConfig(o: { port: number; emulatorUrl: string; keyHash: string; opts: HarnessOptions }): string {
  return `listeners:
  - name: public
    host: 127.0.0.1
    port: ${o.port}
    tls:
      cert: server.pem
      key: server-key.pem
${o.opts.tlsYaml ?? ''}
${o.opts.networkYaml ?? 'network:\n  allow: [127.0.0.0/8, "::1/128"]\n'}
${o.opts.limitsYaml ?? ''}
control:
  host: 127.0.0.1
  port: 0
backends:
  - name: emulator
    url: ${o.emulatorUrl}
    ca: ca.pem
    auth:
      type: apiKey
      key: { env: TEST_BACKEND_KEY }
${o.opts.probeYaml ?? '    probe:\n      intervalMs: 200\n      healthyThreshold: 1\n      unhealthyThreshold: 1\n'}${o.opts.backendYaml ?? ''}
deployments:
  - name: gpt-4o
    backends: [emulator]
  - name: embed
    upstreamName: text-embedding-3-small
    backends: [emulator]
  - name: restricted
    backends: [emulator]
keys:
  - id: all
    name: Test key for everything
    hash: ${o.keyHash}
    deployments: ["*"]
${o.opts.keysYaml ?? ''}
${typeof o.opts.extraYaml === 'function' ? o.opts.extraYaml(o.emulatorUrl) : (o.opts.extraYaml ?? '')}
`;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'pcs-test-'));
  const pki = await makePki();
  writeFileSync(join(dir, 'ca.pem'), pki.ca.certPem);
  writeFileSync(join(dir, 'server.pem'), pki.server.certPem);
  writeFileSync(join(dir, 'server-key.pem'), pki.server.keyPem);
  const emulator = await startEmulator({ tls: { cert: pki.server.certPem, key: pki.server.keyPem }, apiKeys: [BACKEND_KEY], quiet: true, ...opts.emulator });
  const key = generateKey();
  const configFile = join(dir, 'gateway.yaml');
  const env = { ...process.env, TEST_BACKEND_KEY: BACKEND_KEY };
  writeFileSync(configFile, baseConfig({ port: 0, emulatorUrl: opts.backendUrl?.(emulator.port) ?? emulator.url, keyHash: hashKey(key), opts }));
  const logs = new LogSink();
  opts.preStart?.(dir);
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({ configFile, log: logs.logger(), env });
  } catch (err) {
    await emulator.close();
    throw err;
  }
  const port = gateway.listeners[0]!.address.port;
  const url = `https://127.0.0.1:${port}`;
  const agent = new Agent({ connect: { ca: pki.ca.certPem } });
  return {
    dir,
    pki,
    emulator,
    gateway,
    logs,
    url,
    key,
    agent,
    configFile,
    sdk(o = {}) {
      return new AzureOpenAI({
        endpoint: url,
        apiKey: o.apiKey ?? key,
        apiVersion: API_VERSION,
        deployment: o.deployment ?? 'gpt-4o',
        maxRetries: o.maxRetries ?? 0,
        fetch: ((input: string | URL | Request, init?: RequestInit) => undiciFetch(input as string, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch,
      });
    },
    async reconfigure(edit) {
      const { readFileSync } = await import('node:fs');
      writeFileSync(configFile, edit(readFileSync(configFile, 'utf8')));
      return gateway.reload();
    },
    async close() {
      await agent.close();
      await gateway.close(100);
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A raw request through the gateway with undici (for headers and statuses the SDK hides). */
export async function call(h: Harness, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: () => unknown; text: string }> {
  const res = await request(`${h.url}${path}`, {
    method: (init.method ?? 'POST') as 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body ?? (init.method === 'GET' ? undefined : JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] })),
    dispatcher: h.agent,
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

/**
 * Writes raw bytes over TLS and returns everything the gateway answered until it closed.
 * For requests an HTTP client would normalise or refuse to send (backslashes, repeated
 * credentials, hand-made chunking).
 */
export function rawExchange(h: Harness, write: (s: import('node:tls').TLSSocket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port: h.gateway.listeners[0]!.address.port, ca: h.pki.ca.certPem, servername: 'localhost' }, () => write(s));
    let data = '';
    s.on('data', (d: Buffer) => (data += d.toString()));
    s.on('close', () => resolve(data));
    s.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? resolve(data) : reject(err)));
  });
}
