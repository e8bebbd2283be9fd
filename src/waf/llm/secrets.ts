/**
 * Secret and personal-data detectors over prompt text. Each returns spans [start, end) in
 * the original text (redact.ts replaces them); nothing here keeps or reports the text.
 *
 * Cost model (a 4 KiB chat must be inspected in well under 100 µs): detectors that start
 * with a literal (`AKIA`, `ghp_`, `api_key`, …) are not run over the text one by one.
 * One case-insensitive trie regex (literal-trie.ts) finds every trigger in a single pass,
 * and each hit runs its detector's sticky regex at that index only. Digit-shaped data
 * (cards, IBAN, SSN, phones, national ids) has no literal to key on and runs as a few
 * global regexes, each run only where the text's digit runs allow a match (digitProfile);
 * `@`, `://` and `-----BEGIN` are found with `indexOf` (native, fast).
 *
 * Linear time: no pattern has a quantified group containing another quantifier, every
 * repetition that can fail is bounded, and patterns that could restart at each character
 * of a long run start with a lookbehind that only lets them start at the run's edge.
 * test/waf/llm/inspector.test.ts times 200 KB adversarial inputs.
 *
 * Why hand-written: secret scanners on npm (e.g. the gitleaks/trufflehog rule ports) run
 * hundreds of independent regexes per input and report matched text; we need spans,
 * checksum validation, and one pass.
 */
import type { SecretType } from './types.js';
import {
  bsnValid, cardSchemeKnown, IBAN_LENGTHS, ibanValid, luhnValid, ninoValid, shannonEntropy, spanishIdValid, ssnValid,
} from './checksums.js';
import { literalTrieSource } from './literal-trie.js';
import type { Runs } from './decode.js';
import { textFacts, type TextFacts } from './facts.js';
import type { DigitRuns } from './normalise.js';

export interface SecretSpan {
  readonly type: SecretType;
  readonly start: number;
  readonly end: number;
}

/** Every SecretType, in a fixed order (config schema, tests). */
export const SECRET_TYPES = [
  'aws_access_key', 'azure_key', 'gcp_api_key', 'github_token', 'openai_key', 'slack_token',
  'stripe_key', 'private_key', 'jwt', 'connection_string', 'generic_api_key',
  'credit_card', 'iban', 'us_ssn', 'national_id', 'email', 'phone',
] as const satisfies readonly SecretType[];

export interface SecretScanner {
  /**
   * Spans found in `text`, in no particular order; may overlap (redact.ts merges).
   * `facts`: facts.ts textFacts(text) when the caller has them already.
   */
  scan(text: string, facts?: TextFacts): SecretSpan[];
}

/** Per-scan state handed to detectors: where to put spans and which types are wanted. */
interface Sink {
  readonly out: SecretSpan[];
  readonly on: ReadonlySet<SecretType>;
  /**
   * Labelled-value scanning resumes after this index: the identifier or value just
   * examined (`aws_secret_access_key` holds two triggers; `api_key=a1api_key=a1…` would
   * otherwise rescan the same 256-character value at every trigger).
   */
  labelSkipUntil: number;
  /** Where the digit-shaped detectors can match at all (see digitProfile). */
  readonly digits: DigitProfile;
  /** facts.ts b64Runs (hexKeyDetector). */
  readonly b64Runs: Runs;
}

function emit(sink: Sink, type: SecretType, start: number, end: number): void {
  if (sink.on.has(type)) sink.out.push({ type, start, end });
}

// ---------------------------------------------------------------------------------------
// Triggered detectors: run at the index of one of their literal triggers.

interface TriggeredDetector {
  /** Lower-case literals; the trigger regex is case-insensitive. */
  readonly triggers: readonly string[];
  readonly types: readonly SecretType[];
  /** `at` is the trigger's index, `len` its length. */
  find(text: string, at: number, len: number, sink: Sink): void;
}

/** Run a sticky regex at `at`; the match or null. */
function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

// AWS access key id: 4-letter prefix (AKIA long-term, ASIA STS) + 16 upper-case/digits.
const AWS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/y;
// Google API key: AIza + 35 (fixed length).
const GCP_KEY = /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/y;
// GitHub: classic tokens (ghp_ personal, gho_ OAuth, ghs_ server, ghu_ user, ghr_ refresh;
// 36 chars today) and fine-grained personal tokens (github_pat_ + 82).
const GITHUB = /(?<![A-Za-z0-9_])(?:gh[opsur]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{60,251})(?![A-Za-z0-9_])/y;
// OpenAI: sk-… (legacy, 48 chars), sk-proj-…, sk-svcacct-…, sk-admin-…; Anthropic sk-ant-….
const SK_DASH = /(?<![A-Za-z0-9_-])sk-([A-Za-z0-9_-]{20,300})(?![A-Za-z0-9_-])/y;
// Stripe secret and restricted keys (live and test: test keys read test-mode data and
// are as easy to leak), and webhook signing secrets.
const STRIPE = /(?<![A-Za-z0-9_])(?:[rs]k_(?:live|test)_[0-9A-Za-z]{20,247}|whsec_[0-9A-Za-z]{24,64})(?![0-9A-Za-z])/y;
// Other services with a recognisable prefix, reported as generic_api_key: Hugging Face,
// SendGrid, GitLab, npm, PyPI, Mailgun.
const PREFIXED_KEY = /(?<![A-Za-z0-9_-])(?:hf_[A-Za-z0-9]{30,40}|SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{30,64}|glpat-[A-Za-z0-9_-]{20,40}|npm_[A-Za-z0-9]{36}|pypi-[A-Za-z0-9_-]{50,300}|key-[0-9a-f]{32})(?![A-Za-z0-9_-])/y;
/** A labelled Canadian Social Insurance Number: 9 digits, Luhn-valid. */
const SIN_LABELLED = /(?<![A-Za-z])(?:sin|social insurance(?: number| no\.| no| #|))(?![A-Za-z])[^0-9\n]{0,16}([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3})(?![0-9])/iy;
// Slack: xoxb bot, xoxp user, xoxa/xoxr/xoxs/xoxo legacy, xoxe refresh.
const SLACK = /(?<![A-Za-z0-9])xox(?:[abposr]|e\.xox[bp]|e)-[0-9A-Za-z-]{10,250}(?![0-9A-Za-z-])/y;
const SLACK_WEBHOOK = /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_\/-]{20,200}/y;
// JWT (RFC 7519 compact JWS): three base64url segments; the header is checked below.
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{6,4096}\.[A-Za-z0-9_-]{2,16384}\.[A-Za-z0-9_-]{0,4096}(?![A-Za-z0-9_-])/y;
// Azure Storage / Service Bus / Event Hubs connection-string keys and SAS.
const AZURE_ACCOUNT_KEY = /(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{20,128}={0,2})/iy;
const AZURE_SAS_FIELD = /SharedAccessSignature=([^\s;"'`<>]{16,2048})/iy;
const SAS_SIG = /sig=([A-Za-z0-9%+/=]{20,256})/y;
/** Other SAS query parameters (sv version, se expiry, sp permissions, sr resource). */
const SAS_CONTEXT = /[?&](?:sv|se|sp|sr|spr|st|skoid)=/;
const SSN_LABELLED = /(?<![A-Za-z])(?:ssn|social security(?: number| no\.| no| #|))(?![A-Za-z])[^0-9\n]{0,16}([0-9]{9})(?![0-9])/iy;
const BSN_LABELLED = /(?<![A-Za-z])(?:bsn|burgerservicenummer|sofinummer)(?![A-Za-z])[^0-9\n]{0,16}([0-9]{4}[ .]?[0-9]{2}[ .]?[0-9]{3})(?![0-9])/iy;

function simple(triggers: readonly string[], type: SecretType, re: RegExp): TriggeredDetector {
  return {
    triggers,
    types: [type],
    find(text, at, _len, sink) {
      const m = stickyAt(re, text, at);
      if (m !== null) emit(sink, type, at, at + m[0].length);
    },
  };
}

const jwtDetector: TriggeredDetector = {
  triggers: ['eyj'],
  types: ['jwt'],
  find(text, at, _len, sink) {
    const m = stickyAt(JWT, text, at);
    if (m === null) return;
    const header = m[0].slice(0, m[0].indexOf('.'));
    try {
      const h: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
      if (typeof h === 'object' && h !== null && typeof (h as { alg?: unknown }).alg === 'string') emit(sink, 'jwt', at, at + m[0].length);
    } catch {
      // Not JSON: a base64url string that happens to start with eyJ.
    }
  },
};

const skDashDetector: TriggeredDetector = {
  triggers: ['sk-'],
  types: ['openai_key', 'generic_api_key'],
  find(text, at, _len, sink) {
    const m = stickyAt(SK_DASH, text, at);
    if (m === null) return;
    const tail = m[1]!;
    if (!/[0-9]/.test(tail) || !/[A-Za-z]/.test(tail)) return;
    const end = at + m[0].length;
    if (tail.startsWith('ant-')) emit(sink, 'generic_api_key', at, end); // Anthropic
    else if (/^(?:proj|svcacct|admin)-/.test(tail) || tail.length >= 32) emit(sink, 'openai_key', at, end);
  },
};

const azureStorageDetector: TriggeredDetector = {
  triggers: ['accountkey=', 'sharedaccesskey=', 'sharedaccesssignature='],
  types: ['azure_key'],
  find(text, at, _len, sink) {
    const m = stickyAt(AZURE_ACCOUNT_KEY, text, at) ?? stickyAt(AZURE_SAS_FIELD, text, at);
    if (m === null) return;
    const end = at + m[0].length;
    emit(sink, 'azure_key', end - m[1]!.length, end);
  },
};

const sasSigDetector: TriggeredDetector = {
  triggers: ['sig='],
  types: ['azure_key'],
  find(text, at, _len, sink) {
    const prev = text.charCodeAt(at - 1);
    if (prev !== 0x3f /* ? */ && prev !== 0x26 /* & */) return;
    const m = stickyAt(SAS_SIG, text, at);
    if (m === null) return;
    // A SAS URL or token: other SAS parameters in the same token (no whitespace) before it.
    let s = at - 1;
    const stop = Math.max(0, at - 1024);
    while (s > stop && !isSpace(text.charCodeAt(s - 1))) s--;
    if (!SAS_CONTEXT.test(text.slice(s, at))) return;
    const end = at + m[0].length;
    emit(sink, 'azure_key', end - m[1]!.length, end);
  },
};

function labelledNumber(triggers: readonly string[], type: SecretType, re: RegExp, valid: (digits: string) => boolean): TriggeredDetector {
  return {
    triggers,
    types: [type],
    find(text, at, _len, sink) {
      const m = stickyAt(re, text, at);
      if (m === null) return;
      const digits = m[1]!.replace(/[ .-]/g, '');
      if (!valid(digits)) return;
      const end = at + m[0].length;
      emit(sink, type, end - m[1]!.length, end);
    },
  };
}

// ---- Labelled credentials: `api_key = "…"`, `"password": "…"`, `Authorization: Bearer …`.

/** After a label: optional closing quote, an assignment, optional opening quote, the value. */
const ASSIGNED_VALUE = /["'`]?[ \t]{0,4}(?::=|=>|[:=])[ \t]{0,4}["'`]?([^\s"'`,;(){}[\]<>]{1,256})/y;
const BEARER_VALUE = /[ \t]{1,4}([A-Za-z0-9._~+/-]{20,2048}=*)(?![A-Za-z0-9._~+/=-])/y;
/** Values a specific detector owns (reported under their own type, not as generic). */
const KNOWN_PREFIX = /^(?:sk-|[rs]k_(?:live|test)_|whsec_|gh[opsur]_|github_pat_|xox|AKIA|ASIA|AIza|eyJ|hf_|SG\.|glpat-|npm_|pypi-)/;
/** Obvious non-secrets: placeholders, references and template variables. */
const PLACEHOLDER = /^(?:x+|\*+|\.+|-+|_+|0+|#+|\$.*|%.*|&.*|@.*|your[_-]?.*|my[_-].*|my(?:secret|password|passwd|key|apikey|token)|change[_-]?me.*|replace.*|example.*|sample.*|dummy.*|placeholder.*|redacted.*|fake.*|insert.*|enter.*|todo.*|none|null|nil|undefined|true|false|string|str|required|optional|secret|secrets|password|passwd|pass|pwd|token|api[_-]?key|guest|admin|root|user|username|xxx.*|\.\.\..*)$/i;
/**
 * Labels whose "token" or "secret" is a counter, cursor, type or reference, not a
 * credential (`max_tokens`, `next_token`, `secretKeyRef`, `secret_name`).
 */
const NOT_CREDENTIAL_LABEL = /page|next|prev|csrf|xsrf|continuation|cursor|max|count|limit|type|usage|total|prompt|completion|budget|length|size|estimat|tokeniz|name|path|file|arn|version|manager|provider|descr|ref$|ref[_.-]|(?:^|[_.-])(?:min|num|id)(?:$|[_.-])/;
/** `PASSWORD_FILE=/run/secrets/db`: a reference to where the secret is. */
const FILE_PATH = /^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/;
const PASSWORD_LABEL = /password|passwd|(?:^|[_.-])(?:pass|pwd)(?:$|[_.-])/;
/** Keys of an ADO.NET / ODBC / JDBC connection string around a Password= field. */
const CONN_KEYS = /(?:^|[;?&])[ \t]*(?:server|data source|host|hostname|address|addr|network address|initial catalog|database|dbname|user id|userid|uid|user|username)[ \t]*=/i;

function isIdent(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** A dotted reference such as `process.env.KEY` or `settings.api_key`. */
function isDottedReference(v: string): boolean {
  if (!v.includes('.')) return false;
  for (const part of v.split('.')) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) return false;
  return true;
}

/** Values that name a secret rather than being one (`reporting_password`, `MY_API_KEY`). */
const NAMES_A_SECRET = /pass(?:word|wd)|secret|token|api_?key|credential/i;

function looksRandom(v: string, minLen: number): boolean {
  if (v.length < minLen || PLACEHOLDER.test(v) || isDottedReference(v) || NAMES_A_SECRET.test(v)) return false;
  if (!/[A-Za-z]/.test(v)) return false;
  // Random keys have digits; a long one of letters only still has both cases.
  if (!/[0-9]/.test(v) && !(v.length >= 24 && /[a-z]/.test(v) && /[A-Z]/.test(v))) return false;
  return shannonEntropy(v) >= 3;
}

function looksLikePassword(v: string): boolean {
  if (v.length < 8 || PLACEHOLDER.test(v) || isDottedReference(v) || NAMES_A_SECRET.test(v)) return false;
  // Letters and underscores only is an identifier (`:'reporting_password'` in psql, `db_pass`).
  if (/^[A-Za-z_]+$/.test(v)) return false;
  return /[A-Za-z]/.test(v) && /[^A-Za-z]/.test(v);
}

/** The Password= field belongs to a connection string when its neighbours on the line are connection keys. */
function inConnectionString(text: string, labelStart: number, valueEnd: number): boolean {
  let s = labelStart;
  const stopBack = Math.max(0, labelStart - 300);
  while (s > stopBack && text.charCodeAt(s - 1) !== 10) s--;
  let e = valueEnd;
  const stopFwd = Math.min(text.length, valueEnd + 300);
  while (e < stopFwd && text.charCodeAt(e) !== 10) e++;
  const line = text.slice(s, e);
  // ADO.NET/ODBC strings are `key=value;` lists: without a `;` it is code (`user = passwd = ''`).
  return (line.includes(';') && CONN_KEYS.test(line)) || line.includes('://');
}

const labelledDetector: TriggeredDetector = {
  triggers: [
    'api_key', 'api-key', 'apikey', 'api key', 'access_key', 'access-key', 'accesskey', 'secret', 'password',
    'passwd', 'pwd', 'token', 'subscription-key', 'subscription_key', 'credential', 'bearer',
  ],
  types: ['azure_key', 'aws_access_key', 'connection_string', 'generic_api_key'],
  find(text, at, len, sink) {
    if (at < sink.labelSkipUntil) return;
    // The whole identifier the trigger sits in (`OPENAI_API_KEY`, `db.password`).
    let s = at;
    const stopBack = Math.max(0, at - 64);
    while (s > stopBack && isIdent(text.charCodeAt(s - 1))) s--;
    let e = at + len;
    const stopFwd = Math.min(text.length, e + 64);
    while (e < stopFwd && isIdent(text.charCodeAt(e))) e++;
    sink.labelSkipUntil = e;
    const label = text.slice(s, e).toLowerCase();
    if (label === 'bearer') {
      const m = stickyAt(BEARER_VALUE, text, e);
      if (m === null || KNOWN_PREFIX.test(m[1]!)) return;
      const end = e + m[0].length;
      if (looksRandom(m[1]!, 20)) emit(sink, 'generic_api_key', end - m[1]!.length, end);
      return;
    }
    const m = stickyAt(ASSIGNED_VALUE, text, e);
    if (m === null) return;
    sink.labelSkipUntil = e + m[0].length;
    let value = m[1]!;
    while (value.endsWith('.')) value = value.slice(0, -1);
    const end = e + m[0].length - (m[1]!.length - value.length);
    const start = end - value.length;
    if (value.length === 0 || KNOWN_PREFIX.test(value) || NOT_CREDENTIAL_LABEL.test(label) || FILE_PATH.test(value)) return;
    // `credentials = encode(…)`: a call, not a literal.
    if (text.charCodeAt(end) === 40 /* ( */) return;
    if (PASSWORD_LABEL.test(label)) {
      if (inConnectionString(text, s, end)) {
        if (value.length >= 3 && !PLACEHOLDER.test(value)) emit(sink, 'connection_string', start, end);
      } else if (looksLikePassword(value)) {
        emit(sink, 'generic_api_key', start, end);
      }
      return;
    }
    if (label.includes('aws') && label.includes('secret') && /^[A-Za-z0-9/+]{40}$/.test(value)) {
      emit(sink, 'aws_access_key', start, end);
      return;
    }
    // Azure OpenAI / Cognitive Services keys are 32 hex digits (84 characters in the newer
    // format); unlabelled, 32 hex digits are as likely an MD5 or a GUID without dashes.
    if (label.includes('key') && (/^[0-9a-fA-F]{32}$/.test(value) || (/^[A-Za-z0-9]{84}$/.test(value) && looksRandom(value, 84)))) {
      emit(sink, 'azure_key', start, end);
      return;
    }
    if (looksRandom(value, 16)) emit(sink, 'generic_api_key', start, end);
  },
};

const TRIGGERED: readonly TriggeredDetector[] = [
  simple(['akia', 'asia'], 'aws_access_key', AWS_KEY_ID),
  simple(['aiza'], 'gcp_api_key', GCP_KEY),
  simple(['ghp_', 'gho_', 'ghs_', 'ghu_', 'ghr_', 'github_pat_'], 'github_token', GITHUB),
  skDashDetector,
  simple(['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'whsec_'], 'stripe_key', STRIPE),
  simple(['hf_', 'sg.', 'glpat-', 'npm_', 'pypi-', 'key-'], 'generic_api_key', PREFIXED_KEY),
  simple(['xox'], 'slack_token', SLACK),
  simple(['hooks.slack.com/'], 'slack_token', SLACK_WEBHOOK),
  jwtDetector,
  azureStorageDetector,
  sasSigDetector,
  labelledDetector,
  labelledNumber(['ssn', 'social security'], 'us_ssn', SSN_LABELLED, (d) => ssnValid(d.slice(0, 3), d.slice(3, 5), d.slice(5))),
  labelledNumber(['bsn', 'burgerservicenummer', 'sofinummer'], 'national_id', BSN_LABELLED, bsnValid),
  labelledNumber(['sin', 'social insurance'], 'national_id', SIN_LABELLED, (d) => d.charAt(0) !== '0' && d.charAt(0) !== '8' && luhnValid(d)),
];

// ---------------------------------------------------------------------------------------
// Scanning detectors: shapes with no literal to key on.

/**
 * The digit runs of a text, summarised for the digit-shaped detectors (cards, SSN, IBAN,
 * national ids, phones). Each of their regexes costs ~0.2–0.4 µs per KiB even where the
 * text has no candidate (they cannot skip ahead the way a literal search does), ~8 µs per
 * 4 KiB chat in all (measured, Node 24), while the runs come from one regex search that
 * the leet check shares (facts.ts). Every gate below is a necessary condition of the
 * detector's pattern plus its validation, so skipping a detector never loses a span:
 * - card: a group of 4 digits (cardLayoutOk: 4-4-4-4, 4-6-5, 4-6-4, or one group of 13+);
 * - SSN `ddd-dd-dddd`, NANP phones `ddd-ddd-dddd`: a run of 4;
 * - Spanish DNI/NIE: a run of 7+;
 * - IBAN `CCdd…`: a run of 2+ right after two capitals;
 * - NINO `AB123456C` / `AB 12 34 56 C`: a run of exactly 6 digits after two capitals, or of
 *   exactly 2 after two capitals and a space;
 * - trunk-prefix phones `0AA… …`: a run of 2–5 digits starting `0[1-9]` followed by a space
 *   or dash and a digit (the pattern's `0` is not preceded by a word character, so it
 *   starts a run, and `0[1-9][0-9]{0,3}[ -][0-9]` must take the whole run);
 * - international phones: a `+` (checked by the detector).
 */
interface DigitProfile {
  readonly longestRun: number;
  /** Some run of 2–5 digits is `0` then 1–9, followed by a space or dash and a digit. */
  readonly zeroLead: boolean;
  /** Some run of 2+ digits follows two capital letters (IBAN). */
  readonly afterCaps: boolean;
  /** Some run of 6 digits follows two capitals, or one of 2 follows two capitals and a space (NINO). */
  readonly ninoStart: boolean;
}

const EVERY_DETECTOR: DigitProfile = Object.freeze({ longestRun: Infinity, zeroLead: true, afterCaps: true, ninoStart: true });
const NO_DIGIT_RUNS: DigitProfile = Object.freeze({ longestRun: 1, zeroLead: false, afterCaps: false, ninoStart: false });

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The profile of `text` from its digitRuns (runs of digits, `@` and `$`); null runs (digit-dense text) let every detector run. */
function digitProfile(text: string, runs: DigitRuns | null): DigitProfile {
  if (runs === null) return EVERY_DETECTOR;
  let longestRun = 1;
  let zeroLead = false;
  let afterCaps = false;
  let ninoStart = false;
  for (let i = 0; i < runs.length; i += 2) {
    const end = runs[i + 1]!;
    // The digit runs inside: split at `@` and `$`.
    for (let s = runs[i]!; s < end;) {
      if (!isDigit(text.charCodeAt(s))) {
        s++;
        continue;
      }
      let e = s + 1;
      while (e < end && isDigit(text.charCodeAt(e))) e++;
      const len = e - s;
      if (len >= 2) {
        if (len > longestRun) longestRun = len;
        if (len <= 5 && text.charCodeAt(s) === 48 /* 0 */ && text.charCodeAt(s + 1) !== 48) {
          const sep = text.charCodeAt(e);
          if ((sep === 32 || sep === 45) && isDigit(text.charCodeAt(e + 1))) zeroLead = true;
        }
        if (s >= 2 && isUpper(text.charCodeAt(s - 1)) && isUpper(text.charCodeAt(s - 2))) {
          afterCaps = true;
          if (len === 6) ninoStart = true;
        } else if (len === 2 && s >= 3 && text.charCodeAt(s - 1) === 32 && isUpper(text.charCodeAt(s - 2)) && isUpper(text.charCodeAt(s - 3))) {
          ninoStart = true;
        }
      }
      s = e;
    }
  }
  return longestRun === 1 && !zeroLead ? NO_DIGIT_RUNS : { longestRun, zeroLead, afterCaps, ninoStart };
}

interface ScanningDetector {
  readonly types: readonly SecretType[];
  find(text: string, sink: Sink): void;
}

function eachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) fn(m);
}

// A run of 13+ digits with single spaces or dashes; the lookbehind lets a run start only
// at its first digit, and the bounded class caps the work per start.
// Not a decimal fraction or exponent (`0.4180568075276509`, `…9047e+307`) nor a phone (`+49…`).
const CARD_RUN = /(?<![0-9+.,])[0-9][0-9 -]{11,44}[0-9](?![0-9]|[.,][0-9]|[eE][+-]?[0-9])/g;

/** Accepted separator layouts: 4-4-4-4(-3), 4-6-5 / 4-6-4 (Amex, Diners), or no separators. */
function cardLayoutOk(groups: readonly string[]): boolean {
  if (groups.length === 1) return true;
  if (groups.length === 3 && groups[0]!.length === 4 && groups[1]!.length === 6 && (groups[2]!.length === 5 || groups[2]!.length === 4)) return true;
  for (let i = 0; i < groups.length - 1; i++) if (groups[i]!.length !== 4) return false;
  const last = groups[groups.length - 1]!.length;
  return last >= 1 && last <= 4;
}

const cardDetector: ScanningDetector = {
  types: ['credit_card'],
  find(text, sink) {
    if (sink.digits.longestRun < 4) return;
    eachMatch(CARD_RUN, text, (m) => {
      // Split into groups at single separators; a double separator or a change of
      // separator ends a candidate. Try windows of consecutive groups (a card followed by
      // a CVV or preceded by an id is still found), longest first from each start.
      const run = m[0];
      const groups: { digits: string; start: number; sep: string }[] = [];
      let gs = 0;
      for (let i = 0; i <= run.length; i++) {
        const c = i < run.length ? run.charCodeAt(i) : 32;
        if (c === 32 || c === 45) {
          if (i > gs) groups.push({ digits: run.slice(gs, i), start: gs, sep: i < run.length ? run.charAt(i) : '' });
          else groups.push({ digits: '', start: gs, sep: '' }); // double separator: a break
          gs = i + 1;
        }
      }
      let i = 0;
      while (i < groups.length) {
        let found = -1;
        let total = 0;
        for (let j = i; j < groups.length; j++) {
          const g = groups[j]!;
          if (g.digits.length === 0) break;
          if (j > i && groups[j - 1]!.sep !== groups[i]!.sep) break;
          total += g.digits.length;
          if (total > 19) break;
          if (total >= 13) {
            const window = groups.slice(i, j + 1).map((x) => x.digits);
            const digits = window.join('');
            if (cardLayoutOk(window) && cardSchemeKnown(digits) && luhnValid(digits)) found = j;
          }
        }
        if (found >= 0) {
          const last = groups[found]!;
          emit(sink, 'credit_card', m.index + groups[i]!.start, m.index + last.start + last.digits.length);
          i = found + 1;
        } else {
          i++;
        }
      }
    });
  },
};

const SSN_FORMATTED = /(?<![0-9-])([0-9]{3})([- ])([0-9]{2})\2([0-9]{4})(?![0-9-])/g;
const ssnDetector: ScanningDetector = {
  types: ['us_ssn'],
  find(text, sink) {
    if (sink.digits.longestRun < 4) return;
    eachMatch(SSN_FORMATTED, text, (m) => {
      if (ssnValid(m[1]!, m[3]!, m[4]!)) emit(sink, 'us_ssn', m.index, m.index + m[0].length);
    });
  },
};

// IBAN: country, check digits, then BBAN characters with optional single spaces; the
// exact length comes from the country table.
const IBAN_RUN = /(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,40}/g;
const ibanDetector: ScanningDetector = {
  types: ['iban'],
  find(text, sink) {
    if (!sink.digits.afterCaps) return;
    eachMatch(IBAN_RUN, text, (m) => {
      const run = m[0];
      const want = IBAN_LENGTHS[run.slice(0, 2)];
      if (want === undefined) return;
      let compact = '';
      let i = 0;
      for (; i < run.length && compact.length < want; i++) {
        const c = run.charAt(i);
        if (c === ' ') {
          if (run.charAt(i + 1) === ' ' || i + 1 >= run.length) break;
          continue;
        }
        compact += c;
      }
      if (compact.length !== want) return;
      // The IBAN must end at a boundary, not inside a longer token.
      const after = text.charCodeAt(m.index + i);
      if ((after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122)) return;
      if (ibanValid(compact)) emit(sink, 'iban', m.index, m.index + i);
    });
  },
};

const NINO = /(?<![A-Za-z0-9])[A-Z]{2}( ?)[0-9]{2}\1[0-9]{2}\1[0-9]{2}\1[A-D](?![A-Za-z0-9])/g;
const SPANISH_ID = /(?<![A-Za-z0-9+.-])(?:[0-9]{8}|[XYZ][0-9]{7})-?[A-Z](?![A-Za-z0-9]|[+-][0-9])/g;
const nationalIdDetector: ScanningDetector = {
  types: ['national_id'],
  find(text, sink) {
    const d = sink.digits;
    if (d.ninoStart) {
      eachMatch(NINO, text, (m) => {
        if (ninoValid(m[0].replace(/ /g, ''))) emit(sink, 'national_id', m.index, m.index + m[0].length);
      });
    }
    if (d.longestRun >= 7) {
      eachMatch(SPANISH_ID, text, (m) => {
        if (spanishIdValid(m[0].replace('-', ''))) emit(sink, 'national_id', m.index, m.index + m[0].length);
      });
    }
  },
};

// Phones. Three shapes, each validated for digit count and consistent separators so that
// versions (1.2.3), dates (2024-05-17), IPs and unseparated order ids are not phones.
// International (E.164 with optional separators): +CC then 7–14 more digits.
const PHONE_INTL = /(?<![\w+])\+[1-9][0-9 ().-]{6,22}[0-9](?![\w]|[.,][0-9])/g;
// North American: (NPA) NXX-XXXX or NPA-NXX-XXXX, optional leading 1.
const PHONE_NANP = /(?<![\w+.\/-])(?:1[ .-])?(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[-. ])[2-9][0-9]{2}[-. ][0-9]{4}(?![\w-]|[.\/][0-9])/g;
// National with trunk prefix 0 (most of Europe, UK, AU): 0AA… in 2–5 digit groups, 10–12 digits.
// Not inside a hex dump (`30 0d 06 09 2a 86 …` has the same 2-digit groups as `06 12 34 56 78`).
const PHONE_TRUNK = /(?<![\w+.\/-]|\b[0-9a-fA-F][0-9a-fA-F] )0[1-9][0-9]{0,3}[ -][0-9][0-9 -]{4,14}[0-9](?![\w-]|[.\/][0-9]| [0-9a-fA-F][0-9a-fA-F]\b)/g;

const phoneDetector: ScanningDetector = {
  types: ['phone'],
  find(text, sink) {
    const d = sink.digits;
    if (text.includes('+')) {
      eachMatch(PHONE_INTL, text, (m) => {
        const groups = m[0].slice(1).replace(/[()]/g, ' ').split(/[ .-]/).filter((g) => g !== '');
        const digits = groups.join('');
        // Unseparated, at least 10 digits: `+50609263` is as likely a signed number.
        if (digits.length < (groups.length === 1 ? 10 : 8) || digits.length > 15) return;
        if (groups.length > 1 && (groups.length > 6 || groups.some((g) => g.length > 6))) return;
        if (/\(.*\(|\).*\)/.test(m[0])) return;
        emit(sink, 'phone', m.index, m.index + m[0].length);
      });
    }
    if (d.longestRun >= 4) {
      eachMatch(PHONE_NANP, text, (m) => {
        const s = m[0].replace(/^1[ .-]/, '');
        if (!s.startsWith('(') && s.charAt(3) !== s.charAt(7)) return; // 555-123.4567
        emit(sink, 'phone', m.index, m.index + m[0].length);
      });
    }
    if (d.zeroLead) {
      eachMatch(PHONE_TRUNK, text, (m) => {
        const s = m[0];
        const sep = s.includes(' ') ? ' ' : '-';
        if (s.includes(sep === ' ' ? '-' : ' ')) return;
        const groups = s.split(sep);
        if (groups.some((g) => g.length < 2 || g.length > 8)) return;
        const digits = groups.join('').length;
        if (digits >= 10 && digits <= 12) emit(sink, 'phone', m.index, m.index + s.length);
      });
    }
  },
};

function isLocalChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}
function isDomainChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45;
}
/** 1–63 letters, digits and hyphens, not starting or ending with a hyphen (RFC 1123). */
const DOMAIN_LABEL = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;
const TLD = /^(?:[A-Za-z]{2,24}|xn--[a-z0-9-]{1,59})$/;

/**
 * E-mail: found by `@` with bounded expansion either side (RFC 5321 limits: local part
 * 64, domain 253), then validated. Linear: each character is visited by at most the `@`
 * before and the `@` after it. `user:pass@host` in URLs is not an address.
 */
const emailDetector: ScanningDetector = {
  types: ['email'],
  find(text, sink) {
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
      let s = at;
      while (s > 0 && at - s < 65 && isLocalChar(text.charCodeAt(s - 1))) s--;
      if (s === at || at - s > 64) continue;
      // `scheme://user:pass@host` is a URL's userinfo, not an address (`mailto:a@b.c` is one).
      const before = text.charCodeAt(s - 1);
      if (before === 47 /* / */) continue;
      if (before === 58 /* : */ && text.lastIndexOf('//', s) > text.lastIndexOf(' ', s)) continue;
      let e = at + 1;
      while (e < text.length && e - at <= 253 && isDomainChar(text.charCodeAt(e))) e++;
      while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
      const local = text.slice(s, at);
      if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) continue;
      const labels = text.slice(at + 1, e).split('.');
      if (labels.length < 2 || !TLD.test(labels[labels.length - 1]!)) continue;
      if (!labels.every((l) => DOMAIN_LABEL.test(l) && !l.endsWith('-'))) continue;
      emit(sink, 'email', s, e);
    }
  },
};

/**
 * Credentials in a URL (`postgres://user:pass@host`, `mongodb+srv://…`, any scheme):
 * the password part is the span. Found by `://` and a sticky match there; the user part
 * cannot contain `:` or `/`, so each match stops at the next `://`.
 */
const URL_CREDENTIALS = /:\/\/([^\s:@/?#"'`<>]{1,128}):([^\s@/?#"'`<>]{1,256})@[A-Za-z0-9[]/y;
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const urlCredentialsDetector: ScanningDetector = {
  types: ['connection_string'],
  find(text, sink) {
    for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
      if (at === 0 || !SCHEME_CHAR.test(text.charAt(at - 1))) continue;
      const m = stickyAt(URL_CREDENTIALS, text, at);
      if (m === null) continue;
      const pass = m[2]!;
      if (pass.length < 4 || PLACEHOLDER.test(pass)) continue;
      const start = at + 3 + m[1]!.length + 1;
      emit(sink, 'connection_string', start, start + pass.length);
    }
  },
};

/** PEM private key blocks (RFC 7468): from BEGIN to END, or to the end of the base64 body. */
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
const PEM_MAX = 20_000;
function isPemBodyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61 || isSpace(c) || c === 58 || c === 44 || c === 45 || c === 92;
}
const privateKeyDetector: ScanningDetector = {
  types: ['private_key'],
  find(text, sink) {
    let from = 0;
    for (let at = text.indexOf('-----BEGIN'); at !== -1; at = text.indexOf('-----BEGIN', from)) {
      from = at + 10;
      const m = stickyAt(PEM_BEGIN, text, at);
      if (m === null) continue;
      const bodyStart = at + m[0].length;
      let end = -1;
      const endMarker = text.indexOf('-----END', bodyStart);
      if (endMarker !== -1 && endMarker - bodyStart <= PEM_MAX) {
        const close = text.indexOf('-----', endMarker + 8);
        if (close !== -1 && close - endMarker <= 80) end = close + 5;
      }
      if (end === -1) {
        // No END line (truncated paste): the body runs to the first blank line.
        end = bodyStart;
        while (end < text.length && end - bodyStart < PEM_MAX && isPemBodyChar(text.charCodeAt(end))) {
          if (text.charCodeAt(end) === 10 && /^\r?\n/.test(text.slice(end + 1, end + 3))) break;
          end++;
        }
        while (end > bodyStart && isSpace(text.charCodeAt(end - 1))) end--;
      }
      emit(sink, 'private_key', at, end);
      from = end;
    }
  },
};

/**
 * Azure AI / Cognitive Services and API Management keys: 32 hex digits with a key-ish word
 * shortly before them on the same line ("subscription key for the HR API is …",
 * `SpeechConfig.FromSubscription("…")`). Found by skipping (decode.ts longRuns): a regex
 * starting with a hex class would enter at every a–f letter of prose.
 */
const KEY_WORD_BEFORE = /key|subscription|secret|credential|token/i;
const hexKeyDetector: ScanningDetector = {
  types: ['azure_key'],
  find(text, sink) {
    for (const [s, e] of hexRuns(text, sink.b64Runs)) {
      if (e - s !== 32) continue;
      let b = s;
      const stop = Math.max(0, s - 60);
      while (b > stop && text.charCodeAt(b - 1) !== 10) b--;
      if (KEY_WORD_BEFORE.test(text.slice(b, s))) emit(sink, 'azure_key', s, e);
    }
  },
};

/**
 * Maximal runs of hex digits of length ≥ 32, bounded by non-alphanumerics. Hex digits are
 * in the base64 alphabet, so every such run lies inside one of the text's base64 runs of
 * 32+ (facts.ts b64Runs, maximal too): only those are searched.
 */
function hexRuns(text: string, b64Runs: Runs): Runs {
  let out: [number, number][] | null = null;
  for (const [s, e] of b64Runs) {
    if (e - s < 32) continue;
    for (let i = s; i < e;) {
      if (!isHex(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let k = i + 1;
      while (k < e && isHex(text.charCodeAt(k))) k++;
      // [i, k) is a maximal hex run: text[i - 1] and text[k] are no hex digits (inside the
      // base64 run they are other letters or symbols; at its edges, not in the alphabet).
      if (k - i >= 32) {
        const before = i > 0 ? text.charCodeAt(i - 1) : 32;
        const after = k < text.length ? text.charCodeAt(k) : 32;
        if (!isAlnum(before) && !isAlnum(after)) (out ??= []).push([i, k]);
      }
      i = k;
    }
  }
  return out ?? NO_RUNS;
}

const NO_RUNS: Runs = Object.freeze([]);

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const SCANNING: readonly ScanningDetector[] = [
  hexKeyDetector,
  privateKeyDetector, urlCredentialsDetector, cardDetector, ssnDetector, ibanDetector, nationalIdDetector, phoneDetector, emailDetector,
];

/** The detectors gated by digitProfile. */
const DIGIT_SHAPED: readonly ScanningDetector[] = [cardDetector, ssnDetector, ibanDetector, nationalIdDetector, phoneDetector];

/**
 * Phone shapes are the loosest: digit groups inside an IBAN, card or national id can look
 * like one (`DE89 3704 0044 0532 0130 00` holds `0532 0130 00`). A phone span overlapping
 * a span of another type is dropped.
 */
function suppressPhonesInsideOthers(spans: SecretSpan[]): SecretSpan[] {
  if (spans.length === 0) return spans;
  const others = spans.filter((s) => s.type !== 'phone').sort((a, b) => a.start - b.start);
  if (others.length === 0 || others.length === spans.length) return spans;
  // maxEnd[i]: the furthest end among others[0..i]. A phone [s, e) overlaps some other
  // span iff the furthest end among those starting before e is beyond s. O(n log n):
  // adversarial text holds thousands of both.
  const maxEnd = new Array<number>(others.length);
  let m = -1;
  others.forEach((o, i) => {
    m = Math.max(m, o.end);
    maxEnd[i] = m;
  });
  return spans.filter((p) => {
    if (p.type !== 'phone') return true;
    let lo = 0;
    let hi = others.length; // first index with start >= p.end
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (others[mid]!.start < p.end) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 || maxEnd[lo - 1]! <= p.start;
  });
}

// ---------------------------------------------------------------------------------------

/**
 * Build a scanner for the given types (detectors for other types are not run at all).
 * The trigger regex and dispatch table are built here, once.
 */
export function createSecretScanner(types: Iterable<SecretType>): SecretScanner {
  const on: ReadonlySet<SecretType> = new Set(types);
  const triggered = TRIGGERED.filter((d) => d.types.some((t) => on.has(t)));
  const scanning = SCANNING.filter((d) => d.types.some((t) => on.has(t)));
  const profileDigits = scanning.some((d) => DIGIT_SHAPED.includes(d));
  const needsFacts = profileDigits || scanning.includes(hexKeyDetector);
  const byTrigger = new Map<string, TriggeredDetector[]>();
  for (const d of triggered) {
    for (const t of d.triggers) {
      const list = byTrigger.get(t) ?? [];
      list.push(d);
      byTrigger.set(t, list);
    }
  }
  const trigger = byTrigger.size > 0 ? new RegExp(literalTrieSource(byTrigger.keys()), 'gi') : null;

  return {
    scan(text: string, facts?: TextFacts): SecretSpan[] {
      const known = facts ?? (needsFacts ? textFacts(text) : null);
      const sink: Sink = {
        out: [], on, labelSkipUntil: 0,
        digits: profileDigits ? digitProfile(text, known!.digitRuns) : EVERY_DETECTOR,
        b64Runs: known?.b64Runs ?? NO_RUNS,
      };
      if (trigger !== null) {
        trigger.lastIndex = 0;
        for (let m = trigger.exec(text); m !== null; m = trigger.exec(text)) {
          const detectors = byTrigger.get(m[0].toLowerCase());
          if (detectors === undefined) continue;
          for (const d of detectors) d.find(text, m.index, m[0].length, sink);
        }
      }
      for (const d of scanning) d.find(text, sink);
      return suppressPhonesInsideOthers(sink.out);
    },
  };
}

/** Every regex in this module, for the structural ReDoS test (test/waf/llm/regex-shape.test.ts). */
export const SECRET_PATTERNS: readonly RegExp[] = [
  AWS_KEY_ID, GCP_KEY, GITHUB, SK_DASH, STRIPE, PREFIXED_KEY, SIN_LABELLED, NAMES_A_SECRET, KEY_WORD_BEFORE, SLACK, SLACK_WEBHOOK, JWT, AZURE_ACCOUNT_KEY, AZURE_SAS_FIELD, SAS_SIG,
  SAS_CONTEXT, SSN_LABELLED, BSN_LABELLED, ASSIGNED_VALUE, BEARER_VALUE, KNOWN_PREFIX, PLACEHOLDER, NOT_CREDENTIAL_LABEL,
  PASSWORD_LABEL, CONN_KEYS, CARD_RUN, SSN_FORMATTED, IBAN_RUN, NINO, SPANISH_ID, PHONE_INTL, PHONE_NANP, PHONE_TRUNK,
  DOMAIN_LABEL, TLD, URL_CREDENTIALS, SCHEME_CHAR, PEM_BEGIN, FILE_PATH,
];
