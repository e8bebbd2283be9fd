/**
 * Adversarial values through the full CRS v4 rule set at paranoia level 4: the work per
 * request must be bounded (measured in the test thread's CPU time, so a loaded CI machine
 * does not make it flaky; wall time is reported beside it).
 *
 * Two bounds make it so. V8 falls back to its linear-time engine after 10,000 backtracks
 * (operators/regex-safety.ts), which stops catastrophic backtracking; but some CRS
 * patterns scan forward from every start position (942130, 942310, 932240, 941160…),
 * O(n²) without ever backtracking much: 1–6 s CPU on 50 KB. So the rx operator moves
 * such a pattern to the linear engine once it has timed it being slow on a long value
 * (operators/rx.ts), and the WAF refuses a non-prompt value longer than
 * `waf.limits.maxFieldBytes` (4 KB), or more than `maxInspectBytes` (32 KB) of them,
 * before a rule runs (waf.ts). The test measures the worst shapes right at those bounds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Waf } from '../../../src/waf/waf.js';
import type { LoadedRuleSet } from '../../../src/waf/ruleset.js';
import { CRS_V4_RULES, hasV4 } from '../crs-dirs.js';
import { CHAT_TARGET, SDK_HEADERS, crsRuleSet, input, type RequestSpec } from './helpers.js';

/** Measured 180–530 ms CPU per shape at the bounds on a 2-CPU EPYC; the limit leaves room for slower CI. */
const LIMIT_MS = 2000;
/** A refusal before any rule runs. */
const REFUSE_MS = 100;
const FIELD_MAX = 4096;
const TOTAL_MAX = 32_768;
const skipV4 = hasV4 ? false : `CRS v4 not found at ${CRS_V4_RULES}; set PORTCULLIS_CRS_V4_DIR to a coreruleset v4 checkout`;

function repeat(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const SHAPES: readonly { readonly name: string; readonly unit: string }[] = [
  { name: 'a', unit: 'a' },
  { name: '(', unit: '(' },
  { name: "'OR", unit: "'OR" },
  { name: 'blank', unit: ' ' },
  { name: '<', unit: '<' },
  { name: '${', unit: '${' },
  { name: '../', unit: '../' },
  { name: '&#', unit: '&#' },
  { name: '%', unit: '%' },
  { name: ';a', unit: ';a' },
];

const HEADERS = SDK_HEADERS;

function chatBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { messages: [{ role: 'user', content: 'Hello there.' }], ...extra };
}

let cached: Waf | null = null;
function pl4(): Waf {
  if (cached === null) {
    const rs: LoadedRuleSet = crsRuleSet(CRS_V4_RULES, { paranoiaLevel: 4 });
    cached = new Waf({ mode: 'prevention', ruleSet: rs, extract: {}, llm: null, shields: null, maxFieldBytes: FIELD_MAX, maxInspectBytes: TOTAL_MAX });
    // Warm up: V8 compiles each pattern at its first exec; that is load cost, not per-request cost.
    cached.inspect(input({ method: 'POST', target: CHAT_TARGET, headers: HEADERS, body: chatBody({ user: 'warm-up' }) }), 'warm-up');
  }
  return cached;
}

function timed(spec: RequestSpec): { cpuMs: number; wallMs: number; action: string; decidedBy: string | null } {
  const w = pl4();
  const req = input(spec);
  const cpu0 = process.threadCpuUsage();
  const t0 = performance.now();
  const out = w.inspect(req, 'redos');
  const wallMs = performance.now() - t0;
  const cpu = process.threadCpuUsage(cpu0);
  assert.ok(!(out instanceof Promise));
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs, action: out.action, decidedBy: out.decidedBy };
}

for (const s of SHAPES) {
  test(`CRS v4 PL4: 50 KB of ${s.name} in a header or a JSON field is refused before any rule runs`, { skip: skipV4 }, (t) => {
    for (const spec of [
      { method: 'POST', target: CHAT_TARGET, headers: [...HEADERS, ['X-Custom-Data', repeat(s.unit, 50_000)]], body: chatBody() },
      { method: 'POST', target: CHAT_TARGET, headers: HEADERS, body: chatBody({ user: repeat(s.unit, 50_000) }) },
    ] as RequestSpec[]) {
      const r = timed(spec);
      t.diagnostic(`${r.cpuMs.toFixed(1)} ms CPU, ${r.decidedBy}`);
      assert.equal(r.action, 'block');
      assert.equal(r.decidedBy, 'portcullis-field-too-long');
      assert.ok(r.cpuMs < REFUSE_MS, `${r.cpuMs.toFixed(0)} ms CPU`);
    }
  });

  test(`CRS v4 PL4: eight fields of 3.9 KB of ${s.name} (about the most a request may bring) < ${LIMIT_MS} ms CPU`, { skip: skipV4 }, (t) => {
    const metadata: Record<string, string> = {};
    for (let i = 0; i < 8; i++) metadata[`k${i}`] = `${repeat(s.unit, 3900)}${i}`;
    const r = timed({ method: 'POST', target: CHAT_TARGET, headers: HEADERS, body: chatBody({ metadata }) });
    t.diagnostic(`8 × 3.9 KB in metadata: ${r.cpuMs.toFixed(0)} ms CPU, ${r.wallMs.toFixed(0)} ms wall, ${r.action} (${r.decidedBy})`);
    assert.notEqual(r.decidedBy, 'portcullis-field-too-long');
    assert.ok(r.cpuMs < LIMIT_MS, `took ${r.cpuMs.toFixed(0)} ms CPU (${r.wallMs.toFixed(0)} ms wall)`);
  });
}

test('more than maxInspectBytes of short fields, all together, is refused too', { skip: skipV4 }, () => {
  const metadata: Record<string, string> = {};
  for (let i = 0; i < 12; i++) metadata[`k${i}`] = repeat('x', 3000);
  const r = timed({ method: 'POST', target: CHAT_TARGET, headers: HEADERS, body: chatBody({ metadata }) });
  assert.equal(r.decidedBy, 'portcullis-field-too-long');
  assert.ok(r.cpuMs < REFUSE_MS);
});
