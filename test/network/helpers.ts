import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { connect as tlsConnect, type ConnectionOptions, type PeerCertificate, type TLSSocket } from 'node:tls';
import { pino, type Logger } from 'pino';
import { ConnectionGate } from '../../src/network/connection-gate.js';
import { createCa, issueServerCert, type PemPair } from '../../src/network/dev-ca.js';
import { HttpLimitsSchema, ListenerConfigSchema, NetworkPolicySchema } from '../../src/network/listener-config.js';
import { startListener, type ListenerHandle, type ListenerOptions } from '../../src/network/listener.js';

/** A temporary folder that holds a test's certificate files. */
export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'pcs-network-'));
  file(name: string): string {
    return join(this.path, name);
  }
  write(name: string, content: string | Buffer): string {
    writeFileSync(this.file(name), content);
    return name;
  }
  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export interface TestPki {
  readonly ca: PemPair;
  readonly server: PemPair;
}

export async function makePki(commonName = 'Network test CA'): Promise<TestPki> {
  const ca = await createCa({ commonName });
  const server = await issueServerCert(ca, { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '::1'] });
  return { ca, server };
}

/** Builds a PKCS#12 file with the openssl CLI, as an operator exporting from Windows would. */
export function makePfx(dir: TempDir, pair: PemPair, passphrase: string, name = 'server.pfx'): string {
  dir.write(`${name}.cert.pem`, pair.certPem);
  dir.write(`${name}.key.pem`, pair.keyPem);
  execFileSync('openssl', ['pkcs12', '-export', '-in', dir.file(`${name}.cert.pem`), '-inkey', dir.file(`${name}.key.pem`), '-passout', `pass:${passphrase}`, '-out', dir.file(name)], {
    stdio: 'ignore',
  });
  return name;
}

/** Collects log lines so tests can assert what an operator would see. */
export class LogSink {
  readonly lines: Record<string, unknown>[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') this.lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  logger(level = 'info'): Logger {
    return pino({ level }, this.stream);
  }
  messages(): string[] {
    return this.lines.map((l) => String(l.msg));
  }
}

export interface StartOptions {
  readonly listener?: Record<string, unknown>;
  readonly network?: Record<string, unknown>;
  readonly limits?: Record<string, unknown>;
  readonly dir: TempDir;
  readonly onRequest?: ListenerOptions['onRequest'];
  readonly log?: Logger;
  readonly denied?: { remote: string; reason: string }[];
  readonly env?: NodeJS.ProcessEnv;
}

/** Starts a listener on 127.0.0.1:0 from config objects, through the real schemas. */
export async function start(o: StartOptions): Promise<{ handle: ListenerHandle; gate: ConnectionGate; port: number }> {
  const config = ListenerConfigSchema.parse({ host: '127.0.0.1', port: 0, ...o.listener });
  const gate = new ConnectionGate(NetworkPolicySchema.parse({ allow: ['127.0.0.0/8'], ...o.network }));
  const limits = HttpLimitsSchema.parse(o.limits ?? {});
  const handle = await startListener({
    config,
    baseDir: o.dir.path,
    path: 'listeners[0]',
    gate,
    limits,
    log: o.log ?? pino({ level: 'silent' }),
    env: o.env,
    onRequest:
      o.onRequest ??
      ((req, res) => {
        res.setHeader('content-type', 'text/plain');
        res.end(`hello ${req.socket.remoteAddress}`);
      }),
    onConnectionDenied: (remote, reason) => o.denied?.push({ remote, reason }),
  });
  return { handle, gate, port: handle.address.port };
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  readonly peer: PeerCertificate;
  readonly localPort: number;
}

/** One HTTPS request; resolves with the reply and the certificate the server presented. */
export function get(port: number, opts: RequestOptions & { path?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, servername: 'localhost', path: '/', agent: false, timeout: 5000, ...opts }, (res) => {
      const socket = res.socket as TLSSocket;
      const peer = socket.getPeerCertificate();
      const localPort = socket.localPort ?? 0;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, peer, localPort }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end();
  });
}

/** A TLS handshake only: resolves with the socket (caller ends it) or rejects with the client's error. */
export function handshake(port: number, opts: ConnectionOptions & { localAddress?: string } = {}): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, servername: 'localhost', ...opts });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('handshake timed out'));
    }, 5000);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/**
 * A plain TCP connection that sends `payload` and reports everything the server sent back
 * and how the connection ended. Used to prove a refused connection got no byte at all.
 */
export function rawExchange(port: number, payload: Buffer | string, opts: { localAddress?: string; waitMs?: number } = {}): Promise<{ received: Buffer; error: string | null }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let error: string | null = null;
    const socket = netConnect({ host: '127.0.0.1', port, localAddress: opts.localAddress }, () => socket.write(payload));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message));
    const timer = setTimeout(() => socket.destroy(), opts.waitMs ?? 3000);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ received: Buffer.concat(chunks), error });
    });
  });
}

/** Sends raw HTTP bytes over TLS and returns everything read until the server closes. */
export function rawTlsExchange(port: number, ca: string, payload: string | Buffer, waitMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = tlsConnect({ host: '127.0.0.1', port, servername: 'localhost', ca }, () => socket.write(payload));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // The server closes after its error response; a reset after the bytes arrived is fine.
      if (chunks.length === 0) reject(err);
    });
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
  });
}

/** Polls until `check` is true (file watchers, socket close events) or fails after timeoutMs. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The first line and the JSON body of a raw HTTP response. */
export function parseRawResponse(raw: string): { status: number; headers: string; body: unknown } {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, end);
  const status = Number(head.split(' ')[1]);
  const bodyText = raw.slice(end + 4);
  return { status, headers: head.toLowerCase(), body: bodyText === '' ? null : (JSON.parse(bodyText) as unknown) };
}
