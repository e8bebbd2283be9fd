import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseActions, parseOperator, parseVariables } from '../../../src/waf/seclang/rule-parts.js';

test('variables: plain, key, regex with |, exclusion, count, XML XPath', () => {
  const r = parseVariables('ARGS|ARGS_NAMES|REQUEST_HEADERS:User-Agent|!REQUEST_COOKIES:/__utm|_ga/|&TX:foo|XML:/*|xml://@*');
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.value, [
    { collection: 'ARGS', count: false, exclude: false, selector: null },
    { collection: 'ARGS_NAMES', count: false, exclude: false, selector: null },
    { collection: 'REQUEST_HEADERS', count: false, exclude: false, selector: { kind: 'key', value: 'User-Agent' } },
    { collection: 'REQUEST_COOKIES', count: false, exclude: true, selector: { kind: 'regex', pattern: '__utm|_ga' } },
    { collection: 'TX', count: true, exclude: false, selector: { kind: 'key', value: 'foo' } },
    { collection: 'XML', count: false, exclude: false, selector: { kind: 'key', value: '/*' } },
    { collection: 'XML', count: false, exclude: false, selector: { kind: 'key', value: '//@*' } },
  ]);
});

test('variables: escaped slash inside a regex selector, quoted key, quoted regex', () => {
  const r = parseVariables(String.raw`ARGS:/^a\/b$/|ARGS:'x y'|ARGS_NAMES:'/^z/'`);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.value.map((v) => v.selector), [
    { kind: 'regex', pattern: String.raw`^a\/b$` },
    { kind: 'key', value: 'x y' },
    { kind: 'regex', pattern: '^z' },
  ]);
});

test('variables: unknown collection, unterminated regex, trailing pipe', () => {
  assert.deepEqual(parseVariables('ARGS|ARGZ').problems.map((p) => p.reason), ['unknown_variable']);
  assert.deepEqual(parseVariables('ARGS:/abc').problems.map((p) => p.reason), ['syntax']);
  assert.deepEqual(parseVariables('ARGS|').problems.map((p) => p.reason), ['syntax']);
  assert.deepEqual(parseVariables('ARGS:/a/b').problems.map((p) => p.reason), ['syntax']);
});

test('operator: default @rx, negation, arguments with spaces and macros, no argument', () => {
  assert.deepEqual(parseOperator('^(?:GET|HEAD)$').value, { name: 'rx', argument: '^(?:GET|HEAD)$', negated: false });
  assert.deepEqual(parseOperator('!@eq 0').value, { name: 'eq', argument: '0', negated: true });
  assert.deepEqual(parseOperator('!^a b$').value, { name: 'rx', argument: '^a b$', negated: true });
  assert.deepEqual(parseOperator('@within %{tx.allowed_methods} x').value, { name: 'within', argument: '%{tx.allowed_methods} x', negated: false });
  assert.deepEqual(parseOperator('@detectSQLi').value, { name: 'detectSQLi', argument: '', negated: false });
  // Names are case-insensitive in SecLang; the AST carries the canonical spelling.
  assert.equal(parseOperator('@PMFROMFILE x.data').value.name, 'pmFromFile');
  assert.deepEqual(parseOperator('@rxx a').problems.map((p) => p.reason), ['unknown_operator']);
});

test('actions: commas inside single quotes, escapes, setvar, ctl, t:, skipAfter, chain', () => {
  const r = parseActions(String.raw`id:1, phase:2,t:none,t:URLDECODEUNI,msg:'a, b \'c\' \\d',chain,setvar:'tx.x=+%{tx.y}',setvar:tx.z=1,ctl:ruleRemoveTargetById=942100;ARGS:foo,skipAfter:END-X`);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.value, [
    { name: 'id', value: '1' },
    { name: 'phase', value: '2' },
    { name: 't', value: 'none' },
    { name: 't', value: 'urlDecodeUni' },
    { name: 'msg', value: String.raw`a, b 'c' \d` },
    { name: 'chain', value: null },
    { name: 'setvar', value: 'tx.x=+%{tx.y}' },
    { name: 'setvar', value: 'tx.z=1' },
    { name: 'ctl', value: 'ruleRemoveTargetById=942100;ARGS:foo' },
    { name: 'skipAfter', value: 'END-X' },
  ]);
});

test('actions: unknown action, transformation, ctl option and ctl target are each reported', () => {
  const reasons = (s: string): string[] => parseActions(s).problems.map((p) => p.reason);
  assert.deepEqual(reasons('id:1,blok'), ['unknown_action']);
  assert.deepEqual(reasons('id:1,t:lowercasee'), ['unknown_transformation']);
  assert.deepEqual(reasons('id:1,ctl:ruleEngin=Off'), ['unknown_ctl']);
  assert.deepEqual(reasons('id:1,ctl:ruleRemoveTargetById=1;ARGZ:a'), ['unknown_variable']);
  assert.deepEqual(reasons("id:1,msg:'open"), ['syntax']);
  assert.deepEqual(reasons('id:x1'), ['syntax']);
  assert.deepEqual(reasons("msg:'a'b"), ['syntax']);
});
