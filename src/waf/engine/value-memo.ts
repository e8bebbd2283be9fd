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
 * `maxValues` rows exist the whole memo is dropped as the next transaction starts (an
 * attacker sending unique values gets the uncached cost, which is the engine's normal
 * cost, and cannot grow memory).
 * Secrets are never keys: credential headers and cookies are remembered under a SHA-256
 * of their value (as API keys are stored), never the value itself.
 */
export const MEMO_UNKNOWN = 0;
export const MEMO_MISS = 1;
export const MEMO_HIT = 2;

/** Element.memo before the value was looked up. */
export const ROW_NOT_LOOKED_UP = -2;
/** Element.memo of a value that is not remembered (dynamic, too long, memo full). */
export const ROW_NONE = -1;

/**
 * The rows live in flat typed arrays (a verdict byte per rule slot, the misses again as a
 * bitset for folding), indexed by row number: a request folds the rows of ~80 values, and
 * one object and one typed array per row meant three dependent loads per row, which
 * under load (the client and backend sharing the cores) were cache misses.
 */
export class ValueMemo {
  private index = new Map<string, number>();
  readonly slots: number;
  /** Length of a row's miss bitset, in 32-bit words. */
  readonly words: number;
  private readonly maxValues: number;
  private readonly maxValueLength: number;
  private capacity = 0;
  private next = 0;
  private full = false;
  /** Verdicts: row × slots + slot. */
  private bytes = new Uint8Array(0);
  /** Miss bits: row × words + word. */
  private miss = new Int32Array(0);
  /** Lookups of each row, saturated at 2 (only "first time" matters). */
  private uses = new Uint8Array(0);

  constructor(slots: number, maxValues = 8192, maxValueLength = 256) {
    this.slots = slots;
    this.words = Math.ceil(slots / 32);
    this.maxValues = maxValues;
    this.maxValueLength = maxValueLength;
  }

  /**
   * Called as a transaction starts. A memo that filled up is dropped whole here, between
   * transactions: row numbers handed out stay valid for the transaction that got them.
   */
  begin(): void {
    if (!this.full) return;
    this.index = new Map();
    this.bytes.fill(0);
    this.miss.fill(0);
    this.uses.fill(0);
    this.next = 0;
    this.full = false;
  }

  /** The row number for a value (created on first use, lookups counted), or ROW_NONE when it is not remembered. */
  row(key: string): number {
    if (this.slots === 0 || key.length > this.maxValueLength) return ROW_NONE;
    let r = this.index.get(key);
    if (r === undefined) {
      if (this.next >= this.maxValues) {
        // Full: new values go unremembered until the next transaction starts afresh.
        this.full = true;
        return ROW_NONE;
      }
      if (this.next === this.capacity) this.grow();
      r = this.next++;
      this.index.set(key, r);
    }
    if (this.uses[r]! < 2) this.uses[r]!++;
    return r;
  }

  /** MEMO_UNKNOWN, MEMO_MISS or MEMO_HIT. */
  verdict(row: number, slot: number): number {
    return this.bytes[row * this.slots + slot]!;
  }

  record(row: number, slot: number, hit: boolean): void {
    this.bytes[row * this.slots + slot] = hit ? MEMO_HIT : MEMO_MISS;
    if (!hit) this.miss[row * this.words + (slot >> 5)]! |= 1 << (slot & 31);
  }

  /** Bit `slot & 31` of word `w` is set where the rule in that slot is a remembered miss for this value. */
  missWord(row: number, w: number): number {
    return this.miss[row * this.words + w]!;
  }

  /** The row was created by the current transaction's first lookup: nothing is known about it yet. */
  isNew(row: number): boolean {
    return this.uses[row] === 1;
  }

  get size(): number {
    return this.index.size;
  }

  /** Doubles the arrays (from 256 rows up to maxValues): a small rule set or a quiet gateway keeps them small. */
  private grow(): void {
    const capacity = Math.min(this.maxValues, Math.max(256, this.capacity * 2));
    const bytes = new Uint8Array(capacity * this.slots);
    bytes.set(this.bytes);
    const miss = new Int32Array(capacity * this.words);
    miss.set(this.miss);
    const uses = new Uint8Array(capacity);
    uses.set(this.uses);
    this.bytes = bytes;
    this.miss = miss;
    this.uses = uses;
    this.capacity = capacity;
  }
}
