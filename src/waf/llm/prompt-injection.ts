/**
 * Prompt-injection scanner: scores one prompt field against the rules in
 * injection-rules.ts and reports the categories that reach the threshold.
 *
 * Pipeline for one field (all tables built once, at module load):
 * 1. normalise (normalise.ts);
 * 2. one prefilter pass (three trie regexes, split by how anchors start) for every rule
 *    anchor, every rare word a rule requires, and the spaced-out, ROT13 and reversed
 *    spellings of a few watch-words (leetspeak is found from its digits, normalise.ts
 *    `hasLeetWord`). A benign 4 KiB chat costs this pass and little else;
 * 3. each anchor hit runs the rules starting with that anchor whose required words were
 *    seen and which the next character after the anchor does not rule out (next-char.ts:
 *    "if (" cannot start "if you read this"), sticky at the hit; each rule counts once per
 *    field, and is dropped when the guard (negation, reported speech, quoted examples) or
 *    the not-self check says so;
 * 4. de-obfuscation, only when step 2 or the text gave a reason: the folded view (leet,
 *    confusables, spaced letters), ROT13, reversed text, and decoded payloads (base64,
 *    hex, %XX/\x escapes, Unicode tag characters, variation-selector smuggling) are scored
 *    the same way; an attack found only there scores `obfuscated_payload`.
 *
 * Field kinds: 'text' and 'tool_result' are scored for every category, with tool-call
 * hijacking weighted ×0.4 in text (users legitimately ask the model to call tools and
 * paste chat templates) and ×1.5 in tool results (data has no business addressing the
 * assistant). 'tool_definition' reports only hijacking, and there every cue of any
 * category counts towards it: instructions inside a tool description are the hijack.
 */
import type { InjectionCategory } from './types.js';
import { encodedPayloads, hiddenText } from './decode.js';
import type { TextFacts } from './facts.js';
import {
  INJECTION_RULES, OBFUSCATION_WATCHWORDS, REVERSED_ANCHORS, ROT13_ANCHORS, SQUASHED_PHRASES, type InjectionRule,
} from './injection-rules.js';
import { literalToken, tokenTrieSource } from './literal-trie.js';
import { isWhitespace, nextCharFilters } from './next-char.js';
import {
  fold, HAS_ARABIC, HAS_CJK, HAS_CONFUSABLE_RANGE, HAS_CYRILLIC, HAS_HIDDEN_CARRIER, hasLeetWord, isAscii, normalise, reverse, rot13, squashedRuns, unicodeFeatures,
} from './normalise.js';

/** Category order of score arrays and bit masks (bit i = category i). */
export const INJECTION_CATEGORIES = [
  'instruction_override', 'roleplay_escape', 'system_prompt_exfiltration', 'obfuscated_payload', 'tool_call_hijacking',
] as const satisfies readonly InjectionCategory[];

const OBFUSCATED = 3;
const HIJACK = 4;

export type ScannedKind = 'text' | 'tool_result' | 'tool_definition';

/**
 * Category weights per field kind. Hijacking cues in user text count 0.4: users ask the
 * model to call tools, and developers paste chat-template code (`<|im_start|>system`,
 * which GPT tokenisers encode as plain text in user content anyway), so in text they only
 * add up with other cues. In tool results and definitions they count 1.5.
 */
const KIND_WEIGHTS: Readonly<Record<ScannedKind, readonly number[]>> = {
  text: [1, 1, 1, 1, 0.4],
  tool_result: [1, 1, 1, 1, 1.5],
  tool_definition: [1, 1, 1, 1, 1.5],
};

/** Scores added for obfuscation evidence. */
const HIDDEN_CHARACTERS = 1;
const ATTACK_IN_DECODED = 1;
/** A decodable text payload on its own is only a cue (a base64 config is normal). */
const TEXT_PAYLOAD = 0.4;
/**
 * Content that names one of the request's own tools (`send_email`, `transfer_funds`) is a
 * hijacking cue: data rarely mentions the caller's function names, injected orders do.
 */
const TOOL_NAME_MENTION = 0.5;
/**
 * Texts not worth scanning: shorter than any phrase ("忽略指令" is four characters), or a
 * single short word, which tool schemas are full of (`string`, `object`, `city`).
 */
const MIN_SCANNED_CHARS = 4;
const SINGLE_WORD = /^[A-Za-z0-9_.-]{1,32}$/;

/**
 * Safety net on sticky rule evaluations per scored view: one per character of the view.
 * Each evaluation is bounded (gaps are at most 60 characters) and an anchor is at least
 * two characters plus a separator with a handful of rules, so real and adversarial text
 * stay far below it (200 KB of "your your …" needs ~0.6 per character, ~26 ms); it only
 * guards against a rule table change that makes some anchor both very common and
 * expensive. Not a fixed number: a fixed cap could be exhausted by padding in front of an
 * attack.
 */
const EVALUATIONS_PER_CHAR = 8;

// ---- Compilation (module load)

interface CompiledRule {
  readonly index: number;
  readonly id: string;
  readonly category: number;
  readonly weight: number;
  readonly re: RegExp;
  readonly pattern: string;
  readonly anchors: readonly string[];
  readonly guard: boolean;
  readonly notSelf: boolean;
  readonly strongInText: boolean;
  /** Every group needs one alternative: a vocabulary word seen by the prefilter, or a substring. */
  readonly requires: readonly RequirementGroup[] | null;
}

interface RequirementGroup {
  /** Vocabulary ids (see VOCABULARY). */
  readonly words: readonly number[];
  /** Indices into SUBSTRINGS, checked with `includes`: common words (present early, so cheap) and non-words (`@`). */
  readonly substrings: readonly number[];
}

/** Prefilter hit meaning beyond its rules. */
const FLAG_LEET = 1;
const FLAG_SPACED = 2;
const FLAG_ROT13 = 4;
const FLAG_REVERSED = 8;

interface AnchorEntry {
  readonly rules: readonly CompiledRule[];
  readonly flags: number;
  /** Vocabulary ids this word proves present (itself and its vocabulary prefixes). */
  readonly marks: readonly number[];
  /** The anchor's length: where the text after it starts. */
  readonly length: number;
  /**
   * Per rule (same order as `rules`): next-char.ts nextCharFilter of the rule's pattern
   * after this anchor, the characters that can follow it (after whitespace) in a match.
   * Undefined until the rule is first evaluated here (nextCharFilterOf).
   */
  readonly next: (Uint8Array | null | undefined)[];
  readonly anchor: string;
}

/**
 * The rules' next-character filters by anchor, computed per rule at its first evaluation
 * (all its anchors from one analysis, ~0.3 ms a rule: too much for module load, where all
 * 120 would be analysed).
 */
const filtersByRule: (ReadonlyMap<string, Uint8Array | null> | undefined)[] = INJECTION_RULES.map(() => undefined);

function nextCharFilterOf(r: CompiledRule, anchor: string): Uint8Array | null {
  let filters = filtersByRule[r.index];
  if (filters === undefined) {
    const list = nextCharFilters(r.pattern, r.anchors);
    filters = filtersByRule[r.index] = new Map(r.anchors.map((a, i) => [a, list[i]!]));
  }
  // An anchor is always one of its rules' anchors (ANCHORS is built from them).
  return filters.get(anchor) ?? null;
}

/**
 * Requirement words looked up with `includes` instead of the prefilter: so common that
 * they are almost always present (an `includes` that finds its word early is ~0.2 µs;
 * one that scans 4 KiB in vain ~1–2 µs, which is why rare words go through the prefilter).
 */
const COMMON_WORDS = new Set(['you', 'your', 'and', 'then', 'do', 'run', 'me', 'at', 'ai', 'chat', 'http', 'www']);

/** Requirement words found by the prefilter, each with an id. */
const VOCABULARY: ReadonlyMap<string, number> = (() => {
  const v = new Map<string, number>();
  for (const r of INJECTION_RULES) {
    for (const group of r.requires ?? []) {
      for (const w of group) if (/^[a-z]/.test(w) && !COMMON_WORDS.has(w) && !v.has(w)) v.set(w, v.size);
    }
  }
  return v;
})();

/** Requirement words looked up with `includes` (not in VOCABULARY), each once per view at most. */
const SUBSTRINGS: readonly string[] = [...new Set(INJECTION_RULES.flatMap((r) => (r.requires ?? []).flat().filter((w) => !VOCABULARY.has(w))))];

const RULES: readonly CompiledRule[] = INJECTION_RULES.map((r: InjectionRule, index) => ({
  index,
  id: r.id,
  category: INJECTION_CATEGORIES.indexOf(r.category),
  weight: r.weight,
  re: new RegExp(r.pattern, 'y'),
  pattern: r.pattern,
  anchors: r.anchors,
  guard: r.guard === true,
  notSelf: r.notSelf === true,
  strongInText: r.strongInText === true,
  requires: r.requires === undefined
    ? null
    : r.requires.map((group) => ({
      words: group.filter((w) => VOCABULARY.has(w)).map((w) => VOCABULARY.get(w)!),
      substrings: group.filter((w) => !VOCABULARY.has(w)).map((w) => SUBSTRINGS.indexOf(w)),
    })),
}));

const ANCHORS: ReadonlyMap<string, AnchorEntry> = (() => {
  const rulesByAnchor = new Map<string, CompiledRule[]>();
  INJECTION_RULES.forEach((r, i) => {
    for (const a of r.anchors) {
      const list = rulesByAnchor.get(a) ?? [];
      list.push(RULES[i]!);
      rulesByAnchor.set(a, list);
    }
  });
  const table = new Map<string, AnchorEntry>();
  const all = new Set([...rulesByAnchor.keys(), ...VOCABULARY.keys(), ...ROT13_ANCHORS, ...REVERSED_ANCHORS]);
  for (const a of all) {
    // Rule anchors are whole words; vocabulary words are stems, so a word also marks the
    // vocabulary words it starts with ("instructions" marks "instruction").
    const rules = rulesByAnchor.get(a) ?? [];
    const marks: number[] = [];
    for (const [w, id] of VOCABULARY) if (a.startsWith(w)) marks.push(id);
    const flags = (ROT13_ANCHORS.includes(a) ? FLAG_ROT13 : 0) | (REVERSED_ANCHORS.includes(a) ? FLAG_REVERSED : 0);
    table.set(a, { rules, flags, marks, length: a.length, next: rules.map(() => undefined), anchor: a });
  }
  return table;
})();

/**
 * ANCHORS as open hash buckets, for the hot lookup of every prefilter match (~100 per
 * 4 KiB chat). The key is read from the text (length, first, middle and last character),
 * so a match is neither hashed nor, usually, compared: a match is either an anchor or a
 * watch-word spelled out with separators (`i g n o r e`, second character a separator),
 * so when its bucket holds a single anchor and its second character is no separator, it
 * is that anchor. `Map.get` of the match string costs ~25 ns, this ~5 (Node 24).
 */
const ANCHOR_BUCKETS_MASK = 8191;
function anchorKey(text: string, at: number, len: number): number {
  return (((len * 31 + text.charCodeAt(at)) * 31 + text.charCodeAt(at + len - 1)) * 31 + text.charCodeAt(at + (len >> 1))) & ANCHOR_BUCKETS_MASK;
}
const ANCHOR_BUCKETS: readonly (readonly (string | AnchorEntry)[] | null)[] = (() => {
  const buckets: ((string | AnchorEntry)[] | null)[] = new Array<(string | AnchorEntry)[] | null>(ANCHOR_BUCKETS_MASK + 1).fill(null);
  for (const [a, entry] of ANCHORS) (buckets[anchorKey(a, 0, a.length)] ??= []).push(a, entry);
  return buckets;
})();
/** The SPACING class. */
function isSeparator(c: number): boolean {
  return c === 32 || c === 46 || c === 45 || c === 95 || c === 42 || c === 47 || c === 124;
}
/** ANCHORS.get(m[0]) for a match `m` of a prefilter over `text`. */
function anchorEntry(text: string, m: RegExpExecArray, len: number): AnchorEntry | undefined {
  const at = m.index;
  const bucket = ANCHOR_BUCKETS[anchorKey(text, at, len)];
  if (bucket === null || bucket === undefined) return undefined;
  if (bucket.length === 2 && !isSeparator(text.charCodeAt(at + 1))) return bucket[1] as AnchorEntry;
  const s = m[0];
  for (let i = 0; i < bucket.length; i += 2) if (bucket[i] === s) return bucket[i + 1] as AnchorEntry;
  return undefined;
}

/** Words whose leetspeak spelling makes the scanner build the folded view. */
const LEET_WATCH: ReadonlySet<string> = new Set([...OBFUSCATION_WATCHWORDS, ...[...ANCHORS.keys()].filter((a) => /^[a-z]{5,}$/.test(a) && ANCHORS.get(a)!.rules.length > 0)]);
const SPACING = '[ .\\-_*/|]';
{
  // anchorEntry's isSeparator must be exactly this class.
  const spacing = new RegExp(`^${SPACING}$`);
  for (let c = 0; c < 128; c++) if (spacing.test(String.fromCharCode(c)) !== isSeparator(c)) throw new Error('prompt-injection: isSeparator disagrees with SPACING');
}

/** Scripts of non-ASCII anchors: each gets its own prefilter, run only when the text has that script. */
const SCRIPTS: readonly { readonly name: string; readonly first: RegExp; readonly flag: number }[] = [
  { name: 'cyrillic', first: /^[\u0400-\u04ff]/, flag: HAS_CYRILLIC },
  { name: 'arabic', first: /^[\u0600-\u06ff]/, flag: HAS_ARABIC },
  { name: 'cjk', first: /^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/, flag: HAS_CJK },
];

/**
 * The prefilter, split by how an anchor starts, because irregexp is only fast on an
 * alternation it can enter at few positions (measured on a 4 KiB chat, Node 24: one regex
 * `\b(?:words)|(?:symbols)` 32 µs, the same split ~12 µs in total; one regex for all
 * non-ASCII anchors costs ~35 µs on English text with a few curly quotes, so each script
 * has its own, run only when normalise.ts `unicodeFeatures` saw the script):
 * - WORDS: anchors starting with an ASCII word character, behind `\b` (so `do` does not
 *   fire inside `undo`), plus the spaced-out spellings of the watch-words;
 * - SYMBOLS: `<|`, `</`, `[inst]`, `![`, …, run only when the text has `<`, `[` or `![`
 *   (single-character `includes` is a native memchr; a `[<[!]` regex test scans at ~3 ns/char);
 * - one per script in SCRIPTS (Cyrillic, Arabic, CJK).
 */
const [PREFILTER_WORDS, PREFILTER_SYMBOLS, PREFILTER_SCRIPTS] = ((): [RegExp, RegExp | null, readonly { flag: number; re: RegExp }[]] => {
  const words: string[][] = [];
  const symbols: string[][] = [];
  const byScript = new Map<number, string[][]>();
  for (const a of ANCHORS.keys()) {
    const tokens = [...a].map(literalToken);
    // A rule anchor must end where the word ends (`no` is not `node`, `git` not `github`);
    // a vocabulary word is a stem (`polic` for policy and policies).
    if (/[a-z0-9_]$/.test(a) && !VOCABULARY.has(a)) tokens.push('\\b');
    if (/^[a-z0-9_]/.test(a)) {
      words.push(tokens);
    } else if (ANCHORS.get(a)!.marks.length > 0) {
      // collect() relies on vocabulary marks arriving in ascending order, i.e. from WORDS only.
      throw new Error(`injection rules: anchor ${JSON.stringify(a)} marks vocabulary words but is not a word`);
    } else if (/^[\x00-\x7f]/.test(a)) {
      if (!a.includes('<') && !a.includes('[')) throw new Error(`injection rules: symbol anchor ${JSON.stringify(a)} has neither < nor [ (scoreView's gate)`);
      symbols.push(tokens);
    } else {
      const i = SCRIPTS.findIndex((sc) => sc.first.test(a));
      if (i < 0) throw new Error(`injection rules: anchor ${JSON.stringify(a)} starts with a script the prefilter does not know`);
      const list = byScript.get(i) ?? [];
      list.push(tokens);
      byScript.set(i, list);
    }
  }
  for (const w of OBFUSCATION_WATCHWORDS) {
    const spaced: string[] = [];
    for (const c of w) spaced.push(literalToken(c), SPACING);
    words.push(spaced.slice(0, -1));
  }
  return [
    new RegExp(`\\b${tokenTrieSource(words)}`, 'g'),
    symbols.length > 0 ? new RegExp(tokenTrieSource(symbols), 'g') : null,
    [...byScript].map(([i, list]) => ({ flag: SCRIPTS[i]!.flag, re: new RegExp(tokenTrieSource(list), 'g') })),
  ];
})();

/**
 * The words before a match that make it something other than an instruction to the
 * model: negation ("do not reveal your system prompt"), reported speech ("users may ask
 * you to ignore your instructions"), a condition ("if asked to …") or a quoted example
 * ("phrases such as 'ignore previous instructions'"). Tested on the 64 characters before
 * the anchor.
 */
const GUARD = new RegExp([
  String.raw`(?:\b(?:not|never|nor|cannot|refuse\s{1,4}to|avoid|under\s{1,4}no\s{1,4}circumstances)|n't)\b[a-z', ]{0,30}$`,
  String.raw`\b(?:users?|someone|anyone|somebody|people|they|attackers?|adversar(?:y|ies)|documents?|content|text|messages?|inputs?|emails?|pages?|websites?|tools?|it|others?)\b[a-z' ]{0,24}\b(?:ask|asks|asked|asking|tell|tells|told|telling|instruct|instructs|instructed|request|requests|requested|try|tries|tried|trying|attempt|attempts|attempted|trick|tricks|convince|convinces|persuade|persuades|want|wants|urge|urges|direct|directs)\b[a-z' ]{0,20}$`,
  String.raw`\bif\b[a-z' ]{0,30}\b(?:asked|told|instructed|requested|ask|asks|tell|tells)\b[a-z' ]{0,20}$`,
  String.raw`\b(?:such\s{1,4}as|like|e\.g\.|for\s{1,4}example|for\s{1,4}instance|called|known\s{1,4}as|phrases?|attacks?|examples?|includ(?:e|es|ing)|contain(?:s|ing)?|detects?|detecting|flags?|blocks?|blocking|classif(?:y|ies))[:,]?\s{0,2}["'“‘«\x60]?$`,
].join('|'));
const GUARD_WINDOW = 64;
/** "ignore my previous instructions" is a user correcting themselves. */
const SELF = /\b(?:my|our|i|i've|i'd|i'm)\b/;
const HAS_SEPARATOR = /[ .\-_*/|]/;

// ---- Scoring
//
// Scoring state lives in module-level buffers reused by every call: scoring is synchronous
// and one view is collected and evaluated before the next starts, so one set serves all
// views and scanners. On a benign 4 KiB chat this saves a View object, a vocabulary table
// and a dozen small arrays per field (measured, Node 24: ~3 µs per request of allocation
// and GC). A stamp per scored view marks what belongs to it, so nothing is cleared.

/** Current view's stamp (see `beginView`). */
let stamp = 0;
/** Anchor hits of the current view, in prefilter order: position and entry. */
let hitAt: number[] = [];
let hitEntry: AnchorEntry[] = [];
let hitCount = 0;
/** Per vocabulary id: the positions (ascending) where the prefilter saw it, valid when its stamp is current. */
const vocabAt: number[][] = Array.from({ length: VOCABULARY.size }, () => []);
const vocabCount = new Int32Array(VOCABULARY.size);
const vocabStamp = new Uint32Array(VOCABULARY.size);
/** Per rule: fired in the current view when its stamp is current. */
const firedStamp = new Uint32Array(RULES.length);
/** Per substring requirement: looked up in the current view when its stamp is current, and the answer. */
const substringStamp = new Uint32Array(SUBSTRINGS.length);
const substringFound = new Uint8Array(SUBSTRINGS.length);
/** Buffers grown beyond this by a huge input are dropped rather than kept for the process's life. */
const KEEP_CAPACITY = 4096;

function beginView(): void {
  if (++stamp === 0xffffffff) {
    stamp = 1;
    vocabStamp.fill(0);
    firedStamp.fill(0);
    substringStamp.fill(0);
  }
  if (hitAt.length > KEEP_CAPACITY) {
    hitAt = [];
    hitEntry = [];
  }
  hitCount = 0;
}

/** Phase 1: record every prefilter hit of `re` in the view; returns the prefilter flags seen. */
function collect(norm: string, re: RegExp): number {
  let flags = 0;
  re.lastIndex = 0;
  for (let m = re.exec(norm); m !== null; m = re.exec(norm)) {
    const entry = anchorEntry(norm, m, re.lastIndex - m.index);
    if (entry === undefined) {
      // A watch-word spelled out with separators (`i g n o r e`).
      if (HAS_SEPARATOR.test(m[0])) flags |= FLAG_SPACED;
      continue;
    }
    flags |= entry.flags;
    const at = m.index;
    const marks = entry.marks;
    for (let k = 0; k < marks.length; k++) {
      const id = marks[k]!;
      if (vocabStamp[id] !== stamp) {
        vocabStamp[id] = stamp;
        vocabCount[id] = 0;
        if (vocabAt[id]!.length > KEEP_CAPACITY) vocabAt[id] = [];
      }
      vocabAt[id]![vocabCount[id]!++] = at;
    }
    if (entry.rules.length > 0) {
      hitAt[hitCount] = at;
      hitEntry[hitCount++] = entry;
    }
  }
  return flags;
}

/**
 * How far after its anchor a rule's required words may be (the longest pattern, gaps
 * included, spans ~150 characters). Checking the window and not just the text matters for
 * adversarial input: in "ignore ignore … ignore all previous instructions" only the last
 * few anchors have "instructions" within reach, so the others cost a binary search
 * instead of a failed sticky match each.
 */
const REQUIREMENT_WINDOW = 200;

/** The prefilter saw vocabulary word `id` within [from, from + REQUIREMENT_WINDOW] of the current view. */
function within(id: number, from: number): boolean {
  if (vocabStamp[id] !== stamp) return false;
  const positions = vocabAt[id]!;
  let lo = 0;
  let hi = vocabCount[id]!;
  const n = hi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && positions[lo]! <= from + REQUIREMENT_WINDOW;
}

function requirementsMet(norm: string, requires: readonly RequirementGroup[], at: number): boolean {
  for (let g = 0; g < requires.length; g++) {
    const group = requires[g]!;
    let any = false;
    for (let k = 0; k < group.words.length; k++) {
      if (within(group.words[k]!, at)) {
        any = true;
        break;
      }
    }
    if (!any) {
      for (let k = 0; k < group.substrings.length; k++) {
        const s = group.substrings[k]!;
        if (substringStamp[s] !== stamp) {
          substringStamp[s] = stamp;
          substringFound[s] = norm.includes(SUBSTRINGS[s]!) ? 1 : 0;
        }
        if (substringFound[s] === 1) {
          any = true;
          break;
        }
      }
    }
    if (!any) return false;
  }
  return true;
}

/** Phase 2: run the rules at each hit, each rule until it fires once. */
function evaluate(norm: string, weights: readonly number[], scores: Float64Array, trace: string[] | null): void {
  let evaluations = 0;
  const maxEvaluations = 64 + norm.length * EVALUATIONS_PER_CHAR;
  const current = stamp;
  for (let h = 0; h < hitCount; h++) {
    const at = hitAt[h]!;
    const entry = hitEntry[h]!;
    const rules = entry.rules;
    /** The first code unit after the anchor and any whitespace (-1: end of text), once needed. */
    let next = -2;
    for (let k = 0; k < rules.length; k++) {
      const r = rules[k]!;
      if (firedStamp[r.index] === current) continue;
      if (r.requires !== null && !requirementsMet(norm, r.requires, at)) continue;
      if (++evaluations > maxEvaluations) return;
      let filter = entry.next[k];
      if (filter === undefined) filter = entry.next[k] = nextCharFilterOf(r, entry.anchor);
      if (filter !== null) {
        if (next === -2) {
          let q = at + entry.length;
          while (q < norm.length && isWhitespace(norm.charCodeAt(q))) q++;
          next = q < norm.length ? norm.charCodeAt(q) : -1;
        }
        // The character rules the match out: the sticky match would fail.
        if (next === -1 || (next < 128 && filter[next] === 0)) continue;
      }
      r.re.lastIndex = at;
      if (r.notSelf) {
        const hit = r.re.exec(norm);
        if (hit === null || SELF.test(hit[0])) continue;
      } else if (!r.re.test(norm)) {
        continue;
      }
      if (r.guard && GUARD.test(norm.slice(Math.max(0, at - GUARD_WINDOW), at))) continue;
      firedStamp[r.index] = current;
      const w = weights[r.category]!;
      scores[r.category]! += r.weight * (r.strongInText && w < 1 ? 1 : w);
      trace?.push(r.id);
    }
  }
}

/** Score one view of the text into `scores`; returns the prefilter flags seen. `features`: unicodeFeatures of the text (0 for ASCII). */
function scoreView(norm: string, features: number, weights: readonly number[], scores: Float64Array, trace: string[] | null): number {
  beginView();
  let flags = collect(norm, PREFILTER_WORDS);
  // Every symbol anchor contains `<` or `[` (checked when the prefilter is built).
  if (PREFILTER_SYMBOLS !== null && (norm.includes('<') || norm.includes('['))) flags |= collect(norm, PREFILTER_SYMBOLS);
  for (const p of PREFILTER_SCRIPTS) if ((features & p.flag) !== 0) flags |= collect(norm, p.re);
  if (hitCount > 0) evaluate(norm, weights, scores, trace);
  return flags;
}

export interface InjectionScanner {
  /**
   * Bit mask of INJECTION_CATEGORIES that reached the threshold in this field.
   * `toolNames`: the request's tool names, lower case (see TOOL_NAME_MENTION).
   * `facts`: facts.ts textFacts(text) when the caller has them already.
   */
  scan(text: string, kind: ScannedKind, toolNames?: readonly string[], facts?: TextFacts): number;
  /** The same, with per-category scores and the rule ids that fired (tests, tuning). */
  explain(text: string, kind: ScannedKind, toolNames?: readonly string[]): { readonly mask: number; readonly scores: Readonly<Record<InjectionCategory, number>>; readonly rules: readonly string[] };
}

const NO_STRINGS: readonly string[] = Object.freeze([]);
/** `scan`'s scores, reused: a scan reads them before it returns and scans never nest. */
const SCAN_SCORES = new Float64Array(INJECTION_CATEGORIES.length);
const NO_TOOLS = NO_STRINGS;

export function createInjectionScanner(opts: { readonly threshold: number }): InjectionScanner {
  const threshold = opts.threshold;

  const maskOf = (scores: Float64Array): number => {
    let mask = 0;
    for (let c = 0; c < scores.length; c++) if (scores[c]! >= threshold) mask |= 1 << c;
    return mask;
  };

  /** Categories (other than obfuscation) an extra view of the text reaches on its own. */
  const viewMask = (view: string, features: number, weights: readonly number[], trace: string[] | null): number => {
    const s = new Float64Array(INJECTION_CATEGORIES.length);
    scoreView(view, features, weights, s, trace);
    return maskOf(s) & ~(1 << OBFUSCATED);
  };

  /** Scores `text` into `scores` (all zero on entry). */
  const run = (text: string, kind: ScannedKind, toolNames: readonly string[], trace: string[] | null, scores: Float64Array, facts?: TextFacts): Float64Array => {
    const weights = KIND_WEIGHTS[kind] ?? KIND_WEIGHTS.text; // a kind added later is scored as text
    if (text.length < MIN_SCANNED_CHARS || (text.length <= 32 && SINGLE_WORD.test(text))) return scores;
    const ascii = isAscii(text);
    const features = ascii ? 0 : unicodeFeatures(text);
    const norm = normalise(text, ascii, features);
    let flags = scoreView(norm, features, weights, scores, trace);
    // Digit runs of the text hold for `norm` only where lower-casing kept every position (ASCII).
    if (hasLeetWord(norm, LEET_WATCH, ascii ? facts?.digitRuns : undefined)) flags |= FLAG_LEET;
    if (kind !== 'tool_definition') {
      for (const name of toolNames) {
        if (norm.includes(name)) {
          scores[HIJACK]! += TOOL_NAME_MENTION * weights[HIJACK]!;
          trace?.push('hijack.defined_tool_named');
          break;
        }
      }
    }
    const plain = maskOf(scores);

    let obfuscation = 0;
    let hiddenDecoded: readonly string[] = NO_STRINGS;
    if ((features & HAS_HIDDEN_CARRIER) !== 0) {
      const hidden = hiddenText(text);
      if (hidden.found) {
        obfuscation += HIDDEN_CHARACTERS;
        trace?.push('obfuscation.hidden_characters');
        hiddenDecoded = hidden.decoded;
      }
    }
    const confusable = (features & HAS_CONFUSABLE_RANGE) !== 0;
    if ((flags & (FLAG_LEET | FLAG_SPACED)) !== 0 || confusable) {
      // Only what the folded view adds: it also contains everything the plain view found.
      if ((viewMask(fold(norm, confusable), features, weights, trace) & ~plain) !== 0) {
        obfuscation += ATTACK_IN_DECODED;
        trace?.push('obfuscation.folded');
      }
    }
    if ((flags & FLAG_SPACED) !== 0) {
      for (const run of squashedRuns(norm)) {
        if (SQUASHED_PHRASES.some((p) => p.pattern.test(run))) {
          obfuscation += ATTACK_IN_DECODED;
          trace?.push('obfuscation.spaced_letters');
          break;
        }
      }
    }
    if ((flags & FLAG_ROT13) !== 0 && viewMask(rot13(norm), features, weights, trace) !== 0) {
      obfuscation += ATTACK_IN_DECODED;
      trace?.push('obfuscation.rot13');
    }
    if ((flags & FLAG_REVERSED) !== 0 && viewMask(reverse(norm), features, weights, trace) !== 0) {
      obfuscation += ATTACK_IN_DECODED;
      trace?.push('obfuscation.reversed');
    }
    const payloads = encodedPayloads(text, facts?.b64Runs);
    let textPayload = false;
    // Hidden text first, then encoded payloads.
    for (let k = 0; k < hiddenDecoded.length + payloads.length; k++) {
      const d = k < hiddenDecoded.length ? hiddenDecoded[k]! : payloads[k - hiddenDecoded.length]!;
      const dFeatures = isAscii(d) ? 0 : unicodeFeatures(d);
      if (viewMask(normalise(d, dFeatures === 0 && isAscii(d), dFeatures), dFeatures, weights, trace) !== 0) {
        obfuscation += ATTACK_IN_DECODED;
        trace?.push('obfuscation.encoded_attack');
      } else {
        textPayload = true;
      }
    }
    if (textPayload) {
      obfuscation += TEXT_PAYLOAD;
      trace?.push('obfuscation.text_payload');
    }
    scores[OBFUSCATED]! += obfuscation * weights[OBFUSCATED]!;

    if (kind === 'tool_definition') {
      // Every cue counts as hijacking; nothing else is reported for tool definitions.
      let total = 0;
      for (let c = 0; c < scores.length; c++) total += scores[c]!;
      scores.fill(0);
      scores[HIJACK] = total;
    }
    return scores;
  };

  return {
    scan(text, kind, toolNames = NO_TOOLS, facts) {
      for (let c = 0; c < SCAN_SCORES.length; c++) SCAN_SCORES[c] = 0;
      return maskOf(run(text, kind, toolNames, null, SCAN_SCORES, facts));
    },
    explain(text, kind, toolNames = NO_TOOLS) {
      const trace: string[] = [];
      const scores = run(text, kind, toolNames, trace, new Float64Array(INJECTION_CATEGORIES.length));
      const record = Object.fromEntries(INJECTION_CATEGORIES.map((c, i) => [c, scores[i]!])) as Record<InjectionCategory, number>;
      return { mask: maskOf(scores), scores: record, rules: trace };
    },
  };
}

/** Every regex this module runs besides the rules, for the structural ReDoS test. */
export const INJECTION_PATTERNS: readonly RegExp[] = [PREFILTER_WORDS, PREFILTER_SYMBOLS, ...PREFILTER_SCRIPTS.map((p) => p.re), GUARD, SELF, HAS_SEPARATOR, SINGLE_WORD].filter(
  (r): r is RegExp => r !== null,
);
