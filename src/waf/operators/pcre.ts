/**
 * PCRE (as ModSecurity v2 compiles @rx: PCRE_DOTALL | PCRE_DOLLAR_ENDONLY, non-UTF,
 * C-locale tables) → JavaScript RegExp source over byte strings.
 *
 * Output is always compiled with the `s` flag and never with `i` or `m` (see
 * regex-safety.ts: the linear engine rejects `i`). Translations:
 * - inline options `(?i)`, `(?-i)`, `(?s)`, `(?m)`, `(?i:…)`, anywhere, scoped to the
 *   enclosing group as in PCRE; `(?i)` is applied by folding ASCII letters into classes
 *   (`a` → `[aA]`, `[a-f]` → `[a-fA-F]`), which is exactly PCRE's C-locale folding (JS `i`
 *   would also fold latin1 letters);
 * - `\x{HH}` → the byte; `\o{…}`, `\e`, `\a`, `\cX`; `\Q…\E` literals; `(?#…)` comments;
 *   `(?P<name>` → `(?<name>`; POSIX classes `[[:alpha:]]`;
 * - `\A` → `^`, `\z` → `$`, `\Z` → `(?=\n?$)`; `$` stays end-only (DOLLAR_ENDONLY);
 * - `\s` → `[\t-\r ]` (PCRE includes \v; JS would add \xA0 in a byte string), `\h`, `\v`
 *   (PCRE: vertical space class), `\R`, `\N`, and their negations;
 * - literal `{` that is not a quantifier is escaped.
 * - possessive quantifiers `*+ ++ ?+ {n}+` become greedy ones and are listed in `widened`:
 *   every match a possessive quantifier allows, the greedy one allows too, so the JS pattern
 *   matches a superset (a WAF errs towards detection), and it stays linear-engine eligible,
 *   which an exact emulation (`(?=(X*))\1`) would not be.
 * Not translatable (throws PcreUnsupportedError with the feature): atomic groups `(?>`,
 * `\K`, `\G`, `\X`, `\C`, `\p{…}`, recursion and
 * conditionals, `(?x)`, and code points above 0xFF (invalid in non-UTF PCRE too).
 */

export class PcreUnsupportedError extends Error {
  readonly feature: string;

  constructor(feature: string, pos: number) {
    super(`unsupported PCRE feature ${feature} at offset ${pos}`);
    this.name = 'PcreUnsupportedError';
    this.feature = feature;
  }
}

export interface TranslatedPattern {
  readonly source: string;
  readonly flags: string;
  /** Number of capturing groups. */
  readonly groups: number;
  /** Constructs translated to something that may match more (see the file comment). */
  readonly widened: readonly string[];
}

interface Opts {
  caseless: boolean;
  dotall: boolean;
  multiline: boolean;
}

type Range = [number, number];

/** Largest quantifier count V8's linear engine accepts (measured on V8 13.6: `a{16}` ok, `a{17}` rejected). */
const LINEAR_MAX_COUNT = 16;

const S_RANGES: Range[] = [[0x09, 0x0d], [0x20, 0x20]];
const H_RANGES: Range[] = [[0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0]];
const V_RANGES: Range[] = [[0x0a, 0x0d], [0x85, 0x85]];
const POSIX: Record<string, Range[]> = {
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  digit: [[0x30, 0x39]],
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  upper: [[0x41, 0x5a]],
  lower: [[0x61, 0x7a]],
  space: S_RANGES,
  blank: [[0x09, 0x09], [0x20, 0x20]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  print: [[0x20, 0x7e]],
  graph: [[0x21, 0x7e]],
  ascii: [[0x00, 0x7f]],
};

export function translatePcre(pattern: string): TranslatedPattern {
  return new Translator(pattern).run();
}

class Translator {
  private readonly p: string;
  private i = 0;
  private out = '';
  private groups = 0;
  private opts: Opts = { caseless: false, dotall: true, multiline: false };
  private readonly stack: Opts[] = [];
  /** Output offset / group count where each open group started (for quantified groups). */
  private readonly groupStarts: [number, number][] = [];
  /** Output offset and group count at the start of the last complete atom. */
  private atomStart = 0;
  private atomGroups = 0;
  private readonly widened: string[] = [];

  constructor(p: string) {
    this.p = p;
  }

  run(): TranslatedPattern {
    const p = this.p;
    while (this.i < p.length) {
      const c = p.charCodeAt(this.i);
      if (c !== 0x29 && c !== 0x2a && c !== 0x2b && c !== 0x3f && c !== 0x7b) {
        this.atomStart = this.out.length;
        this.atomGroups = this.groups;
      }
      switch (c) {
        case 0x5c: this.escape(); break; // \
        case 0x5b: this.charClass(); break; // [
        case 0x28: this.groupOpen(); break; // (
        case 0x29: { // )
          this.opts = this.stack.pop() ?? this.opts;
          const g = this.groupStarts.pop();
          if (g !== undefined) [this.atomStart, this.atomGroups] = g;
          this.out += ')';
          this.i++;
          break;
        }
        case 0x7d: // } (a stray one is a literal)
          this.out += '\\}';
          this.i++;
          break;
        case 0x2e: // .
          this.out += this.opts.dotall ? '.' : '[^\\n]';
          this.i++;
          break;
        case 0x5e: // ^
          this.out += this.opts.multiline ? '(?<=^|\\n)' : '^';
          this.i++;
          break;
        case 0x24: // $
          this.out += this.opts.multiline ? '(?=\\n|$)' : '$';
          this.i++;
          break;
        case 0x2a: case 0x2b: case 0x3f: // * + ?
          this.out += p[this.i];
          this.i++;
          this.quantifierSuffix();
          break;
        case 0x7b: { // {
          const m = /^\{\d+(?:,\d*)?\}/.exec(p.slice(this.i, this.i + 24));
          if (m === null) {
            this.atomStart = this.out.length;
            this.atomGroups = this.groups;
            this.out += '\\{';
            this.i++;
          } else {
            this.i += m[0].length;
            this.boundedQuantifier(m[0]);
          }
          break;
        }
        case 0x7c: // |
          this.out += '|';
          this.i++;
          break;
        default:
          this.literal(c);
          this.i++;
      }
    }
    return { source: this.out, flags: 's', groups: this.groups, widened: this.widened };
  }

  private pushGroup(): void {
    this.stack.push({ ...this.opts });
    this.groupStarts.push([this.out.length, this.groups]);
  }

  /**
   * `{n}`, `{n,}`, `{n,m}`. V8's linear engine refuses any quantifier whose count exceeds
   * 16 (and nested counts multiply), so larger bounds are expanded into an equivalent
   * form it accepts: n copies of the atom, then `m-n` nested optionals
   * `(?:X(?:X(?:X)?)?)?` — unambiguous, same greedy/lazy order — or `X*` for `{n,}`.
   * Atoms containing capturing groups are left alone (copies would renumber groups).
   */
  private boundedQuantifier(q: string): void {
    const m = /^\{(\d+)(,(\d*))?\}$/.exec(q)!;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    let lazy = false;
    const n = this.p.charCodeAt(this.i);
    if (n === 0x2b) this.possessive();
    else if (n === 0x3f) {
      lazy = true;
      this.i++;
    }
    const big = min > LINEAR_MAX_COUNT || (max !== Infinity && max > LINEAR_MAX_COUNT);
    if (!big || this.groups !== this.atomGroups || max < min || (max !== Infinity && max - min > 4096) || min > 4096) {
      this.out += q + (lazy ? '?' : '');
      return;
    }
    const atom = this.out.slice(this.atomStart);
    const x = `(?:${atom})`;
    let s = x.repeat(min);
    if (max === Infinity) {
      s += `${x}*${lazy ? '?' : ''}`;
    } else {
      const opt = lazy ? ')??' : ')?';
      let nest = '';
      for (let k = 0; k < max - min; k++) nest = `(?:${atom}${nest}${opt}`;
      s += nest;
    }
    this.out = this.out.slice(0, this.atomStart) + `(?:${s})`;
  }

  private quantifierSuffix(): void {
    const n = this.p.charCodeAt(this.i);
    if (n === 0x2b) this.possessive();
    else if (n === 0x3f) {
      this.out += '?';
      this.i++;
    }
  }

  private possessive(): void {
    this.widened.push(`possessive quantifier at offset ${this.i} runs as greedy`);
    this.i++;
  }

  private literal(c: number): void {
    if (this.opts.caseless && isAsciiLetter(c)) {
      this.out += `[${String.fromCharCode(c)}${String.fromCharCode(c ^ 0x20)}]`;
    } else {
      this.out += escapeLiteral(c);
    }
  }

  private groupOpen(): void {
    const p = this.p;
    const start = this.i;
    this.i++;
    if (p[this.i] !== '?') {
      if (p[this.i] === '*') throw new PcreUnsupportedError('(*VERB)', start);
      this.pushGroup();
      this.groups++;
      this.out += '(';
      return;
    }
    this.i++;
    const k = p[this.i];
    if (k === ':' || k === '=' || k === '!') {
      this.pushGroup();
      this.out += `(?${k}`;
      this.i++;
      return;
    }
    if (k === '<' && (p[this.i + 1] === '=' || p[this.i + 1] === '!')) {
      this.pushGroup();
      this.out += `(?<${p[this.i + 1]}`;
      this.i += 2;
      return;
    }
    if (k === '<' || k === 'P' || k === "'") {
      const m = /^(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(p.slice(this.i, this.i + 40));
      if (m === null) throw new PcreUnsupportedError(`(?${k}`, start);
      this.pushGroup();
      this.groups++;
      this.out += `(?<${m[1] ?? m[2]}>`;
      this.i += m[0].length;
      return;
    }
    if (k === '#') {
      const end = p.indexOf(')', this.i);
      if (end === -1) throw new PcreUnsupportedError('unterminated (?#', start);
      this.i = end + 1;
      return;
    }
    if (k === '>') throw new PcreUnsupportedError('atomic group (?>', start);
    // Option setting: (?imsx-imsx) or (?imsx-imsx: … )
    const m = /^([imsxJU]*)(?:-([imsxJU]*))?([:)])/.exec(p.slice(this.i, this.i + 20));
    if (m === null) throw new PcreUnsupportedError(`(?${k ?? ''}`, start);
    const next: Opts = { ...this.opts };
    applyOptions(next, m[1] ?? '', true, start);
    applyOptions(next, m[2] ?? '', false, start);
    this.i += m[0].length;
    if (m[3] === ')') {
      this.opts = next; // rest of the enclosing group
    } else {
      this.pushGroup();
      this.opts = next;
      this.out += '(?:';
    }
  }

  /** Escape outside a class. */
  private escape(): void {
    const p = this.p;
    const start = this.i;
    const e = p[this.i + 1];
    if (e === undefined) throw new PcreUnsupportedError('trailing backslash', start);
    this.i += 2;
    switch (e) {
      case 'd': case 'D': case 'w': case 'W': case 'b': case 'B':
        this.out += `\\${e}`;
        return;
      case 's': this.out += classOf(S_RANGES, false); return;
      case 'S': this.out += classOf(S_RANGES, true); return;
      case 'h': this.out += classOf(H_RANGES, false); return;
      case 'H': this.out += classOf(H_RANGES, true); return;
      case 'v': this.out += classOf(V_RANGES, false); return;
      case 'V': this.out += classOf(V_RANGES, true); return;
      case 'N': this.out += '[^\\n]'; return;
      case 'R': this.out += '(?:\\r\\n|[\\n-\\r\\x85])'; return;
      case 'A': this.out += '^'; return;
      case 'z': this.out += '$'; return;
      case 'Z': this.out += '(?=\\n?$)'; return;
      case 'Q': {
        let end = p.indexOf('\\E', this.i);
        if (end === -1) end = p.length;
        for (let j = this.i; j < end; j++) this.literal(p.charCodeAt(j));
        this.i = Math.min(end + 2, p.length);
        return;
      }
      case 'E': return;
      case 'K': case 'G': case 'X': case 'C': case 'p': case 'P': case 'g': case 'k':
        throw new PcreUnsupportedError(`\\${e}`, start);
      default:
        break;
    }
    if (e >= '1' && e <= '9') {
      const m = /^\d+/.exec(p.slice(this.i - 1))!;
      this.out += `\\${m[0]}`;
      this.i += m[0].length - 1;
      return;
    }
    this.i = start;
    const code = this.charEscape();
    this.literal(code);
  }

  /**
   * Parses a single-character escape at this.i (pointing at the backslash) and returns its
   * byte value; advances past it. Used inside and outside classes.
   */
  private charEscape(): number {
    const p = this.p;
    const start = this.i;
    const e = p[this.i + 1]!;
    this.i += 2;
    switch (e) {
      case 'a': return 0x07;
      case 'e': return 0x1b;
      case 'f': return 0x0c;
      case 'n': return 0x0a;
      case 'r': return 0x0d;
      case 't': return 0x09;
      case 'c': {
        const x = p.charCodeAt(this.i);
        this.i++;
        return (x >= 0x61 && x <= 0x7a ? x - 0x20 : x) ^ 0x40;
      }
      case 'x': {
        if (p[this.i] === '{') {
          const end = p.indexOf('}', this.i);
          const hex = p.slice(this.i + 1, end);
          if (end === -1 || !/^[0-9a-fA-F]+$/.test(hex)) throw new PcreUnsupportedError('\\x{', start);
          this.i = end + 1;
          return checkByte(parseInt(hex, 16), start);
        }
        const m = /^[0-9a-fA-F]{0,2}/.exec(p.slice(this.i, this.i + 2))!;
        this.i += m[0].length;
        return m[0] === '' ? 0 : parseInt(m[0], 16);
      }
      case 'o': {
        const end = p.indexOf('}', this.i);
        const oct = p.slice(this.i + 1, end);
        if (p[this.i] !== '{' || end === -1 || !/^[0-7]+$/.test(oct)) throw new PcreUnsupportedError('\\o', start);
        this.i = end + 1;
        return checkByte(parseInt(oct, 8), start);
      }
      case '0': {
        const m = /^[0-7]{0,2}/.exec(p.slice(this.i, this.i + 2))!;
        this.i += m[0].length;
        return parseInt(`0${m[0]}`, 8);
      }
      default: {
        const c = e.charCodeAt(0);
        if (isAsciiLetter(c) || (c >= 0x30 && c <= 0x39)) throw new PcreUnsupportedError(`\\${e}`, start);
        return c; // escaped punctuation or byte stands for itself
      }
    }
  }

  private charClass(): void {
    const p = this.p;
    const start = this.i;
    this.i++;
    let negate = false;
    if (p[this.i] === '^') {
      negate = true;
      this.i++;
    }
    const ranges: Range[] = [];
    let extra = ''; // JS class escapes kept as text (\d \w \D \W)
    let first = true;
    for (;;) {
      if (this.i >= p.length) throw new PcreUnsupportedError('unterminated class', start);
      const ch = p[this.i]!;
      if (ch === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      if (ch === '[' && p[this.i + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(this.i, this.i + 12));
        const set = m === null ? undefined : POSIX[m[2]!];
        if (m !== null && set !== undefined) {
          for (const r of m[1] === '^' ? complement(set) : set) ranges.push([r[0], r[1]]);
          this.i += m[0].length;
          continue;
        }
      }
      const lo = this.classAtom(ranges, (t) => { extra += t; });
      if (lo === null) continue;
      if (p[this.i] === '-' && p[this.i + 1] !== ']' && this.i + 1 < p.length) {
        const save = this.i;
        this.i++;
        const hi = this.classAtom(null, null);
        if (hi === null || hi < lo) {
          if (hi !== null) throw new PcreUnsupportedError('class range out of order', save);
          // `[a-\d]`: the hyphen is literal (PCRE); re-parse the escape as a set.
          this.i = save + 1;
          ranges.push([lo, lo], [0x2d, 0x2d]);
          continue;
        }
        ranges.push([lo, hi]);
      } else {
        ranges.push([lo, lo]);
      }
    }
    if (this.opts.caseless) {
      const folded: Range[] = [];
      for (const [a, b] of ranges) {
        const ua = Math.max(a, 0x41), ub = Math.min(b, 0x5a);
        if (ua <= ub) folded.push([ua + 0x20, ub + 0x20]);
        const la = Math.max(a, 0x61), lb = Math.min(b, 0x7a);
        if (la <= lb) folded.push([la - 0x20, lb - 0x20]);
      }
      ranges.push(...folded);
    }
    let body = extra;
    for (const [a, b] of ranges) body += a === b ? classChar(a) : `${classChar(a)}-${classChar(b)}`;
    this.out += `[${negate ? '^' : ''}${body}]`;
  }

  /**
   * One class member at this.i. Returns its byte for a single char, or null when it was a
   * set escape (\d, \s, …), which is then added to `ranges` or passed to `addText`.
   */
  private classAtom(ranges: Range[] | null, addText: ((t: string) => void) | null): number | null {
    const p = this.p;
    const ch = p[this.i]!;
    if (ch !== '\\') {
      this.i++;
      return ch.charCodeAt(0);
    }
    const e = p[this.i + 1];
    const sets: Record<string, Range[]> = { s: S_RANGES, h: H_RANGES, v: V_RANGES };
    if (e === 'd' || e === 'w' || e === 'D' || e === 'W') {
      if (addText === null) return null;
      this.i += 2;
      addText(`\\${e}`);
      return null;
    }
    if (e !== undefined && (sets[e.toLowerCase()] !== undefined) && 'shvSHV'.includes(e)) {
      if (ranges === null) return null;
      this.i += 2;
      const set = sets[e.toLowerCase()]!;
      for (const r of e === e.toLowerCase() ? set : complement(set)) ranges.push([r[0], r[1]]);
      return null;
    }
    if (e === 'b') {
      this.i += 2;
      return 0x08;
    }
    if (e === 'Q' || e === 'E') throw new PcreUnsupportedError(`\\${e} in class`, this.i);
    return this.charEscape();
  }
}

function applyOptions(o: Opts, letters: string, on: boolean, pos: number): void {
  for (const l of letters) {
    if (l === 'i') o.caseless = on;
    else if (l === 's') o.dotall = on;
    else if (l === 'm') o.multiline = on;
    else throw new PcreUnsupportedError(`(?${l})`, pos);
  }
}

function checkByte(v: number, pos: number): number {
  if (v > 0xff) throw new PcreUnsupportedError('code point above 0xFF in non-UTF mode', pos);
  return v;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function hex2(c: number): string {
  return c.toString(16).padStart(2, '0');
}

function escapeLiteral(c: number): string {
  if (c < 0x20 || c > 0x7e) return `\\x${hex2(c)}`;
  const ch = String.fromCharCode(c);
  return '\\^$.|?*+()[]{}/'.includes(ch) ? `\\${ch}` : ch;
}

function classChar(c: number): string {
  if (c < 0x20 || c > 0x7e) return `\\x${hex2(c)}`;
  const ch = String.fromCharCode(c);
  return '\\]^-['.includes(ch) ? `\\${ch}` : ch;
}

function classOf(ranges: readonly Range[], negate: boolean): string {
  let body = '';
  for (const [a, b] of ranges) body += a === b ? classChar(a) : `${classChar(a)}-${classChar(b)}`;
  return `[${negate ? '^' : ''}${body}]`;
}

function complement(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [a, b] of sorted) {
    if (a > next) out.push([next, a - 1]);
    next = Math.max(next, b + 1);
  }
  if (next <= 0xff) out.push([next, 0xff]);
  return out;
}
