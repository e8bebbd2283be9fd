/**
 * REQUEST_COOKIES from Cookie headers, parsed like ModSecurity's v0 cookie parser
 * (v3 `Transaction::addRequestHeader`, which follows v2 `parse_cookies_v0`):
 * - each Cookie header is parsed on its own (HTTP/2 clients may send one per cookie,
 *   RFC 9113 §8.2.3), in arrival order;
 * - split on `;`; empty pieces are skipped; trailing whitespace of the last piece is
 *   dropped (the OWS after the cookie-string);
 * - the first `=` separates name from value; a piece without `=` is a name with an
 *   empty value; leading whitespace of the name is skipped;
 * - pieces whose name is empty (`=bar`) are skipped;
 * - nothing is URL-decoded and values are not trimmed, exactly as ModSecurity: a rule
 *   written for `a=1 ; b=2` sees `1 ` there too.
 */
import { isCSpace, type ByteString } from '../transforms/byte-string.js';

export interface WafCookie {
  readonly name: ByteString;
  readonly value: ByteString;
}

/** Appends the cookies of one Cookie header value to `out`. */
export function parseCookieHeader(header: ByteString, out: WafCookie[]): void {
  let last = header.length;
  while (last > 0 && isCSpace(header.charCodeAt(last - 1))) last--;
  let start = 0;
  while (start < last) {
    let end = header.indexOf(';', start);
    if (end === -1 || end > last) end = last;
    let nameStart = start;
    while (nameStart < end && isCSpace(header.charCodeAt(nameStart))) nameStart++;
    const piece = header.slice(nameStart, end);
    const eq = piece.indexOf('=');
    const name = eq === -1 ? piece : piece.slice(0, eq);
    if (name.length > 0) out.push({ name, value: eq === -1 ? '' : piece.slice(eq + 1) });
    start = end + 1;
  }
}

/** REQUEST_COOKIES of all Cookie header values, in order. */
export function parseCookies(headers: readonly ByteString[]): WafCookie[] {
  const out: WafCookie[] = [];
  for (const h of headers) parseCookieHeader(h, out);
  return out;
}
