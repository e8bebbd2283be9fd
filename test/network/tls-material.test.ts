import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ConfigError } from '../../src/config/config-error.js';
import { createCa, issueClientCert, issueServerCert } from '../../src/network/dev-ca.js';
import { TlsConfigSchema } from '../../src/network/listener-config.js';
import { loadTlsOptions } from '../../src/network/tls-material.js';
import { makePfx, makePki, TempDir, type TestPki } from './helpers.js';

const PATH = 'listeners[0].tls';
const tls = (v: Record<string, unknown>) => TlsConfigSchema.parse(v);

function configError(fn: () => unknown, check: (e: ConfigError) => void): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    check(err);
    return true;
  });
}

describe('loadTlsOptions', () => {
  let dir: TempDir;
  let pki: TestPki;

  before(async () => {
    dir = new TempDir();
    pki = await makePki();
    dir.write('server.pem', pki.server.certPem);
    dir.write('server-key.pem', pki.server.keyPem);
    dir.write('ca.pem', pki.ca.certPem);
  });
  after(() => dir.remove());

  it('loads a PEM certificate and key with secure defaults', () => {
    const m = loadTlsOptions(tls({ cert: 'server.pem', key: 'server-key.pem' }), dir.path, PATH);
    assert.equal(m.options.minVersion, 'TLSv1.2');
    assert.equal(m.options.honorCipherOrder, true);
    assert.equal(m.options.requestCert, false);
    assert.deepEqual(m.warnings, []);
    assert.deepEqual(m.files, [dir.file('server.pem'), dir.file('server-key.pem')]);
    assert.equal(m.certificate.fingerprint256, new X509Certificate(pki.server.certPem).fingerprint256);
  });

  it('loads a PFX whose passphrase comes from the environment', () => {
    makePfx(dir, pki.server, 'pfx-secret-1');
    const m = loadTlsOptions(tls({ pfx: 'server.pfx', passphrase: { env: 'PFX_PASS' } }), dir.path, PATH, { PFX_PASS: 'pfx-secret-1' });
    assert.equal(m.certificate.fingerprint256, new X509Certificate(pki.server.certPem).fingerprint256);
    assert.deepEqual(m.files, [dir.file('server.pfx')]);
  });

  it('a wrong PFX passphrase is a config error that does not echo it', () => {
    makePfx(dir, pki.server, 'pfx-secret-2', 'other.pfx');
    configError(
      () => loadTlsOptions(tls({ pfx: 'other.pfx', passphrase: { env: 'PFX_PASS' } }), dir.path, PATH, { PFX_PASS: 'not-the-passphrase' }),
      (e) => {
        assert.equal(e.path, `${PATH}.pfx`);
        assert.match(e.message, /wrong passphrase or damaged file/);
        assert.doesNotMatch(e.message, /not-the-passphrase|pfx-secret-2/);
      },
    );
    configError(
      () => loadTlsOptions(tls({ pfx: 'other.pfx' }), dir.path, PATH),
      (e) => assert.match(e.message, /set `passphrase`/),
    );
    configError(
      () => loadTlsOptions(tls({ pfx: 'other.pfx', passphrase: { env: 'UNSET_PFX_PASS' } }), dir.path, PATH, {}),
      (e) => assert.equal(e.message, `${PATH}.passphrase.env: environment variable UNSET_PFX_PASS is not set`),
    );
  });

  it('a missing file is named with its path', () => {
    configError(
      () => loadTlsOptions(tls({ cert: 'nope.pem', key: 'server-key.pem' }), dir.path, PATH),
      (e) => assert.equal(e.message, 'listeners[0].tls.cert: file not found (nope.pem)'),
    );
  });

  it('a key that does not belong to the certificate is refused', async () => {
    const other = await issueServerCert(pki.ca, { dnsNames: ['other.test'], ipAddresses: [] });
    dir.write('other-key.pem', other.keyPem);
    configError(
      () => loadTlsOptions(tls({ cert: 'server.pem', key: 'other-key.pem' }), dir.path, PATH),
      (e) => {
        assert.equal(e.path, `${PATH}.key`);
        assert.match(e.message, /does not match the certificate in server\.pem/);
      },
    );
    // A certificate where the key should be.
    configError(
      () => loadTlsOptions(tls({ cert: 'server.pem', key: 'server.pem' }), dir.path, PATH),
      (e) => assert.match(e.message, /^listeners\[0\]\.tls\.key: not a PEM private key/),
    );
    configError(
      () => loadTlsOptions(tls({ cert: 'server-key.pem', key: 'server-key.pem' }), dir.path, PATH),
      (e) => assert.equal(e.message, 'listeners[0].tls.cert: not a PEM certificate (server-key.pem)'),
    );
  });

  it('an expired certificate is an error; one expiring within 14 days a warning', async () => {
    const expired = await issueServerCert(pki.ca, { dnsNames: ['localhost'], ipAddresses: [], notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    dir.write('expired.pem', expired.certPem);
    dir.write('expired-key.pem', expired.keyPem);
    configError(
      () => loadTlsOptions(tls({ cert: 'expired.pem', key: 'expired-key.pem' }), dir.path, PATH),
      (e) => {
        assert.equal(e.path, `${PATH}.cert`);
        assert.match(e.message, /expired on \d{4}-/);
      },
    );
    const soon = await issueServerCert(pki.ca, { dnsNames: ['localhost'], ipAddresses: [], days: 3 });
    dir.write('soon.pem', soon.certPem);
    dir.write('soon-key.pem', soon.keyPem);
    const m = loadTlsOptions(tls({ cert: 'soon.pem', key: 'soon-key.pem' }), dir.path, PATH);
    assert.equal(m.warnings.length, 1);
    assert.match(m.warnings[0]!, /^listeners\[0\]\.tls\.cert: the certificate \(CN=localhost\) expires on .*, in [23] days$/);
  });

  it('mutual TLS: the client CA is loaded and client certificates required by default', async () => {
    const m = loadTlsOptions(tls({ cert: 'server.pem', key: 'server-key.pem', clientCa: 'ca.pem' }), dir.path, PATH);
    assert.equal(m.options.requestCert, true);
    assert.equal(m.options.rejectUnauthorized, true);
    assert.ok(m.files.includes(dir.file('ca.pem')));
    const optional = loadTlsOptions(tls({ cert: 'server.pem', key: 'server-key.pem', clientCa: 'ca.pem', requireClientCert: false }), dir.path, PATH);
    assert.equal(optional.options.rejectUnauthorized, false);

    dir.write('not-ca.pem', 'just text\n');
    configError(
      () => loadTlsOptions(tls({ cert: 'server.pem', key: 'server-key.pem', clientCa: 'not-ca.pem' }), dir.path, PATH),
      (e) => assert.equal(e.message, 'listeners[0].tls.clientCa: no PEM certificate found (not-ca.pem)'),
    );
    const leaf = await issueClientCert(await createCa(), { commonName: 'leaf' });
    dir.write('leaf-as-ca.pem', leaf.certPem);
    const w = loadTlsOptions(tls({ cert: 'server.pem', key: 'server-key.pem', clientCa: 'leaf-as-ca.pem' }), dir.path, PATH);
    assert.match(w.warnings.join('\n'), /is not a CA certificate/);
  });

  it('a cipher list OpenSSL does not know is named', () => {
    configError(
      () => loadTlsOptions(tls({ cert: 'server.pem', key: 'server-key.pem', ciphers: 'NO-SUCH-CIPHER' }), dir.path, PATH),
      (e) => assert.equal(e.path, `${PATH}.ciphers`),
    );
  });
});
