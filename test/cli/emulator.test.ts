import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { Cli, runCli } from './helpers.js';

// test/emulator/cli.test.ts covers runEmulatorCommand (banner, serving, faults, SIGTERM);
// this checks the command as installed: argument parsing by bin/portcullis.js.
describe('portcullis emulator', () => {
  const running: Cli[] = [];
  after(async () => {
    await Promise.all(running.map((c) => c.kill()));
  });

  it('--port 0 prints its URL, answers 404 at /, and stops on Ctrl-C with 0', { timeout: 30_000 }, async () => {
    const emu = new Cli(['emulator', '--port', '0']);
    running.push(emu);
    const m = await emu.waitFor('stdout', /listening on (http:\/\/127\.0\.0\.1:(\d+))\n/);
    assert.notEqual(m[2], '0');
    const res = await fetch(`${m[1]!}/`);
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { error: { code: '404', message: 'Resource not found' } });
    emu.child.kill('SIGINT');
    assert.deepEqual(await emu.waitExit(5000), { code: 0, signal: null });
  });

  it('an unknown fault is refused with exit 1 and one line, before listening', async () => {
    const r = await runCli(['emulator', '--port', '0', '--fault', 'teapot']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: faults\.mode must be one of .*; got "teapot"\n$/);
    assert.doesNotMatch(r.stdout, /listening/);
  });

  it('a port in use exits 1 with one line naming it', async () => {
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    try {
      const port = (blocker.address() as AddressInfo).port;
      const r = await runCli(['emulator', '--port', String(port)]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`^error: .*EADDRINUSE.*:${port}\n$`));
    } finally {
      blocker.close();
    }
  });
});
