/**
 * What the WAF sees of one request, extracted once (extract.ts) and read by both the
 * SecLang engine (as ModSecurity variables) and the LLM rules (as prompt fields).
 *
 * Strings typed `ByteString` follow ../transforms/byte-string.ts: latin1 view of the bytes.
 * Prompt texts are ordinary JS (UTF-16) strings: the LLM rules read language, not bytes.
 */
import type { ByteString } from '../transforms/byte-string.js';

/** The request as the gateway received it; `body` already bounded by the gateway's limit. */
export interface WafInput {
  readonly method: string;
  /** Request target exactly as received (`/openai/deployments/x/chat/completions?api-version=…`). */
  readonly target: string;
  /** `1.1` or `2.0` (IncomingMessage.httpVersion). */
  readonly httpVersion: string;
  /** IncomingMessage.rawHeaders: name, value, name, value… in arrival order. */
  readonly rawHeaders: readonly string[];
  readonly remoteAddress: string;
  readonly body: Buffer | null;
  /** The body already parsed as JSON by an earlier stage, when it was (saves a second parse). */
  readonly json?: unknown;
}

/** One ARGS member. Query args come first, then body args, in document order. */
export interface WafArg {
  /** ModSecurity name (URL-decoded for query/form; JSON processor path names for JSON). */
  readonly name: ByteString;
  readonly value: ByteString;
  readonly source: 'query' | 'body';
  /**
   * The value is prompt content (prompt-fields.ts): CRS web-attack groups skip it; the
   * LLM rules read it from `WafRequest.promptFields` instead.
   */
  readonly prompt: boolean;
}

/** Kinds of prompt-bearing content; the LLM rules treat them differently. */
export type PromptFieldKind =
  /** Natural-language text a user, system or developer wrote (messages, prompt, input, instructions). */
  | 'text'
  /** Tool/function definitions, JSON schemas (descriptions, parameters). */
  | 'tool_definition'
  /** Tool/function results fed back to the model, and tool-call arguments the model produced. */
  | 'tool_result'
  /** Base64 payloads: data URLs of images/files, input_audio data. Not text; scanned only as data. */
  | 'data'
  /** A URL the backend (or a tool) will fetch: image_url, file_url, MCP server_url. SSRF-checked. */
  | 'url';

export interface PromptField {
  /** JSON path from the body root, e.g. ['messages', 2, 'content', 0, 'text']. Used for redaction. */
  readonly path: readonly (string | number)[];
  /** ModSecurity ARGS name of the same value (for audit records and exclusions). */
  readonly argName: string;
  readonly kind: PromptFieldKind;
  /** The JSON string value (Unicode). */
  readonly text: string;
}

export interface WafHeader {
  /** As received (case kept); lookups are case-insensitive. */
  readonly name: ByteString;
  readonly value: ByteString;
}

export type BodyProcessor = 'JSON' | 'URLENCODED' | 'MULTIPART';

export interface WafRequest {
  readonly method: string;
  /** `HTTP/1.1`. */
  readonly protocol: string;
  /** REQUEST_LINE: `POST /path?q HTTP/1.1`. */
  readonly requestLine: ByteString;
  /** REQUEST_URI and REQUEST_URI_RAW: the target as received (origin-form; never decoded). */
  readonly uri: ByteString;
  /** REQUEST_FILENAME: path part of the target, not decoded. */
  readonly filename: ByteString;
  /** REQUEST_BASENAME: last segment of `filename`. */
  readonly basename: ByteString;
  /** QUERY_STRING: after the first `?`, not decoded; '' when none. */
  readonly queryString: ByteString;
  readonly headers: readonly WafHeader[];
  /** REQUEST_COOKIES, parsed from every Cookie header. */
  readonly cookies: readonly { readonly name: ByteString; readonly value: ByteString }[];
  /** ARGS (ARGS_GET are those with source 'query', ARGS_POST those with 'body'). */
  readonly args: readonly WafArg[];
  /** REQBODY_PROCESSOR; null when no body or an unknown content type. */
  readonly bodyProcessor: BodyProcessor | null;
  /** REQBODY_ERROR / REQBODY_ERROR_MSG: the processor could not parse the body. */
  readonly bodyError: string | null;
  /**
   * REQUEST_BODY: the raw body, set as ModSecurity does only for URLENCODED bodies and
   * bodies no processor claimed; '' for JSON and multipart.
   */
  readonly rawBody: ByteString;
  /** Bytes of the body (REQUEST_BODY_LENGTH). */
  readonly bodyLength: number;
  /** FILES (form field names of file parts), FILES_NAMES (their file names), FILES_SIZES. */
  readonly files: readonly { readonly field: ByteString; readonly filename: ByteString; readonly size: number }[];
  /** MULTIPART_PART_HEADERS: each part's header lines, keyed by the part's field name. */
  readonly multipartPartHeaders: readonly { readonly name: ByteString; readonly value: ByteString }[];
  readonly remoteAddress: string;
  /** The parsed JSON body (null when not JSON or not parseable). */
  readonly json: unknown;
  /** Prompt-bearing fields of the JSON body, in document order. */
  readonly promptFields: readonly PromptField[];
}
