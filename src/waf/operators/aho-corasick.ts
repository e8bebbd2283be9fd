/**
 * ASCII-case-insensitive Aho–Corasick automaton over byte strings, built once at load.
 *
 * Written by hand: the maintained npm Aho–Corasick packages work on JS (UTF-16) text with
 * no case folding, or fold with `toLowerCase`, which also folds latin1 bytes (0xC0–0xDE)
 * that ModSecurity's `@pm` (C-locale `tolower`) leaves alone. The automaton is small:
 * transitions are per-node Maps (sparse; CRS data files have a few thousand phrases, and a
 * dense 256-wide table would cost tens of MB), failure links are precomputed, and
 * `output` holds the length of the longest phrase ending at each node (0 = none) through
 * the failure chain, so `search` never walks the chain for outputs.
 */
export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly output: number[] = [0];
  readonly size: number;

  constructor(phrases: Iterable<string>) {
    let count = 0;
    for (const p of phrases) {
      if (p.length === 0) continue;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = fold(p.charCodeAt(i));
        const m = this.next[s]!;
        let t = m.get(c);
        if (t === undefined) {
          t = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.output.push(0);
          m.set(c, t);
        }
        s = t;
      }
      if (this.output[s]! < p.length) this.output[s] = p.length;
      count++;
    }
    this.size = count;
    // Breadth-first failure links.
    const queue: number[] = [];
    for (const t of this.next[0]!.values()) queue.push(t);
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (const [c, t] of this.next[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const ft = this.next[f]!.get(c);
        this.fail[t] = ft !== undefined && ft !== t ? ft : 0;
        if (this.output[t] === 0) this.output[t] = this.output[this.fail[t]!]!;
        queue.push(t);
      }
    }
  }

  /**
   * Index just past the first position where some phrase ends, and that phrase's length,
   * or null when no phrase occurs. `[end - len, end)` is the matched text.
   */
  search(text: string): { end: number; len: number } | null {
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      let t = this.next[s]!.get(c);
      while (t === undefined && s !== 0) {
        s = this.fail[s]!;
        t = this.next[s]!.get(c);
      }
      s = t ?? 0;
      const len = this.output[s]!;
      if (len !== 0) return { end: i + 1, len };
    }
    return null;
  }
}

/** ASCII-only lowercase of a byte (C-locale `tolower`). */
function fold(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}
