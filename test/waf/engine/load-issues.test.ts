/**
 * Load issues (src/waf/engine/load-issues.ts): whatever the engine cannot run as written is
 * reported by rule id, and only that rule is affected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadIssue } from '../../../src/waf/engine/load-issues.js';
import type { LoadedRuleSet } from '../../../src/waf/ruleset.js';
import { CRS_V33_RULES, CRS_V4_RULES, hasV33, hasV4 } from '../crs-dirs.js';
import { crsRuleSet, ids, request, ruleSet, run } from './helpers.js';

const skipV4 = hasV4 ? false : `CRS v4 not found at ${CRS_V4_RULES}; set PORTCULLIS_CRS_V4_DIR to a coreruleset v4 checkout`;
const skipV33 = hasV33 ? false : `CRS 3.3 not found at ${CRS_V33_RULES}; install Debian's modsecurity-crs package`;

function issuesOf(rs: LoadedRuleSet, ruleId: string): LoadIssue[] {
  return rs.issues.filter((i) => i.ruleId === ruleId);
}

/** True when a rule with this id is loaded in some phase. */
function loaded(rs: LoadedRuleSet, id: string): boolean {
  return rs.phases.some((p) => p.entries.some((e) => e.kind === 'rule' && e.id === id));
}

function brief(issues: readonly LoadIssue[]): string[] {
  return issues.map((i) => `${i.kind}:${i.name}:${i.effect}`);
}

test('CRS 3.3: geoLookup/GEO (910100) and rbl (910140) are disabled by id; phase:5 rules are not_run', { skip: skipV33 }, () => {
  const rs = crsRuleSet(CRS_V33_RULES);
  assert.equal(rs.crs?.major, 3);

  const geo = issuesOf(rs, '910100');
  assert.ok(geo.some((i) => i.kind === 'operator' && i.name === 'geoLookup' && i.effect === 'rule_disabled'), brief(geo).join(', '));
  assert.ok(geo.some((i) => i.kind === 'variable' && i.name === 'GEO' && i.effect === 'rule_disabled'), brief(geo).join(', '));
  assert.ok(geo.every((i) => /\.conf$/.test(i.file) && i.line > 0));
  assert.equal(loaded(rs, '910100'), false);

  const rbl = issuesOf(rs, '910140');
  assert.ok(rbl.some((i) => i.kind === 'operator' && i.name === 'rbl' && i.effect === 'rule_disabled'), brief(rbl).join(', '));
  assert.equal(loaded(rs, '910140'), false);

  // The DoS-protection counters of REQUEST-912 run in the logging phase.
  const notRun = rs.issues.filter((i) => i.effect === 'not_run');
  assert.ok(notRun.length > 0);
  for (const i of notRun) {
    assert.equal(i.kind, 'phase');
    assert.equal(i.name, 'phase:5', `${i.ruleId}: ${i.name}`);
    assert.match(i.ruleId ?? '', /^\d+$/);
  }
  assert.ok(notRun.some((i) => i.ruleId === '912110'), notRun.map((i) => i.ruleId).join(' '));
  // not_run rules stay loaded (in phase 5, which the gateway never runs).
  assert.ok(rs.phases[5]!.entries.some((e) => e.kind === 'rule' && e.id === '912110'));

  // Nothing else is disabled: the rest of CRS 3.3 runs.
  const disabled = new Set(rs.issues.filter((i) => i.effect === 'rule_disabled').map((i) => i.ruleId));
  assert.deepEqual([...disabled].sort(), ['910100', '910140']);
  assert.equal(rs.issues.filter((i) => i.effect === 'load_error').length, 0);
});

test('CRS 3.3 logging-phase correlation rules (RESPONSE-980) are reported not_run by id', { skip: skipV33 }, () => {
  const withResponse = ruleSet('', {
    crs: { rulesDir: CRS_V33_RULES, files: ['REQUEST-901-INITIALIZATION.conf', 'RESPONSE-980-CORRELATION.conf'], paranoiaLevel: 1, detectionParanoiaLevel: 1, inboundAnomalyThreshold: 5, allowedMethods: ['GET'] },
  });
  const correlation = withResponse.issues.filter((i) => i.ruleId?.startsWith('980'));
  assert.ok(correlation.length >= 5, brief(correlation).join(', '));
  for (const i of correlation) assert.deepEqual([i.kind, i.name, i.effect], ['phase', 'phase:5', 'not_run']);
});

test('CRS v4 at PL1 loads with no rule_disabled and no load_error issue', { skip: skipV4 }, () => {
  const rs = crsRuleSet(CRS_V4_RULES);
  assert.equal(rs.crs?.major, 4);
  assert.ok(rs.ruleCount > 400, `${rs.ruleCount} rules`);
  const bad = rs.issues.filter((i) => i.effect === 'rule_disabled' || i.effect === 'load_error');
  assert.deepEqual(bad.map((i) => `${i.ruleId}: ${i.message}`), []);
});

test('unknown operator, transformation and action: reported with the rule id; that rule is disabled, the rest runs', () => {
  const rs = ruleSet(`
SecRule ARGS "@noSuchOperator x" "id:101,phase:1,deny"
SecRule ARGS "@rx x" "id:102,phase:1,deny,t:noSuchTransform"
SecRule ARGS "@rx x" "id:103,phase:1,deny,noSuchAction:1"
SecAction "id:199,phase:1,pass,setvar:tx.ran=1"
SecRule ARGS "@rx x" "id:200,phase:2,deny,status:418"
`);
  for (const id of ['101', '102', '103']) {
    const mine = issuesOf(rs, id);
    assert.equal(mine.length, 1, `${id}: ${brief(mine).join(', ')}`);
    assert.equal(mine[0]!.effect, 'rule_disabled');
    assert.equal(loaded(rs, id), false);
  }
  assert.match(issuesOf(rs, '101')[0]!.message, /noSuchOperator/);
  assert.match(issuesOf(rs, '102')[0]!.message, /noSuchTransform/);
  assert.match(issuesOf(rs, '103')[0]!.message, /noSuchAction/);
  assert.equal(rs.ruleCount, 2);
  const tx = run(rs, request({ target: '/?a=x' }));
  assert.equal(tx.tx('ran'), '1');
  assert.deepEqual(tx.interruption, { ruleId: '200', action: 'deny', status: 418 });
});

test('SecLang operators, transformations and actions this engine does not implement are disabled by id', () => {
  const rs = ruleSet(`
SecRule ARGS "@verifyCC \\d{13,16}" "id:111,phase:2,deny"
SecRule ARGS "@rx x" "id:112,phase:2,deny,t:parityEven7bit"
SecRule ARGS "@rx x" "id:113,phase:2,deny,exec:/usr/bin/true"
SecRule ARGS:a "@rx x" "id:114,phase:2,pass,chain"
    SecRule ARGS:b "@inspectFile /bin/check" "setvar:tx.x=1"
SecRule ARGS "@rx x" "id:120,phase:2,pass,setvar:tx.ran=1"
`);
  assert.deepEqual(brief(issuesOf(rs, '111')), ['operator:verifyCC:rule_disabled']);
  assert.deepEqual(brief(issuesOf(rs, '112')), ['transformation:parityEven7bit:rule_disabled']);
  assert.deepEqual(brief(issuesOf(rs, '113')), ['action:exec:rule_disabled']);
  // An unsupported chain link disables the whole chain, under the starter's id.
  assert.deepEqual(brief(issuesOf(rs, '114')), ['operator:inspectFile:rule_disabled']);
  for (const id of ['111', '112', '113', '114']) assert.equal(loaded(rs, id), false, id);
  const tx = run(rs, request({ target: '/?a=x&b=x' }));
  assert.equal(tx.interruption, null);
  assert.deepEqual(ids(tx), ['120']);
});

test('a response variable in a request-phase rule is reported and the rule disabled', () => {
  const rs = ruleSet(`
SecRule RESPONSE_BODY "@rx secret" "id:301,phase:2,deny"
SecRule RESPONSE_HEADERS:Content-Type "@rx html" "id:302,phase:2,deny"
SecRule ARGS "@rx secret" "id:303,phase:2,deny"
`);
  for (const [id, name] of [['301', 'RESPONSE_BODY'], ['302', 'RESPONSE_HEADERS']] as const) {
    const mine = issuesOf(rs, id);
    assert.deepEqual(brief(mine), [`variable:${name}:rule_disabled`]);
    assert.match(mine[0]!.message, /response variable/);
  }
  assert.equal(run(rs, request({ target: '/?q=secret' })).interruption?.ruleId, '303');
});

test('SecRuleUpdateActionById is a load_error naming the rule', () => {
  const rs = ruleSet(`
SecRule ARGS "@rx x" "id:401,phase:2,deny"
SecRuleUpdateActionById 401 "pass"
`);
  const mine = issuesOf(rs, '401');
  assert.deepEqual(brief(mine), ['directive:SecRuleUpdateActionById:load_error']);
  assert.ok(mine[0]!.line > 0);
  // The rule itself is unchanged.
  assert.equal(run(rs, request({ target: '/?a=x' })).interruption?.ruleId, '401');
});

test('partial support is reported without disabling: initcol, expirevar, redirect, a link\'s disruptive action', () => {
  const rs = ruleSet(`
SecAction "id:501,phase:1,pass,nolog,initcol:ip=%{REMOTE_ADDR},setvar:tx.a=1,expirevar:ip.a=60"
SecRule ARGS "@rx x" "id:502,phase:2,redirect:http://example.com/"
SecRule ARGS:a "@rx x" "id:503,phase:2,pass,chain"
    SecRule ARGS:b "@rx x" "drop"
`);
  assert.deepEqual(brief(issuesOf(rs, '501')), ['action:initcol:partial', 'action:expirevar:partial']);
  assert.deepEqual(brief(issuesOf(rs, '502')), ['action:redirect:partial']);
  assert.deepEqual(brief(issuesOf(rs, '503')), ['action:drop:partial']);
  assert.equal(rs.ruleCount, 3);
  const tx = run(rs, request({ target: '/?a=x&b=x' }));
  assert.equal(tx.tx('a'), '1');
  assert.equal(tx.interruption?.ruleId, '502');
  assert.equal(tx.interruption?.action, 'deny', 'redirect is applied as deny');
});
