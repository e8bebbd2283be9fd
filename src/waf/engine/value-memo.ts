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
 * Secrets are never keys: credential headers and cookies are remembered under a SHA-256
 * of their value (as API keys are stored), never the value itself.
 */
export const MEMO_UNKNOWN = 0;
export const MEMO_MISS = 1;
export const MEMO_HIT = 2;

/** One value's verdicts: a byte per rule slot, and the misses again as a bitset for folding. */
export interface MemoRow {
  readonly bytes: Uint8Array;
  /** Bit `slot` set when bytes[slot] is MEMO_MISS (32 slots a word). */
  readonly miss: Int32Array;
  /** Requests that have used this row; 1 means it was created by the current one. */
  uses: number;
}

export function recordVerdict(row: MemoRow, slot: number, hit: boolean): void {
  row.bytes[slot] = hit ? MEMO_HIT : MEMO_MISS;
  if (!hit) row.miss[slot >> 5]! |= 1 << (slot & 31);
}

export class ValueMemo {
  private rows = new Map<string, MemoRow>();
  readonly slots: number;
  /** Length of a row's miss bitset, in 32-bit words. */
  readonly words: number;
  private readonly maxValues: number;
  private readonly maxValueLength: number;

  constructor(slots: number, maxValues = 8192, maxValueLength = 256) {
    this.slots = slots;
    this.words = Math.ceil(slots / 32);
    this.maxValues = maxValues;
    this.maxValueLength = maxValueLength;
  }

  /** The row for a value (created on first use, `uses` counted); null when the value is not remembered. */
  row(key: string): MemoRow | null {
    if (this.slots === 0 || key.length > this.maxValueLength) return null;
    let r = this.rows.get(key);
    if (r === undefined) {
      if (this.rows.size >= this.maxValues) this.rows = new Map();
      r = { bytes: new Uint8Array(this.slots), miss: new Int32Array(this.words), uses: 0 };
      this.rows.set(key, r);
    }
    r.uses++;
    return r;
  }

  get size(): number {
    return this.rows.size;
  }
}
