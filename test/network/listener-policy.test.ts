import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { TLSSocket } from 'node:tls';
import type { ListenerHandle } from '../../src/network/listener.js';
import type { ConnectionGate } from '../../src/network/connection-gate.js';
import { eventually, get, handshake, LogSink, makePki, rawExchange, start, TempDir, type TestPki } from './helpers.js';

// A TLS ClientHello's first bytes: what a refused client would have sent. The server must
// not answer it, not even with a TLS alert.
const CLIENT_HELLO_START = Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03]);

const TLS = { tls: { cert: 'server.pem', key: 'server-key.pem' } };

describe('source-address policy on real sockets', { timeout: 30_000 }, () => {
  let dir: TempDir;
  let pki: TestPki;
  const handles: ListenerHandle[] = [];

  before(async () => {
    dir = new TempDir();
    pki = await makePki();
    dir.write('server.pem', pki.server.certPem);
    dir.write('server-key.pem', pki.server.keyPem);
  });
  after(async () => {
    await Promise.all(handles.map((h) => h.close(0)));
    dir.remove();
  });

  describe('allow 127.0.0.2/32 only', () => {
    let port: number;
    let handle: ListenerHandle;
    const denied: { remote: string; reason: string }[] = [];
    const logs = new LogSink();

    before(async () => {
      ({ handle, port } = await start({ dir, listener: TLS, network: { allow: ['127.0.0.2/32'] }, denied, log: logs.logger('info') }));
      handles.push(handle);
    });

    it('serves a client connecting from 127.0.0.2', async () => {
      const r = await get(port, { ca: pki.ca.certPem, localAddress: '127.0.0.2' });
      assert.equal(r.status, 200);
      assert.equal(r.body, 'hello 127.0.0.2');
    });

    it('closes a connection from 127.0.0.3 at accept: no byte sent back, not even a TLS alert', async () => {
      const raw = await rawExchange(port, CLIENT_HELLO_START, { localAddress: '127.0.0.3' });
      assert.equal(raw.received.length, 0, 'the server sent bytes to a refused client');
      assert.equal(raw.error, 'ECONNRESET');

      // A real TLS client sees the connection reset, not a handshake failure.
      await assert.rejects(handshake(port, { ca: pki.ca.certPem, localAddress: '127.0.0.3' }), (err: NodeJS.ErrnoException) => {
        assert.equal(err.code, 'ECONNRESET', String(err));
        return true;
      });
      assert.deepEqual(denied.slice(-2), [
        { remote: '127.0.0.3', reason: 'source_not_allowed' },
        { remote: '127.0.0.3', reason: 'source_not_allowed' },
      ]);
      assert.equal(handle.counters.refused.source_not_allowed, 2);
      assert.equal(handle.counters.tlsHandshakeFailed, 0, 'a refused connection must cost no handshake');
    });

    it('does not log refused connections above debug level (a flood must not flood the log)', async () => {
      await Promise.all(Array.from({ length: 20 }, () => rawExchange(port, CLIENT_HELLO_START, { localAddress: '127.0.0.3' })));
      assert.ok(handle.counters.refused.source_not_allowed >= 22);
      assert.deepEqual(
        logs.lines.filter((l) => l.msg !== 'listening'),
        [],
      );
    });
  });

  it('deny wins over allow', async () => {
    const denied: { remote: string; reason: string }[] = [];
    const { handle, port } = await start({ dir, listener: TLS, network: { allow: ['127.0.0.0/8'], deny: ['127.0.0.3'] }, denied });
    handles.push(handle);
    assert.equal((await get(port, { ca: pki.ca.certPem, localAddress: '127.0.0.2' })).status, 200);
    const raw = await rawExchange(port, CLIENT_HELLO_START, { localAddress: '127.0.0.3' });
    assert.equal(raw.received.length, 0);
    assert.deepEqual(denied, [{ remote: '127.0.0.3', reason: 'source_denied' }]);
  });

  it('limits open connections per source address and frees the slot when one closes', async () => {
    const denied: { remote: string; reason: string }[] = [];
    let gate: ConnectionGate;
    let handle: ListenerHandle;
    let port: number;
    ({ handle, port, gate } = await start({ dir, listener: TLS, network: { allow: ['127.0.0.0/8'], maxConnectionsPerIp: 2 }, denied }));
    handles.push(handle);
    const open: TLSSocket[] = [];
    try {
      open.push(await handshake(port, { ca: pki.ca.certPem, localAddress: '127.0.0.2' }));
      open.push(await handshake(port, { ca: pki.ca.certPem, localAddress: '127.0.0.2' }));
      assert.equal(gate.openFrom('127.0.0.2'), 2);
      await assert.rejects(handshake(port, { ca: pki.ca.certPem, localAddress: '127.0.0.2' }), { code: 'ECONNRESET' });
      assert.deepEqual(denied, [{ remote: '127.0.0.2', reason: 'connection_limit' }]);
      // Another source is not affected by 127.0.0.2's limit.
      assert.equal((await get(port, { ca: pki.ca.certPem, localAddress: '127.0.0.4' })).status, 200);

      open.pop()!.destroy();
      await eventually(() => gate.openFrom('127.0.0.2') === 1, 'the closed connection to be released');
      open.push(await handshake(port, { ca: pki.ca.certPem, localAddress: '127.0.0.2' }));
      assert.equal(gate.openFrom('127.0.0.2'), 2);
    } finally {
      for (const s of open) s.destroy();
    }
    await eventually(() => gate.open === 0, 'every connection to be released');
  });

  it('on a dual-stack listener (::), IPv4 clients appear as ::ffff:a.b.c.d and match IPv4 rules', async (t) => {
    const probe = createServer();
    const dualStack = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(0, '::', () => probe.close(() => resolve(true)));
    });
    if (!dualStack) {
      t.skip('this machine has no IPv6 loopback, so no dual-stack listener can be opened');
      return;
    }
    const denied: { remote: string; reason: string }[] = [];
    const { handle, port } = await start({ dir, listener: { ...TLS, host: '::' }, network: { allow: ['127.0.0.2/32'] }, denied });
    handles.push(handle);
    const r = await get(port, { ca: pki.ca.certPem, localAddress: '127.0.0.2' });
    assert.equal(r.status, 200);
    assert.equal(r.body, 'hello ::ffff:127.0.0.2');
    assert.equal((await rawExchange(port, CLIENT_HELLO_START, { localAddress: '127.0.0.3' })).received.length, 0);
    assert.deepEqual(denied, [{ remote: '127.0.0.3', reason: 'source_not_allowed' }]);
  });
});
