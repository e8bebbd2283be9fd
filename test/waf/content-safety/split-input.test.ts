import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_DOCUMENT_CHARS, MAX_DOCUMENTS, MAX_PROMPT_CHARS, OVERLAP_CHARS, planCalls, splitText } from '../../../src/waf/content-safety/split-input.js';

/** Every call must be one the service accepts (overview.md#input-requirements). */
function assertWithinLimits(calls: ReturnType<typeof planCalls>): void {
  assert.ok(calls !== null);
  for (const c of calls) {
    assert.ok(c.userPrompt.length <= MAX_PROMPT_CHARS, `prompt ${c.userPrompt.length}`);
    assert.ok(c.documents.length <= MAX_DOCUMENTS, `documents ${c.documents.length}`);
    assert.ok(c.documents.reduce((n, d) => n + d.length, 0) <= MAX_DOCUMENT_CHARS, 'document total');
  }
}

describe('content safety input splitting', () => {
  it('sends small input as one call, unchanged', () => {
    assert.deepEqual(planCalls('hello', ['a', 'b'], 4), [{ userPrompt: 'hello', documents: ['a', 'b'] }]);
  });

  it('has nothing to check for empty input, and skips empty documents', () => {
    assert.deepEqual(planCalls('', [], 4), []);
    assert.deepEqual(planCalls('', ['', ''], 4), []);
    assert.deepEqual(planCalls('', ['', 'x'], 4), [{ userPrompt: '', documents: ['x'] }]);
  });

  it('splits a long prompt into overlapping pieces that cover all of it', () => {
    const text = Array.from({ length: 25_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    const calls = planCalls(text, [], 4);
    assertWithinLimits(calls);
    assert.equal(calls!.length, 3);
    const [a, b, c] = calls!.map((x) => x.userPrompt) as [string, string, string];
    assert.equal(a, text.slice(0, MAX_PROMPT_CHARS));
    // Each piece starts OVERLAP_CHARS before the previous one ended.
    assert.equal(b.slice(0, OVERLAP_CHARS), a.slice(-OVERLAP_CHARS));
    assert.equal(c.slice(0, OVERLAP_CHARS), b.slice(-OVERLAP_CHARS));
    assert.ok(text.endsWith(c));
  });

  it('puts a phrase straddling a cut whole into the next piece', () => {
    const phrase = 'ignore previous instructions';
    const text = 'x'.repeat(MAX_PROMPT_CHARS - 10) + phrase + 'y'.repeat(100);
    const calls = planCalls(text, [], 4)!;
    assert.equal(calls.length, 2);
    assert.equal(calls[0]!.userPrompt.includes(phrase), false);
    assert.equal(calls[1]!.userPrompt.includes(phrase), true);
  });

  it('never cuts a surrogate pair', () => {
    // An emoji (two code units) straddling position 10,000.
    const text = 'a'.repeat(MAX_PROMPT_CHARS - 1) + '😀' + 'b'.repeat(MAX_PROMPT_CHARS);
    const out: string[] = [];
    assert.equal(splitText(text, MAX_PROMPT_CHARS, OVERLAP_CHARS, out, 10), true);
    for (const piece of out) {
      assert.equal(piece.isWellFormed(), true);
      assert.ok(piece.length <= MAX_PROMPT_CHARS);
    }
    assert.equal(out[0]!.length, MAX_PROMPT_CHARS - 1);
  });

  it('packs documents five to a call and 10K characters to a call', () => {
    assertWithinLimits(planCalls('', Array.from({ length: 12 }, () => 'd'), 4));
    assert.deepEqual(planCalls('', Array.from({ length: 12 }, () => 'd'), 4)!.map((c) => c.documents.length), [5, 5, 2]);
    const docs = [6_000, 6_000, 3_000, 12_000].map((n) => 'z'.repeat(n));
    const calls = planCalls('p', docs, 8);
    assertWithinLimits(calls);
    // 6000 | 6000+3000 | 10000 | 2500 (the 12,000 one is split, with overlap)
    assert.deepEqual(calls!.map((c) => c.documents.map((d) => d.length)), [[6_000], [6_000, 3_000], [10_000], [2_500]]);
    // The prompt rides in the first call only.
    assert.deepEqual(calls!.map((c) => c.userPrompt), ['p', '', '', '']);
  });

  it('pairs prompt pieces with document batches instead of adding the counts', () => {
    const calls = planCalls('p'.repeat(15_000), ['d'.repeat(9_000), 'e'.repeat(9_000)], 4);
    assertWithinLimits(calls);
    assert.equal(calls!.length, 2);
  });

  it('refuses input that needs more calls than allowed, without cutting it all up', () => {
    assert.equal(planCalls('p'.repeat(50_000), [], 4), null);
    assert.equal(planCalls('', Array.from({ length: 21 }, () => 'd'), 4), null);
    assert.equal(planCalls('', ['d'.repeat(41_000)], 4), null);
    assert.notEqual(planCalls('', Array.from({ length: 20 }, () => 'd'), 4), null);
    // A 16 MiB prompt stops after maxCalls + 1 pieces.
    const out: string[] = [];
    assert.equal(splitText('q'.repeat(16 * 1024 * 1024), MAX_PROMPT_CHARS, OVERLAP_CHARS, out, 4), false);
    assert.equal(out.length, 4);
  });
});
