/**
 * Text normalisation for the prompt-injection rules. Secrets are not scanned on this text:
 * they need offsets into the original.
 *
 * `normalise` is what every rule reads: invisible characters removed (so `ig\u200Bnore`
 * is `ignore`), NFKC (full-width, mathematical and circled letters become ASCII:
 * `𝐢𝐠𝐧𝐨𝐫𝐞`, `ｉｇｎｏｒｅ`, `ⓘⓖⓝⓞⓡⓔ`), lower case. Whitespace is not collapsed: the rules
 * match `\s+` between words, which has the same effect for free, while a collapsing
 * `replace` over a 4 KiB chat costs ~10 µs (measured, Node 24). ASCII-only text, the common case, skips
 * straight to `toLowerCase` (NFKC and invisibles cannot change it).
 *
 * `fold` is the de-obfuscated view, built only when the prefilter saw a reason for it:
 * confusable Cyrillic/Greek letters mapped to the Latin ones they imitate, leetspeak digits
 * inside words mapped back to letters, and spaced-out letters (`i g n o r e`, `i.g.n.o.r.e`)
 * joined.
 */

/**
 * Format and other invisible characters: soft hyphen, combining grapheme joiner, Arabic
 * letter mark, Hangul fillers, Mongolian/Khmer invisibles, zero-width space/joiners,
 * LRM/RLM and bidi embeddings/overrides/isolates, word joiner and invisible operators,
 * variation selectors, BOM, and the supplementary tag (U+E0000–E007F) and variation
 * selector (U+E0100–E01EF) planes.
 */
export const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDDEF]/g;

/** True when every UTF-16 unit is ASCII (Buffer.byteLength is a native SIMD count: ~1 µs per 4 KiB, 3× faster than a regex test). */
export function isAscii(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') === text.length;
}

/** What `unicodeFeatures` found in non-ASCII text (bit flags). */
export const HAS_INVISIBLE = 1;
export const HAS_CONFUSABLE_RANGE = 2;
export const HAS_HIDDEN_CARRIER = 4;
/** Scripts with their own injection anchors (prompt-injection.ts runs their prefilters only when present). */
export const HAS_CYRILLIC = 8;
export const HAS_ARABIC = 16;
export const HAS_CJK = 32;

/**
 * A character outside what ordinary non-ASCII prose uses (Latin-1 and Latin Extended,
 * general punctuation such as curly quotes and dashes, arrows and symbols, emoji
 * surrogates, full-width forms), i.e. one unicodeFeatures may care about. Written as a
 * negated class: ~3.5 µs per 4 KiB (Node 24), where a positive class listing the wanted
 * ranges (CJK, Cyrillic, invisibles…) costs ~17 µs and the loop itself ~10 µs.
 */
const FEATURE_GATE = /[^\x00-\xac\xae-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205f\u2070-\u2112\u2114-\u21ff\u2300-\u27bf\ud800-\udb3f\udb41-\udfff\ufe10-\ufefe\uff00-\uff9f\uffa1-\uffef]/;

/** Which of the costlier steps non-ASCII text needs (HAS_* flags). */
export function unicodeFeatures(text: string): number {
  if (!FEATURE_GATE.test(text)) return 0;
  let f = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xad) continue;
    if (c >= 0x0400 && c <= 0x04ff) f |= HAS_CONFUSABLE_RANGE | HAS_CYRILLIC;
    else if (c >= 0x0250 && c <= 0x058f) f |= HAS_CONFUSABLE_RANGE; // IPA, Greek, Armenian
    else if (c >= 0x0600 && c <= 0x06ff) f |= HAS_ARABIC;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) f |= HAS_CJK;
    else if (c === 0x2113) f |= HAS_CONFUSABLE_RANGE; // ℓ
    else if (c === 0xdb40) f |= HAS_HIDDEN_CARRIER | HAS_INVISIBLE; // tags, supplementary variation selectors
    else if (c >= 0xfe00 && c <= 0xfe0f) f |= HAS_HIDDEN_CARRIER | HAS_INVISIBLE;
    else if (c === 0xad || c === 0x34f || c === 0x61c || c === 0x115f || c === 0x1160 || c === 0x17b4 || c === 0x17b5 || (c >= 0x180b && c <= 0x180f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || c === 0x3164 || c === 0xfeff || c === 0xffa0) f |= HAS_INVISIBLE;
  }
  return f;
}

/** `features` is unicodeFeatures(text), or 0 for ASCII text. */
export function normalise(text: string, ascii: boolean, features = 0): string {
  if (ascii) return text.toLowerCase();
  const visible = (features & HAS_INVISIBLE) !== 0 ? text.replace(INVISIBLE, '') : text;
  return visible.normalize('NFKC').toLowerCase();
}

/** [a-z0-9@$] */
function isWordish(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 64 || c === 36;
}
const LEET_TO_I = /[013457@$8]/g;
const LEET_TO_L = /1/g;

/** Runs of leet characters (0 1 3 4 5 7 8 @ $). */
const LEET_RUN = /[0134578@$]+/g;

/**
 * Runs of ASCII digits, `@` and `$`, as flat `[start, end, start, end, …]`: where both the
 * leet check (hasLeetWord) and the secret scanner's digit gates (secrets.ts) start from,
 * so the inspector finds them once per field and hands them to both. Null when the text
 * holds more than MAX_DIGIT_RUNS of them (digit-dense text: listing would cost more than
 * it saves, and the consumers fall back to their own search).
 */
export type DigitRuns = readonly number[];
const DIGIT_RUN = /[0-9@$]+/g;
const MAX_DIGIT_RUNS = 128;
const NO_DIGIT_RUNS: DigitRuns = Object.freeze([]);

export function digitRuns(text: string): DigitRuns | null {
  let runs: number[] | null = null;
  DIGIT_RUN.lastIndex = 0;
  // `test` and a step back to the run's start: no match object per run (most are 1–4 characters).
  while (DIGIT_RUN.test(text)) {
    runs ??= [];
    if (runs.length === 2 * MAX_DIGIT_RUNS) return null;
    const end = DIGIT_RUN.lastIndex;
    let start = end - 1;
    while (start > 0 && isDigitRunChar(text.charCodeAt(start - 1))) start--;
    runs.push(start, end);
  }
  return runs ?? NO_DIGIT_RUNS;
}

/** [0-9@$] */
function isDigitRunChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 64 || c === 36;
}

function isLeetChar(c: number): boolean {
  // 0 1 3 4 5 7 8 @ $
  return c === 48 || c === 49 || c === 51 || c === 52 || c === 53 || c === 55 || c === 56 || c === 64 || c === 36;
}

/**
 * True when some word mixes letters with leet characters and reads, once mapped back,
 * as one of `words` (`1gn0r3` → `ignore`, `pr3v10u5` → `previous`), in text order so
 * that each word is examined once. Leet characters are found as runs by one regex search
 * (~0.2 µs per KiB of prose; nine `indexOf` passes, one per character, cost twice that,
 * measured on Node 24). Only the ends of a run can touch a letter, and a leet character
 * with no letter beside it (dates, versions, prices) is dismissed at once, so a run costs
 * at most two examinations whatever its length.
 */
export function hasLeetWord(norm: string, words: ReadonlySet<string>, runs?: DigitRuns | null): boolean {
  const state = { covered: 0, budget: 4096 };
  if (runs !== undefined && runs !== null) {
    // The same reasoning on runs of digits, `@` and `$` (digitRuns of a text with the same
    // positions as `norm`): only a run's ends can touch a letter, and they count only if
    // they are leet characters.
    for (let i = 0; i < runs.length; i += 2) {
      const first = runs[i]!;
      const last = runs[i + 1]! - 1;
      const r = (isLeetChar(norm.charCodeAt(first)) ? examineLeet(norm, first, words, state) : null)
        ?? (last > first && isLeetChar(norm.charCodeAt(last)) ? examineLeet(norm, last, words, state) : null);
      if (r !== null) return r;
    }
    return false;
  }
  LEET_RUN.lastIndex = 0;
  for (let visited = 0; visited < 256; visited++) {
    const m = LEET_RUN.exec(norm);
    if (m === null) return false;
    const first = m.index;
    const last = LEET_RUN.lastIndex - 1;
    // Inside a run both neighbours are leet characters, never letters: examineLeet would
    // return null there without touching the state, so only the ends are examined.
    const r = examineLeet(norm, first, words, state) ?? (last > first ? examineLeet(norm, last, words, state) : null);
    if (r !== null) return r;
  }
  // Leet-dense text (`a@a@a@…`, logs): a plain loop (~3 ns per character) costs less than a
  // regex call per run (~40 ns).
  for (let p = LEET_RUN.lastIndex; p < norm.length; p++) {
    if (!isLeetChar(norm.charCodeAt(p))) continue;
    const r = examineLeet(norm, p, words, state);
    if (r !== null) return r;
  }
  return false;
}

/** Examine the leet character at `p`: true when its word is a watch-word (or the text is leet-heavy), null to go on. */
function examineLeet(norm: string, p: number, words: ReadonlySet<string>, state: { covered: number; budget: number }): boolean | null {
  if (p < state.covered) return null;
  if (!isLetter(norm.charCodeAt(p - 1)) && !isLetter(norm.charCodeAt(p + 1))) return null;
  if (--state.budget === 0) return true; // leet-heavy text: just build the folded view
  let s = p;
  while (s > state.covered && isWordish(norm.charCodeAt(s - 1))) s--;
  let e = p + 1;
  while (e < norm.length && isWordish(norm.charCodeAt(e))) e++;
  state.covered = e;
  if (e - s < 4 || e - s > 24) return null;
  // A leet word keeps at least two real letters (`1gn0r3`); `03t23` in a timestamp does not.
  let letters = 0;
  for (let k = s; k < e; k++) if (isLetter(norm.charCodeAt(k))) letters++;
  if (letters < 2) return null;
  const token = norm.slice(s, e);
  const asI = token.replace(LEET_TO_I, (c) => LEET[c] ?? c);
  if (words.has(asI) || words.has(token.replace(LEET_TO_L, 'l').replace(LEET_TO_I, (c) => LEET[c] ?? c))) return true;
  return null;
}

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/**
 * Lower-case confusables (Unicode TR39 confusables.txt, the Latin look-alikes among
 * Cyrillic, Greek, Armenian and IPA letters that NFKC leaves alone).
 */
const CONFUSABLE_PAIRS =
  'аa еe ёe іi їi јj оo рp сc уy хx ѕs ԁd ԛq ԝw һh ӏl ɡg ɑa ıi ℓl αa εe ιi κk νv οo ρp τt υu χx γy ωw օo ոn սu';
const CONFUSABLES = new Map<string, string>(CONFUSABLE_PAIRS.split(' ').map((p) => [p.charAt(0), p.charAt(1)] as [string, string]));
const CONFUSABLE_CHAR = new RegExp(`[${[...CONFUSABLES.keys()].join('')}]`, 'g');

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '|': 'l', '!': 'i' };
/**
 * One pass per leet character, replacing it where a letter stands beside it (`1gn0r3`,
 * `pr3v10u5`; not `10:30` or `2024`). A fixed replacement string per pass, because a
 * replace callback per match costs ~0.3 µs and adversarial text has 100 000 matches.
 */
const LEET_PASSES: readonly (readonly [RegExp, string])[] = Object.entries(LEET).map(([c, l]) => {
  const e = c.replace(/[$|!]/, '\\$&');
  return [new RegExp(`(?<=[a-z])${e}|${e}(?=[a-z])`, 'g'), l] as const;
});

/**
 * Single letters separated by one separator, four or more in a row (`i g n o r e`,
 * `i.g.n.o.r.e`, `i-g-n-o-r-e`). The repeated group holds no quantifier, so it cannot
 * backtrack beyond the run.
 */
const SPACED_RUN = /(?<![a-z])[a-z](?:[ .\-_*/|][a-z]){3,}(?![a-z])/g;
const SEPARATORS = /[ .\-_*/|]/g;

/** The de-obfuscated view of already-normalised text (see file comment). */
export function fold(norm: string, confusables: boolean): string {
  let s = norm;
  if (confusables) s = s.replace(CONFUSABLE_CHAR, (c) => CONFUSABLES.get(c) ?? c);
  for (const [re, letter] of LEET_PASSES) s = s.replace(re, letter);
  return s.replace(SPACED_RUN, (r) => r.replace(SEPARATORS, ''));
}

/**
 * The letters of every spaced-out run, each run squashed (`i g n o r e p r e v i o u s`
 * → `ignoreprevious`): word gaps inside such text are usually the same single space as
 * letter gaps, so phrases must be matched without separators (SQUASHED_PHRASES in
 * injection-rules.ts).
 */
export function squashedRuns(norm: string): string[] {
  const out: string[] = [];
  SPACED_RUN.lastIndex = 0;
  for (let m = SPACED_RUN.exec(norm); m !== null; m = SPACED_RUN.exec(norm)) out.push(m[0].replace(SEPARATORS, ''));
  return out;
}

/** ROT13 of ASCII letters. */
export function rot13(s: string): string {
  return s.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97));
}

export function reverse(s: string): string {
  return [...s].reverse().join('');
}

/** Every regex in this module, for the structural ReDoS test. */
export const NORMALISE_PATTERNS: readonly RegExp[] = [INVISIBLE, FEATURE_GATE, CONFUSABLE_CHAR, ...LEET_PASSES.map(([re]) => re), SPACED_RUN, SEPARATORS, LEET_TO_I, LEET_TO_L, LEET_RUN, DIGIT_RUN];
