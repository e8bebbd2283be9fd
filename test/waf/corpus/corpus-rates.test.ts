/**
 * The WAF's measured rates on the project corpus, enforced: the defaults (CRS v4 PL1,
 * gateway rules, LLM rules) must keep web-attack detection ≥ 95 %, benign false
 * positives ≤ 0.5 % and secret/PII detection ≥ 95 %. `npm run waf:corpus` prints the
 * full report the README quotes. The held-out corpus (holdout/) is reported, not
 * enforced: it exists to show how far these numbers carry to traffic the rules were not
 * tuned on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CRS_V4_RULES, hasV4 } from '../crs-dirs.js';
import { loadCorpus } from './load.js';
import { scoreCorpus } from './score.js';
import { createCorpusWaf, defaultWafConfig } from './run-waf.js';

test('default WAF on the project corpus meets the detection and false-positive targets', { skip: hasV4 ? false : `CRS v4 not found at ${CRS_V4_RULES}` }, async (t) => {
  const { run } = await createCorpusWaf(defaultWafConfig(CRS_V4_RULES));
  const report = await scoreCorpus(loadCorpus(), run);
  const s = report.summary;
  t.diagnostic(`web ${s.webAttackDetection.rate}, benign FP ${s.benignFalsePositive.rate}, secrets ${s.secretDetection.rate}, injection ${s.injectionDetection.rate}, ssrf ${s.ssrfDetection.rate}`);
  assert.equal(report.errors.length, 0, report.errors.map((e) => `${e.id}: ${e.error}`).join('\n'));
  for (const target of report.targets) assert.ok(target.met, `${target.name}: ${JSON.stringify(target)}`);
});
