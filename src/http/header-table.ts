/**
 * A fixed set of header names, looked up case-insensitively without lower-casing every
 * header of every request: names are bucketed by length, so most headers cost one Map
 * probe and only a length match pays for `toLowerCase`.
 */
export class HeaderTable {
  readonly #byLength = new Map<number, readonly string[]>();
  readonly size: number;

  constructor(names: readonly string[]) {
    const lower = [...new Set(names.map((n) => n.toLowerCase()))];
    for (const n of lower) this.#byLength.set(n.length, [...(this.#byLength.get(n.length) ?? []), n]);
    this.#indexes = new Map(lower.map((n, i) => [n, i]));
    this.size = lower.length;
  }

  readonly #indexes: ReadonlyMap<string, number>;

  /** Index of the name in the table (stable, 0-based), or -1. */
  indexOf(name: string): number {
    const bucket = this.#byLength.get(name.length);
    if (bucket === undefined) return -1;
    const lower = name.toLowerCase();
    for (let i = 0; i < bucket.length; i++) if (bucket[i] === lower) return this.#indexes.get(lower)!;
    return -1;
  }

  has(name: string): boolean {
    return this.indexOf(name) !== -1;
  }
}
