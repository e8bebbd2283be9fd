import { createHash, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { createSecureContext, type SecureContextOptions, type SecureVersion } from 'node:tls';
import { ConfigError } from '../config/config-error.js';
import { configPath, readConfigFile, resolveSecret } from '../config/files.js';
import type { TlsConfig } from './listener-config.js';

/** A certificate expiring sooner than this is reported as a warning at load and on reload. */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

/** What `https.createServer` and `server.setSecureContext` take, fully resolved. */
export interface TlsServerOptions extends SecureContextOptions {
  minVersion: SecureVersion;
  honorCipherOrder: boolean;
  /** Ask for a client certificate (mutual TLS). */
  requestCert: boolean;
  /** With requestCert: refuse the handshake without a certificate that verifies against `ca`. */
  rejectUnauthorized: boolean;
}

export interface TlsMaterial {
  readonly options: TlsServerOptions;
  /** Absolute paths of every file read (certificate, key or PFX, client CA, passphrase file): what to watch. */
  readonly files: readonly string[];
  /** Problems that do not stop serving (expiry within EXPIRY_WARNING_DAYS, not yet valid, …), each naming its path. */
  readonly warnings: readonly string[];
  /** The served (leaf) certificate, for logs: subject, serial, fingerprint, expiry. */
  readonly certificate: X509Certificate;
  /** SHA-256 over the settings and the file contents: equal digests mean nothing to apply. */
  readonly digest: string;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Reads and checks the TLS files of a listener, once, before serving (and on every reload):
 * the certificate parses, the key matches it, a PFX opens with its passphrase, the
 * certificate has not expired, the client CA bundle holds certificates, and OpenSSL accepts
 * the whole set (cipher list included). Every failure is a ConfigError naming the field
 * (`listeners[0].tls.key: …`); a passphrase never appears in a message.
 */
export function loadTlsOptions(cfg: TlsConfig, baseDir: string, path: string, env: NodeJS.ProcessEnv = process.env): TlsMaterial {
  const files: string[] = [];
  const warnings: string[] = [];
  // The settings (a passphrase appears as its reference, never its value) and then each file.
  const hash = createHash('sha256').update(JSON.stringify(cfg));
  const read = (p: string, field: string): Buffer => {
    const buf = readConfigFile(baseDir, p, `${path}.${field}`);
    files.push(configPath(baseDir, p));
    hash.update(field).update(buf);
    return buf;
  };

  let passphrase: string | undefined;
  if (cfg.passphrase !== undefined) {
    passphrase = resolveSecret(cfg.passphrase, baseDir, `${path}.passphrase`, env);
    if ('file' in cfg.passphrase) files.push(configPath(baseDir, cfg.passphrase.file));
  }
  const scrub = (message: string): string => (passphrase !== undefined && passphrase !== '' ? message.split(passphrase).join('***') : message);

  const options: TlsServerOptions = {
    minVersion: cfg.minVersion,
    // The server's cipher preference wins over the client's (RFC 5246 §7.4.1.2 leaves it to the server).
    honorCipherOrder: true,
    requestCert: false,
    rejectUnauthorized: true,
  };
  if (cfg.ciphers !== undefined) options.ciphers = cfg.ciphers;

  let certificate: X509Certificate;
  let certField: string;
  if (cfg.pfx !== undefined) {
    certField = 'pfx';
    const pfx = read(cfg.pfx, 'pfx');
    let der: Buffer | null = null;
    try {
      const ctx = createSecureContext({ pfx, passphrase });
      // The PFX's leaf certificate, as OpenSSL loaded it. `context` is the native handle: Node
      // offers no other way to read a certificate out of a PKCS#12 file (PKCS#12 decryption is
      // not something to write by hand). The PFX tests fail if a Node release drops it.
      der = (ctx as unknown as { context?: { getCertificate?: () => Buffer | null } }).context?.getCertificate?.() ?? null;
    } catch (err) {
      const why = scrub((err as Error).message);
      throw new ConfigError(
        `${path}.pfx`,
        cfg.passphrase === undefined
          ? `cannot open the PKCS#12 file (${cfg.pfx}): ${why}; if it is protected, set \`passphrase\``
          : `cannot open the PKCS#12 file (${cfg.pfx}) with the given passphrase: wrong passphrase or damaged file (${why})`,
      );
    }
    if (der === null) throw new ConfigError(`${path}.pfx`, `no certificate found in the PKCS#12 file (${cfg.pfx})`);
    certificate = new X509Certificate(der);
    options.pfx = pfx;
    if (passphrase !== undefined) options.passphrase = passphrase;
  } else {
    certField = 'cert';
    // The schema guarantees cert and key when pfx is absent.
    const certFile = cfg.cert!;
    const keyFile = cfg.key!;
    const cert = read(certFile, 'cert');
    const key = read(keyFile, 'key');
    try {
      certificate = new X509Certificate(cert);
    } catch {
      throw new ConfigError(`${path}.cert`, `not a PEM certificate (${certFile})`);
    }
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(passphrase === undefined ? { key, format: 'pem' } : { key, format: 'pem', passphrase });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const encrypted = key.includes('ENCRYPTED');
      throw new ConfigError(
        `${path}.key`,
        encrypted && passphrase === undefined
          ? `the private key is encrypted (${keyFile}); set \`passphrase\``
          : encrypted
            ? `cannot decrypt the private key (${keyFile}) with the given passphrase`
            : `not a PEM private key (${keyFile})${code !== undefined ? ` (${code})` : ''}`,
      );
    }
    if (privateKey.type !== 'private' || !certificate.checkPrivateKey(privateKey)) {
      throw new ConfigError(`${path}.key`, `does not match the certificate in ${certFile} (subject ${oneLine(certificate.subject)})`);
    }
    options.cert = cert;
    options.key = key;
    if (passphrase !== undefined) options.passphrase = passphrase;
  }

  checkValidity(certificate, `${path}.${certField}`, warnings);

  if (cfg.clientCa !== undefined) {
    const ca = read(cfg.clientCa, 'clientCa');
    const blocks = ca.toString('latin1').match(PEM_CERT) ?? [];
    if (blocks.length === 0) throw new ConfigError(`${path}.clientCa`, `no PEM certificate found (${cfg.clientCa})`);
    blocks.forEach((block, i) => {
      let c: X509Certificate;
      try {
        c = new X509Certificate(block);
      } catch {
        throw new ConfigError(`${path}.clientCa`, `certificate #${i + 1} does not parse (${cfg.clientCa})`);
      }
      if (!c.ca) warnings.push(`${path}.clientCa: certificate #${i + 1} (${oneLine(c.subject)}) is not a CA certificate; client certificates issued by it will not verify`);
      if (c.validToDate.getTime() < Date.now()) warnings.push(`${path}.clientCa: CA certificate #${i + 1} (${oneLine(c.subject)}) expired on ${c.validToDate.toISOString()}`);
    });
    options.ca = ca;
    options.requestCert = true;
    options.rejectUnauthorized = cfg.requireClientCert ?? true;
  }

  if (cfg.ciphers !== undefined && cfg.minVersion === 'TLSv1.3') {
    warnings.push(`${path}.ciphers: has no effect with minVersion TLSv1.3 (it lists TLS 1.2 ciphers)`);
  }

  // Last: let OpenSSL judge the whole set, as the server will use it (cipher list syntax,
  // a cipher list that leaves nothing, chain order).
  try {
    createSecureContext(options);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_SSL_NO_CIPHER_MATCH') throw new ConfigError(`${path}.ciphers`, `no cipher in "${cfg.ciphers ?? ''}" is known to OpenSSL`);
    throw new ConfigError(path, `OpenSSL refused the TLS settings: ${scrub(e.message)}`);
  }

  return { options, files: [...new Set(files)], warnings, certificate, digest: hash.digest('hex') };
}

function checkValidity(c: X509Certificate, path: string, warnings: string[]): void {
  const now = Date.now();
  const notAfter = c.validToDate.getTime();
  const subject = oneLine(c.subject);
  if (notAfter <= now) throw new ConfigError(path, `the certificate (${subject}) expired on ${c.validToDate.toISOString()}`);
  if (c.validFromDate.getTime() > now) warnings.push(`${path}: the certificate (${subject}) is not valid before ${c.validFromDate.toISOString()}; check the clock`);
  const daysLeft = (notAfter - now) / DAY_MS;
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    warnings.push(`${path}: the certificate (${subject}) expires on ${c.validToDate.toISOString()}, in ${Math.max(0, Math.floor(daysLeft))} days`);
  }
}

/** X509Certificate.subject puts one attribute per line. */
function oneLine(dn: string): string {
  return dn.split('\n').join(', ');
}
