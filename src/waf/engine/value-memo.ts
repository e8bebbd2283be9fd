/**
 * Remembers, per distinct request value, which rules matched it — across requests.
 *
 * Why: at PL1 a chat request feeds ~1,000 (rule, value) pairs to the operators, and
 * nearly all values repeat from request to request (model and role names, content
 * types, SDK user agents, api-version). Transformations and pure operators are
 * functions of the value alone, so their verdict can be reused; measured, this is what
 * brings the CRS from ~500 µs to a few tens of µs per ordinary request.
 *
 * Bounds: values longer than `maxValueLength` are never remembered, and when
 * `maxValues` rows exist the whole memo is dropped (an attacker sending unique values
 * gets the uncached cost, which is the engine's normal cost, and cannot grow memory).
 * Secrets are never keys: credential headers and cookies are excluded by the caller.
 */
export const MEMO_UNKNOWN = 0;
export const MEMO_MISS = 1;
export const MEMO_HIT = 2;

export class ValueMemo {
  private rows = new Map<string, Uint8Array>();
  private readonly slots: number;
  private readonly maxValues: number;
  private readonly maxValueLength: number;

  constructor(slots: number, maxValues = 8192, maxValueLength = 256) {
    this.slots = slots;
    this.maxValues = maxValues;
    this.maxValueLength = maxValueLength;
  }

  /** The row for a value, created on first use; null when the value is not remembered. */
  row(value: string): Uint8Array | null {
    if (this.slots === 0 || value.length > this.maxValueLength) return null;
    let r = this.rows.get(value);
    if (r === undefined) {
      if (this.rows.size >= this.maxValues) this.rows = new Map();
      r = new Uint8Array(this.slots);
      this.rows.set(value, r);
    }
    return r;
  }

  get size(): number {
    return this.rows.size;
  }
}
