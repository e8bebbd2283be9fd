/**
 * Builds the WAF's view of one request (types.ts) once, before any rule runs.
 *
 * The body processor is chosen from Content-Type as CRS's setup does it (rules 200000/
 * 200001/200006 of modsecurity.conf-recommended, plus the URLENCODED and MULTIPART
 * defaults): `application/json` and `application/…+json` → JSON,
 * `application/x-www-form-urlencoded` → URLENCODED, `multipart/form-data` → MULTIPART,
 * anything else → none (the raw body stays in REQUEST_BODY).
 *
 * Client input never throws here: a body that cannot be parsed, or that exceeds the
 * argument or depth bounds, sets `bodyError` (REQBODY_ERROR) and the caller blocks on it,
 * as CRS's rule 200002 does. ARGS parsed before the error are kept.
 */
import { isUtf8 } from 'node:buffer';
import { isByteString, toByteString, type ByteString } from '../transforms/byte-string.js';
import { parseCookieHeader, type WafCookie } from './cookies.js';
import { parseUrlEncoded } from './form-args.js';
import { flattenJson } from './json-args.js';
import { MULTIPART_ERRORS, parseMultipart, type MultipartResult } from './multipart.js';
import { DEFAULT_PROMPT_MATCHER, type PromptFieldMatcher } from './prompt-fields.js';
import type { BodyProcessor, PromptField, WafArg, WafHeader, WafInput, WafRequest } from './types.js';

export interface ExtractOptions {
  /**
   * Most ARGS kept (query and body together, as SecArgumentsLimit counts them); one more
   * sets bodyError 'too many arguments', also when the excess is in the query string.
   * Also bounds multipart parts and part header lines. Default 1000 (the
   * SecArgumentsLimit of ModSecurity's recommended config).
   */
  readonly maxArgs?: number;
  /** Most nested JSON containers, the root counting 1 (v3 counts so). Default 64. */
  readonly maxJsonDepth?: number;
  /** Compiled prompt-field table (prompt-fields.ts). Default: the built-in table. */
  readonly promptFields?: PromptFieldMatcher;
  /**
   * Use this processor whatever Content-Type says (ModSecurity's
   * `ctl:requestBodyProcessor`), e.g. JSON on endpoints whose backend parses JSON even
   * without `application/json`. Default: chosen from Content-Type.
   */
  readonly bodyProcessor?: BodyProcessor;
}

export const DEFAULT_MAX_ARGS = 1000;
export const DEFAULT_MAX_JSON_DEPTH = 64;

/** REQBODY_ERROR_MSG values; stable strings that never contain request data. */
export const BODY_ERRORS = {
  tooManyArguments: 'too many arguments',
  jsonDepth: 'JSON depth limit exceeded',
  jsonInvalid: 'invalid JSON body',
  jsonInvalidUtf8: 'invalid UTF-8 in JSON body',
  ...MULTIPART_ERRORS,
} as const;

export function extractRequest(input: WafInput, opts: ExtractOptions): WafRequest {
  const maxArgs = opts.maxArgs ?? DEFAULT_MAX_ARGS;
  const maxJsonDepth = opts.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH;
  const matcher = opts.promptFields ?? DEFAULT_PROMPT_MATCHER;

  const uri = asBytes(input.target);
  const { filename, queryString } = splitTarget(uri);
  const protocol = `HTTP/${input.httpVersion}`;

  const headers: WafHeader[] = [];
  const cookies: WafCookie[] = [];
  let contentType: string | null = null;
  const raw = input.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = asBytes(raw[i]!);
    const value = asBytes(raw[i + 1]!);
    headers.push({ name, value });
    if (equalsLower(name, 'cookie')) parseCookieHeader(value, cookies);
    // The first Content-Type, as Node's req.headers keeps it (duplicates are dropped there).
    else if (contentType === null && equalsLower(name, 'content-type')) contentType = value;
  }

  const query = parseUrlEncoded(queryString, 'query', maxArgs);
  const args: WafArg[] = query.args;
  let bodyError: string | null = query.truncated ? BODY_ERRORS.tooManyArguments : null;

  const body = input.body;
  const bodyLength = body === null ? 0 : body.length;
  const hasBody = bodyLength > 0 || input.json !== undefined;
  const bodyProcessor = !hasBody ? null
    : opts.bodyProcessor ?? (contentType === null ? null : processorFor(contentType));
  let rawBody: ByteString = '';
  let json: unknown = null;
  let promptFields: PromptField[] = [];
  let multipart: MultipartResult | null = null;
  const budget = maxArgs - args.length;

  if (bodyProcessor === 'JSON') {
    // Parsed earlier (v1 routing) with Buffer#toString, which never refuses bad UTF-8:
    // the check parseJsonBody would make still applies.
    const parsed = input.json === undefined ? parseJsonBody(body)
      : body !== null && !isUtf8(body) ? { error: BODY_ERRORS.jsonInvalidUtf8 } : { value: input.json };
    if ('error' in parsed) {
      bodyError ??= parsed.error;
    } else {
      json = parsed.value;
      const flat = flattenJson(json, { matcher, maxArgs: budget, maxDepth: maxJsonDepth });
      for (const a of flat.args) args.push(a);
      promptFields = flat.promptFields;
      if (flat.error === 'too_many_arguments') bodyError ??= BODY_ERRORS.tooManyArguments;
      else if (flat.error === 'depth_exceeded') bodyError ??= BODY_ERRORS.jsonDepth;
    }
  } else if (bodyProcessor === 'URLENCODED') {
    rawBody = body === null ? '' : toByteString(body);
    const form = parseUrlEncoded(rawBody, 'body', budget);
    for (const a of form.args) args.push(a);
    if (form.truncated) bodyError ??= BODY_ERRORS.tooManyArguments;
  } else if (bodyProcessor === 'MULTIPART' && body !== null) {
    // No Content-Type (a forced processor) means no boundary: a body error.
    multipart = parseMultipart(body, contentType ?? '', budget);
    for (const a of multipart.args) args.push(a);
    if (multipart.error !== null) bodyError ??= multipart.error;
  } else if (body !== null && bodyProcessor === null) {
    rawBody = toByteString(body);
  }

  return {
    method: input.method,
    protocol,
    requestLine: asBytes(`${input.method} ${uri} ${protocol}`),
    uri,
    filename,
    basename: filename.slice(filename.lastIndexOf('/') + 1),
    queryString,
    headers,
    cookies,
    args,
    bodyProcessor,
    bodyError,
    rawBody,
    bodyLength,
    files: multipart?.files ?? [],
    multipartPartHeaders: multipart?.partHeaders ?? [],
    remoteAddress: input.remoteAddress,
    json,
    promptFields,
  };
}

/** The body processor for a Content-Type value, or null when none claims it. */
export function processorFor(contentType: string): BodyProcessor | null {
  const semi = contentType.indexOf(';');
  const type = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  if (type === 'application/json' || JSON_SUFFIX_TYPE.test(type)) return 'JSON';
  if (type === 'application/x-www-form-urlencoded') return 'URLENCODED';
  if (type === 'multipart/form-data') return 'MULTIPART';
  return null;
}

/** CRS rule 200006: `application/<subtype>+json` (RFC 6839 structured syntax suffix). */
const JSON_SUFFIX_TYPE = /^application\/[a-z0-9.-]+\+json$/;

function parseJsonBody(body: Buffer | null): { value: unknown } | { error: string } {
  // An empty JSON body is no error (libmodsecurity issue #1822): no ARGS, REQBODY_ERROR 0.
  if (body === null || body.length === 0) return { value: null };
  // yajl rejects invalid UTF-8 strings; Buffer#toString would silently substitute U+FFFD
  // and the WAF would inspect text the backend never receives.
  if (!isUtf8(body)) return { error: BODY_ERRORS.jsonInvalidUtf8 };
  try {
    return { value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    // V8's message quotes part of the body; keep request data out of REQBODY_ERROR_MSG.
    return { error: BODY_ERRORS.jsonInvalid };
  }
}

/**
 * REQUEST_FILENAME and QUERY_STRING of a request target, neither decoded. The path of an
 * absolute-form target (`http://host/p?q`, RFC 9112 §3.2.2) starts after its authority.
 */
export function splitTarget(target: ByteString): { filename: ByteString; queryString: ByteString } {
  const q = target.indexOf('?');
  const pathPart = q === -1 ? target : target.slice(0, q);
  const queryString = q === -1 ? '' : target.slice(q + 1);
  let filename = pathPart;
  if (!pathPart.startsWith('/')) {
    const scheme = pathPart.indexOf('://');
    if (scheme > 0) {
      const slash = pathPart.indexOf('/', scheme + 3);
      filename = slash === -1 ? '/' : pathPart.slice(slash);
    }
  }
  return { filename, queryString };
}

/**
 * Node hands request-line and header bytes over as latin1 strings already; anything else
 * (a caller passing Unicode text) is UTF-8 encoded so the byte-string invariant holds.
 */
function asBytes(s: string): ByteString {
  return isByteString(s) ? s : toByteString(s);
}

/** Case-insensitive equality with an ASCII lowercase constant, without allocating. */
function equalsLower(s: string, lower: string): boolean {
  if (s.length !== lower.length) return false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}
