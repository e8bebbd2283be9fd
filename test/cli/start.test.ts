import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Agent, request } from 'undici';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { generateKey, hashKey } from '../../src/identity/key-hash.js';
import { API_VERSION, baseConfig, makePki } from '../helpers/harness.js';
import { Cli, cliEnv, runCli, WAIT_MS } from './helpers.js';

const BACKEND_KEY = 'backend-secret-key';
/** Long enough that a reload or a stop signal lands while the request waits on the backend. */
const LATENCY_MS = 500;

interface Setup {
  readonly dir: string;
  readonly configFile: string;
  readonly emulator: RunningEmulator;
  readonly agent: Agent;
}

async function setup(): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'pcs-cli-start-'));
  const pki = await makePki();
  writeFileSync(join(dir, 'ca.pem'), pki.ca.certPem);
  writeFileSync(join(dir, 'server.pem'), pki.server.certPem);
  writeFileSync(join(dir, 'server-key.pem'), pki.server.keyPem);
  const emulator = await startEmulator({ tls: { cert: pki.server.certPem, key: pki.server.keyPem }, apiKeys: [BACKEND_KEY], latencyMs: LATENCY_MS, quiet: true });
  return { dir, configFile: join(dir, 'gateway.yaml'), emulator, agent: new Agent({ connect: { ca: pki.ca.certPem } }) };
}

async function teardown(s: Setup | undefined): Promise<void> {
  if (s === undefined) return;
  await s.agent.close();
  await s.emulator.close();
  rmSync(s.dir, { recursive: true, force: true });
}

/** The listener's own "listening" line carries the port the OS picked for `port: 0`. */
async function listeningPort(cli: Cli): Promise<number> {
  const line = await cli.waitForLog((l) => l.msg === 'listening' && l.listener === 'public');
  assert.equal(typeof line.port, 'number', `no port in ${JSON.stringify(line)}`);
  assert.notEqual(line.port, 0);
  return line.port as number;
}

async function chat(s: Setup, port: number, key: string): Promise<{ status: number; content: string | null }> {
  const res = await request(`https://127.0.0.1:${port}/openai/deployments/gpt-4o/chat/completions?api-version=${API_VERSION}`, {
    method: 'POST',
    headers: { 'api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] }),
    dispatcher: s.agent,
    headersTimeout: WAIT_MS,
    bodyTimeout: WAIT_MS,
  });
  const text = await res.body.text();
  const content = res.statusCode === 200 ? ((JSON.parse(text) as { choices: { message: { content: string } }[] }).choices[0]?.message.content ?? null) : null;
  return { status: res.statusCode, content };
}

/** Resolves once the backend has received more than `seen` requests (the request is then in flight). */
async function backendReached(emulator: RunningEmulator, seen: number): Promise<void> {
  const end = Date.now() + WAIT_MS;
  while (emulator.stats().requests <= seen) {
    if (Date.now() > end) throw new Error('the request never reached the backend');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function keyYaml(id: string, key: string): string {
  return `  - id: ${id}\n    name: Key ${id}\n    hash: ${hashKey(key)}\n    deployments: ["*"]\n`;
}

// The two groups below start their own processes and share nothing: run them side by side.
describe('portcullis start', { concurrency: true }, () => {
  describe('one gateway through reloads and a drain', { concurrency: false }, () => {
    let s: Setup | undefined;
    let gw: Cli | undefined;
    let port = 0;
    const first = generateKey();
    const second = generateKey();
    const config = (keysYaml = ''): string => baseConfig({ port: 0, emulatorUrl: s!.emulator.url, keyHash: hashKey(first), opts: { keysYaml } });

    before(async () => {
      s = await setup();
      writeFileSync(s.configFile, config());
      gw = new Cli(['start', '--config', s.configFile], { env: cliEnv({ TEST_BACKEND_KEY: BACKEND_KEY }) });
      port = await listeningPort(gw);
    });

    after(async () => {
      await gw?.kill();
      await teardown(s);
    });

    it('logs JSON lines on stdout, one "listening" line per listener, and serves a configured key', { timeout: 30_000 }, async () => {
      const lines = gw!.logLines(); // throws on a line that is not JSON
      assert.ok(lines.every((l) => typeof l.level === 'number' && typeof l.msg === 'string'));
      assert.equal(lines.filter((l) => l.msg === 'listening' && l.listener === 'public').length, 1, 'the listener is announced once');
      assert.ok(await gw!.waitForLog((l) => l.msg === 'control plane listening'));

      assert.deepEqual(await chat(s!, port, first), { status: 200, content: 'Echo: Hello' });
      assert.equal((await chat(s!, port, second)).status, 401, 'a key not in the config is refused');
    });

    it('SIGHUP applies an added key without a restart; a request in flight during the reload completes', { timeout: 30_000 }, async () => {
      writeFileSync(s!.configFile, config(keyYaml('second', second)));
      const seen = s!.emulator.stats().requests;
      const inflight = chat(s!, port, first).then((r) => ({ ...r, at: Date.now() }));
      await backendReached(s!.emulator, seen);
      gw!.child.kill('SIGHUP');

      const [done, reloaded] = await Promise.all([inflight, gw!.waitForLog((l) => l.msg === 'config reloaded')]);
      assert.equal(done.status, 200);
      assert.equal(done.content, 'Echo: Hello');
      // The reload finished while the request still waited on the backend.
      assert.ok((reloaded.time as number) < done.at, `reload logged at ${String(reloaded.time)}, request done at ${done.at}`);
      assert.ok(gw!.running, 'the process was not restarted');

      assert.equal((await chat(s!, port, second)).status, 200, 'the added key works after SIGHUP');
      assert.equal((await chat(s!, port, first)).status, 200, 'the first key still works');
    });

    it('SIGHUP with an invalid config is refused with an error line; the previous config keeps serving', { timeout: 30_000 }, async () => {
      const valid = readFileSync(s!.configFile, 'utf8');
      writeFileSync(s!.configFile, valid.replace('backends: [emulator]', 'backends: [no-such-backend]'));
      gw!.child.kill('SIGHUP');

      const refused = await gw!.waitForLog((l) => l.level === 50 && /reload refused/.test(String(l.msg)));
      assert.equal((refused.err as { message?: string } | undefined)?.message, 'deployments[0].backends[0]: no backend named "no-such-backend"');
      assert.ok(gw!.running);
      assert.equal((await chat(s!, port, first)).status, 200);
      assert.equal((await chat(s!, port, second)).status, 200, 'the key from the last good config still works');
    });

    it('SIGTERM drains a request in flight, then exits 0', { timeout: 30_000 }, async () => {
      const seen = s!.emulator.stats().requests;
      const inflight = chat(s!, port, first).then((r) => ({ ...r, at: Date.now() }));
      await backendReached(s!.emulator, seen);
      gw!.child.kill('SIGTERM');

      const done = await inflight;
      assert.deepEqual({ status: done.status, content: done.content }, { status: 200, content: 'Echo: Hello' });
      const exit = await gw!.waitExit(10_000);
      assert.deepEqual(exit, { code: 0, signal: null });
      assert.ok(gw!.logLines().some((l) => l.signal === 'SIGTERM' && /draining/.test(String(l.msg))));
      assert.ok(!gw!.stdout.includes(first) && !gw!.stdout.includes(second) && !gw!.stdout.includes(BACKEND_KEY), 'a key appears in the log');
      assert.equal(gw!.stderr, '');
    });
  });

  // Independent processes, each with its own config file: run them side by side.
  describe('signals, levels, startup errors', { concurrency: true }, () => {
    let s: Setup | undefined;
    const started: Cli[] = [];
    const key = generateKey();
    let files = 0;
    const writeConfig = (yaml: string): string => {
      const file = join(s!.dir, `gateway-${++files}.yaml`);
      writeFileSync(file, yaml);
      return file;
    };

    before(async () => {
      s = await setup();
    });

    after(async () => {
      await Promise.all(started.map((c) => c.kill()));
      await teardown(s);
    });

    const start = (configYaml: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Cli => {
      const cli = new Cli(['start', '--config', writeConfig(configYaml), ...args], { env: cliEnv({ TEST_BACKEND_KEY: BACKEND_KEY, ...env }) });
      started.push(cli);
      return cli;
    };
    const quietConfig = (): string => baseConfig({ port: 0, emulatorUrl: s!.emulator.url, keyHash: hashKey(key), opts: { extraYaml: 'log:\n  level: warn\n' } });

    it('a second stop signal exits at once with 130', { timeout: 30_000 }, async (t) => {
      const gw = start(baseConfig({ port: 0, emulatorUrl: s!.emulator.url, keyHash: hashKey(key), opts: {} }));
      const port = await listeningPort(gw);
      // A backend that never answers: the drain after the first signal would wait its full 10 s.
      s!.emulator.setFaults({ mode: 'hang' });
      t.after(() => s!.emulator.setFaults(null));
      const seen = s!.emulator.stats().requests;
      const inflight = chat(s!, port, key).catch((err: unknown) => err);
      await backendReached(s!.emulator, seen);
      gw.child.kill('SIGTERM');
      await gw.waitForLog((l) => l.signal === 'SIGTERM');
      assert.ok(gw.running, 'still draining the hung request');
      const t0 = Date.now();
      gw.child.kill('SIGTERM');
      assert.deepEqual(await gw.waitExit(5000), { code: 130, signal: null });
      assert.ok(Date.now() - t0 < 2000, 'the second signal did not wait for the drain');
      await inflight;
    });

    it('--log-level wins over log.level in the config', { timeout: 30_000 }, async () => {
      // With the config's `warn`, the info-level "listening" line shows only if the flag wins.
      const gw = start(quietConfig(), ['--log-level', 'info']);
      await listeningPort(gw);
    });

    it('PORTCULLIS_LOG_LEVEL wins over log.level in the config', { timeout: 30_000 }, async () => {
      const gw = start(quietConfig(), [], { PORTCULLIS_LOG_LEVEL: 'info' });
      await listeningPort(gw);
    });

    it('an unknown log level is a one-line error, not a stack trace', { timeout: 30_000 }, async () => {
      const file = writeConfig(quietConfig());
      const flag = await runCli(['start', '--config', file, '--log-level', 'loud'], { env: cliEnv({ TEST_BACKEND_KEY: BACKEND_KEY }) });
      assert.equal(flag.code, 1);
      assert.match(flag.stderr, /'loud' is invalid/);
      assert.doesNotMatch(flag.stderr, /\n\s+at /);

      const env = await runCli(['start', '--config', file], { env: cliEnv({ TEST_BACKEND_KEY: BACKEND_KEY, PORTCULLIS_LOG_LEVEL: 'loud' }) });
      assert.equal(env.code, 1);
      assert.match(env.stderr, /unknown log level "loud"/);
      assert.doesNotMatch(env.stderr, /\n\s+at /);
    });

    it('a config that does not load exits 1 with the problem and its path in the log', { timeout: 30_000 }, async () => {
      const file = writeConfig(baseConfig({ port: 0, emulatorUrl: s!.emulator.url, keyHash: hashKey(key), opts: {} }).replace('backends: [emulator]', 'backends: [nope]'));
      const r = await runCli(['start', '--config', file], { env: cliEnv({ TEST_BACKEND_KEY: BACKEND_KEY }) });
      assert.equal(r.code, 1);
      const lines = r.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.ok(
        lines.some((l) => l.level === 50 && l.path === 'deployments[0].backends[0]' && /no backend named "nope"/.test(String(l.msg))),
        r.stdout,
      );
    });
  });
});
