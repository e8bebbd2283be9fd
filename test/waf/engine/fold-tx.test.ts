/**
 * Rules evaluated at load (src/waf/engine/fold-tx.ts): what they fold, what they must not,
 * and that a folded CRS gives the same verdicts as the rules run as written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractRequest } from '../../../src/waf/request/extract.js';
import type { LoadedRuleSet } from '../../../src/waf/ruleset.js';
import { ValueMemo } from '../../../src/waf/engine/value-memo.js';
import { cleanRuleSet, crsRuleSet, ids, request, run } from './helpers.js';
import { CRS_V33_RULES, CRS_V4_RULES, hasV33, hasV4 } from '../crs-dirs.js';
import { loadCorpus, toWireRequest } from '../corpus/load.js';

/** Ids of the rules still evaluated per request in a phase (not folded). */
function evaluated(rs: LoadedRuleSet, phase: number): string[] {
  return rs.phases[phase]!.program.entries.flatMap((e) => (e.kind === 'rule' ? [e.id] : []));
}

const denied = (rs: LoadedRuleSet, spec: Parameters<typeof request>[0]): string | null => run(rs, request(spec)).interruption?.ruleId ?? null;

test('paranoia-level checks and setup values are evaluated at load; the rules they skip are dropped', () => {
  const rs = cleanRuleSet(`
SecAction "id:1,phase:1,pass,nolog,setvar:tx.level=1"
SecRule TX:LEVEL "@lt 2" "id:2,phase:1,pass,nolog,skipAfter:END-PL2"
SecRule ARGS "@rx evil" "id:3,phase:1,deny"
SecMarker END-PL2
SecRule TX:LEVEL "@ge 1" "id:4,phase:2,pass,nolog,setvar:tx.seen=+1"
SecRule ARGS "@rx bad" "id:5,phase:2,deny"
`);
  assert.deepEqual(evaluated(rs, 1), []);
  assert.deepEqual(evaluated(rs, 2), ['5']);
  assert.ok(rs.phases[1]!.entries.some((e) => e.kind === 'rule' && e.id === '3'), 'the rule as written stays listed');
  assert.equal(denied(rs, { target: '/?q=evil' }), null);
  assert.equal(denied(rs, { target: '/?q=bad' }), '5');
  const tx = run(rs, request({ target: '/?q=fine' }));
  assert.equal(tx.tx('level'), '1');
  assert.equal(tx.tx('seen'), '1');

  const pl2 = cleanRuleSet(`
SecAction "id:1,phase:1,pass,nolog,setvar:tx.level=2"
SecRule TX:LEVEL "@lt 2" "id:2,phase:1,pass,nolog,skipAfter:END-PL2"
SecRule ARGS "@rx evil" "id:3,phase:1,deny"
SecMarker END-PL2
`);
  assert.deepEqual(evaluated(pl2, 1), ['3']);
  assert.equal(denied(pl2, { target: '/?q=evil' }), '3');
});

test('a key a request can write is not folded', () => {
  const rs = cleanRuleSet(`
SecAction "id:10,phase:1,pass,nolog,setvar:tx.level=1"
SecRule REQUEST_HEADERS:X-Level "@rx ^(\\d)$" "id:11,phase:1,pass,nolog,capture,setvar:tx.level=%{tx.1}"
SecRule TX:LEVEL "@lt 2" "id:12,phase:1,pass,nolog,skipAfter:END"
SecRule ARGS "@rx evil" "id:13,phase:1,deny"
SecMarker END
`);
  assert.ok(evaluated(rs, 1).includes('12'));
  assert.equal(denied(rs, { target: '/?q=evil' }), null);
  assert.equal(denied(rs, { target: '/?q=evil', headers: [['X-Level', '2']] }), '13');
});

test('a write inside a stretch a request may skip is unknown after it', () => {
  const rs = cleanRuleSet(`
SecRule REQUEST_HEADERS:X-Fast "@streq yes" "id:30,phase:1,pass,nolog,skipAfter:AFTER-INIT"
SecAction "id:31,phase:1,pass,nolog,setvar:tx.strict=1"
SecMarker AFTER-INIT
SecRule &TX:STRICT "@eq 0" "id:32,phase:2,pass,nolog,skipAfter:END"
SecRule ARGS "@rx x" "id:33,phase:2,deny"
SecMarker END
`);
  assert.ok(evaluated(rs, 2).includes('32'));
  assert.equal(denied(rs, { target: '/?q=x' }), '33');
  assert.equal(denied(rs, { target: '/?q=x', headers: [['X-Fast', 'yes']] }), null);
});

test('a folded rule a ctl may remove is still removed, and what it wrote is not relied on', () => {
  const rs = cleanRuleSet(`
SecRule REQUEST_HEADERS:X-Skip "@streq yes" "id:20,phase:1,pass,nolog,ctl:ruleRemoveById=21"
SecAction "id:21,phase:1,pass,nolog,setvar:tx.score=5"
SecRule TX:SCORE "@ge 5" "id:22,phase:2,pass,nolog,skipAfter:END"
SecRule ARGS "@rx ." "id:23,phase:2,deny"
SecMarker END
`);
  assert.ok(evaluated(rs, 2).includes('22'));
  assert.equal(denied(rs, { target: '/?q=a' }), null);
  assert.equal(denied(rs, { target: '/?q=a', headers: [['X-Skip', 'yes']] }), '23');
});

test('a folded jump a ctl may remove keeps the rules it skips, unless the same ctl removes them all', () => {
  const rs = cleanRuleSet(`
SecRule REQUEST_HEADERS:X-Skip "@streq yes" "id:60,phase:1,pass,nolog,ctl:ruleRemoveById=62"
SecAction "id:61,phase:1,pass,nolog,setvar:tx.pl=1"
SecRule TX:PL "@lt 2" "id:62,phase:1,pass,nolog,skipAfter:END"
SecRule ARGS "@rx w" "id:63,phase:1,deny"
SecMarker END
`);
  assert.deepEqual(evaluated(rs, 1), ['60', '63']);
  assert.equal(denied(rs, { target: '/?q=w' }), null);
  assert.equal(denied(rs, { target: '/?q=w', headers: [['X-Skip', 'yes']] }), '63');

  // As CRS does it: ctl:ruleRemoveByTag=OWASP_CRS removes the jump and all it skips alike.
  const crsLike = cleanRuleSet(`
SecAction "id:71,phase:1,pass,nolog,tag:'crs',setvar:tx.pl=1"
SecRule REQUEST_HEADERS:X-Off "@streq yes" "id:70,phase:1,pass,nolog,ctl:ruleRemoveByTag=crs"
SecRule TX:PL "@lt 2" "id:72,phase:1,pass,nolog,tag:'crs',skipAfter:END"
SecRule ARGS "@rx w" "id:73,phase:1,deny,tag:'crs'"
SecMarker END
`);
  assert.deepEqual(evaluated(crsLike, 1), ['70']);
  assert.equal(denied(crsLike, { target: '/?q=w' }), null);
  assert.equal(denied(crsLike, { target: '/?q=w', headers: [['X-Off', 'yes']] }), null);
});

test('rules another jump lands among are kept behind a folded jump', () => {
  const rs = cleanRuleSet(`
SecAction "id:40,phase:1,pass,nolog,setvar:tx.pl=1"
SecRule REQUEST_HEADERS:X-Jump "@streq yes" "id:41,phase:1,pass,nolog,skipAfter:MIDDLE"
SecRule TX:PL "@lt 2" "id:42,phase:1,pass,nolog,skipAfter:END"
SecMarker MIDDLE
SecRule ARGS "@rx z" "id:43,phase:1,deny"
SecMarker END
`);
  assert.ok(rs.phases[1]!.program.entries.some((e) => e.kind === 'jump' && e.rule.id === '42'));
  assert.equal(denied(rs, { target: '/?q=z' }), null);
  assert.equal(denied(rs, { target: '/?q=z', headers: [['X-Jump', 'yes']] }), '43');
});

test('a rule whose condition never holds is dropped, whatever its actions read', () => {
  const text = (level: number): string => `
SecAction "id:80,phase:1,pass,nolog,setvar:tx.level=${level}"
SecRule ARGS "@rx ." "id:81,phase:2,pass,nolog,setvar:tx.pl2_score=+5"
SecRule TX:LEVEL "@ge 2" "id:82,phase:2,pass,nolog,setvar:'tx.total=+%{tx.pl2_score}'"
`;
  const pl1 = cleanRuleSet(text(1));
  assert.deepEqual(evaluated(pl1, 2), ['81']);
  assert.equal(run(pl1, request({ target: '/?a=x' })).tx('total'), undefined);
  const pl2 = cleanRuleSet(text(2));
  assert.deepEqual(evaluated(pl2, 2), ['81', '82']);
  assert.equal(run(pl2, request({ target: '/?a=x' })).tx('total'), '5');
});

test('a folded rule runs its actions as each value matches, as at run time', () => {
  const text = `
SecAction "id:90,phase:1,pass,nolog,setvar:tx.a=1"
SecRule TX:A|TX:B "@eq 1" "id:91,phase:1,pass,nolog,setvar:tx.b=1,setvar:tx.n=+1"
`;
  const rs = cleanRuleSet(text);
  assert.deepEqual(evaluated(rs, 1), []);
  assert.equal(run(rs, request({})).tx('n'), '2', 'TX:B was set by the match on TX:A');
  assert.equal(run(cleanRuleSet(text, { foldConstants: false }), request({})).tx('n'), '2');
});

test('logged, chained and request-reading TX rules run as written', () => {
  const rs = cleanRuleSet(`
SecAction "id:50,phase:1,pass,nolog,setvar:tx.a=1"
SecRule TX:A "@eq 1" "id:51,phase:1,pass,log,msg:'logged'"
SecRule TX:A "@eq 1" "id:52,phase:1,pass,nolog,chain"
  SecRule TX:A "@eq 1" "setvar:tx.b=1"
SecRule TX:A "@eq 1" "id:53,phase:1,pass,nolog,setvar:tx.c=%{REQUEST_METHOD}"
`);
  assert.deepEqual(evaluated(rs, 1), ['51', '52', '53']);
  const tx = run(rs, request({ method: 'GET' }));
  assert.deepEqual(ids(tx), ['51']);
  assert.equal(tx.tx('b'), '1');
  assert.equal(tx.tx('c'), 'GET');
});

/** Everything a caller reads from a transaction. */
function verdict(rs: LoadedRuleSet, memo: ValueMemo, wire: ReturnType<typeof toWireRequest>, id: string): string {
  const tx = run(rs, extractRequest({ ...wire, httpVersion: '1.1', remoteAddress: '203.0.113.7' }, {}), 'On', memo);
  return JSON.stringify([tx.matches.map((m) => [m.id, m.msg, m.variable]), tx.interruption, tx.tx('blocking_inbound_anomaly_score') ?? tx.tx('anomaly_score') ?? null, id]);
}

const crsSets: [string, string, number, number][] = [];
if (hasV4) crsSets.push(['CRS v4', CRS_V4_RULES, 1, 1], ['CRS v4', CRS_V4_RULES, 1, 2], ['CRS v4', CRS_V4_RULES, 3, 3]);
if (hasV33) crsSets.push(['CRS 3.3', CRS_V33_RULES, 1, 1]);

for (const [name, dir, pl, detection] of crsSets) {
  test(`${name} at paranoia level ${pl} (detection ${detection}): folded or not, every corpus request gets the same verdict`, () => {
    const levels = { paranoiaLevel: pl, detectionParanoiaLevel: detection };
    const folded = crsRuleSet(dir, levels);
    const plain = crsRuleSet(dir, levels, { foldConstants: false });
    assert.ok(evaluated(folded, 1).length + evaluated(folded, 2).length < evaluated(plain, 1).length + evaluated(plain, 2).length - 40, 'the CRS set-up and paranoia checks are folded');
    const memos = [new ValueMemo(folded.memo.slots), new ValueMemo(plain.memo.slots)];
    let differ = 0;
    const cases = loadCorpus();
    // Twice: the second pass runs on remembered verdicts (the per-group fold of misses).
    for (let pass = 0; pass < 2; pass++) {
      for (const c of cases) {
        const wire = toWireRequest(c);
        const a = verdict(folded, memos[0]!, wire, c.id);
        const b = verdict(plain, memos[1]!, wire, c.id);
        if (a !== b && differ++ < 3) assert.equal(a, b, `${c.id} (pass ${pass + 1})`);
      }
    }
    assert.equal(differ, 0);
  });
}
