import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Directive, RuleAst } from '../../../src/waf/seclang/ast.js';
import { SecLangError } from '../../../src/waf/seclang/errors.js';
import { loadRuleFiles, parseRules } from '../../../src/waf/seclang/parser.js';

function only<K extends Directive['kind']>(ds: readonly Directive[], kind: K): Extract<Directive, { kind: K }>[] {
  return ds.filter((d): d is Extract<Directive, { kind: K }> => d.kind === kind);
}

test('a CRS-style rule becomes a typed RuleAst with position and id', () => {
  const text = [
    '# header',
    'SecRule REQUEST_HEADERS:Content-Length "!@rx ^\\d+$" \\',
    '    "id:920160,\\',
    '    phase:1,\\',
    '    block,\\',
    "    msg:'Content-Length HTTP header is not numeric',\\",
    "    setvar:'tx.inbound_anomaly_score_pl1=+%{tx.critical_anomaly_score}'\"",
  ].join('\n');
  const r = parseRules(text, 'x.conf');
  assert.deepEqual(r.errors, []);
  const rule = r.directives[0] as RuleAst;
  assert.equal(rule.kind, 'SecRule');
  assert.equal(rule.file, 'x.conf');
  assert.equal(rule.line, 2);
  assert.equal(rule.id, '920160');
  assert.deepEqual(rule.operator, { name: 'rx', argument: '^\\d+$', negated: true });
  assert.deepEqual(rule.actions.map((a) => a.name), ['id', 'phase', 'block', 'msg', 'setvar']);
  assert.equal(rule.chained, null);
});

test('chains link to the following SecRules and leave the top level', () => {
  const text = [
    'SecRule ARGS "@rx a" "id:1,phase:2,deny,chain"',
    '  SecRule ARGS_NAMES "@rx b" "chain"',
    '    SecRule &TX:x "@eq 0" "setvar:tx.y=1"',
    'SecRule ARGS "@rx c" "id:2,phase:2,pass"',
  ].join('\n');
  const r = parseRules(text, 'x.conf');
  assert.deepEqual(r.errors, []);
  const rules = only(r.directives, 'SecRule');
  assert.deepEqual(rules.map((d) => d.id), ['1', '2']);
  const second = rules[0]!.chained!;
  assert.equal(second.line, 2);
  assert.equal(second.id, null);
  assert.equal(second.chained!.variables[0]!.count, true);
  assert.equal(second.chained!.chained, null);
});

test('an unterminated chain is an error naming the starter id and line', () => {
  for (const text of ['SecRule ARGS "@rx a" "id:7,phase:2,deny,chain"\n', 'SecRule ARGS "@rx a" "id:7,phase:2,deny,chain"\nSecMarker END\n']) {
    const r = parseRules(text, 'x.conf');
    assert.deepEqual(r.errors.map((e) => [e.reason, e.ruleId, e.line]), [['chain_unterminated', '7', 1]]);
  }
});

test('SecRuleRemoveById takes ids and ranges, one or several arguments', () => {
  const r = parseRules('SecRuleRemoveById 942100 9001200-9001299\nSecRuleRemoveById "1,2"\n', 'x.conf');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(only(r.directives, 'SecRuleRemoveById').map((d) => d.ids), [
    [{ from: 942100, to: 942100 }, { from: 9001200, to: 9001299 }],
    [{ from: 1, to: 1 }, { from: 2, to: 2 }],
  ]);
  assert.deepEqual(parseRules('SecRuleRemoveById 5-3', 'x.conf').errors.map((e) => e.reason), ['syntax']);
  assert.deepEqual(parseRules('SecRuleRemoveById abc', 'x.conf').errors.map((e) => e.reason), ['syntax']);
});

test('target and action updates, tag and msg removal, config directives', () => {
  const text = [
    'SecRuleUpdateTargetById 942100 "!REQUEST_COOKIES:/^_ga(?:_\\w+)?$/"',
    'SecRuleUpdateTargetById 930120 !ARGS_NAMES:json.profile',
    'SecRuleUpdateTargetByTag "attack-sqli" "!ARGS:foo|!ARGS:bar" ARGS',
    'SecRuleUpdateActionById 949110 "t:none,deny,status:403"',
    'SecRuleRemoveByTag "attack-injection-php"',
    'SecRuleRemoveByMsg "FAIL"',
    'SecComponentSignature "OWASP_CRS/4.28.0"',
    'SecCollectionTimeout 600',
    'secruleengine DetectionOnly',
    'SecRequestBodyAccess On',
    'SecDefaultAction "phase:1,log,auditlog,pass"',
    'SecMarker "END-HOST-CHECK"',
    'SecAction "id:900000,phase:1,pass,nolog,setvar:tx.blocking_paranoia_level=1"',
  ].join('\n');
  const r = parseRules(text, 'x.conf');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.directives.map((d) => d.kind), [
    'SecRuleUpdateTargetById', 'SecRuleUpdateTargetById', 'SecRuleUpdateTargetByTag', 'SecRuleUpdateActionById',
    'SecRuleRemoveByTag', 'SecRuleRemoveByMsg', 'SecComponentSignature', 'SecCollectionTimeout', 'SecRuleEngine',
    'SecRequestBodyAccess', 'SecDefaultAction', 'SecMarker', 'SecAction',
  ]);
  const [t1, t2] = only(r.directives, 'SecRuleUpdateTargetById');
  assert.deepEqual(t1!.targets, [{ collection: 'REQUEST_COOKIES', count: false, exclude: true, selector: { kind: 'regex', pattern: '^_ga(?:_\\w+)?$' } }]);
  assert.deepEqual(t2!.targets[0]!.selector, { kind: 'key', value: 'json.profile' });
  const byTag = only(r.directives, 'SecRuleUpdateTargetByTag')[0]!;
  assert.equal(byTag.targets.length, 2);
  assert.equal(byTag.replaced!.collection, 'ARGS');
  assert.equal(only(r.directives, 'SecRuleEngine')[0]!.mode, 'DetectionOnly');
  assert.equal(only(r.directives, 'SecCollectionTimeout')[0]!.seconds, 600);
  assert.equal(only(r.directives, 'SecAction')[0]!.id, '900000');
});

test('unknown directive / variable / operator / action errors name the rule id and line', () => {
  const text = [
    'SecMarker A',
    'SecRul ARGS "@rx a" "id:1"',
    'SecRule ARGZ "@rx a" "id:2,phase:2,pass"',
    'SecRule ARGS "@rxx a" "id:3,phase:2,pass"',
    'SecRule ARGS "@rx a" "id:4,phase:2,blok"',
    'SecRule ARGS "@rx a" "id:5,phase:2,t:lowercas"',
    'SecAuditEngine On',
  ].join('\n');
  const r = parseRules(text, 'x.conf');
  assert.ok(r.errors.every((e) => e instanceof SecLangError && e.code === 'PCS_ERR_SECLANG' && e.file === 'x.conf'));
  assert.deepEqual(r.errors.map((e) => [e.reason, e.line, e.ruleId]), [
    ['unknown_directive', 2, null],
    ['unknown_variable', 3, '2'],
    ['unknown_operator', 4, '3'],
    ['unknown_action', 5, '4'],
    ['unknown_transformation', 6, '5'],
    ['unsupported_directive', 7, null],
  ]);
  assert.match(r.errors[1]!.message, /^x\.conf:3: rule 2: unknown variable ARGZ$/);
});

test('missing and duplicate rule ids, wrong argument counts', () => {
  const r = parseRules('SecRule ARGS "@rx a" "phase:2,pass"\nSecAction "id:9,pass"\nSecAction "id:9,pass"\nSecMarker\n', 'x.conf');
  assert.deepEqual(r.errors.map((e) => [e.reason, e.line, e.ruleId]), [
    ['missing_rule_id', 1, null],
    ['duplicate_rule_id', 3, '9'],
    ['syntax', 4, null],
  ]);
});

test('Include expands globs in lexical order relative to the including file; cycles are errors', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'seclang-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'main.conf'), 'SecMarker MAIN\nInclude rules/*.conf\nSecMarker MAIN-END\n');
  // Written out of order; code-unit order puts B before a.
  writeFileSync(join(dir, 'rules', 'b.conf'), 'SecAction "id:2,pass"\n');
  writeFileSync(join(dir, 'rules', 'B.conf'), 'SecAction "id:3,pass"\n');
  writeFileSync(join(dir, 'rules', 'a.conf'), 'SecAction "id:1,pass"\nInclude ../more/x.conf\n');
  writeFileSync(join(dir, 'rules', 'skip.data'), 'not a rule file\n');
  mkdirSync(join(dir, 'more'));
  writeFileSync(join(dir, 'more', 'x.conf'), 'SecMarker X\n');

  const r = loadRuleFiles(['main.conf'], { baseDir: dir });
  assert.deepEqual(r.errors, []);
  const names = r.directives.map((d) =>
    d.kind === 'SecMarker' ? d.name : d.kind === 'SecAction' ? `id ${d.id}` : d.kind === 'Include' ? `Include ${d.resolved.length}` : d.kind);
  assert.deepEqual(names, ['MAIN', 'Include 3', 'id 3', 'id 1', 'Include 1', 'X', 'id 2', 'MAIN-END']);
  assert.deepEqual(r.files.map((f) => f.slice(dir.length + 1)), ['main.conf', 'rules/B.conf', 'rules/a.conf', 'more/x.conf', 'rules/b.conf']);

  writeFileSync(join(dir, 'more', 'x.conf'), 'SecMarker X\nInclude ../main.conf\n');
  const cyc = loadRuleFiles(['main.conf'], { baseDir: dir });
  assert.deepEqual(cyc.errors.map((e) => [e.reason, e.file.slice(dir.length + 1), e.line]), [['include_cycle', 'more/x.conf', 2]]);

  const missing = loadRuleFiles(['nothing/*.conf'], { baseDir: dir });
  assert.deepEqual(missing.errors.map((e) => e.reason), ['include_not_found']);
});

test('duplicate ids across included files are reported', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'seclang-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.conf'), 'SecAction "id:5,pass"\n');
  writeFileSync(join(dir, 'b.conf'), 'SecRule ARGS "@rx x" "id:5,pass"\n');
  const r = loadRuleFiles(['*.conf'], { baseDir: dir });
  assert.deepEqual(r.errors.map((e) => [e.reason, e.ruleId]), [['duplicate_rule_id', '5']]);
});
