/**
 * ARGS_GET (query string) and ARGS_POST of `application/x-www-form-urlencoded` bodies,
 * split and decoded the way ModSecurity does it, so CRS rules and exclusions see the
 * same names and values they see there.
 *
 * ModSecurity v2 (`parse_arguments`, msc_parsers.c) and v3 (`Transaction::extractArguments`)
 * agree on every case we reproduce:
 * - split on `&`; an empty segment is an argument with an empty name and value
 *   (`a&&b` → `a`, ``, `b`), except a trailing empty one (`a&` → just `a`);
 * - the first `=` separates name from value; no `=` means an empty value;
 * - name and value are decoded with the lenient decoder (`+` → space, `%XX` → byte,
 *   invalid or truncated escapes kept as written), never `%uXXXX`.
 * We do not expose URLENCODED_ERROR (invalid escapes); no rule we load reads it.
 */
import type { ByteString } from '../transforms/byte-string.js';
import { decodeUrl } from '../transforms/url-decode.js';
import type { WafArg } from './types.js';

export interface UrlEncodedResult {
  readonly args: WafArg[];
  /** More than `maxArgs` arguments were present; `args` holds the first `maxArgs`. */
  readonly truncated: boolean;
}

/**
 * Parses a query string (without the `?`) or an urlencoded body (as a byte string).
 * `maxArgs` bounds the arguments kept; the rest are dropped and `truncated` is set.
 */
export function parseUrlEncoded(input: ByteString, source: WafArg['source'], maxArgs = Infinity): UrlEncodedResult {
  const args: WafArg[] = [];
  const n = input.length;
  if (n === 0) return { args, truncated: false };
  let start = 0;
  while (start <= n) {
    let end = input.indexOf('&', start);
    if (end === -1) end = n;
    // A trailing `&` does not start an argument (ModSecurity v2 and v3 agree).
    if (end === n && start === n) break;
    if (args.length >= maxArgs) return { args, truncated: true };
    // Search `=` inside this piece only: a scan to the end of the input per piece would
    // be quadratic on a body of many `&`-separated names without values.
    const piece = input.slice(start, end);
    const eq = piece.indexOf('=');
    const rawName = eq === -1 ? piece : piece.slice(0, eq);
    const rawValue = eq === -1 ? '' : piece.slice(eq + 1);
    args.push({
      name: decodeUrl(rawName, false)[0],
      value: decodeUrl(rawValue, false)[0],
      source,
      prompt: false,
    });
    start = end + 1;
  }
  return { args, truncated: false };
}
