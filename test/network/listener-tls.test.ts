import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { after, before, describe, it } from 'node:test';
import type { TLSSocket } from 'node:tls';
import { ConfigError } from '../../src/config/config-error.js';
import { createCa, issueClientCert, issueServerCert, type PemPair } from '../../src/network/dev-ca.js';
import type { ListenerHandle } from '../../src/network/listener.js';
import { TlsConfigSchema } from '../../src/network/listener-config.js';
import { eventually, get, handshake, LogSink, makePfx, makePki, start, TempDir, type TestPki } from './helpers.js';

const fingerprint = (pem: string): string => new X509Certificate(pem).fingerprint256;

describe('TLS on the listener', { timeout: 30_000 }, () => {
  let dir: TempDir;
  let pki: TestPki;
  const handles: ListenerHandle[] = [];
  const PEM = { tls: { cert: 'server.pem', key: 'server-key.pem' } };

  before(async () => {
    dir = new TempDir();
    pki = await makePki();
    dir.write('server.pem', pki.server.certPem);
    dir.write('server-key.pem', pki.server.keyPem);
    dir.write('ca.pem', pki.ca.certPem);
  });
  after(async () => {
    await Promise.all(handles.map((h) => h.close(0)));
    dir.remove();
  });

  async function listen(listener: Record<string, unknown>, env?: NodeJS.ProcessEnv, log?: LogSink): Promise<{ handle: ListenerHandle; port: number }> {
    const r = await start({ dir, listener, env, log: log?.logger('debug') });
    handles.push(r.handle);
    return r;
  }

  it('serves the PEM certificate', async () => {
    const { port } = await listen(PEM);
    const r = await get(port, { ca: pki.ca.certPem });
    assert.equal(r.status, 200);
    assert.equal(r.peer.fingerprint256, fingerprint(pki.server.certPem));
  });

  it('serves the certificate of a PFX file', async () => {
    makePfx(dir, pki.server, 'listener-pfx-pass');
    const { port } = await listen({ tls: { pfx: 'server.pfx', passphrase: { env: 'PFX_PASS' } } }, { PFX_PASS: 'listener-pfx-pass' });
    const r = await get(port, { ca: pki.ca.certPem });
    assert.equal(r.status, 200);
    assert.equal(r.peer.fingerprint256, fingerprint(pki.server.certPem));
  });

  it('refuses to start with bad TLS material, naming the field', async () => {
    await assert.rejects(
      start({ dir, listener: { tls: { pfx: 'server.pfx', passphrase: { env: 'PFX_PASS' } } }, env: { PFX_PASS: 'Tr0ub4dor&3' } }),
      (err: unknown) => err instanceof ConfigError && err.path === 'listeners[0].tls.pfx' && !err.message.includes('Tr0ub4dor&3'),
    );
    await assert.rejects(start({ dir, listener: { tls: { cert: 'missing.pem', key: 'server-key.pem' } } }), /listeners\[0\]\.tls\.cert: file not found \(missing\.pem\)/);
  });

  it('refuses a client that offers at most TLS 1.1', async () => {
    const logs = new LogSink();
    const { handle, port } = await listen(PEM, undefined, logs);
    await assert.rejects(handshake(port, { ca: pki.ca.certPem, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }));
    // The server refused it (not the client giving up before sending a hello).
    await eventually(() => handle.counters.tlsHandshakeFailed === 1, 'the server to count the failed handshake');
    assert.ok(logs.lines.some((l) => l.msg === 'TLS handshake failed' && l.reason === 'tls_handshake_failed' && l.level === 20));
    const ok = await handshake(port, { ca: pki.ca.certPem, maxVersion: 'TLSv1.2' });
    assert.equal(ok.getProtocol(), 'TLSv1.2');
    ok.destroy();
  });

  it('minVersion TLSv1.3 refuses a TLS 1.2 client', async () => {
    const { handle, port } = await listen({ tls: { ...PEM.tls, minVersion: 'TLSv1.3' } });
    await assert.rejects(handshake(port, { ca: pki.ca.certPem, maxVersion: 'TLSv1.2' }));
    await eventually(() => handle.counters.tlsHandshakeFailed === 1, 'the server to count the failed handshake');
    const ok = await handshake(port, { ca: pki.ca.certPem });
    assert.equal(ok.getProtocol(), 'TLSv1.3');
    ok.destroy();
  });

  it('honours the configured cipher list, in the server order', async () => {
    const { port } = await listen({ tls: { ...PEM.tls, ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305' } });
    // A TLS 1.2 client offering only a cipher outside the list fails.
    await assert.rejects(handshake(port, { ca: pki.ca.certPem, maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' }));
    // A client preferring CHACHA20 gets AES128: the server's order wins (honorCipherOrder).
    const s = await handshake(port, { ca: pki.ca.certPem, maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256' });
    assert.equal(s.getCipher().name, 'ECDHE-ECDSA-AES128-GCM-SHA256');
    s.destroy();
  });

  describe('mutual TLS', () => {
    let port: number;
    let alice: PemPair;
    let mallory: PemPair;
    const seen = (req: { socket: unknown }, res: { end(s: string): void }): void => {
      const s = req.socket as TLSSocket;
      res.end(`${s.authorized ? 'authorized' : 'anonymous'}:${s.getPeerCertificate().subject?.CN ?? ''}`);
    };

    before(async () => {
      alice = await issueClientCert(pki.ca, { commonName: 'alice', organization: 'Contoso' });
      mallory = await issueClientCert(await createCa({ commonName: 'Another CA' }), { commonName: 'mallory' });
      const r = await start({ dir, listener: { tls: { ...PEM.tls, clientCa: 'ca.pem' } }, onRequest: seen });
      handles.push(r.handle);
      port = r.port;
    });

    it('a client without a certificate fails the handshake', async () => {
      await assert.rejects(get(port, { ca: pki.ca.certPem }));
    });

    it('a client certificate issued by the CA is accepted and its subject reaches the handler', async () => {
      const r = await get(port, { ca: pki.ca.certPem, cert: alice.certPem, key: alice.keyPem });
      assert.equal(r.status, 200);
      assert.equal(r.body, 'authorized:alice');
    });

    it('a client certificate from another CA fails', async () => {
      await assert.rejects(get(port, { ca: pki.ca.certPem, cert: mallory.certPem, key: mallory.keyPem }));
    });

    it('with requireClientCert: false, clients without a certificate get through unauthenticated', async () => {
      const r = await start({ dir, listener: { tls: { ...PEM.tls, clientCa: 'ca.pem', requireClientCert: false } }, onRequest: seen });
      handles.push(r.handle);
      assert.equal((await get(r.port, { ca: pki.ca.certPem })).body, 'anonymous:');
      assert.equal((await get(r.port, { ca: pki.ca.certPem, cert: alice.certPem, key: alice.keyPem })).body, 'authorized:alice');
      assert.equal((await get(r.port, { ca: pki.ca.certPem, cert: mallory.certPem, key: mallory.keyPem })).body, 'anonymous:mallory');
    });
  });

  describe('hot reload of the certificate files', () => {
    let reloadDir: TempDir;
    let handle: ListenerHandle;
    let port: number;
    let certA: PemPair;
    let certB: PemPair;
    let agent: Agent;
    const logs = new LogSink();

    before(async () => {
      reloadDir = new TempDir();
      certA = await issueServerCert(pki.ca, { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
      certB = await issueServerCert(pki.ca, { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
      reloadDir.write('tls.crt', certA.certPem);
      reloadDir.write('tls.key', certA.keyPem);
      const r = await start({ dir: reloadDir, listener: { tls: { cert: 'tls.crt', key: 'tls.key' } }, log: logs.logger('info') });
      handle = r.handle;
      port = r.port;
      agent = new Agent({ keepAlive: true, maxSockets: 1, ca: pki.ca.certPem });
    });
    after(async () => {
      agent.destroy();
      await handle.close(0);
      reloadDir.remove();
    });

    it('new connections get the new certificate; an open connection keeps working', async () => {
      const first = await get(port, { agent });
      assert.equal(first.peer.fingerprint256, fingerprint(certA.certPem));

      writeFileSync(reloadDir.file('tls.key'), certB.keyPem);
      writeFileSync(reloadDir.file('tls.crt'), certB.certPem);
      await eventually(() => handle.certificate()?.fingerprint256 === fingerprint(certB.certPem), 'the watcher to load certificate B');

      const fresh = await get(port, { ca: pki.ca.certPem });
      assert.equal(fresh.peer.fingerprint256, fingerprint(certB.certPem));
      // The kept-alive connection (same local port) still completes a request, on certificate A.
      const again = await get(port, { agent });
      assert.equal(again.status, 200);
      assert.equal(again.localPort, first.localPort, 'the request did not reuse the open connection');
      assert.equal(again.peer.fingerprint256, fingerprint(certA.certPem));
      assert.ok(logs.lines.some((l) => l.msg === 'TLS certificate loaded' && l.why === 'file change'));
    });

    it('an invalid new file is refused and the current certificate keeps serving', async () => {
      const refusedBefore = handle.counters.tlsReloadsRefused;
      writeFileSync(reloadDir.file('tls.crt'), '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
      await eventually(() => handle.counters.tlsReloadsRefused > refusedBefore, 'the watcher to refuse the invalid file');
      assert.ok(logs.lines.some((l) => l.msg === 'TLS reload refused; the previous certificate keeps serving' && l.level === 50));
      assert.equal((await get(port, { ca: pki.ca.certPem })).peer.fingerprint256, fingerprint(certB.certPem));
      // On demand (SIGHUP) the same: false, and B still serves.
      assert.equal(handle.reloadTls(), false);
      assert.equal((await get(port, { ca: pki.ca.certPem })).peer.fingerprint256, fingerprint(certB.certPem));
      // Fixed files: an explicit reload applies them.
      writeFileSync(reloadDir.file('tls.key'), certA.keyPem);
      writeFileSync(reloadDir.file('tls.crt'), certA.certPem);
      assert.equal(handle.reloadTls(), true);
      assert.equal((await get(port, { ca: pki.ca.certPem })).peer.fingerprint256, fingerprint(certA.certPem));
    });

    it('a config reload can change the settings, except turning client certificates on', async () => {
      const cfg = TlsConfigSchema.parse({ cert: 'tls.crt', key: 'tls.key', watch: false });
      assert.equal(handle.reloadTls({ ...cfg, minVersion: 'TLSv1.3' }), true);
      await assert.rejects(handshake(port, { ca: pki.ca.certPem, maxVersion: 'TLSv1.2' }));
      const s = await handshake(port, { ca: pki.ca.certPem });
      assert.equal(s.getProtocol(), 'TLSv1.3');
      s.destroy();
      reloadDir.write('ca.pem', pki.ca.certPem);
      assert.equal(handle.reloadTls({ ...cfg, clientCa: 'ca.pem' }), false);
      assert.match(String((logs.lines.at(-1)?.err as { message?: string } | undefined)?.message), /needs a restart/);
    });
  });
});
