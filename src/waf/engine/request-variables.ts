/**
 * The request-side SecLang variables, built from a WafRequest on first use and cached
 * for the transaction (a rule set at PL1 reads ARGS a hundred times; it is built once).
 * Dynamic collections (TX, MATCHED_VARS…) live in transaction.ts.
 */
import type { WafArg, WafRequest } from '../request/types.js';
import { EMPTY, element, promptElement, scalar, secretElement, type Element } from './element.js';
import { hash } from 'node:crypto';
import { ROW_NONE, ROW_NOT_LOOKED_UP, type ValueMemo } from './value-memo.js';
import type { KeySet } from './targets.js';
import type { TargetGroup } from './rule.js';

/**
 * A collection's remembered verdicts for one request: `pending` are the members that must
 * be looked at one by one (first seen in this request, or not remembered); the others'
 * rows are folded word by word on demand (missWord): a rule set has several words of
 * slots (6 for CRS v4 at PL1, ~50 before slots went only to rules that run) and a rule
 * reads one.
 */
export class Aggregate {
  readonly pending: Element[] = [];
  /** Memo rows of the remembered members. */
  readonly rows: number[] = [];
  private readonly memo: ValueMemo;
  /**
   * Words folded so far: usually one or two per collection and request, so two fields
   * before a list (small arrays cost more to grow than the fold they save).
   */
  private w0 = -1;
  private m0 = 0;
  private w1 = -1;
  private m1 = 0;
  private more: number[] | null = null;

  constructor(memo: ValueMemo) {
    this.memo = memo;
  }

  /** Bit `slot & 31` set where the rule in that slot is a remembered miss on every remembered member. */
  missWord(w: number): number {
    if (w === this.w0) return this.m0;
    if (w === this.w1) return this.m1;
    const more = this.more;
    if (more !== null) for (let i = 0; i < more.length; i += 2) if (more[i] === w) return more[i + 1]!;
    let m = -1;
    const rows = this.rows;
    const memo = this.memo;
    for (let i = 0; i < rows.length; i++) m &= memo.missWord(rows[i]!, w);
    if (this.w0 < 0) {
      this.w0 = w;
      this.m0 = m;
    } else if (this.w1 < 0) {
      this.w1 = w;
      this.m1 = m;
    } else (this.more ??= []).push(w, m);
    return m;
  }
}

/** Variables this engine fills from the request; any other request-side name disables its rule at load. */
export const REQUEST_VARIABLES: ReadonlySet<string> = new Set([
  'ARGS', 'ARGS_GET', 'ARGS_POST', 'ARGS_NAMES', 'ARGS_GET_NAMES', 'ARGS_POST_NAMES', 'ARGS_COMBINED_SIZE',
  'REQUEST_HEADERS', 'REQUEST_HEADERS_NAMES', 'REQUEST_COOKIES', 'REQUEST_COOKIES_NAMES',
  'FILES', 'FILES_NAMES', 'FILES_SIZES', 'FILES_COMBINED_SIZE', 'MULTIPART_PART_HEADERS',
  'MULTIPART_FILENAME', 'MULTIPART_NAME', 'MULTIPART_STRICT_ERROR', 'MULTIPART_UNMATCHED_BOUNDARY',
  'MULTIPART_BOUNDARY_QUOTED', 'MULTIPART_BOUNDARY_WHITESPACE', 'MULTIPART_DATA_BEFORE', 'MULTIPART_DATA_AFTER',
  'MULTIPART_HEADER_FOLDING', 'MULTIPART_LF_LINE', 'MULTIPART_MISSING_SEMICOLON', 'MULTIPART_INVALID_QUOTING',
  'MULTIPART_INVALID_PART', 'MULTIPART_INVALID_HEADER_FOLDING', 'MULTIPART_FILE_LIMIT_EXCEEDED', 'MULTIPART_CRLF_LF_LINES',
  'REQUEST_URI', 'REQUEST_URI_RAW', 'REQUEST_FILENAME', 'REQUEST_BASENAME', 'REQUEST_LINE', 'REQUEST_METHOD',
  'REQUEST_PROTOCOL', 'QUERY_STRING', 'REQUEST_BODY', 'REQUEST_BODY_LENGTH', 'FULL_REQUEST_LENGTH',
  'REMOTE_ADDR', 'REMOTE_HOST', 'REMOTE_PORT', 'SERVER_NAME', 'REQBODY_PROCESSOR', 'REQBODY_ERROR', 'REQBODY_ERROR_MSG',
  'REQBODY_PROCESSOR_ERROR', 'REQBODY_PROCESSOR_ERROR_MSG', 'INBOUND_DATA_ERROR', 'URLENCODED_ERROR',
  'UNIQUE_ID', 'AUTH_TYPE', 'REMOTE_USER', 'PATH_INFO', 'XML', 'REQUEST_XML', 'ENV',
  'DURATION', 'TIME', 'TIME_EPOCH', 'TIME_YEAR', 'TIME_MON', 'TIME_DAY', 'TIME_HOUR', 'TIME_MIN', 'TIME_SEC', 'TIME_WDAY',
]);

/** Header values that are credentials: inspected, but remembered by the value memo only under a hash. */
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'api-key', 'x-api-key', 'proxy-authorization', 'cookie', 'ocp-apim-subscription-key']);

/** What phase 1 sees empty (headersOnly): everything that depends on the body. */
const BODY_VARIABLES: ReadonlySet<string> = new Set([
  'ARGS', 'ARGS_POST', 'ARGS_NAMES', 'ARGS_POST_NAMES', 'ARGS_COMBINED_SIZE',
  'FILES', 'FILES_NAMES', 'FILES_SIZES', 'FILES_COMBINED_SIZE', 'MULTIPART_PART_HEADERS',
  'MULTIPART_FILENAME', 'MULTIPART_NAME', 'MULTIPART_STRICT_ERROR', 'MULTIPART_INVALID_PART',
  'REQUEST_BODY', 'REQBODY_ERROR', 'REQBODY_PROCESSOR_ERROR', 'REQBODY_ERROR_MSG',
  'REQBODY_PROCESSOR_ERROR_MSG', 'URLENCODED_ERROR',
]);

const NOT_FOLDABLE: readonly number[] = Object.freeze([]);
/** Above the number of variables (targets.ts VARIABLE_NAMES): folds are keyed by index below it. */
const MAX_VARIABLES = 1024;

export class RequestVariables {
  private readonly req: WafRequest;
  private readonly uniqueId: string;
  private readonly startedAt: number;
  /** By VARIABLE_NAMES index (targets.ts); request variables come first there. */
  private readonly cache: (readonly Element[] | undefined)[] = [];

  private readonly memo: ValueMemo | null;

  /** False in phase 1: the body variables are empty until the body phase (showBody). */
  private bodyVisible: boolean;
  /** Indexes of body-dependent variables built while the body was hidden. */
  private readonly builtWithoutBody: number[] = [];

  constructor(req: WafRequest, uniqueId: string, memo: ValueMemo | null, bodyVisible: boolean) {
    this.bodyVisible = bodyVisible;
    this.req = req;
    this.uniqueId = uniqueId;
    this.memo = memo;
    this.startedAt = performance.now();
  }

  /** A variable by its index in VARIABLE_NAMES, built on first use. */
  at(index: number, name: string): readonly Element[] {
    let v = this.cache[index];
    if (v === undefined) {
      v = this.build(name);
      // Each value's memo row is looked up once per request, here, not per rule.
      const memo = this.memo;
      for (let i = 0; i < v.length; i++) {
        const e = v[i]!;
        if (e.memo !== ROW_NOT_LOOKED_UP) continue;
        // One-shot hash: a byte string as UTF-8 is still one encoding per value, so distinct credentials keep distinct keys.
        e.memo = memo === null ? ROW_NONE : memo.row(e.secret ? `\u0000${hash('sha256', e.value, 'base64')}` : e.value);
      }
      // DURATION grows during the transaction: never cached.
      if (name !== 'DURATION') this.cache[index] = v;
      if (!this.bodyVisible && BODY_VARIABLES.has(name)) this.builtWithoutBody.push(index);
    }
    return v;
  }

  /**
   * Phase 2 begins: the body variables built empty in phase 1 are dropped, with their
   * keyed views and folds. Header variables stay built (and their memo rows looked up).
   */
  showBody(): void {
    if (this.bodyVisible) return;
    this.bodyVisible = true;
    this.groups.length = 0;
    for (const i of this.builtWithoutBody) {
      this.cache[i] = undefined;
      this.byKey[i] = undefined;
    }
    const body = new Set(this.builtWithoutBody);
    for (const k of [...this.aggregates.keys()]) if (body.has((k >> 1) % MAX_VARIABLES)) this.aggregates.delete(k);
  }

  /**
   * By (KeySet id × MAX_VARIABLES + variable index) × 2 + skipPrompt. A Map: nested arrays
   * indexed by KeySet id and variable index were sparse, a dozen KB per request.
   */
  private readonly aggregates = new Map<number, Aggregate>();
  private readonly byKey: (Map<string, Element[]> | undefined)[] = [];

  /** The members of a request variable whose key is `keyLower` (`REQUEST_HEADERS:User-Agent`). */
  keyed(index: number, name: string, keyLower: string): readonly Element[] {
    let m = this.byKey[index];
    if (m === undefined) {
      m = new Map();
      for (const e of this.at(index, name)) {
        const list = m.get(e.keyLower);
        if (list === undefined) m.set(e.keyLower, [e]);
        else list.push(e);
      }
      this.byKey[index] = m;
    }
    return m.get(keyLower) ?? EMPTY;
  }

  /**
   * The folded verdicts of a request variable, with or without prompt values, leaving out
   * the members whose keys the target excludes (they are never evaluated, so their
   * verdicts stay unknown and would spoil the fold).
   */
  aggregate(index: number, name: string, skipPrompt: boolean, skipKeys: KeySet | null): Aggregate {
    const k = ((skipKeys?.id ?? 0) * MAX_VARIABLES + index) * 2 + (skipPrompt ? 1 : 0);
    let a = this.aggregates.get(k);
    if (a === undefined) {
      a = new Aggregate(this.memo!);
      const all = this.at(index, name);
      for (let i = 0; i < all.length; i++) {
        const e = all[i]!;
        if (skipPrompt && e.prompt) continue;
        if (skipKeys !== null && skipKeys.keys.has(e.keyLower)) continue;
        const row = e.memo;
        if (row < 0 || this.memo!.isNew(row)) a.pending.push(e);
        else a.rows.push(row);
      }
      this.aggregates.set(k, a);
    }
    return a;
  }

  /** By TargetGroup id: the fold of its targets' folds, or NOT_FOLDABLE. */
  private readonly groups: (readonly number[] | undefined)[] = [];

  /**
   * For a group of rules reading the same whole collections: word i stands for memo word
   * g.words[i], and bit `slot & 31` of it is set where the rule in that slot is a remembered
   * miss on every member of every target. null when some member must be looked at anyway
   * (pending), so the caller takes the per-target path.
   */
  groupMiss(g: TargetGroup): readonly number[] | null {
    let m = this.groups[g.id];
    if (m === undefined) {
      // Only the words holding the group's slots, in g.words order: no other is read through it.
      const acc = new Array<number>(g.words.length).fill(-1);
      for (let ti = 0; ti < g.targets.length; ti++) {
        const t = g.targets[ti]!;
        const a = this.aggregate(t.index, t.collection, g.exemptPrompt, t.excludedKeys);
        if (a.pending.length > 0) {
          m = NOT_FOLDABLE;
          break;
        }
        for (let i = 0; i < acc.length; i++) acc[i]! &= a.missWord(g.words[i]!);
      }
      m ??= acc;
      this.groups[g.id] = m;
    }
    return m === NOT_FOLDABLE ? null : m;
  }

  private headersView: WafRequest | null = null;

  /** The request as phase 1 sees it: query args only, no body, no files. */
  private headersOnly(): WafRequest {
    return (this.headersView ??= {
      ...this.req,
      args: this.req.args.filter((a) => a.source === 'query'),
      bodyError: null,
      rawBody: '',
      files: [],
      multipartPartHeaders: [],
      json: null,
      promptFields: [],
    });
  }

  /** A variable by name (macro expansion; not on the per-target path). */
  get(name: string): readonly Element[] {
    return REQUEST_VARIABLES.has(name) ? this.build(name) : EMPTY;
  }

  private build(name: string): readonly Element[] {
    const r = this.bodyVisible ? this.req : this.headersOnly();
    switch (name) {
      case 'ARGS': return r.args.map(argElement);
      case 'ARGS_GET': return r.args.filter((a) => a.source === 'query').map(argElement);
      case 'ARGS_POST': return r.args.filter((a) => a.source === 'body').map(argElement);
      // The name of a prompt value is prompt content too: inside tool schemas the property
      // names are written by the tool's author for the model (`sql_query`, `exec_command`).
      case 'ARGS_NAMES': return r.args.map((a) => element(a.name, a.name, a.prompt));
      case 'ARGS_GET_NAMES': return r.args.filter((a) => a.source === 'query').map((a) => element(a.name, a.name, a.prompt));
      case 'ARGS_POST_NAMES': return r.args.filter((a) => a.source === 'body').map((a) => element(a.name, a.name, a.prompt));
      case 'ARGS_COMBINED_SIZE': return scalar(String(r.args.reduce((n, a) => n + a.name.length + a.value.length, 0)));
      case 'REQUEST_HEADERS': return r.headers.map((h) => CREDENTIAL_HEADERS.has(h.name.toLowerCase()) ? secretElement(h.name, h.value) : element(h.name, h.value));
      case 'REQUEST_HEADERS_NAMES': return r.headers.map((h) => element(h.name, h.name));
      case 'REQUEST_COOKIES': return r.cookies.map((c) => secretElement(c.name, c.value));
      case 'REQUEST_COOKIES_NAMES': return r.cookies.map((c) => element(c.name, c.name));
      // ModSecurity: FILES are the uploaded files' names keyed by field; FILES_NAMES the field names.
      case 'FILES': return r.files.map((f) => element(f.field, f.filename));
      case 'FILES_NAMES': return r.files.map((f) => element(f.field, f.field));
      case 'FILES_SIZES': return r.files.map((f) => element(f.field, String(f.size)));
      case 'FILES_COMBINED_SIZE': return scalar(String(r.files.reduce((n, f) => n + f.size, 0)));
      case 'MULTIPART_PART_HEADERS': return r.multipartPartHeaders.map((h) => element(h.name, h.value));
      case 'MULTIPART_FILENAME': return r.files.length === 0 ? EMPTY : scalar(r.files[r.files.length - 1]!.filename);
      case 'MULTIPART_NAME': return r.files.length === 0 ? EMPTY : scalar(r.files[r.files.length - 1]!.field);
      case 'MULTIPART_STRICT_ERROR':
      case 'MULTIPART_INVALID_PART':
        return scalar(r.bodyProcessor === 'MULTIPART' && r.bodyError !== null ? '1' : '0');
      case 'MULTIPART_UNMATCHED_BOUNDARY': case 'MULTIPART_BOUNDARY_QUOTED': case 'MULTIPART_BOUNDARY_WHITESPACE':
      case 'MULTIPART_DATA_BEFORE': case 'MULTIPART_DATA_AFTER': case 'MULTIPART_HEADER_FOLDING': case 'MULTIPART_LF_LINE':
      case 'MULTIPART_MISSING_SEMICOLON': case 'MULTIPART_INVALID_QUOTING': case 'MULTIPART_INVALID_HEADER_FOLDING':
      case 'MULTIPART_FILE_LIMIT_EXCEEDED': case 'MULTIPART_CRLF_LF_LINES':
        // The multipart parser refuses malformed bodies outright (MULTIPART_STRICT_ERROR); the
        // individual anomaly flags are therefore never set on a body that reaches the rules.
        return scalar('0');
      case 'REQUEST_URI': case 'REQUEST_URI_RAW': return scalar(r.uri);
      case 'REQUEST_FILENAME': return scalar(r.filename);
      case 'REQUEST_BASENAME': return scalar(r.basename);
      case 'REQUEST_LINE': return scalar(r.requestLine);
      case 'REQUEST_METHOD': return scalar(r.method);
      case 'REQUEST_PROTOCOL': return scalar(r.protocol);
      case 'QUERY_STRING': return scalar(r.queryString);
      case 'REQUEST_BODY': return r.rawBody === '' ? EMPTY : scalar(r.rawBody);
      case 'REQUEST_BODY_LENGTH': return scalar(String(r.bodyLength));
      case 'FULL_REQUEST_LENGTH': return scalar(String(r.requestLine.length + r.headers.reduce((n, h) => n + h.name.length + h.value.length + 4, 0) + r.bodyLength));
      case 'REMOTE_ADDR': case 'REMOTE_HOST': return scalar(r.remoteAddress);
      case 'REMOTE_PORT': return scalar('0');
      case 'SERVER_NAME': return scalar(hostOf(r));
      case 'REQBODY_PROCESSOR': return r.bodyProcessor === null ? EMPTY : scalar(r.bodyProcessor);
      case 'REQBODY_ERROR': case 'REQBODY_PROCESSOR_ERROR': return scalar(r.bodyError === null ? '0' : '1');
      case 'REQBODY_ERROR_MSG': case 'REQBODY_PROCESSOR_ERROR_MSG': return r.bodyError === null ? EMPTY : scalar(r.bodyError);
      case 'INBOUND_DATA_ERROR': return scalar('0');
      case 'URLENCODED_ERROR': return scalar(r.bodyProcessor === 'URLENCODED' && r.bodyError !== null ? '1' : '0');
      case 'UNIQUE_ID': return scalar(this.uniqueId);
      case 'AUTH_TYPE': case 'REMOTE_USER': return EMPTY;
      case 'PATH_INFO': return EMPTY;
      // Portcullis parses JSON, form and multipart bodies; an XML body is inspected as REQUEST_BODY only.
      case 'XML': case 'REQUEST_XML': return EMPTY;
      // The process environment is not exposed to rules: it holds the gateway's secrets.
      case 'ENV': return EMPTY;
      case 'DURATION': return scalar(String(Math.round((performance.now() - this.startedAt) * 1000)));
      default: return this.time(name);
    }
  }

  private time(name: string): readonly Element[] {
    const d = new Date();
    const two = (n: number): string => String(n).padStart(2, '0');
    switch (name) {
      case 'TIME': return scalar(`${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`);
      case 'TIME_EPOCH': return scalar(String(Math.floor(d.getTime() / 1000)));
      case 'TIME_YEAR': return scalar(String(d.getFullYear()));
      case 'TIME_MON': return scalar(String(d.getMonth()));
      case 'TIME_DAY': return scalar(String(d.getDate()));
      case 'TIME_HOUR': return scalar(String(d.getHours()));
      case 'TIME_MIN': return scalar(String(d.getMinutes()));
      case 'TIME_SEC': return scalar(String(d.getSeconds()));
      case 'TIME_WDAY': return scalar(String(d.getDay()));
      default: throw new Error(`request variable ${name} is not built`);
    }
  }
}

function argElement(a: WafArg): Element {
  return a.prompt ? promptElement(a.name, a) : element(a.name, a.value);
}

function hostOf(r: WafRequest): string {
  for (const h of r.headers) if (h.name.toLowerCase() === 'host') return h.value.replace(/:\d+$/, '');
  return '';
}
