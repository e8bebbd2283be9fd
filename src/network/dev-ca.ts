import { createPrivateKey, KeyObject, randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * A throwaway certificate authority for the demo and the tests: a CA, server certificates
 * (serverAuth, SAN) and client certificates (clientAuth) with ECDSA P-256 keys, as PEM
 * (keys in PKCS#8). Not for production PKI: keys live in memory and in whatever files
 * the caller writes.
 *
 * Node can verify certificates but not issue them, and shelling out to `openssl` would
 * make the demo depend on a binary; @peculiar/x509 builds them on WebCrypto.
 */

export interface PemPair {
  readonly certPem: string;
  readonly keyPem: string;
}

export interface CaOptions {
  /** Subject CN. Default: "Portcullis development CA". */
  readonly commonName?: string;
  /** Validity in days. Default: 365. */
  readonly days?: number;
}

export interface ServerCertOptions {
  /** DNS subjectAltNames; the first one is also the subject CN. */
  readonly dnsNames: readonly string[];
  /** IP subjectAltNames (IPv4 or IPv6). */
  readonly ipAddresses: readonly string[];
  /** Validity in days from `notBefore`. Default: 90. */
  readonly days?: number;
  /** Default: one minute ago (clock skew between machines). */
  readonly notBefore?: Date;
  /** Overrides `days`; a date in the past makes an expired certificate (tests). */
  readonly notAfter?: Date;
}

export interface ClientCertOptions {
  readonly commonName: string;
  readonly organization?: string;
  /** Validity in days. Default: 90. */
  readonly days?: number;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
}

type X509Lib = typeof import('@peculiar/x509');

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const DAY_MS = 86_400_000;
/** Certificates start a minute in the past so a peer whose clock is slightly behind accepts them. */
const SKEW_MS = 60_000;

let loaded: Promise<X509Lib> | null = null;

/**
 * Loaded on first use: @peculiar/x509 needs the Reflect polyfill before it is evaluated, and
 * the gateway itself (which only reads certificates) should not pay for it at start-up.
 */
function x509(): Promise<X509Lib> {
  loaded ??= (async () => {
    // tsyringe, under @peculiar/x509, needs the Reflect metadata API before it loads.
    await import('reflect-metadata');
    const lib = await import('@peculiar/x509');
    lib.cryptoProvider.set(webcrypto);
    return lib;
  })();
  return loaded;
}

/** A positive 128-bit serial (RFC 5280 §4.1.2.2: positive, at most 20 octets, unique per CA). */
function serialNumber(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01;
  return b.toString('hex');
}

function validity(o: { days?: number; notBefore?: Date; notAfter?: Date }, defaultDays: number): { notBefore: Date; notAfter: Date } {
  const notBefore = o.notBefore ?? new Date(Date.now() - SKEW_MS);
  const notAfter = o.notAfter ?? new Date(notBefore.getTime() + SKEW_MS + (o.days ?? defaultDays) * DAY_MS);
  if (notAfter.getTime() <= notBefore.getTime()) throw new RangeError('notAfter must be later than notBefore');
  return { notBefore, notAfter };
}

async function newKeyPair(): Promise<webcrypto.CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
}

function pkcs8Pem(key: webcrypto.CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }) as string;
}

/** The WebCrypto signing key and algorithm for a CA key in PEM (EC P-256/P-384 or RSA). */
async function caSigner(keyPem: string): Promise<{ key: webcrypto.CryptoKey; algorithm: { name: string; hash: string } }> {
  const key = createPrivateKey(keyPem);
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    const params = curve === 'prime256v1' ? { namedCurve: 'P-256', hash: 'SHA-256' } : curve === 'secp384r1' ? { namedCurve: 'P-384', hash: 'SHA-384' } : null;
    if (params === null) throw new Error(`unsupported CA key curve ${curve ?? 'unknown'}`);
    return { key: await key.toCryptoKey({ name: 'ECDSA', namedCurve: params.namedCurve }, false, ['sign']), algorithm: { name: 'ECDSA', hash: params.hash } };
  }
  if (key.asymmetricKeyType === 'rsa') {
    const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    return { key: await key.toCryptoKey(algorithm, false, ['sign']), algorithm };
  }
  throw new Error(`unsupported CA key type ${key.asymmetricKeyType ?? 'unknown'}`);
}

export async function createCa(opts: CaOptions = {}): Promise<PemPair> {
  const lib = await x509();
  const keys = await newKeyPair();
  const { notBefore, notAfter } = validity({ days: opts.days }, 365);
  const cert = await lib.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: [{ CN: [opts.commonName ?? 'Portcullis development CA'] }],
    notBefore,
    notAfter,
    keys: keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      // pathLength 0: this CA signs leaves only.
      new lib.BasicConstraintsExtension(true, 0, true),
      new lib.KeyUsagesExtension(lib.KeyUsageFlags.keyCertSign | lib.KeyUsageFlags.cRLSign, true),
      await lib.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: pkcs8Pem(keys.privateKey) };
}

async function issue(
  ca: PemPair,
  subject: Record<string, string[]>[],
  v: { notBefore: Date; notAfter: Date },
  eku: 'serverAuth' | 'clientAuth',
  san: { type: 'dns' | 'ip'; value: string }[],
): Promise<PemPair> {
  const lib = await x509();
  const caCert = new lib.X509Certificate(ca.certPem);
  const signer = await caSigner(ca.keyPem);
  const keys = await newKeyPair();
  const publicKey = keys.publicKey;
  const extensions: InstanceType<X509Lib['Extension']>[] = [
    new lib.BasicConstraintsExtension(false, undefined, true),
    // ECDSA keys sign the handshake; they never encipher keys (RFC 5480 §3).
    new lib.KeyUsagesExtension(lib.KeyUsageFlags.digitalSignature, true),
    new lib.ExtendedKeyUsageExtension([eku === 'serverAuth' ? lib.ExtendedKeyUsage.serverAuth : lib.ExtendedKeyUsage.clientAuth], false),
    await lib.SubjectKeyIdentifierExtension.create(publicKey),
    await lib.AuthorityKeyIdentifierExtension.create(caCert.publicKey),
  ];
  if (san.length > 0) extensions.push(new lib.SubjectAlternativeNameExtension(san, false));
  const cert = await lib.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject,
    issuer: caCert.subjectName,
    notBefore: v.notBefore,
    notAfter: v.notAfter,
    publicKey,
    signingKey: signer.key,
    signingAlgorithm: signer.algorithm,
    extensions,
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: pkcs8Pem(keys.privateKey) };
}

export async function issueServerCert(ca: PemPair, opts: ServerCertOptions): Promise<PemPair> {
  for (const ip of opts.ipAddresses) if (isIP(ip) === 0) throw new TypeError(`not an IP address: ${ip}`);
  const cn = opts.dnsNames[0] ?? opts.ipAddresses[0];
  if (cn === undefined) throw new TypeError('a server certificate needs at least one DNS name or IP address');
  return issue(ca, [{ CN: [cn] }], validity(opts, 90), 'serverAuth', [
    ...opts.dnsNames.map((value) => ({ type: 'dns' as const, value })),
    ...opts.ipAddresses.map((value) => ({ type: 'ip' as const, value })),
  ]);
}

export async function issueClientCert(ca: PemPair, opts: ClientCertOptions): Promise<PemPair> {
  const subject: Record<string, string[]>[] = [{ CN: [opts.commonName] }];
  if (opts.organization !== undefined) subject.push({ O: [opts.organization] });
  return issue(ca, subject, validity(opts, 90), 'clientAuth', []);
}
