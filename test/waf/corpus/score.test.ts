/** The scorer's arithmetic and report, on a tiny hand-made corpus and a fake WAF. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CorpusCase } from './types.js';
import { formatReport, passes, scoreCorpus, summarise } from './score.js';

const mk = (id: string, category: string, expect: CorpusCase['expect'], tags?: string[]): CorpusCase => ({
  id, category, expect, method: 'POST', path: '/openai/v1/chat/completions', headers: { host: 'gw', 'content-type': 'application/json' }, body: { model: 'm', messages: [] }, ...(tags ? { tags } : {}),
});

const cases: CorpusCase[] = [
  mk('benign-prose-0001', 'benign.prose', 'allow'),
  mk('benign-prose-0002', 'benign.prose', 'allow'),
  mk('benign-code-0001', 'benign.code', 'allow'),
  mk('benign-code-0002', 'benign.code', 'allow'),
  mk('web-sqli-query-0001', 'web.sqli.query', 'block'),
  mk('web-sqli-query-0002', 'web.sqli.query', 'block'),
  mk('web-xss-query-0001', 'web.xss.query', 'block'),
  mk('secret-iban-0001', 'secret.iban', 'detect'),
  mk('secret-iban-0002', 'secret.iban', 'detect'),
  mk('injection-roleplay_escape-0001', 'injection.roleplay_escape', 'block', ['multilingual']),
  mk('injection-roleplay_escape-0002', 'injection.roleplay_escape', 'block'),
  mk('ssrf-image_url-0001', 'ssrf.image_url', 'block'),
];

const verdicts: Record<string, { blocked: boolean; redacted: boolean; findings: string[] } | 'throw'> = {
  'benign-prose-0001': { blocked: false, redacted: false, findings: [] },
  'benign-prose-0002': { blocked: false, redacted: false, findings: ['llm.secret.email'] }, // log-only: not an FP
  'benign-code-0001': { blocked: true, redacted: false, findings: ['942100', '949110'] },
  'benign-code-0002': { blocked: false, redacted: true, findings: ['llm.secret.generic_api_key'] },
  'web-sqli-query-0001': { blocked: true, redacted: false, findings: ['942100'] },
  'web-sqli-query-0002': { blocked: false, redacted: false, findings: ['942432'] },
  'web-xss-query-0001': 'throw',
  'secret-iban-0001': { blocked: false, redacted: false, findings: ['llm.secret.iban'] },
  'secret-iban-0002': { blocked: false, redacted: false, findings: [] },
  'injection-roleplay_escape-0001': { blocked: true, redacted: false, findings: ['llm.injection.roleplay_escape'] },
  'injection-roleplay_escape-0002': { blocked: false, redacted: false, findings: [] },
  'ssrf-image_url-0001': { blocked: true, redacted: false, findings: ['llm.ssrf'] },
};

test('expectations', () => {
  const r = (blocked: boolean, redacted: boolean, findings: string[] = []): { blocked: boolean; redacted: boolean; findings: string[] } => ({ blocked, redacted, findings });
  assert.equal(passes('allow', r(false, false, ['x'])), true);
  assert.equal(passes('allow', r(false, true)), false);
  assert.equal(passes('block', r(false, true)), false);
  assert.equal(passes('redact', r(true, false)), true);
  assert.equal(passes('detect', r(false, false, ['x'])), true);
  assert.equal(passes('detect', r(false, false)), false);
});

test('scoreCorpus counts per category and overall, with errors as failures', async () => {
  const report = await scoreCorpus(cases, async (c) => {
    const v = verdicts[c.id]!;
    if (v === 'throw') throw new Error('boom');
    return v;
  }, { concurrency: 3 });
  const s = report.summary;
  assert.deepEqual([s.benignFalsePositive.hits, s.benignFalsePositive.total], [2, 4]);
  assert.deepEqual([s.webAttackDetection.hits, s.webAttackDetection.total], [1, 3]);
  assert.deepEqual([s.secretDetection.hits, s.secretDetection.total], [1, 2]);
  assert.deepEqual([s.injectionMultilingual.hits, s.injectionMultilingual.total], [1, 1]);
  assert.equal(s.injectionByCategory.roleplay_escape!.rate, 0.5);
  assert.equal(s.webByGroup.sqli!.rate, 0.5);
  assert.equal(s.ssrfDetection.rate, 1);
  const prose = report.categories.find((c) => c.category === 'benign.prose')!;
  assert.deepEqual([prose.count, prose.logOnly, prose.rate], [0, 1, 0]);
  const iban = report.categories.find((c) => c.category === 'secret.iban')!;
  assert.equal(iban.typed, 1);
  assert.deepEqual(report.misses.map((o) => o.id), ['web-sqli-query-0002', 'web-xss-query-0001', 'secret-iban-0002', 'injection-roleplay_escape-0002']);
  assert.deepEqual(summarise([...report.outcomes].reverse(), cases).misses.map((o) => o.id), report.misses.map((o) => o.id), 'lists follow category order, not run order');
  assert.deepEqual(report.falsePositives.map((o) => o.id), ['benign-code-0001', 'benign-code-0002']);
  assert.deepEqual(report.errors.map((o) => o.id), ['web-xss-query-0001']);
  assert.deepEqual(report.targets.map((t) => t.met), [false, false, false]);
  // Outcomes keep corpus order even with concurrency.
  assert.deepEqual(report.outcomes.map((o) => o.id), cases.map((c) => c.id));

  const md = formatReport(report);
  assert.match(md, /\| Web-layer attack detection \| 33\.3 % \(1\/3\) \| ≥ 95\.0 % \| \*\*no\*\* \|/);
  assert.match(md, /\| Benign false-positive rate \| 50\.0 % \(2\/4\) \| ≤ 0\.5 % \|/);
  assert.match(md, /\| `benign-code-0001` \| benign\.code \| blocked \| `942100`, `949110` \|/);
  assert.match(md, /\| `web-xss-query-0001` \| web\.xss\.query \| error: boom \|/);
  assert.match(md, /\| benign\.prose \| 2 \| allow \| 0 FP \| 0\.0 % FP \| 1 log-only \|/);
  assert.match(md, /\*multilingual \(any category\)\* \| 100\.0 % \(1\/1\)/);
});

test('an empty run reports no rates rather than dividing by zero', async () => {
  const report = await scoreCorpus([], async () => ({ blocked: false, redacted: false, findings: [] }));
  assert.equal(report.summary.webAttackDetection.rate, null);
  assert.deepEqual(report.targets.map((t) => t.met), [null, null, null]);
  assert.match(formatReport(report), /no cases/);
});
