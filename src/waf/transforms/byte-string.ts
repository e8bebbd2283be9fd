/**
 * Byte strings: the one representation every WAF transform and operator works on.
 *
 * ModSecurity and Coraza inspect bytes, not Unicode text: `t:urlDecode` of `%C3%A9`
 * yields the two bytes C3 A9, `@validateUtf8Encoding` judges byte sequences and
 * `t:length` counts bytes. We keep that model in JavaScript with "binary" (latin1)
 * strings: every char code is 0–255 and stands for exactly one byte. No transform or
 * operator ever produces a char code above 0xFF.
 *
 * Convert at the edges only, once per value:
 * - request data (a `Buffer`/`Uint8Array`) → `toByteString(buf)` (a latin1 view);
 * - Unicode text (rule arguments read from .conf/.data files, already-decoded JS
 *   strings) → `toByteString(text)`, which UTF-8 encodes it, so `é` in a rule becomes
 *   the two byte-chars `\xC3\xA9`, exactly what PCRE sees in ModSecurity;
 * - back to bytes/text with `fromByteString` / `byteStringToUtf8`.
 */

/** A string whose char codes are all 0–255, one per byte. Type alias for documentation only. */
export type ByteString = string;

/** True when every char code fits in a byte (the string is already a valid byte string). */
export function isByteString(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

/** Bytes (as is) or Unicode text (UTF-8 encoded) → byte string. ASCII text is returned unchanged. */
export function toByteString(input: Uint8Array | string): ByteString {
  if (typeof input === 'string') {
    let ascii = true;
    for (let i = 0; i < input.length; i++) {
      if (input.charCodeAt(i) > 0x7f) { ascii = false; break; }
    }
    if (ascii) return input;
    return Buffer.from(input, 'utf8').toString('latin1');
  }
  return Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
}

/** Byte string → bytes. */
export function fromByteString(s: ByteString): Buffer {
  return Buffer.from(s, 'latin1');
}

/** Byte string → Unicode text (invalid UTF-8 becomes U+FFFD); for logs and messages. */
export function byteStringToUtf8(s: ByteString): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}

/** Value of a hex digit char code, or -1. */
export function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** The byte two hex digits at `at` spell (`\xHH`, `%HH`), or -1 if they are not two hex digits. */
export function hexByteAt(input: string, at: number): number {
  const hi = hexVal(input.charCodeAt(at));
  const lo = hexVal(input.charCodeAt(at + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/**
 * The byte for four hex digits at `at` (IIS `%uHHHH`, JS `\uHHHH`), or -1 if they are not
 * hex. With no unicode map configured (we have none, as Coraza), ModSecurity v2 keeps the
 * low byte, except that full-width ASCII U+FF01–U+FF5E maps to its ASCII twin (+0x20).
 */
export function unicodeEscapeByte(input: string, at: number): number {
  const h1 = hexVal(input.charCodeAt(at));
  const h2 = hexVal(input.charCodeAt(at + 1));
  const h3 = hexVal(input.charCodeAt(at + 2));
  const h4 = hexVal(input.charCodeAt(at + 3));
  if (h1 < 0 || h2 < 0 || h3 < 0 || h4 < 0) return -1;
  const b = h3 * 16 + h4;
  return b > 0x00 && b < 0x5f && h1 === 15 && h2 === 15 ? b + 0x20 : b;
}

/** True for C `isspace()` in the "C" locale: space, \t, \n, \v, \f, \r (what ModSecurity v2 uses). */
export function isCSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** True for an octal digit char code. */
export function isOctal(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

/**
 * Collects output bytes as char codes and builds the string in chunks.
 * `String.fromCharCode(...codes)` on a whole 1 MB body would overflow the argument
 * limit, so we flush every 8192 codes.
 */
export class ByteBuilder {
  private readonly codes: number[] = [];
  private out = '';

  push(c: number): void {
    this.codes.push(c);
    if (this.codes.length >= 8192) this.flush();
  }

  pushString(s: string): void {
    this.flush();
    this.out += s;
  }

  private flush(): void {
    if (this.codes.length > 0) {
      this.out += String.fromCharCode.apply(null, this.codes);
      this.codes.length = 0;
    }
  }

  toString(): string {
    this.flush();
    return this.out;
  }
}
