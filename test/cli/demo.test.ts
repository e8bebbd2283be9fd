import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Cli, cliEnv, runShell } from './helpers.js';

// Banner lines, as the demo prints them (two-space indent).
const KEY_LINE = /^ {2}API key {3}(\S+)$/m;
const CURL_LINE = /^ {2}(curl .+)$/m;
const WAF_CURL_LINE = /^ {2}(curl .+AKIA.+)$/m;
const SDK_LINE = /^ {2}(NODE_EXTRA_CA_CERTS=.+)$/m;
const CONTROL_LINE = /^ {2}control {3}(http:\/\/127\.0\.0\.1:\d+)\/readyz /m;
const BANNER_END = /Press Ctrl-C to stop\.\n/;

const MATERIAL = ['ca.pem', 'ca-key.pem', 'server.pem', 'server-key.pem', 'demo-api-key'] as const;
const SECRETS = ['ca-key.pem', 'server-key.pem', 'demo-api-key'] as const;

function match(re: RegExp, text: string): string {
  const m = re.exec(text);
  assert.ok(m?.[1] !== undefined, `banner has no line matching ${re}:\n${text}`);
  return m[1];
}

describe('portcullis demo', () => {
  // A space in the folder name: the printed commands must still run as pasted.
  let root: string;
  let dir: string;
  const running: Cli[] = [];

  const startDemo = async (): Promise<Cli> => {
    // cwd is the temp folder and --dir is relative, as a user runs it in a fresh checkout.
    const demo = new Cli(['demo', '--port', '0', '--control-port', '0', '--dir', '.portcullis'], { cwd: root });
    running.push(demo);
    await demo.waitFor('stderr', BANNER_END);
    return demo;
  };

  /** Ctrl-C: the demo drains and exits 0, promptly, without a stack trace. */
  const stopWithCtrlC = async (demo: Cli): Promise<void> => {
    const t0 = Date.now();
    demo.child.kill('SIGINT');
    const exit = await demo.waitExit(5000);
    assert.deepEqual(exit, { code: 0, signal: null }, `demo did not exit cleanly on SIGINT\n${demo.stderr}`);
    assert.ok(Date.now() - t0 < 5000);
    assert.doesNotMatch(demo.stderr, /\n\s+at /, 'no stack trace on stop');
    const stopping = demo.logLines().find((l) => l.signal === 'SIGINT');
    assert.ok(stopping !== undefined, `no log line for the SIGINT stop:\n${demo.stdout}`);
    assert.match(String(stopping.msg), /draining/);
  };

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'pcs demo '));
    dir = join(root, '.portcullis');
  });

  after(async () => {
    await Promise.all(running.map((c) => c.kill()));
    rmSync(root, { recursive: true, force: true });
  });

  it('starts on port 0, keeps private files 0600, and the printed curl and SDK commands work as printed', { timeout: 60_000 }, async () => {
    const demo = await startDemo();
    const banner = demo.stderr;

    for (const f of MATERIAL) assert.ok(existsSync(join(dir, f)), `${f} not created`);
    for (const f of SECRETS) assert.equal(statSync(join(dir, f)).mode & 0o777, 0o600, `${f} must be 0600`);
    assert.equal(statSync(dir).mode & 0o777, 0o700, 'the demo folder must be 0700');

    const key = match(KEY_LINE, banner);
    assert.match(key, /^pcs_/);
    assert.equal(readFileSync(join(dir, 'demo-api-key'), 'utf8').trim(), key);

    // Port 0 means the OS picked ports; the banner must show the real ones, never :0.
    assert.doesNotMatch(banner, /127\.0\.0\.1:0\b/);
    const control = match(CONTROL_LINE, banner);
    const ready = await fetch(`${control}/readyz`);
    assert.equal(ready.status, 200);

    const curl = await runShell(match(CURL_LINE, banner));
    assert.equal(curl.code, 0, `curl failed:\n${curl.stderr}`);
    const body = JSON.parse(curl.stdout) as { choices: { message: { content: string } }[] };
    assert.equal(body.choices[0]?.message.content, 'Echo: Hello');

    const blocked = await runShell(match(WAF_CURL_LINE, banner));
    assert.equal(blocked.code, 0, `curl failed:\n${blocked.stderr}`);
    assert.equal((JSON.parse(blocked.stdout) as { error: { code: string } }).error.code, 'waf_blocked');

    // From the repo root, so `openai` resolves from node_modules; PATH starts with this Node.
    const sdk = await runShell(match(SDK_LINE, banner), { env: cliEnv() });
    assert.equal(sdk.code, 0, `SDK snippet failed:\n${sdk.stderr}`);
    assert.equal(sdk.stdout.trim(), 'Echo: Hello');

    // The key is a secret: the access log must not carry it.
    assert.ok(!demo.stdout.includes(key), 'the API key appears in the log');
    await stopWithCtrlC(demo);
  });

  it('reuses the CA, certificates and key on a second run', { timeout: 60_000 }, async () => {
    assert.ok(existsSync(join(dir, 'ca.pem')), 'the first run left no CA behind');
    const before = new Map(MATERIAL.map((f) => [f, { text: readFileSync(join(dir, f), 'utf8'), mtimeMs: statSync(join(dir, f)).mtimeMs }]));

    const demo = await startDemo();
    for (const f of MATERIAL) {
      const was = before.get(f)!;
      assert.equal(readFileSync(join(dir, f), 'utf8'), was.text, `${f} was regenerated`);
      assert.equal(statSync(join(dir, f)).mtimeMs, was.mtimeMs, `${f} was rewritten`);
    }
    assert.equal(match(KEY_LINE, demo.stderr), before.get('demo-api-key')!.text.trim());

    // The reused server certificate still verifies against the reused CA.
    const curl = await runShell(match(CURL_LINE, demo.stderr));
    assert.equal(curl.code, 0, `curl failed:\n${curl.stderr}`);
    assert.match(curl.stdout, /"content":"Echo: Hello"/);
    await stopWithCtrlC(demo);
  });
});
