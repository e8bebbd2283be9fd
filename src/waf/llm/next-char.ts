/**
 * Which characters can follow a rule's anchor in a match, after any whitespace: a filter
 * that lets prompt-injection.ts skip a rule's sticky match where the text's next character
 * rules it out ("if (next === null)" cannot start "if you read this"). On a benign 4 KiB
 * chat most rule evaluations end this way; a regex call costs ~40 ns plus the matching,
 * this check a few (measured on Node 24).
 *
 * The filter over-approximates, so it never skips a rule that could match. The rule's
 * pattern is parsed into a small NFA in which every assertion (`\b`, `^`, `$`, lookaround)
 * is dropped (an assertion only removes matches) and every counted repetition is widened
 * (`{6,4096}` becomes "at least 4", `{0,40}` "any number"), so the NFA accepts a superset of
 * the pattern's matches. It is run on the anchor, then on any run of `\s` characters;
 * the filter allows every character some reached state can consume next. Where the NFA can
 * accept along the way, the match may end before the next character and there is no
 * filter (null). Characters outside ASCII are always allowed.
 *
 * prompt-injection.ts computes a rule's filters (one per anchor, from one analysis, ~0.3 ms)
 * at the rule's first evaluation. A pattern using syntax this module does not parse gets
 * no filter. test/waf/llm/next-char.test.ts checks that every rule is analysed and that the
 * filters let through every rule match in the corpus and in synthetic continuations.
 */

/** A consuming atom: a literal, a class or an escape, as a predicate on one UTF-16 code unit. */
interface Atom {
  /** Membership for code units < 128. */
  readonly ascii: Uint8Array;
  /** Matches some whitespace character (WHITESPACE). */
  readonly whitespace: boolean;
  test(c: number): boolean;
}

type Node =
  | { readonly t: 'atom'; readonly atom: Atom }
  | { readonly t: 'seq'; readonly items: readonly Node[] }
  | { readonly t: 'alt'; readonly alts: readonly Node[] }
  | { readonly t: 'rep'; readonly node: Node; readonly min: number; readonly max: number }
  | { readonly t: 'empty' };

const EMPTY: Node = { t: 'empty' };
/** Repetition counts kept exactly up to this; beyond, widened (see the module comment). */
const MAX_COUNT = 4;

/** Every code unit `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
export const WHITESPACE: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];
const IS_WHITESPACE = new Set(WHITESPACE);

/** `\s`, for code units at the filter's check position. */
export function isWhitespace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && IS_WHITESPACE.has(c));
}

const atomCache = new Map<string, Atom>();

/** The atom matching what regex source `src` (one atom, as in a pattern compiled without flags) matches. */
function atomOf(src: string): Atom {
  let atom = atomCache.get(src);
  if (atom !== undefined) return atom;
  const re = new RegExp(`^(?:${src})$`);
  let table: Uint8Array | null = null;
  let whitespace: boolean | null = null;
  atom = {
    get whitespace(): boolean {
      return (whitespace ??= WHITESPACE.some((w) => re.test(String.fromCharCode(w))));
    },
    // Built on first use (parsing needs no tables).
    get ascii(): Uint8Array {
      if (table === null) {
        table = new Uint8Array(128);
        for (let c = 0; c < 128; c++) table[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
      }
      return table;
    },
    test(c: number): boolean {
      return c < 128 ? this.ascii[c] === 1 : re.test(String.fromCharCode(c));
    },
  };
  atomCache.set(src, atom);
  return atom;
}

/** A counted repetition `{n}`, `{n,}`, `{n,m}`, sticky. */
const COUNT = /\{(\d+)(?:(,)(\d*))?\}/y;

const literalCache = new Map<number, Atom>();

function literalAtom(code: number): Atom {
  let atom = literalCache.get(code);
  if (atom === undefined) {
    const ascii = new Uint8Array(128);
    if (code < 128) ascii[code] = 1;
    atom = { ascii, whitespace: IS_WHITESPACE.has(code), test: (c) => c === code };
    literalCache.set(code, atom);
  }
  return atom;
}

class Parser {
  private i = 0;
  private readonly src: string;

  constructor(src: string) {
    this.src = src;
  }

  parse(): Node {
    const node = this.alternation();
    if (this.i !== this.src.length) throw new Error(`next-char: cannot parse ${JSON.stringify(this.src)} at ${this.i}`);
    return node;
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') items.push(this.quantified(this.term()));
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private term(): Node {
    const s = this.src;
    const c = s[this.i]!;
    if (c === '(') {
      let assertion = false;
      if (s.startsWith('(?:', this.i)) {
        this.i += 3;
      } else if (s.startsWith('(?=', this.i) || s.startsWith('(?!', this.i)) {
        this.i += 3;
        assertion = true;
      } else if (s.startsWith('(?<=', this.i) || s.startsWith('(?<!', this.i)) {
        this.i += 4;
        assertion = true;
      } else if (s.startsWith('(?', this.i)) {
        throw new Error(`next-char: unsupported group in ${JSON.stringify(s)}`);
      } else {
        this.i += 1;
      }
      const inner = this.alternation();
      if (s[this.i] !== ')') throw new Error(`next-char: unbalanced ${JSON.stringify(s)}`);
      this.i++;
      return assertion ? EMPTY : inner;
    }
    if (c === '[') {
      const start = this.i;
      this.i++;
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') throw new Error(`next-char: unsupported class in ${JSON.stringify(s)}`);
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      if (s[this.i] !== ']') throw new Error(`next-char: unterminated class in ${JSON.stringify(s)}`);
      this.i++;
      return { t: 'atom', atom: atomOf(s.slice(start, this.i)) };
    }
    if (c === '\\') {
      const e = s[this.i + 1];
      if (e === undefined) throw new Error(`next-char: trailing backslash in ${JSON.stringify(s)}`);
      if (e === 'b' || e === 'B') {
        this.i += 2;
        return EMPTY;
      }
      if (/[1-9k]/.test(e)) throw new Error(`next-char: backreferences are not supported (${JSON.stringify(s)})`);
      let len = 2;
      if (e === 'x') len = 4;
      else if (e === 'u') len = 6;
      else if (e === 'c') len = 3;
      const atomSrc = s.slice(this.i, this.i + len);
      this.i += len;
      return { t: 'atom', atom: atomOf(atomSrc) };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return EMPTY;
    }
    if (c === '*' || c === '+' || c === '?') throw new Error(`next-char: nothing to repeat in ${JSON.stringify(s)}`);
    // A literal, or `.` (any but a line terminator). Surrogate halves are separate code
    // units, as in a pattern without the u flag.
    this.i++;
    return { t: 'atom', atom: c === '.' ? atomOf('.') : literalAtom(c.charCodeAt(0)) };
  }

  private quantified(node: Node): Node {
    const s = this.src;
    let min: number;
    let max: number;
    const c = s[this.i];
    if (c === '*' || c === '+' || c === '?') {
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
      this.i++;
    } else if (c === '{') {
      COUNT.lastIndex = this.i;
      const m = COUNT.exec(s);
      if (m === null) return node; // a literal `{`, as without the u flag
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length;
    } else {
      return node;
    }
    if (s[this.i] === '?') this.i++; // lazy: same language
    if (node.t === 'empty') return EMPTY;
    return { t: 'rep', node, min: Math.min(min, MAX_COUNT), max: max > MAX_COUNT ? Infinity : max };
  }
}

/** A Thompson NFA: per state, epsilon successors and atom edges. */
class Nfa {
  readonly eps: number[][] = [];
  readonly edges: { atom: Atom; to: number }[][] = [];
  readonly start: number;
  readonly accept: number;

  constructor(root: Node) {
    this.start = this.state();
    this.accept = this.state();
    this.build(root, this.start, this.accept);
  }

  private state(): number {
    this.eps.push([]);
    this.edges.push([]);
    return this.eps.length - 1;
  }

  private build(node: Node, from: number, to: number): void {
    switch (node.t) {
      case 'empty':
        this.eps[from]!.push(to);
        return;
      case 'atom':
        this.edges[from]!.push({ atom: node.atom, to });
        return;
      case 'seq': {
        let cur = from;
        node.items.forEach((item, k) => {
          const next = k === node.items.length - 1 ? to : this.state();
          this.build(item, cur, next);
          cur = next;
        });
        if (node.items.length === 0) this.eps[from]!.push(to);
        return;
      }
      case 'alt':
        for (const a of node.alts) this.build(a, from, to);
        return;
      case 'rep': {
        let cur = from;
        for (let k = 0; k < node.min; k++) {
          const next = this.state();
          this.build(node.node, cur, next);
          cur = next;
        }
        if (node.max === Infinity) {
          const loop = this.state();
          this.eps[cur]!.push(loop);
          this.build(node.node, loop, loop);
          this.eps[loop]!.push(to);
        } else {
          this.eps[cur]!.push(to);
          for (let k = node.min; k < node.max; k++) {
            const next = this.state();
            this.build(node.node, cur, next);
            this.eps[next]!.push(to);
            cur = next;
          }
        }
        return;
      }
    }
  }

  /** Generation marks for the set operations below (no Set allocations: ~1500 filters are built at load). */
  private marks = new Uint32Array(0);
  private generation = 0;

  private fresh(): number {
    if (this.marks.length < this.eps.length) this.marks = new Uint32Array(this.eps.length);
    return ++this.generation;
  }

  /** The epsilon closure of `seed`. */
  closure(seed: readonly number[]): number[] {
    const g = this.fresh();
    const out: number[] = [];
    const stack = [...seed];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (this.marks[s] === g) continue;
      this.marks[s] = g;
      out.push(s);
      for (const t of this.eps[s]!) if (this.marks[t] !== g) stack.push(t);
    }
    return out;
  }

  /** The states after consuming code unit `c`, or, with c = -1, any whitespace character. */
  step(states: readonly number[], c: number): number[] {
    const next: number[] = [];
    for (const s of states) for (const e of this.edges[s]!) if (c === -1 ? e.atom.whitespace : e.atom.test(c)) next.push(e.to);
    return this.closure(next);
  }
}

function analyse(pattern: string): Nfa | null {
  try {
    return new Nfa(new Parser(pattern).parse());
  } catch {
    return null;
  }
}

/** Whether nextCharFilter can analyse `pattern` (tests). */
export function analysable(pattern: string): boolean {
  return analyse(pattern) !== null;
}

/**
 * The characters (code units < 128) that can come first after `anchor` and any `\s` run in
 * a match of `pattern` that starts with `anchor`; null when the match may end there, or
 * when the pattern uses syntax this module does not analyse (no filter: test/waf/llm
 * checks that every rule's pattern is analysed). All zero when no match can start with
 * `anchor`.
 */
export function nextCharFilter(pattern: string, anchor: string): Uint8Array | null {
  return nextCharFilters(pattern, [anchor])[0]!;
}

/**
 * nextCharFilter for each of `anchors`, from one analysis of the pattern (the NFA of a
 * rule is a few thousand states; it is not kept).
 */
export function nextCharFilters(pattern: string, anchors: readonly string[]): (Uint8Array | null)[] {
  const nfa = analyse(pattern);
  return anchors.map((anchor) => (nfa === null ? null : filterAfter(nfa, anchor)));
}

function filterAfter(nfa: Nfa, anchor: string): Uint8Array | null {
  let states = nfa.closure([nfa.start]);
  for (let k = 0; k < anchor.length; k++) {
    if (states.includes(nfa.accept)) return null;
    states = nfa.step(states, anchor.charCodeAt(k));
  }
  // Then any run of whitespace: every state reachable through whitespace alone.
  const reached = new Set(states);
  let frontier = states;
  while (frontier.length > 0) {
    const fresh: number[] = [];
    for (const s of nfa.step(frontier, -1)) {
      if (reached.has(s)) continue;
      reached.add(s);
      fresh.push(s);
    }
    frontier = fresh;
  }
  if (reached.has(nfa.accept)) return null;
  const atoms = new Set<Atom>();
  for (const s of reached) for (const e of nfa.edges[s]!) atoms.add(e.atom);
  const allowed = new Uint8Array(128);
  for (const atom of atoms) {
    const table = atom.ascii;
    for (let c = 0; c < 128; c++) allowed[c] = allowed[c]! | table[c]!;
  }
  return allowed;
}
