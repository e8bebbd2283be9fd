/**
 * Hidden and encoded text inside a prompt: what a human reviewer would not read but a
 * model might. Each finder returns decoded strings for the injection rules to rescan;
 * none of them decides anything.
 *
 * Bounded: at most MAX_PAYLOADS payloads per field, each decoded from at most
 * MAX_ENCODED_CHARS characters, and only decodings that are mostly printable text are kept
 * (base64 of random identifiers decodes to bytes, not text).
 */

export const MAX_PAYLOADS = 8;
const MAX_ENCODED_CHARS = 16_384;
const MIN_ENCODED_RUN = 20;
/** The run length facts.ts lists (encodedPayloads' minimum). */
export const B64_RUN_MIN = MIN_ENCODED_RUN;

/** Half-open [start, end) ranges. */
export type Runs = readonly (readonly [number, number])[];

/** Lookup table: base64/base64url alphabet plus `=` padding. */
const B64 = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=') B64[c.charCodeAt(0)] = 1;

/**
 * Runs of at least `min` base64 characters, found by skipping: if the character at
 * i + min − 1 is not in the alphabet no run of `min` can cover it, so the scan jumps
 * `min` characters. Ordinary prose (words of ~5 letters) is crossed in ~n/5 probes; a
 * regex `[A-Za-z0-9+/]{20,}` restarts at every letter and costs ~40 µs per 4 KiB
 * (measured, Node 24).
 */
export function longRuns(text: string, min: number): Runs {
  let out: [number, number][] | null = null;
  const n = text.length;
  let i = min - 1;
  let floor = 0; // no run may start before this (end of the previous run)
  while (i < n) {
    if (!isB64(text.charCodeAt(i))) {
      i += min;
      continue;
    }
    let j = i - 1;
    while (j >= floor && isB64(text.charCodeAt(j))) j--;
    // [j + 1, i] is a run; if shorter than min, the next candidate end is j + min.
    if (i - j < min) {
      i = j + min;
      continue;
    }
    let e = i + 1;
    while (e < n && isB64(text.charCodeAt(e))) e++;
    (out ??= []).push([j + 1, e]);
    floor = e;
    i = e + min;
  }
  return out ?? NO_RUNS;
}

const NO_RUNS: Runs = Object.freeze([]);

/** In the base64/base64url alphabet or `=` (one `charCodeAt` per probe: the skip loop is this module's hot path). */
function isB64(c: number): boolean {
  return c <= 0x7f && B64[c] === 1;
}

const HEX_ONLY = /^[0-9a-fA-F]+$/;
const INNER_PADDING = /=+(?=[^=])/;
const HAS_UPPER = /[A-Z]/;
const HAS_LOWER = /[a-z]/;

/** Decoded bytes as text when at least 90% are printable (tab, newline, ASCII graphics, UTF-8 sequences). */
function asText(bytes: Buffer): string | null {
  if (bytes.length < 8) return null;
  let printable = 0;
  for (const b of bytes) if ((b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13 || b >= 0x80) printable++;
  if (printable < bytes.length * 0.9) return null;
  const s = bytes.toString('utf8');
  // Invalid UTF-8 becomes U+FFFD: random high bytes are not text.
  let bad = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0xfffd) bad++;
  return bad * 10 > s.length ? null : s;
}

const PERCENT_RUN = /(?:%[0-9a-fA-F][0-9a-fA-F]){8,}/g;
const BACKSLASH_X_RUN = /(?:\\x[0-9a-fA-F][0-9a-fA-F]){8,}/g;
const UNICODE_ESCAPE_RUN = /(?:\\u[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]){6,}/g;

/** International Morse code (ITU-R M.1677-1): letters and digits. */
const MORSE: ReadonlyMap<string, string> = new Map(Object.entries({
  '.-': 'a', '-...': 'b', '-.-.': 'c', '-..': 'd', '.': 'e', '..-.': 'f', '--.': 'g', '....': 'h', '..': 'i', '.---': 'j',
  '-.-': 'k', '.-..': 'l', '--': 'm', '-.': 'n', '---': 'o', '.--.': 'p', '--.-': 'q', '.-.': 'r', '...': 's', '-': 't',
  '..-': 'u', '...-': 'v', '.--': 'w', '-..-': 'x', '-.--': 'y', '--..': 'z', '-----': '0', '.----': '1', '..---': '2',
  '...--': '3', '....-': '4', '.....': '5', '-....': '6', '--...': '7', '---..': '8', '----.': '9',
}));
/** Dots, dashes and separators (space, `/`, `|`), at least 20 characters. */
const MORSE_RUN = /[.-][.\- /|]{18,}[.-]/g;

/** Morse runs decoded (words split at `/`, `|` or double spaces), when at least 90% of the codes are letters. */
function morsePayloads(text: string, out: string[]): void {
  MORSE_RUN.lastIndex = 0;
  for (let m = MORSE_RUN.exec(text); m !== null && out.length < MAX_PAYLOADS; m = MORSE_RUN.exec(text)) {
    const words = m[0].slice(0, MAX_ENCODED_CHARS).split(/\s*[/|]\s*|\s{2,}/);
    let codes = 0;
    let known = 0;
    const decoded = words.map((w) => w.split(' ').filter((c) => c !== '').map((c) => {
      codes++;
      const l = MORSE.get(c);
      if (l !== undefined) known++;
      return l ?? '?';
    }).join('')).join(' ');
    if (codes >= 8 && known >= codes * 0.9) out.push(decoded);
  }
}

/**
 * Base64, base64url and hex runs, %XX / \xXX / \uXXXX escape runs and Morse code, decoded to text.
 * `b64Runs`: longRuns(text, B64_RUN_MIN) when the caller has it already (facts.ts).
 */
export function encodedPayloads(text: string, b64Runs?: Runs): readonly string[] {
  const out: string[] = [];
  for (const [s, e] of b64Runs ?? longRuns(text, MIN_ENCODED_RUN)) {
    if (out.length >= MAX_PAYLOADS) return out;
    // `key=BASE64…`: Node's decoder stops at the first `=`, so decode each `=`-separated part.
    for (const run of text.slice(s, Math.min(e, s + MAX_ENCODED_CHARS)).split(INNER_PADDING)) {
      if (run.length < MIN_ENCODED_RUN || out.length >= MAX_PAYLOADS) continue;
      let decoded: string | null = null;
      if (HEX_ONLY.test(run)) {
        if (run.length % 2 === 0) decoded = asText(Buffer.from(run, 'hex'));
      } else if (HAS_UPPER.test(run) && HAS_LOWER.test(run)) {
        // Base64 of text always mixes cases; identifiers in snake_case or all caps do not.
        decoded = asText(Buffer.from(run, 'base64'));
      }
      if (decoded !== null) out.push(decoded);
    }
  }
  if (text.includes('%')) collect(PERCENT_RUN, text, out, (r) => Buffer.from(r.replaceAll('%', ''), 'hex'));
  // One search for the backslash (rare outside code) instead of two for `\\x` and `\\u`.
  const backslash = text.includes('\\');
  if (backslash && text.includes('\\x')) collect(BACKSLASH_X_RUN, text, out, (r) => Buffer.from(r.replaceAll('\\x', ''), 'hex'));
  if (hasDotDash(text)) morsePayloads(text, out);
  if (backslash && text.includes('\\u')) {
    collect(UNICODE_ESCAPE_RUN, text, out, (r) => Buffer.from(r.split('\\u').slice(1).map((h) => String.fromCharCode(parseInt(h, 16))).join(''), 'utf8'));
  }
  return out.length > 0 ? out : NO_PAYLOADS;
}

const NO_PAYLOADS: readonly string[] = Object.freeze([]);

/**
 * `text.includes('.-') || text.includes('-.')`, found from the dashes: prose and code have
 * far fewer `-` than `.`, and `includes('.-')` stops at every `.` (measured on a 4 KiB
 * chat, Node 24: ~0.1 µs instead of ~0.6). Dash-heavy text (rules, tables) falls back to
 * the two searches.
 */
function hasDotDash(text: string): boolean {
  let at = text.indexOf('-');
  for (let n = 0; at !== -1; n++) {
    if (n === 32) return text.includes('.-') || text.includes('-.');
    if (text.charCodeAt(at - 1) === 46 /* . */ || text.charCodeAt(at + 1) === 46) return true;
    at = text.indexOf('-', at + 1);
  }
  return false;
}

function collect(re: RegExp, text: string, out: string[], decode: (run: string) => Buffer): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && out.length < MAX_PAYLOADS; m = re.exec(text)) {
    const s = asText(decode(m[0].slice(0, MAX_ENCODED_CHARS)));
    if (s !== null) out.push(s);
  }
}

// ---- Invisible carriers (only in non-ASCII text)

/** Unicode tag characters U+E0000–E007F (UTF-16: DB40 DC00–DC7F); each mirrors one ASCII character. */
const TAG_RUN = /(?:\uDB40[\uDC00-\uDC7F])+/g;
/** 🏴 (U+1F3F4) + tags + CANCEL TAG is an emoji subdivision flag (England, Scotland, Wales), not hidden text. */
const FLAG_BASE = '\uD83C\uDFF4';
const CANCEL_TAG = '\uDB40\uDC7F';

/**
 * Variation selectors (U+FE00–FE0F, U+E0100–E01EF) in a run of eight or more: a run that
 * long follows no real emoji, and it carries one byte per selector ("emoji smuggling").
 */
const SELECTOR_RUN = /(?:[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]){8,}/g;

export interface HiddenText {
  /** Hidden characters were present (outside emoji flags): suspicious on its own. */
  readonly found: boolean;
  /** What they spell, for rescanning. */
  readonly decoded: readonly string[];
}

const NONE: HiddenText = Object.freeze({ found: false, decoded: Object.freeze([]) });

export function hiddenText(text: string): HiddenText {
  let found = false;
  const decoded: string[] = [];
  if (text.includes('\uDB40')) {
    TAG_RUN.lastIndex = 0;
    for (let m = TAG_RUN.exec(text); m !== null; m = TAG_RUN.exec(text)) {
      const run = m[0];
      const isFlag = text.slice(m.index - 2, m.index) === FLAG_BASE && run.endsWith(CANCEL_TAG) && run.length <= 16;
      if (isFlag) continue;
      found = true;
      if (decoded.length < MAX_PAYLOADS) {
        let s = '';
        for (let i = 1; i < run.length; i += 2) s += String.fromCharCode(run.charCodeAt(i) - 0xdc00);
        decoded.push(s);
      }
    }
  }
  SELECTOR_RUN.lastIndex = 0;
  for (let m = SELECTOR_RUN.exec(text); m !== null; m = SELECTOR_RUN.exec(text)) {
    found = true;
    if (decoded.length >= MAX_PAYLOADS) continue;
    const bytes: number[] = [];
    const run = m[0];
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i);
      if (c >= 0xfe00 && c <= 0xfe0f) bytes.push(c - 0xfe00);
      else if (c === 0xdb40) bytes.push(run.charCodeAt(++i) - 0xdd00 + 16);
    }
    const s = asText(Buffer.from(bytes));
    if (s !== null) decoded.push(s);
  }
  return found ? { found, decoded } : NONE;
}

/** Every regex in this module, for the structural ReDoS test. */
export const DECODE_PATTERNS: readonly RegExp[] = [HEX_ONLY, INNER_PADDING, HAS_UPPER, HAS_LOWER, PERCENT_RUN, BACKSLASH_X_RUN, UNICODE_ESCAPE_RUN, TAG_RUN, SELECTOR_RUN, MORSE_RUN];
