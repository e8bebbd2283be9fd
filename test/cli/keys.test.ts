import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashKey } from '../../src/identity/key-hash.js';
import { BIN, cliEnv, runCli, runShell } from './helpers.js';

const KEY_AND_HASH = /^key: {2}(pcs_[A-Za-z0-9_-]{20,})\nhash: (sha256:[0-9a-f]{64})\n$/;

describe('portcullis hash-key', { concurrency: true }, () => {
  it('--generate prints a new pcs_ key and its sha256 hash, and a fresh key each time', async () => {
    const [a, b] = await Promise.all([runCli(['hash-key', '--generate']), runCli(['hash-key', '--generate'])]);
    for (const r of [a, b]) {
      assert.equal(r.code, 0, r.stderr);
      const m = KEY_AND_HASH.exec(r.stdout);
      assert.ok(m?.[1] !== undefined && m[2] !== undefined, `unexpected output:\n${r.stdout}`);
      assert.equal(m[2], hashKey(m[1]));
      assert.ok(!r.stderr.includes(m[1]), 'the key is printed on stderr');
      assert.match(r.stderr, /only the hash/);
    }
    assert.notEqual(KEY_AND_HASH.exec(a.stdout)?.[1], KEY_AND_HASH.exec(b.stdout)?.[1]);
  });

  it('hashes a key piped on stdin, the same with or without a trailing newline, and never echoes it', async () => {
    const key = 'pcs_k3y-From-Stdin_0123456789abcdefghij';
    const env = cliEnv({ KEY: key, BIN });
    for (const line of ['echo -n "$KEY" | node "$BIN" hash-key', 'printf %s "$KEY" | node "$BIN" hash-key', 'echo "$KEY" | node "$BIN" hash-key']) {
      const r = await runShell(line, { env });
      assert.equal(r.code, 0, `${line}\n${r.stderr}`);
      assert.equal(r.stdout, `${hashKey(key)}\n`, line);
      assert.ok(!r.stderr.includes(key) && !r.stdout.includes(key), `${line}: the key is echoed`);
    }
  });

  it('no key on stdin exits 2 with a message', async () => {
    const r = await runCli(['hash-key'], { input: '' });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no key on stdin/);
  });

  it('input too long to be a key exits 2 without a stack trace or the input', async () => {
    const input = `pcs_${'x'.repeat(5000)}`;
    const r = await runCli(['hash-key'], { input });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /longer than 4096 bytes/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assert.ok(!r.stderr.includes('x'.repeat(64)), 'the input is echoed');
  });
});
