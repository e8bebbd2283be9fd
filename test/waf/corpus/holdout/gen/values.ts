/**
 * Generators (and independent validators) for the planted secrets and personal data of the
 * held-out corpus. Every value has its real format and passes its real check digit.
 */
import { createECDH, createHmac, createPrivateKey } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Rng } from './rng.js';
import { ALNUM, B64URL, UPPER_ALNUM } from './rng.js';

// ---------------------------------------------------------------- check digits

export function luhnOk(digits: string): boolean {
  if (!/^\d{8,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function luhnComplete(partial: string): string {
  for (let d = 0; d < 10; d++) if (luhnOk(partial + d)) return partial + d;
  throw new Error('unreachable');
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'unionpay';

/** Brand by IIN range (the ranges the networks publish), or null. */
export function brandOf(d: string): CardBrand | null {
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const n = d.length;
  if (d[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'visa';
  if (n === 16 && ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))) return 'mastercard';
  if (n === 15 && (p2 === 34 || p2 === 37)) return 'amex';
  if (n === 16 && (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649))) return 'discover';
  if (n === 16 && p4 >= 3528 && p4 <= 3589) return 'jcb';
  if (n === 14 && (p2 === 36 || (p3 >= 300 && p3 <= 305) || p2 === 38)) return 'diners';
  if (n >= 16 && n <= 19 && p2 === 62) return 'unionpay';
  return null;
}

export function card(rng: Rng, brand: CardBrand): string {
  const spec: Record<CardBrand, () => [string, number]> = {
    visa: () => [`4${rng.digits(5)}`, rng.chance(0.9) ? 16 : 13],
    mastercard: () => (rng.chance(0.6) ? [`5${rng.range(1, 5)}${rng.digits(4)}`, 16] : [String(rng.range(2221, 2720)) + rng.digits(2), 16]),
    amex: () => [rng.pick(['34', '37']) + rng.digits(4), 15],
    discover: () => [rng.pick(['6011', '65' + rng.digits(2), String(rng.range(644, 649)) + rng.digits(1)]) + rng.digits(2), 16],
    jcb: () => [String(rng.range(3528, 3589)) + rng.digits(2), 16],
    diners: () => [`36${rng.digits(4)}`, 14],
    unionpay: () => [`62${rng.digits(4)}`, rng.pick([16, 19])],
  };
  const [iin, len] = spec[brand]();
  return luhnComplete(iin + rng.digits(len - iin.length - 1));
}

export function formatCard(d: string, style: 'plain' | 'spaces' | 'dashes'): string {
  if (style === 'plain') return d;
  const sep = style === 'spaces' ? ' ' : '-';
  if (d.length === 15) return [d.slice(0, 4), d.slice(4, 10), d.slice(10)].join(sep);
  if (d.length === 14) return [d.slice(0, 4), d.slice(4, 10), d.slice(10)].join(sep);
  return (d.match(/.{1,4}/g) ?? []).join(sep);
}

// ---------------------------------------------------------------- IBAN

export const IBAN_LEN: Readonly<Record<string, number>> = {
  AT: 20, BE: 16, CH: 21, CZ: 24, DE: 22, DK: 18, ES: 24, FI: 18, FR: 27, GB: 22, IE: 22, IT: 27, LU: 20, NL: 18, NO: 15, PL: 28, PT: 25, SE: 24,
};

function mod97(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % 97;
  return r;
}

function toNumeric(s: string): string {
  return s.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
}

export function ibanOk(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  if (IBAN_LEN[s.slice(0, 2)] !== s.length) return false;
  return mod97(toNumeric(s.slice(4) + s.slice(0, 4))) === 1;
}

function ibanFrom(cc: string, bban: string): string {
  const check = 98 - mod97(toNumeric(bban + cc + '00'));
  return cc + String(check).padStart(2, '0') + bban;
}

/** French RIB key: 97 − ((89·bank + 15·branch + 3·account) mod 97), letters mapped per the RIB table. */
function ribKey(bank: string, branch: string, account: string): string {
  const map = (s: string): string => s.replace(/[A-Z]/g, (ch) => String('12345678912345678923456789'[ch.charCodeAt(0) - 65]));
  const n = (89 * Number(map(bank)) + 15 * Number(map(branch)) + 3 * Number(map(account))) % 97;
  return String(97 - n).padStart(2, '0');
}

/** Spanish CCC control digits. */
function esDc(bankBranch: string, account: string): string {
  const w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
  const d = (s: string): number => {
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += Number(s[i]) * w[i]!;
    const r = 11 - (sum % 11);
    return r === 11 ? 0 : r === 10 ? 1 : r;
  };
  return `${d(`00${bankBranch}`)}${d(account)}`;
}

export function iban(rng: Rng, cc: string): string {
  const bban = ((): string => {
    switch (cc) {
      case 'DE': return rng.pick(['10070000', '20040000', '37040044', '50010517', '70150000']) + rng.digits(10);
      case 'GB': return rng.pick(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL']) + rng.digits(6) + rng.digits(8);
      case 'FR': {
        const bank = rng.pick(['30004', '30003', '20041', '10278', '30002']);
        const branch = rng.digits(5);
        const account = rng.digits(11);
        return bank + branch + account + ribKey(bank, branch, account);
      }
      case 'ES': {
        const bb = rng.pick(['2100', '0049', '0182', '2085']) + rng.digits(4);
        const account = rng.digits(10);
        return bb + esDc(bb, account) + account;
      }
      case 'BE': {
        const first = rng.pick(['001', '068', '310', '735']) + rng.digits(7);
        const c = Number(first) % 97;
        return first + String(c === 0 ? 97 : c).padStart(2, '0');
      }
      case 'NL': return rng.pick(['ABNA', 'INGB', 'RABO', 'TRIO']) + rng.digits(10);
      case 'IT': return rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1) + rng.pick(['03069', '02008', '05034']) + rng.digits(5) + rng.digits(12);
      case 'CH': return rng.pick(['00762', '00230', '08390']) + rng.digits(12);
      case 'AT': return rng.pick(['20111', '12000', '32000']) + rng.digits(11);
      case 'IE': return rng.pick(['AIBK', 'BOFI']) + rng.digits(6) + rng.digits(8);
      case 'PL': return rng.pick(['10901014', '11402004', '10203974']) + rng.digits(16);
      case 'SE': return rng.pick(['500', '800', '600']) + rng.digits(17);
      case 'PT': return rng.pick(['0035', '0033', '0007']) + rng.digits(17);
      case 'DK': return rng.pick(['3000', '5301']) + rng.digits(10);
      case 'NO': return rng.pick(['8601', '1503']) + rng.digits(7);
      case 'FI': return rng.pick(['123456', '400000']) + rng.digits(8);
      case 'LU': return rng.pick(['001', '019']) + rng.digits(13);
      case 'CZ': return rng.pick(['0800', '0100']) + rng.digits(16);
      default: throw new Error(`no BBAN for ${cc}`);
    }
  })();
  const out = ibanFrom(cc, bban);
  if (!ibanOk(out)) throw new Error(`bad IBAN ${out}`);
  return out;
}

export function groupIban(s: string): string {
  return (s.match(/.{1,4}/g) ?? []).join(' ');
}

// ---------------------------------------------------------------- national ids

export function ssnOk(s: string): boolean {
  const m = /^(\d{3})[- ]?(\d{2})[- ]?(\d{4})$/.exec(s);
  if (!m) return false;
  return m[1] !== '000' && m[1] !== '666' && !m[1]!.startsWith('9') && m[2] !== '00' && m[3] !== '0000';
}

export function ssn(rng: Rng): string {
  let area: number;
  do area = rng.range(1, 899); while (area === 666);
  const s = `${String(area).padStart(3, '0')}-${String(rng.range(1, 99)).padStart(2, '0')}-${String(rng.range(1, 9999)).padStart(4, '0')}`;
  if (!ssnOk(s)) throw new Error(s);
  return s;
}

const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NINO_BAD = ['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'];

export function ninoOk(s: string): boolean {
  const t = s.replace(/\s/g, '');
  const m = /^([A-Z])([A-Z])\d{6}[A-D]$/.exec(t);
  return m !== null && NINO_FIRST.includes(m[1]!) && NINO_SECOND.includes(m[2]!) && !NINO_BAD.includes(t.slice(0, 2));
}

export function nino(rng: Rng): string {
  let p: string;
  do p = rng.chars(NINO_FIRST, 1) + rng.chars(NINO_SECOND, 1); while (NINO_BAD.includes(p));
  const d = rng.digits(6);
  return `${p} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${rng.chars('ABCD', 1)}`;
}

const DNI = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function dniOk(s: string): boolean {
  const m = /^([XYZ]|\d)(\d{7})-?([A-Z])$/.exec(s);
  if (!m) return false;
  const lead = m[1] === 'X' ? '0' : m[1] === 'Y' ? '1' : m[1] === 'Z' ? '2' : m[1]!;
  return DNI[Number(lead + m[2]) % 23] === m[3];
}

export function dni(rng: Rng, nie = false): string {
  if (nie) {
    const l = rng.pick(['X', 'Y', 'Z']);
    const n = rng.digits(7);
    return `${l}${n}${DNI[Number(String('XYZ'.indexOf(l)) + n) % 23]}`;
  }
  const n = String(rng.range(10000000, 79999999));
  return `${n}${DNI[Number(n) % 23]}`;
}

export function sinOk(s: string): boolean {
  const t = s.replace(/[\s-]/g, '');
  return /^[1-79]\d{8}$/.test(t) && luhnOk(t);
}

export function sin(rng: Rng): string {
  const d = luhnComplete(rng.pick(['1', '2', '3', '4', '5', '6', '7', '9']) + rng.digits(7));
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
}

export function bsnOk(s: string): boolean {
  if (!/^\d{9}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(s[i]);
  sum -= Number(s[8]);
  return sum !== 0 && sum % 11 === 0;
}

export function bsn(rng: Rng): string {
  for (;;) {
    const d = String(rng.range(1, 6)) + rng.digits(7);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
    const last = sum % 11;
    if (last <= 9 && sum !== 0) return d + last;
  }
}

// ---------------------------------------------------------------- tokens and keys

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(n: number): string {
  let v = n >>> 0;
  let s = '';
  do {
    s = BASE62[v % 62]! + s;
    v = Math.floor(v / 62);
  } while (v > 0);
  return s;
}

export function githubToken(rng: Rng, prefix: 'ghp' | 'gho' | 'ghu' | 'ghs' | 'ghr'): string {
  const body = rng.alnum(30);
  return `${prefix}_${body}${base62(crc32(body)).padStart(6, '0')}`;
}

export function githubTokenOk(t: string): boolean {
  const m = /^gh[pousr]_([A-Za-z0-9]{30})([A-Za-z0-9]{6})$/.exec(t);
  return m !== null && base62(crc32(m[1]!)).padStart(6, '0') === m[2];
}

export function githubPat(rng: Rng): string {
  return `github_pat_11${rng.chars(UPPER_ALNUM, 20)}_${rng.alnum(59)}`;
}

export function awsKeyId(rng: Rng, temp = false): string {
  return (temp ? 'ASIA' : 'AKIA') + rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
}

export function awsSecret(rng: Rng): string {
  return rng.chars(`${ALNUM}/+`, 40);
}

export function gcpKey(rng: Rng): string {
  return `AIza${rng.chars(`${ALNUM}-_`, 35)}`;
}

export function openaiKey(rng: Rng, kind: 'proj' | 'svcacct' | 'legacy' | 'admin'): string {
  const tail = (): string => rng.chars(`${ALNUM}-_`, 74);
  if (kind === 'legacy') return `sk-${rng.alnum(20)}T3BlbkFJ${rng.alnum(20)}`;
  const a = tail();
  const b = tail();
  return `sk-${kind}-${a}T3BlbkFJ${b}`;
}

export function slackBot(rng: Rng): string {
  return `xoxb-${rng.range(1, 9)}${rng.digits(11)}-${rng.range(1, 9)}${rng.digits(12)}-${rng.alnum(24)}`;
}

export function slackUser(rng: Rng): string {
  return `xoxp-${rng.range(1, 9)}${rng.digits(11)}-${rng.range(1, 9)}${rng.digits(11)}-${rng.range(1, 9)}${rng.digits(12)}-${rng.hex(32)}`;
}

export function slackWebhook(rng: Rng): string {
  return `https://hooks.slack.com/services/T${rng.chars(UPPER_ALNUM, 8)}/B${rng.chars(UPPER_ALNUM, 10)}/${rng.alnum(24)}`;
}

export function stripeKey(rng: Rng, kind: 'sk_live' | 'rk_live' | 'sk_test' | 'whsec'): string {
  if (kind === 'whsec') return `whsec_${rng.alnum(32)}`;
  return `${kind}_${rng.pick(['51', '4e'])}${rng.alnum(rng.chance(0.5) ? 97 : 22)}`;
}

export function hexKey(rng: Rng, n = 32): string {
  return rng.hex(n);
}

export function b64Key(rng: Rng, bytes: number): string {
  return rng.bytes(bytes).toString('base64');
}

// ---------------------------------------------------------------- JWT

export function jwtHs256(rng: Rng, payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const enc = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${enc(header)}.${enc(payload)}`;
  const sig = createHmac('sha256', rng.bytes(32)).update(input).digest('base64url');
  return `${input}.${sig}`;
}

export function jwtRs256(rng: Rng, payload: Record<string, unknown>): string {
  const enc = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${enc({ alg: 'RS256', typ: 'JWT', kid: rng.chars(B64URL, 16) })}.${enc(payload)}.${rng.bytes(256).toString('base64url')}`;
}

export function jwtOk(t: string): boolean {
  const p = t.split('.');
  if (p.length !== 3 || !p.every((x) => /^[A-Za-z0-9_-]+$/.test(x))) return false;
  try {
    const h = JSON.parse(Buffer.from(p[0]!, 'base64url').toString('utf8')) as { alg?: unknown };
    JSON.parse(Buffer.from(p[1]!, 'base64url').toString('utf8'));
    return typeof h.alg === 'string';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- private keys (real, derived from the seed)

function pemWrap(label: string, der: Buffer, width = 64): string {
  const b64 = der.toString('base64');
  const lines = b64.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----`;
}

export function ed25519Pkcs8(rng: Rng): string {
  const seed = rng.bytes(32);
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return (key.export({ format: 'pem', type: 'pkcs8' }) as string).trim();
}

export function p256(rng: Rng, type: 'sec1' | 'pkcs8'): string {
  const ecdh = createECDH('prime256v1');
  let d: Buffer;
  do d = rng.bytes(32); while (d[0] === 0 || d[0]! >= 0xff);
  ecdh.setPrivateKey(d);
  const pub = ecdh.getPublicKey();
  const jwk = { kty: 'EC', crv: 'P-256', d: d.toString('base64url'), x: pub.subarray(1, 33).toString('base64url'), y: pub.subarray(33, 65).toString('base64url') };
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  return (key.export({ format: 'pem', type }) as string).trim();
}

function sshString(b: Buffer | string): Buffer {
  const buf = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(buf.length);
  return Buffer.concat([len, buf]);
}

/** OpenSSH `openssh-key-v1` Ed25519 key (unencrypted), as ssh-keygen writes it. */
export function opensshEd25519(rng: Rng, comment: string): string {
  const seed = rng.bytes(32);
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const jwk = key.export({ format: 'jwk' }) as { x: string };
  const pub = Buffer.from(jwk.x, 'base64url');
  const pubBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  const check = rng.bytes(4);
  let priv = Buffer.concat([check, check, sshString('ssh-ed25519'), sshString(pub), sshString(Buffer.concat([seed, pub])), sshString(comment)]);
  const pad: number[] = [];
  for (let i = 1; (priv.length + pad.length) % 8 !== 0; i++) pad.push(i);
  priv = Buffer.concat([priv, Buffer.from(pad)]);
  const nkeys = Buffer.alloc(4);
  nkeys.writeUInt32BE(1);
  const blob = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), sshString('none'), sshString('none'), sshString(''), nkeys, sshString(pubBlob), sshString(priv)]);
  return pemWrap('OPENSSH PRIVATE KEY', blob, 70);
}

// RSA: real keys from seeded primes (Miller–Rabin), so the PEM parses and the maths holds.

function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    e >>= 1n;
    b = (b * b) % m;
  }
  return r;
}

const SMALL_PRIMES = (() => {
  const out: bigint[] = [];
  for (let n = 3; out.length < 300; n += 2) if (out.every((p) => BigInt(n) % p !== 0n)) out.push(BigInt(n));
  return out;
})();

function randBig(rng: Rng, bits: number): bigint {
  return BigInt(`0x${rng.bytes(bits / 8).toString('hex')}`);
}

function probablePrime(rng: Rng, n: bigint): boolean {
  for (const p of SMALL_PRIMES) if (n % p === 0n) return n === p;
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  for (let i = 0; i < 12; i++) {
    const a = 2n + (randBig(rng, 64) % (n - 4n));
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let comp = true;
    for (let r = 1; r < s; r++) {
      x = (x * x) % n;
      if (x === n - 1n) {
        comp = false;
        break;
      }
    }
    if (comp) return false;
  }
  return true;
}

function prime(rng: Rng, bits: number, e: bigint): bigint {
  for (;;) {
    let c = randBig(rng, bits) | (3n << BigInt(bits - 2)) | 1n;
    for (let k = 0; k < 4000; k++, c += 2n) {
      if ((c - 1n) % e === 0n) continue;
      if (probablePrime(rng, c)) return c;
    }
  }
}

function modInv(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

function b64uBig(n: bigint): string {
  let h = n.toString(16);
  if (h.length % 2) h = `0${h}`;
  return Buffer.from(h, 'hex').toString('base64url');
}

export function rsaKey(rng: Rng, bits: 1024 | 2048, type: 'pkcs1' | 'pkcs8'): string {
  const e = 65537n;
  const p = prime(rng, bits / 2, e);
  let q: bigint;
  do q = prime(rng, bits / 2, e); while (q === p);
  const n = p * q;
  const phi = (p - 1n) * (q - 1n);
  const d = modInv(e, phi);
  const jwk = { kty: 'RSA', n: b64uBig(n), e: b64uBig(e), d: b64uBig(d), p: b64uBig(p), q: b64uBig(q), dp: b64uBig(d % (p - 1n)), dq: b64uBig(d % (q - 1n)), qi: b64uBig(modInv(q, p)) };
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  return (key.export({ format: 'pem', type }) as string).trim();
}
