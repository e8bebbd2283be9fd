/**
 * Validity checks for planted values and inline media. The generator uses them to make
 * values; the corpus test uses them to prove the committed data still holds them.
 */
import { crc32 } from 'node:zlib';

// ---------------------------------------------------------------- payment cards and banks

export function luhnValid(digits: string): boolean {
  if (!/^\d{2,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that makes `partial + digit` Luhn-valid. */
export function luhnCheckDigit(partial: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(partial + d)) return String(d);
  throw new Error('unreachable');
}

/** Card brand by IIN range, or null when the number is in none we use. */
export function cardBrand(digits: string): string | null {
  const n2 = Number(digits.slice(0, 2));
  const n4 = Number(digits.slice(0, 4));
  const len = digits.length;
  if (digits.startsWith('4') && (len === 16 || len === 13 || len === 19)) return 'visa';
  if (((n2 >= 51 && n2 <= 55) || (n4 >= 2221 && n4 <= 2720)) && len === 16) return 'mastercard';
  if ((n2 === 34 || n2 === 37) && len === 15) return 'amex';
  if ((digits.startsWith('6011') || digits.startsWith('65')) && len === 16) return 'discover';
  if (n4 >= 3528 && n4 <= 3589 && len === 16) return 'jcb';
  if (n2 === 36 && len === 14) return 'diners';
  if (n2 === 62 && len >= 16 && len <= 19) return 'unionpay';
  return null;
}

const IBAN_LENGTH: Readonly<Record<string, number>> = {
  DE: 22, GB: 22, FR: 27, ES: 24, NL: 18, IT: 27, CH: 21, BE: 16, AT: 20, IE: 22, PL: 28, SE: 24,
};

function mod97(numeric: string): number {
  let r = 0;
  for (const ch of numeric) r = (r * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return r;
}

function ibanNumeric(rearranged: string): string {
  let out = '';
  for (const ch of rearranged) out += /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
  return out;
}

/** ISO 13616: length per country and mod-97 = 1. Spaces are ignored. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/ /g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return false;
  const want = IBAN_LENGTH[s.slice(0, 2)];
  if (want === undefined || s.length !== want) return false;
  return mod97(ibanNumeric(s.slice(4) + s.slice(0, 4))) === 1;
}

/** Builds a valid IBAN from a country code and BBAN. */
export function makeIban(country: string, bban: string): string {
  const check = 98 - mod97(ibanNumeric(bban + country + '00'));
  return country + String(check).padStart(2, '0') + bban;
}

// ---------------------------------------------------------------- national identifiers

/** SSA rules: area not 000/666/9xx, group not 00, serial not 0000. */
export function usSsnValid(ssn: string): boolean {
  const m = /^(\d{3})[- ]?(\d{2})[- ]?(\d{4})$/.exec(ssn);
  if (m === null) return false;
  const [, area, group, serial] = m as unknown as [string, string, string, string];
  return area !== '000' && area !== '666' && !area.startsWith('9') && group !== '00' && serial !== '0000';
}

/** HMRC NINO: prefix letters and suffix A–D. */
export function ukNinoValid(nino: string): boolean {
  const s = nino.replace(/ /g, '');
  const m = /^([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])\d{6}[A-D]$/.exec(s);
  if (m === null) return false;
  return !['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(s.slice(0, 2));
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function esDniLetter(num: number): string {
  return DNI_LETTERS[num % 23]!;
}

/** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter). */
export function esDniValid(id: string): boolean {
  const m = /^([XYZ]|\d)(\d{7})-?([A-Z])$/.exec(id);
  if (m === null) return false;
  const lead = m[1]!;
  const n = Number((lead === 'X' ? '0' : lead === 'Y' ? '1' : lead === 'Z' ? '2' : lead) + m[2]!);
  return esDniLetter(n) === m[3];
}

/** Canadian SIN: 9 digits, Luhn, not starting with 0 or 8. */
export function caSinValid(sin: string): boolean {
  const s = sin.replace(/[ -]/g, '');
  return /^[1-79]\d{8}$/.test(s) && luhnValid(s);
}

/** Dutch BSN: 9 digits, weighted "11-proef" (last weight −1). */
export function nlBsnValid(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (bsn.charCodeAt(i) - 48);
  sum -= bsn.charCodeAt(8) - 48;
  return sum % 11 === 0 && sum !== 0;
}

// ---------------------------------------------------------------- tokens

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(n: number): string {
  let out = '';
  let v = n >>> 0;
  do {
    out = BASE62[v % 62]! + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out;
}

/** GitHub's token checksum: CRC32 of the 30-char random part, base62, left-padded to 6. */
export function githubChecksum(random30: string): string {
  return base62(crc32(random30)).padStart(6, '0');
}

export function githubTokenValid(token: string): boolean {
  const m = /^gh[pousr]_([A-Za-z0-9]{30})([A-Za-z0-9]{6})$/.exec(token);
  return m !== null && githubChecksum(m[1]!) === m[2];
}

export function jwtShapeValid(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: unknown };
    JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    return typeof header.alg === 'string';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- inline media

export interface DataUrl {
  readonly mediaType: string;
  readonly bytes: Buffer;
}

/** Parses a base64 data URL strictly (canonical base64, padding, no whitespace). */
export function parseDataUrl(url: string): DataUrl | null {
  const m = /^data:([a-z]+\/[a-z0-9.+-]+)(?:;[a-z-]+=[A-Za-z0-9._-]+)*;base64,([A-Za-z0-9+/]*={0,2})$/.exec(url);
  if (m === null) return null;
  const b64 = m[2]!;
  if (b64.length % 4 !== 0 || b64.length === 0) return null;
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.toString('base64') !== b64) return null;
  return { mediaType: m[1]!, bytes };
}

function pngValid(b: Buffer): boolean {
  if (!b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return false;
  let off = 8;
  let first = true;
  let sawEnd = false;
  while (off + 12 <= b.length) {
    const len = b.readUInt32BE(off);
    const type = b.toString('latin1', off + 4, off + 8);
    if (off + 12 + len > b.length) return false;
    if (first && (type !== 'IHDR' || len !== 13)) return false;
    first = false;
    const crc = b.readUInt32BE(off + 8 + len);
    if (crc32(b.subarray(off + 4, off + 8 + len)) !== crc) return false;
    off += 12 + len;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  return sawEnd && off === b.length;
}

function jpegValid(b: Buffer): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return false;
  // Walk the marker segments up to SOS; require a frame header and Huffman tables.
  let off = 2;
  let sof = false;
  let dht = false;
  while (off + 4 <= b.length && b[off] === 0xff) {
    const marker = b[off + 1]!;
    const len = b.readUInt16BE(off + 2);
    if (marker === 0xc0 || marker === 0xc2) sof = true;
    if (marker === 0xc4) dht = true;
    if (marker === 0xda) return sof && dht;
    off += 2 + len;
  }
  return false;
}

/** Checks that the bytes are the media type the URL claims. */
export function mediaValid(d: DataUrl): boolean {
  const b = d.bytes;
  switch (d.mediaType) {
    case 'image/png': return pngValid(b);
    case 'image/jpeg': return jpegValid(b);
    case 'image/gif': return /^GIF8[79]a/.test(b.toString('latin1', 0, 6)) && b[b.length - 1] === 0x3b;
    case 'application/pdf': return b.toString('latin1', 0, 5) === '%PDF-' && b.toString('latin1').trimEnd().endsWith('%%EOF');
    case 'audio/wav':
    case 'audio/x-wav':
      return b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WAVE' && b.readUInt32LE(4) === b.length - 8;
    default: return false;
  }
}

export function isImageMediaType(t: string): boolean {
  return t === 'image/png' || t === 'image/jpeg' || t === 'image/gif';
}

// ---------------------------------------------------------------- walking bodies

/** Every string inside a JSON value, depth first, with its path. */
export function* jsonStrings(v: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; value: string }> {
  if (typeof v === 'string') {
    yield { path, value: v };
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) yield* jsonStrings(v[i], [...path, i]);
  } else if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) yield* jsonStrings((v as Record<string, unknown>)[k], [...path, k]);
  }
}
