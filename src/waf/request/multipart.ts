/**
 * multipart/form-data (RFC 7578 over RFC 2046) for the WAF: form fields become ARGS,
 * file parts become FILES entries, each part's header lines MULTIPART_PART_HEADERS.
 *
 * Strict where a lenient parser would let the WAF and the backend disagree about where
 * a part starts or ends (the classic multipart evasion; ModSecurity's recommended rule
 * 200003 blocks on MULTIPART_STRICT_ERROR for the same reason). Every one of these is a
 * body error, which the caller blocks on:
 * - missing, duplicated, empty, over-70-byte or non-RFC-2046 boundary;
 * - data before the first delimiter, anything but whitespace after the last one,
 *   no final delimiter;
 * - lines not ended by CRLF, folded part headers, a header line without `:`;
 * - a part without exactly one `Content-Disposition: form-data` carrying a `name`,
 *   or with `name`/`filename` repeated;
 * - more parts, or more part header lines, than the argument bound.
 * Accepted as RFC 2046 allows: a quoted boundary (.NET and Java clients send one) and
 * transport padding (spaces/tabs) after a delimiter.
 *
 * A part with a `filename` parameter (even empty) is a file, as in ModSecurity v2/v3;
 * file contents are measured, not inspected. Not implemented: RFC 2231 `filename*`
 * decoding (the raw value is used when `filename` is absent), per-part charsets.
 */
import type { ByteString } from '../transforms/byte-string.js';
import type { WafArg } from './types.js';

/** REQBODY_ERROR_MSG values of this processor; stable, never containing request data. */
export const MULTIPART_ERRORS = {
  boundaryMissing: 'multipart: boundary missing in Content-Type',
  boundaryInvalid: 'multipart: invalid boundary in Content-Type',
  dataBefore: 'multipart: data before the first boundary',
  dataAfter: 'multipart: data after the final boundary',
  finalBoundaryMissing: 'multipart: final boundary missing',
  badLine: 'multipart: boundary or header line not ended by CRLF',
  headerFolding: 'multipart: folded part header',
  headerInvalid: 'multipart: part header without a colon',
  dispositionMissing: 'multipart: part without Content-Disposition',
  dispositionInvalid: 'multipart: invalid Content-Disposition',
  tooManyParts: 'too many arguments',
} as const;

export interface MultipartFile {
  readonly field: ByteString;
  readonly filename: ByteString;
  readonly size: number;
}

export interface MultipartHeaderLine {
  /** The part's field name. */
  readonly name: ByteString;
  /** The full header line as received, without CRLF. */
  readonly value: ByteString;
}

export interface MultipartResult {
  /** Form fields (non-file parts), source 'body', never prompt. */
  readonly args: WafArg[];
  readonly files: MultipartFile[];
  readonly partHeaders: MultipartHeaderLine[];
  /** A MULTIPART_ERRORS value, or null. What was parsed before the error is kept. */
  readonly error: string | null;
}

/** RFC 2046 §5.1.1: 1–70 chars. */
const MAX_BOUNDARY = 70;

/** RFC 2046 bcharsnospace (plus space, checked apart: allowed but not last). */
function isBchar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
    || c === 0x27 || c === 0x28 || c === 0x29 || c === 0x2b || c === 0x5f || c === 0x2c
    || c === 0x2d || c === 0x2e || c === 0x2f || c === 0x3a || c === 0x3d || c === 0x3f;
}

interface Param {
  readonly name: string;
  readonly value: string;
}

/**
 * Parameters of a header value after its first `;` (`a=b; c="d\"e"`), names lowercased.
 * Returns null on an unterminated quoted string or a parameter without `=`.
 */
export function parseHeaderParams(value: string): Param[] | null {
  const params: Param[] = [];
  const n = value.length;
  let i = value.indexOf(';');
  if (i === -1) return params;
  while (i < n) {
    while (i < n && (value[i] === ';' || value[i] === ' ' || value[i] === '\t')) i++;
    if (i >= n) break;
    const eq = value.indexOf('=', i);
    const semi = value.indexOf(';', i);
    if (eq === -1 || (semi !== -1 && semi < eq)) return null;
    const name = value.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    while (i < n && (value[i] === ' ' || value[i] === '\t')) i++;
    let v = '';
    if (value[i] === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const c = value[i]!;
        // Only \" and \\ are escapes (ModSecurity v2 does the same): Windows clients
        // send `filename="C:\dir\a.txt"` and mean the backslashes.
        if (c === '\\' && (value[i + 1] === '"' || value[i + 1] === '\\')) { v += value[i + 1]; i += 2; continue; }
        if (c === '"') { closed = true; i++; break; }
        v += c;
        i++;
      }
      if (!closed) return null;
      while (i < n && (value[i] === ' ' || value[i] === '\t')) i++;
      if (i < n && value[i] !== ';') return null;
    } else {
      let end = value.indexOf(';', i);
      if (end === -1) end = n;
      v = value.slice(i, end).trim();
      i = end;
    }
    params.push({ name, value: v });
  }
  return params;
}

/** The boundary of a multipart Content-Type, or a MULTIPART_ERRORS value. */
export function multipartBoundary(contentType: string): { boundary: string } | { error: string } {
  const params = parseHeaderParams(contentType);
  if (params === null) return { error: MULTIPART_ERRORS.boundaryInvalid };
  let boundary: string | null = null;
  for (const p of params) {
    if (p.name !== 'boundary') continue;
    // Two boundaries: the backend may pick the other one (ModSecurity refuses too).
    if (boundary !== null) return { error: MULTIPART_ERRORS.boundaryInvalid };
    boundary = p.value;
  }
  if (boundary === null) return { error: MULTIPART_ERRORS.boundaryMissing };
  const len = boundary.length;
  if (len < 1 || len > MAX_BOUNDARY) return { error: MULTIPART_ERRORS.boundaryInvalid };
  for (let i = 0; i < len; i++) {
    const c = boundary.charCodeAt(i);
    if (!isBchar(c) && !(c === 0x20 && i < len - 1)) return { error: MULTIPART_ERRORS.boundaryInvalid };
  }
  return { boundary };
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * Parses a multipart/form-data body. `maxParts` bounds both the parts and the part
 * header lines (each becomes a variable entry); exceeding it is the 'too many
 * arguments' error. Never throws on client input.
 */
export function parseMultipart(body: Buffer, contentType: string, maxParts = Infinity): MultipartResult {
  const args: WafArg[] = [];
  const files: MultipartFile[] = [];
  const partHeaders: MultipartHeaderLine[] = [];
  const done = (error: string | null): MultipartResult => ({ args, files, partHeaders, error });

  const b = multipartBoundary(contentType);
  if ('error' in b) return done(b.error);
  const dash = Buffer.from(`--${b.boundary}`, 'latin1');
  const delimiter = Buffer.from(`\r\n--${b.boundary}`, 'latin1');

  if (body.length < dash.length || !body.subarray(0, dash.length).equals(dash)) {
    return done(body.indexOf(dash) === -1 ? MULTIPART_ERRORS.finalBoundaryMissing : MULTIPART_ERRORS.dataBefore);
  }
  let pos = dash.length;
  let parts = 0;
  for (;;) {
    // After a delimiter: `--` closes the body, else optional padding and CRLF.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) {
      for (let i = pos + 2; i < body.length; i++) {
        const c = body[i]!;
        if (c !== CR && c !== LF && c !== 0x20 && c !== 0x09) return done(MULTIPART_ERRORS.dataAfter);
      }
      return done(null);
    }
    while (body[pos] === 0x20 || body[pos] === 0x09) pos++;
    if (pos >= body.length) return done(MULTIPART_ERRORS.finalBoundaryMissing);
    if (body[pos] !== CR || body[pos + 1] !== LF) return done(MULTIPART_ERRORS.badLine);
    pos += 2;
    if (++parts > maxParts) return done(MULTIPART_ERRORS.tooManyParts);

    // Part headers, up to the empty line.
    const lines: string[] = [];
    for (;;) {
      const eol = body.indexOf('\r\n', pos, 'latin1');
      if (eol === -1) return done(MULTIPART_ERRORS.finalBoundaryMissing);
      if (eol === pos) { pos += 2; break; }
      const line = body.toString('latin1', pos, eol);
      if (line.includes('\n') || line.includes('\r')) return done(MULTIPART_ERRORS.badLine);
      const first = line.charCodeAt(0);
      if (first === 0x20 || first === 0x09) return done(MULTIPART_ERRORS.headerFolding);
      if (line.indexOf(':') <= 0) return done(MULTIPART_ERRORS.headerInvalid);
      if (partHeaders.length + lines.length >= maxParts) return done(MULTIPART_ERRORS.tooManyParts);
      lines.push(line);
      pos = eol + 2;
    }

    const disposition = partDisposition(lines);
    if (typeof disposition === 'string') return done(disposition);
    for (const line of lines) partHeaders.push({ name: disposition.name, value: line });

    // Part content, up to CRLF--boundary (the CRLF belongs to the delimiter).
    const end = body.indexOf(delimiter, pos);
    if (end === -1) return done(MULTIPART_ERRORS.finalBoundaryMissing);
    if (disposition.filename !== null) {
      files.push({ field: disposition.name, filename: disposition.filename, size: end - pos });
    } else {
      args.push({ name: disposition.name, value: body.toString('latin1', pos, end), source: 'body', prompt: false });
    }
    pos = end + delimiter.length;
  }
}

/** The field name and file name of a part, or a MULTIPART_ERRORS value. */
function partDisposition(lines: readonly string[]): { name: string; filename: string | null } | string {
  let found: string | null = null;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-disposition') continue;
    if (found !== null) return MULTIPART_ERRORS.dispositionInvalid;
    found = line.slice(colon + 1).trim();
  }
  if (found === null) return MULTIPART_ERRORS.dispositionMissing;
  const semi = found.indexOf(';');
  const type = (semi === -1 ? found : found.slice(0, semi)).trim().toLowerCase();
  if (type !== 'form-data') return MULTIPART_ERRORS.dispositionInvalid;
  const params = parseHeaderParams(found);
  if (params === null) return MULTIPART_ERRORS.dispositionInvalid;
  let name: string | null = null;
  let filename: string | null = null;
  let filenameExt: string | null = null;
  for (const p of params) {
    if (p.name === 'name') {
      if (name !== null) return MULTIPART_ERRORS.dispositionInvalid;
      name = p.value;
    } else if (p.name === 'filename') {
      if (filename !== null) return MULTIPART_ERRORS.dispositionInvalid;
      filename = p.value;
    } else if (p.name === 'filename*') {
      if (filenameExt !== null) return MULTIPART_ERRORS.dispositionInvalid;
      filenameExt = p.value;
    }
  }
  if (name === null) return MULTIPART_ERRORS.dispositionInvalid;
  return { name, filename: filename ?? filenameExt };
}
