import type { CorpusCase } from '../types.js';
import { CATEGORIES, FAMILY_EXPECT, familyOf, idPrefix } from '../types.js';
import type { Req } from './shapes.js';

export interface Extra {
  note?: string;
  tags?: string[];
  planted?: string;
}

/** Collects cases, numbering ids per category in insertion order. */
export class Sink {
  readonly cases: CorpusCase[] = [];
  private readonly counters = new Map<string, number>();

  add(category: string, req: Req, extra: Extra = {}): CorpusCase {
    if (CATEGORIES[category] === undefined) throw new Error(`unknown category ${category}`);
    const n = (this.counters.get(category) ?? 0) + 1;
    this.counters.set(category, n);
    const c: CorpusCase = {
      id: `${idPrefix(category)}-${String(n).padStart(4, '0')}`,
      category,
      expect: FAMILY_EXPECT[familyOf(category)],
      method: req.method,
      path: req.path,
      headers: req.headers,
      body: req.body,
      ...(extra.note !== undefined ? { note: extra.note } : {}),
      ...(extra.tags !== undefined && extra.tags.length > 0 ? { tags: extra.tags } : {}),
      ...(extra.planted !== undefined ? { planted: extra.planted } : {}),
    };
    this.cases.push(c);
    return c;
  }
}
