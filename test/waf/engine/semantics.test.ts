/**
 * SecLang rule semantics of the engine (src/waf/engine/), rule by rule, against what
 * ModSecurity v2 does. Rules are hand-written (loadRuleSet customText); requests are built
 * by extractRequest() as the gateway builds them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanRuleSet, ids, request, ruleSet, run } from './helpers.js';

// ---------------------------------------------------------------------------------------
// SecRule / SecAction basics
// ---------------------------------------------------------------------------------------

test('SecRule: a matching value denies with status, records id, msg (macros expanded) and variable', () => {
  const rs = cleanRuleSet(`
SecRule ARGS:q "@rx attack" "id:1,phase:1,deny,status:401,severity:CRITICAL,msg:'found in %{MATCHED_VAR_NAME}',tag:'t1'"
`);
  const tx = run(rs, request({ target: '/search?q=an+attack+here' }));
  assert.deepEqual(tx.interruption, { ruleId: '1', action: 'deny', status: 401 });
  assert.equal(tx.stoppedEarly, true);
  assert.equal(tx.matches.length, 1);
  const m = tx.matches[0]!;
  assert.equal(m.id, '1');
  assert.equal(m.phase, 1);
  assert.equal(m.msg, 'found in ARGS:q');
  assert.equal(m.severity, 2);
  assert.deepEqual(m.tags, ['t1']);
  assert.equal(m.variable, 'ARGS:q');

  const clean = run(rs, request({ target: '/search?q=harmless' }));
  assert.equal(clean.interruption, null);
  assert.deepEqual(ids(clean), []);
});

test('SecRule: deny without status answers 403; JSON fields are named json.<path>', () => {
  const rs = cleanRuleSet('SecRule ARGS "@streq evil" "id:1,phase:2,deny"');
  const tx = run(rs, request({ body: { model: 'm', metadata: { x: 'evil' } } }));
  assert.deepEqual(tx.interruption, { ruleId: '1', action: 'deny', status: 403 });
  assert.equal(tx.matches[0]!.variable, 'ARGS:json.metadata.x');
});

test('SecAction always matches; nolog keeps it out of the matches, log (the default) records it', () => {
  const rs = cleanRuleSet(`
SecAction "id:1,phase:1,pass,nolog,setvar:tx.a=1"
SecAction "id:2,phase:1,pass,setvar:tx.b=2"
`);
  const tx = run(rs, request());
  assert.equal(tx.tx('a'), '1');
  assert.equal(tx.tx('b'), '2');
  assert.deepEqual(ids(tx), ['2']);
  assert.equal(tx.interruption, null);
});

test('operator negation: !@streq and !@rx match when the operator does not', () => {
  const rs = cleanRuleSet(`
SecRule REQUEST_METHOD "!@streq GET" "id:1,phase:1,pass,setvar:tx.not_get=1"
SecRule REQUEST_HEADERS:User-Agent "!@rx ^Mozilla" "id:2,phase:1,pass,setvar:tx.not_mozilla=1"
`);
  const get = run(rs, request({ headers: [['User-Agent', 'Mozilla/5.0']] }));
  assert.equal(get.tx('not_get'), undefined);
  assert.equal(get.tx('not_mozilla'), undefined);
  const post = run(rs, request({ method: 'POST', headers: [['User-Agent', 'curl/8']], body: 'x' }));
  assert.equal(post.tx('not_get'), '1');
  assert.equal(post.tx('not_mozilla'), '1');
  assert.deepEqual(ids(post), ['1', '2']);
});

// ---------------------------------------------------------------------------------------
// Targets: & counts, ! exclusions, /regex/ selectors, case-insensitive keys
// ---------------------------------------------------------------------------------------

test('&COLL counts members; &COLL:key counts one key (0 when absent); keys are case-insensitive', () => {
  const rs = cleanRuleSet(`
SecRule &ARGS "@eq 3" "id:1,phase:1,pass,nolog,setvar:tx.three_args=1"
SecRule &ARGS:missing "@eq 0" "id:2,phase:1,pass,nolog,setvar:tx.no_missing=1"
SecRule &REQUEST_HEADERS:X-Trace "@eq 1" "id:3,phase:1,pass,nolog,setvar:tx.one_trace=1"
SecRule &ARGS:A "@eq 2" "id:4,phase:1,pass,nolog,setvar:tx.two_a=1"
`);
  const tx = run(rs, request({ target: '/?a=1&A=2&b=3', headers: [['x-TRACE', 't']] }));
  assert.equal(tx.tx('three_args'), '1');
  assert.equal(tx.tx('no_missing'), '1');
  assert.equal(tx.tx('one_trace'), '1');
  assert.equal(tx.tx('two_a'), '1', 'ARGS:A selects both a and A');
  // The matched name of a count target is &COLL.
  const named = cleanRuleSet('SecRule &ARGS "@gt 0" "id:1,phase:1,pass,setvar:tx.n=%{MATCHED_VAR_NAME}"');
  assert.equal(run(named, request({ target: '/?x=1' })).tx('n'), '&ARGS');
});

test('! exclusions remove members by key or /regex/ (case-insensitive), only in the collection they name', () => {
  const rs = cleanRuleSet(`
SecRule ARGS|!ARGS:safe|!ARGS:/^TRUSTED_/ "@streq evil" "id:1,phase:2,pass,setvar:tx.hits=+1,setvar:'tx.last=%{MATCHED_VAR_NAME}'"
`);
  const tx = run(rs, request({ target: '/?SAFE=evil&trusted_1=evil&Trusted_2=evil&other=evil' }));
  assert.equal(tx.tx('hits'), '1');
  assert.equal(tx.tx('last'), 'ARGS:other');
  // !ARGS:x does not remove ARGS_GET:x (ModSecurity applies it to the named collection only).
  const other = cleanRuleSet('SecRule ARGS_GET|!ARGS:safe "@streq evil" "id:1,phase:2,deny"');
  assert.notEqual(run(other, request({ target: '/?safe=evil' })).interruption, null);
});

test('/regex/ selectors pick members by key, case-insensitively; key selectors ignore case too', () => {
  const rs = cleanRuleSet(`
SecRule ARGS:/^id_/ "@rx ^\\d+$" "id:1,phase:2,pass,nolog,setvar:tx.numeric_ids=+1"
SecRule REQUEST_HEADERS:/^x-custom-/ "@streq yes" "id:2,phase:1,pass,nolog,setvar:tx.custom=+1"
SecRule REQUEST_HEADERS:USER-AGENT "@streq ua" "id:3,phase:1,pass,nolog,setvar:tx.ua=1"
SecRule ARGS:/^ID_/ "@rx [a-z]" "id:4,phase:2,pass,nolog,setvar:tx.alpha_ids=+1"
`);
  const tx = run(rs, request({
    target: '/?ID_a=1&id_b=2&Id_c=x&other=3',
    headers: [['X-Custom-One', 'yes'], ['x-CUSTOM-two', 'yes'], ['X-Other', 'yes'], ['user-agent', 'ua']],
  }));
  assert.equal(tx.tx('numeric_ids'), '2');
  assert.equal(tx.tx('alpha_ids'), '1');
  assert.equal(tx.tx('custom'), '2');
  assert.equal(tx.tx('ua'), '1');
});

// ---------------------------------------------------------------------------------------
// Transformations
// ---------------------------------------------------------------------------------------

test('t: transformations run in order', () => {
  const rs = cleanRuleSet(`
SecRule REQUEST_HEADERS:X-V "@streq a" "id:1,phase:1,pass,nolog,t:none,t:urlDecode,t:lowercase,setvar:tx.decode_then_lower=1"
SecRule REQUEST_HEADERS:X-V "@streq a" "id:2,phase:1,pass,nolog,t:none,t:lowercase,t:urlDecode,setvar:tx.lower_then_decode=1"
`);
  const tx = run(rs, request({ headers: [['X-V', '%41']] }));
  assert.equal(tx.tx('decode_then_lower'), '1');
  assert.equal(tx.tx('lower_then_decode'), undefined, 'lowercase of %41 is %41, decoded to A, not a');
});

test('SecDefaultAction transformations are inherited; t:none resets them', () => {
  const rs = cleanRuleSet(`
SecDefaultAction "phase:2,log,pass,t:lowercase"
SecRule ARGS:x "@streq abc" "id:1,phase:2,pass,setvar:tx.inherited=1"
SecRule ARGS:x "@streq abc" "id:2,phase:2,pass,t:none,setvar:tx.reset=1"
SecRule ARGS:x "@streq ABC" "id:3,phase:2,pass,t:none,setvar:tx.reset_raw=1"
`);
  const tx = run(rs, request({ target: '/?x=ABC' }));
  assert.equal(tx.tx('inherited'), '1');
  assert.equal(tx.tx('reset'), undefined);
  assert.equal(tx.tx('reset_raw'), '1');
});

test('t:none resets the transformations listed before it in the same rule (ModSecurity v2)', {
}, () => {
  // ModSecurity v2 (re.c, msre_rule_process_normal) clears the list on t:none wherever it
  // appears, so `t:lowercase,t:none` applies nothing.
  const rs = cleanRuleSet('SecRule ARGS:x "@streq abc" "id:1,phase:2,pass,t:lowercase,t:none,setvar:tx.lowered=1"');
  const tx = run(rs, request({ target: '/?x=ABC' }));
  assert.equal(tx.tx('lowered'), undefined);
});

test('multiMatch: the operator also sees the value before and between transformations', () => {
  const rs = cleanRuleSet(`
SecRule REQUEST_HEADERS:X-V "@streq %41" "id:1,phase:1,pass,nolog,t:none,t:urlDecode,setvar:tx.single=1"
SecRule REQUEST_HEADERS:X-V "@streq %41" "id:2,phase:1,pass,nolog,t:none,t:urlDecode,multiMatch,setvar:'tx.multi=%{MATCHED_VAR}'"
SecRule REQUEST_HEADERS:X-V "@streq a" "id:3,phase:1,pass,nolog,t:none,t:urlDecode,t:lowercase,multiMatch,setvar:'tx.last_step=%{MATCHED_VAR}'"
`);
  const tx = run(rs, request({ headers: [['X-V', '%41']] }));
  assert.equal(tx.tx('single'), undefined);
  assert.equal(tx.tx('multi'), '%41', 'MATCHED_VAR is the value the operator matched');
  assert.equal(tx.tx('last_step'), 'a');
});

// ---------------------------------------------------------------------------------------
// Chains
// ---------------------------------------------------------------------------------------

test('chain: every link must match; disruptive action and status come from the starter', () => {
  const rs = cleanRuleSet(`
SecRule ARGS:a "@streq 1" "id:10,phase:2,deny,status:418,msg:'both',chain"
    SecRule ARGS:b "@streq 2" "chain"
        SecRule REQUEST_METHOD "@streq GET"
`);
  assert.deepEqual(run(rs, request({ target: '/?a=1&b=2' })).interruption, { ruleId: '10', action: 'deny', status: 418 });
  const partial = run(rs, request({ target: '/?a=1&b=3' }));
  assert.equal(partial.interruption, null);
  assert.deepEqual(ids(partial), []);
  assert.equal(run(rs, request({ target: '/?a=0&b=2' })).interruption, null);
});

test('chain: deny/skipAfter in a link have no effect (reported as partial), the starter decides', () => {
  const rs = ruleSet(`
SecRule ARGS:a "@streq 1" "id:1,phase:2,pass,chain"
    SecRule ARGS:b "@streq 2" "deny,skipAfter:END"
SecRule ARGS:a "@streq 1" "id:2,phase:2,pass,setvar:tx.after=1"
SecMarker END
`);
  const partial = rs.issues.filter((i) => i.ruleId === '1');
  assert.deepEqual(partial.map((i) => [i.name, i.effect]), [['deny', 'partial'], ['skipAfter', 'partial']]);
  const tx = run(rs, request({ target: '/?a=1&b=2' }));
  assert.equal(tx.interruption, null);
  assert.deepEqual(ids(tx), ['1', '2']);
  assert.equal(tx.tx('after'), '1', 'no skip: the link\'s skipAfter is ignored');
});

test('chain: a link\'s setvar runs only when that link matches; the starter\'s runs even if a later link fails', () => {
  const rs = cleanRuleSet(`
SecRule ARGS:a "@streq 1" "id:1,phase:2,pass,setvar:tx.starter=1,chain"
    SecRule ARGS:b "@streq 2" "setvar:tx.link1=1,chain"
        SecRule ARGS:c "@streq 3" "setvar:tx.link2=1"
`);
  const tx = run(rs, request({ target: '/?a=1&b=2&c=0' }));
  assert.equal(tx.tx('starter'), '1');
  assert.equal(tx.tx('link1'), '1');
  assert.equal(tx.tx('link2'), undefined);
  assert.deepEqual(ids(tx), []);
  const all = run(rs, request({ target: '/?a=1&b=2&c=3' }));
  assert.equal(all.tx('link2'), '1');
  assert.deepEqual(ids(all), ['1']);
});

test('chain: MATCHED_VARS / MATCHED_VARS_NAMES in a link are the previous rule\'s matches', () => {
  const rs = cleanRuleSet(`
SecRule ARGS "@rx ^x" "id:1,phase:2,pass,nolog,chain"
    SecRule MATCHED_VARS "@rx y$" "setvar:tx.n=+1,setvar:'tx.name=%{MATCHED_VAR_NAME}'"
SecRule ARGS "@rx ^x" "id:2,phase:2,pass,nolog,chain"
    SecRule MATCHED_VARS_NAMES "@rx ^ARGS:b$" "setvar:tx.names=+1"
`);
  // c=zy ends in y but did not match the starter: the link must not see it.
  const tx = run(rs, request({ target: '/?a=x1&b=xy&c=zy' }));
  assert.equal(tx.tx('n'), '1');
  assert.equal(tx.tx('name'), 'MATCHED_VARS:ARGS:b');
  assert.equal(tx.tx('names'), '1');
});

test('a rule matching two values runs its setvar twice (per-match, as ModSecurity v2)', () => {
  const rs = cleanRuleSet(`
SecRule ARGS "@rx evil" "id:1,phase:2,pass,setvar:tx.score=+5"
SecRule TX:score "@ge 10" "id:2,phase:2,deny"
`);
  const tx = run(rs, request({ target: '/?a=evil&b=more+evil&c=fine' }));
  assert.equal(tx.tx('score'), '10');
  assert.equal(tx.interruption?.ruleId, '2');
  assert.deepEqual(ids(tx), ['1', '2'], 'the rule itself is recorded once');
});

// ---------------------------------------------------------------------------------------
// setvar and macros
// ---------------------------------------------------------------------------------------

test('setvar: =, =+, =-, no value (1), ! delete; non-numeric counts as 0; names are case-insensitive', () => {
  const rs = cleanRuleSet(`
SecAction "id:1,phase:1,pass,nolog,setvar:tx.a=10,setvar:tx.a=+5,setvar:tx.a=-3,setvar:tx.flag,setvar:tx.gone=x,setvar:!tx.gone,setvar:tx.text=abc,setvar:tx.text=+2,setvar:tx.MixedCase=m"
SecRule TX:mixedcase "@streq m" "id:2,phase:1,pass,nolog,setvar:tx.mixed_read=1"
`);
  const tx = run(rs, request());
  assert.equal(tx.tx('a'), '12');
  assert.equal(tx.tx('flag'), '1');
  assert.equal(tx.tx('gone'), undefined);
  assert.equal(tx.tx('text'), '2');
  assert.equal(tx.tx('mixedcase'), 'm');
  assert.equal(tx.tx('mixed_read'), '1');
});

test('setvar: macros in names and values (%{tx.x}, MATCHED_VAR, MATCHED_VAR_NAME, REQUEST_HEADERS.host, rule.id)', () => {
  const rs = cleanRuleSet(`
SecAction "id:1,phase:1,pass,nolog,setvar:tx.prefix=pfx,setvar:tx.base=7"
SecRule ARGS:q "@rx needle" "id:42,phase:1,pass,nolog,setvar:'tx.%{tx.prefix}_score=%{tx.base}',setvar:'tx.mv=%{MATCHED_VAR}',setvar:'tx.mvn=%{MATCHED_VAR_NAME}',setvar:'tx.host=%{REQUEST_HEADERS.host}',setvar:'tx.rule_%{rule.id}=hit %{rule.id}'"
SecRule TX:pfx_score "@eq 7" "id:43,phase:1,pass,nolog,setvar:tx.read_back=1"
`);
  const tx = run(rs, request({ target: '/?q=haystack-needle', headers: [['Host', 'api.example.com']] }));
  assert.equal(tx.tx('pfx_score'), '7');
  assert.equal(tx.tx('mv'), 'haystack-needle');
  assert.equal(tx.tx('mvn'), 'ARGS:q');
  assert.equal(tx.tx('host'), 'api.example.com');
  assert.equal(tx.tx('rule_42'), 'hit 42');
  assert.equal(tx.tx('read_back'), '1');
});

test('setvar: %{rule.id} in a chain link is the starter\'s id', () => {
  const rs = cleanRuleSet(`
SecRule ARGS:a "@streq 1" "id:77,phase:2,pass,nolog,chain"
    SecRule ARGS:b "@streq 2" "setvar:'tx.link_rule=%{rule.id}'"
`);
  assert.equal(run(rs, request({ target: '/?a=1&b=2' })).tx('link_rule'), '77');
});

test('setvar: a name built from a macro is case-insensitive like any TX key', {
}, () => {
  const rs = cleanRuleSet(`
SecAction "id:1,phase:1,pass,nolog,setvar:'tx.n_%{REQUEST_HEADERS.x-name}=1'"
SecRule TX:n_foo "@eq 1" "id:2,phase:1,pass,nolog,setvar:tx.found=1"
`);
  const tx = run(rs, request({ headers: [['X-Name', 'Foo']] }));
  assert.equal(tx.tx('found'), '1');
});

test('capture: TX:0..9 are written by the starter and read by the chained rule', () => {
  const rs = cleanRuleSet(`
SecRule ARGS:a "@rx ^([a-z]+)-(\\d+)$" "id:1,phase:2,deny,status:409,capture,chain"
    SecRule TX:2 "@eq 42" "setvar:'tx.word=%{tx.1}',setvar:'tx.whole=%{TX.0}'"
`);
  const tx = run(rs, request({ target: '/?a=abc-42' }));
  assert.deepEqual(tx.interruption, { ruleId: '1', action: 'deny', status: 409 });
  assert.equal(tx.tx('word'), 'abc');
  assert.equal(tx.tx('whole'), 'abc-42');
  assert.equal(run(rs, request({ target: '/?a=abc-41' })).interruption, null);
});

test('capture: a match with fewer groups clears the slots above them, set by a capture or by setvar', () => {
  const rs = cleanRuleSet(`
SecRule ARGS:a "@rx ^(\\w)(\\w)(\\w)$" "id:1,phase:2,pass,nolog,capture,chain"
    SecRule TX:3 "@rx ." "setvar:tx.three=%{tx.3}"
SecAction "id:2,phase:2,pass,nolog,setvar:tx.5=stale"
SecRule ARGS:b "@rx ^(\\w)" "id:3,phase:2,pass,nolog,capture,chain"
    SecRule TX:1 "@rx ." "setvar:tx.after=%{tx.0}|%{tx.1}|%{tx.2}|%{tx.3}|%{tx.5}"
`);
  const tx = run(rs, request({ target: '/?a=xyz&b=q' }));
  assert.equal(tx.tx('three'), 'z');
  assert.equal(tx.tx('after'), 'q|q|||');
  assert.equal(tx.tx('3'), undefined);
  assert.equal(tx.tx('5'), undefined);
});

// ---------------------------------------------------------------------------------------
// Flow: skipAfter, skip, phases
// ---------------------------------------------------------------------------------------

test('skipAfter jumps past the marker; rules after the marker still run', () => {
  const rs = cleanRuleSet(`
SecRule ARGS:go "@streq 1" "id:1,phase:2,pass,nolog,skipAfter:END-CHECKS"
SecRule ARGS:go "@rx ." "id:2,phase:2,deny"
SecMarker END-CHECKS
SecAction "id:3,phase:2,pass,nolog,setvar:tx.after=1"
`);
  const skipped = run(rs, request({ target: '/?go=1' }));
  assert.equal(skipped.interruption, null);
  assert.equal(skipped.tx('after'), '1');
  assert.equal(run(rs, request({ target: '/?go=2' })).interruption?.ruleId, '2');
});

test('skipAfter to a marker that does not exist skips to the end of the phase (the next phase still runs)', () => {
  const rs = cleanRuleSet(`
SecAction "id:1,phase:1,pass,nolog,skipAfter:NO-SUCH-MARKER"
SecAction "id:2,phase:1,pass,nolog,setvar:tx.p1_rest=1"
SecAction "id:3,phase:2,pass,nolog,setvar:tx.p2=1"
`);
  const tx = run(rs, request());
  assert.equal(tx.tx('p1_rest'), undefined);
  assert.equal(tx.tx('p2'), '1');
});

test('skipAfter resumes after the next marker of that name, not an earlier one', {
}, () => {
  const rs = cleanRuleSet(`
SecMarker AGAIN
SecAction "id:1,phase:2,pass,nolog,skipAfter:AGAIN"
SecAction "id:2,phase:2,deny"
SecMarker AGAIN
SecAction "id:3,phase:2,pass,nolog,setvar:tx.after=1"
`);
  const tx = run(rs, request());
  assert.equal(tx.interruption, null, 'rule 2 lies between the rule and the next AGAIN marker');
  assert.equal(tx.tx('after'), '1');
});

test('skip:N skips the next N rules, a chain counting as one', () => {
  const rs = cleanRuleSet(`
SecAction "id:1,phase:2,pass,nolog,skip:2"
SecRule ARGS:a "@streq 1" "id:2,phase:2,pass,nolog,setvar:tx.r2=1,chain"
    SecRule ARGS:b "@streq 2" "setvar:tx.r2_link=1"
SecAction "id:3,phase:2,pass,nolog,setvar:tx.r3=1"
SecAction "id:4,phase:2,pass,nolog,setvar:tx.r4=1"
`);
  const tx = run(rs, request({ target: '/?a=1&b=2' }));
  assert.equal(tx.tx('r2'), undefined);
  assert.equal(tx.tx('r2_link'), undefined);
  assert.equal(tx.tx('r3'), undefined);
  assert.equal(tx.tx('r4'), '1');
});

test('phase 1 runs before phase 2 whatever the file order; TX carries over', () => {
  const rs = cleanRuleSet(`
SecRule TX:from_p1 "@eq 1" "id:2,phase:2,pass,setvar:tx.seen_in_p2=1"
SecAction "id:1,phase:1,pass,setvar:tx.from_p1=1"
SecAction "id:3,phase:request,pass"
`);
  const tx = run(rs, request());
  assert.deepEqual(tx.matches.map((m) => `${m.id}@${m.phase}`), ['1@1', '2@2', '3@2']);
  assert.equal(tx.tx('seen_in_p2'), '1');
});

test('phase 1 sees no request body: ARGS_POST and REQUEST_BODY are empty until phase 2 (ModSecurity v2)', {
}, () => {
  const rs = cleanRuleSet(`
SecRule ARGS_POST "@streq evil" "id:1,phase:1,pass,nolog,setvar:tx.p1_args_post=1"
SecRule REQUEST_BODY "@rx evil" "id:2,phase:1,pass,nolog,setvar:tx.p1_body=1"
SecRule ARGS_POST "@streq evil" "id:3,phase:2,pass,nolog,setvar:tx.p2_args_post=1"
`);
  const tx = run(rs, request({ body: 'a=evil', headers: [['Content-Type', 'application/x-www-form-urlencoded']] }));
  assert.equal(tx.tx('p2_args_post'), '1');
  assert.equal(tx.tx('p1_args_post'), undefined);
  assert.equal(tx.tx('p1_body'), undefined);
});

// ---------------------------------------------------------------------------------------
// Disruptive actions and engine modes
// ---------------------------------------------------------------------------------------

const DENY_THEN_MORE = `
SecRule ARGS:q "@streq bad" "id:1,phase:1,deny,status:403"
SecRule ARGS:q "@streq bad" "id:2,phase:1,pass,setvar:tx.p1_after=1"
SecRule ARGS:q "@streq bad" "id:3,phase:2,deny,status:406"
`;

test('deny in mode On interrupts: later rules of this and the next phase do not run', () => {
  const tx = run(cleanRuleSet(DENY_THEN_MORE), request({ target: '/?q=bad' }), 'On');
  assert.deepEqual(tx.interruption, { ruleId: '1', action: 'deny', status: 403 });
  assert.equal(tx.stoppedEarly, true);
  assert.deepEqual(ids(tx), ['1']);
  assert.equal(tx.tx('p1_after'), undefined);
});

test('deny in DetectionOnly records what would have happened and keeps evaluating', () => {
  const tx = run(cleanRuleSet(DENY_THEN_MORE), request({ target: '/?q=bad' }), 'DetectionOnly');
  assert.deepEqual(tx.interruption, { ruleId: '1', action: 'deny', status: 403 }, 'the first would-be interruption is kept');
  assert.equal(tx.stoppedEarly, false);
  assert.deepEqual(ids(tx), ['1', '2', '3']);
  assert.equal(tx.tx('p1_after'), '1');
});

test('mode Off runs nothing', () => {
  const tx = run(cleanRuleSet(DENY_THEN_MORE), request({ target: '/?q=bad' }), 'Off');
  assert.equal(tx.interruption, null);
  assert.deepEqual(ids(tx), []);
});

test('allow stops all further evaluation; allow:phase only the current phase', () => {
  const rules = (allow: string): string => `
SecRule REMOTE_ADDR "@ipMatch 192.0.2.0/24" "id:1,phase:1,${allow},nolog"
SecAction "id:2,phase:1,deny"
SecAction "id:3,phase:2,pass,nolog,setvar:tx.p2=1"
SecAction "id:4,phase:2,deny,status:409"
`;
  const all = run(cleanRuleSet(rules('allow')), request());
  assert.equal(all.interruption, null);
  assert.equal(all.tx('p2'), undefined);
  assert.deepEqual(ids(all), []);

  const phase = run(cleanRuleSet(rules('allow:phase')), request());
  assert.equal(phase.tx('p2'), '1');
  assert.deepEqual(phase.interruption, { ruleId: '4', action: 'deny', status: 409 });

  const other = run(cleanRuleSet(rules('allow')), request({ remoteAddress: '198.51.100.1' }));
  assert.equal(other.interruption?.ruleId, '2');
});

// ---------------------------------------------------------------------------------------
// ctl at runtime
// ---------------------------------------------------------------------------------------

test('ctl:ruleRemoveById removes later rules (ids and ranges); rules already run keep their result', () => {
  const rs = cleanRuleSet(`
SecAction "id:5,phase:1,pass,setvar:tx.r5=1"
SecRule REQUEST_HEADERS:X-Internal "@streq 1" "id:10,phase:1,pass,nolog,ctl:ruleRemoveById=5,ctl:ruleRemoveById=100-199,ctl:ruleRemoveById=300"
SecAction "id:150,phase:1,deny"
SecAction "id:300,phase:2,deny"
SecAction "id:301,phase:2,pass,setvar:tx.r301=1"
`);
  const tx = run(rs, request({ headers: [['X-Internal', '1']] }));
  assert.equal(tx.interruption, null);
  assert.deepEqual(ids(tx), ['5', '301']);
  assert.equal(tx.tx('r5'), '1');
  assert.equal(run(rs, request()).interruption?.ruleId, '150');
});

test('ctl:ruleRemoveByTag removes later rules carrying the tag (case-insensitive)', () => {
  const rs = cleanRuleSet(`
SecRule REQUEST_HEADERS:X-Internal "@streq 1" "id:1,phase:1,pass,nolog,ctl:ruleRemoveByTag=Attack-SQLi"
SecRule ARGS "@rx select" "id:2,phase:2,deny,tag:'attack-sqli'"
SecRule ARGS "@rx select" "id:3,phase:2,pass,tag:'attack-other'"
`);
  const tx = run(rs, request({ target: '/?q=select', headers: [['X-Internal', '1']] }));
  assert.equal(tx.interruption, null);
  assert.deepEqual(ids(tx), ['3']);
  assert.equal(run(rs, request({ target: '/?q=select' })).interruption?.ruleId, '2');
});

test('ctl:ruleRemoveTargetById removes one target from later rules only', () => {
  const rs = cleanRuleSet(`
SecRule ARGS "@streq evil" "id:1,phase:1,pass,setvar:tx.before=+1"
SecRule REQUEST_FILENAME "@streq /upload" "id:2,phase:1,pass,nolog,ctl:ruleRemoveTargetById=3;ARGS:note,ctl:ruleRemoveTargetById=1;ARGS:note"
SecRule ARGS "@streq evil" "id:3,phase:2,pass,setvar:tx.after=+1,setvar:'tx.where=%{MATCHED_VAR_NAME}'"
`);
  const tx = run(rs, request({ target: '/upload?note=evil&name=evil' }));
  assert.equal(tx.tx('before'), '2', 'rule 1 ran before the ctl');
  assert.equal(tx.tx('after'), '1');
  assert.equal(tx.tx('where'), 'ARGS:name');
  assert.equal(run(rs, request({ target: '/other?note=evil&name=evil' })).tx('after'), '2');
});

test('ctl:ruleEngine=Off stops evaluation for the rest of the transaction', () => {
  const rs = cleanRuleSet(`
SecRule REQUEST_HEADERS:X-Health "@streq 1" "id:1,phase:1,pass,nolog,ctl:ruleEngine=Off"
SecAction "id:2,phase:1,deny"
SecAction "id:3,phase:2,deny"
`);
  const tx = run(rs, request({ headers: [['X-Health', '1']] }));
  assert.equal(tx.interruption, null);
  assert.equal(tx.engineMode, 'Off');
  assert.deepEqual(ids(tx), []);
  assert.equal(run(rs, request()).interruption?.ruleId, '2');
});

// ---------------------------------------------------------------------------------------
// Load-time removals and target updates
// ---------------------------------------------------------------------------------------

test('SecRuleRemoveById / ByTag at load remove only rules defined before them', () => {
  const rs = cleanRuleSet(`
SecAction "id:1,phase:1,pass,setvar:tx.r1=1"
SecAction "id:2,phase:1,pass,tag:'legacy',setvar:tx.r2=1"
SecRuleRemoveById 1 3
SecRuleRemoveByTag legacy
SecAction "id:3,phase:1,pass,setvar:tx.r3=1"
SecAction "id:4,phase:1,pass,tag:'legacy',setvar:tx.r4=1"
`);
  const tx = run(rs, request());
  assert.deepEqual(ids(tx), ['3', '4']);
  assert.equal(rs.ruleCount, 2);
});

test('SecRuleUpdateTargetById at load changes only rules defined before it', () => {
  const rs = cleanRuleSet(`
SecRule ARGS "@streq evil" "id:3,phase:2,pass,setvar:tx.r3=+1"
SecRuleUpdateTargetById 3-4 "!ARGS:safe"
SecRule ARGS "@streq evil" "id:4,phase:2,pass,setvar:tx.r4=+1"
`);
  const tx = run(rs, request({ target: '/?safe=evil&other=evil' }));
  assert.equal(tx.tx('r3'), '1');
  assert.equal(tx.tx('r4'), '2');
});

test('SecRuleUpdateTargetById adds a target to an earlier rule', () => {
  const rs = cleanRuleSet(`
SecRule ARGS "@streq evil" "id:5,phase:1,deny"
SecRuleUpdateTargetById 5 "REQUEST_HEADERS:X-Extra"
`);
  assert.equal(run(rs, request({ headers: [['x-extra', 'evil']] })).interruption?.ruleId, '5');
});

// ---------------------------------------------------------------------------------------
// Prompt-bearing fields
// ---------------------------------------------------------------------------------------

test('rules with a prompt-exempt tag skip prompt fields; other rules still see them', () => {
  const rs = cleanRuleSet(`
SecRule ARGS "@rx drop table" "id:1,phase:2,pass,tag:'attack-sqli',setvar:tx.web=+1"
SecRule ARGS "@rx drop table" "id:2,phase:2,pass,tag:'custom',setvar:tx.custom=+1"
`);
  const tx = run(rs, request({ body: { model: 'm', user: 'drop table x', messages: [{ role: 'user', content: 'please drop table y' }] } }));
  assert.equal(tx.tx('web'), '1', 'only json.user');
  assert.equal(tx.tx('custom'), '2', 'json.user and the message content');
});
