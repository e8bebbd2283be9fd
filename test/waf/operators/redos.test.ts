/**
 * Known catastrophic-backtracking shapes must finish in bounded time through @rx
 * (regex-safety.ts: V8 backtrack-limit fallback to the linear engine). Without the
 * fallback each of these runs for longer than the age of the universe on 40k chars.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOperator, type OperatorContext } from '../../../src/waf/operators/index.js';

const tx: OperatorContext = { captures: null, expand: (s) => s };
const ctx = { rulesDir: '.', ruleId: 'redos' };
const LIMIT_MS = 200;

const cases: [pattern: string, input: string][] = [
  ['(a+)+$', `${'a'.repeat(40_000)}!`],
  ['(a|aa)+$', `${'a'.repeat(40_000)}!`],
  ['(\\w+\\s?)+$', `${'a'.repeat(40_000)}!`],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', `${'a'.repeat(40_000)}!`],
  ['(?i)(a+)+$', `${'A'.repeat(50_000)}!`],
  ['(x+x+)+y', 'x'.repeat(50_000)],
  ['^(\\d{1,20}\\.?)+$', `${'1'.repeat(40_000)}a`],
];

for (const [pattern, input] of cases) {
  test(`ReDoS shape ${pattern} on ${input.length} chars < ${LIMIT_MS} ms`, () => {
    const op = createOperator('rx', pattern, ctx);
    const t0 = performance.now();
    const matched = op.evaluate(tx, input);
    const ms = performance.now() - t0;
    assert.equal(matched, false);
    assert.ok(ms < LIMIT_MS, `${pattern} took ${ms.toFixed(1)} ms`);
    // Same shape with capture (exec path) is bounded too.
    const t1 = performance.now();
    op.evaluate({ captures: [], expand: (s) => s }, input);
    assert.ok(performance.now() - t1 < LIMIT_MS);
  });
}
