/**
 * Runs test/waf/operators/testdata/<operatorName>.json. Rows:
 * { param, input, ret (1/0), captures?: string[], macros?: {name: value} }.
 * Inputs and params are JSON strings; params are Unicode text (as in a rules file),
 * inputs are byte strings (chars ≤ \u00ff).
 */
import { compileRx } from '../../../src/waf/operators/rx.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createOperator, operators, OperatorError, OperatorRegistry, type OperatorContext } from '../../../src/waf/operators/index.js';

const testDir = fileURLToPath(new URL('../../../../test/waf/operators/', import.meta.url));
const dataDir = join(testDir, 'testdata');

interface Row {
  param: string;
  input: string;
  ret: 0 | 1;
  captures?: string[];
  macros?: Record<string, string>;
}

function txFor(row: Row, capture: boolean): OperatorContext & { captures: string[] | null } {
  const macros = row.macros ?? {};
  return {
    captures: capture ? [] : null,
    expand: (text) => text.replace(/%\{([^}]+)\}/g, (_m, k: string) => macros[k.toLowerCase()] ?? ''),
  };
}

const files = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort();

test('every registered operator has a table', () => {
  const tabled = new Set(files.map((f) => f.slice(0, -5).toLowerCase()));
  for (const name of operators.names()) {
    if (name === 'pmf' || name === 'ipmatchf') continue; // aliases, covered by their targets' tables
    assert.ok(tabled.has(name), `no table for ${name}`);
  }
});

for (const file of files) {
  const name = file.slice(0, -5);
  test(`operator ${name}`, () => {
    const rows = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as Row[];
    assert.ok(rows.length > 0);
    for (const row of rows) {
      const op = createOperator(name, row.param, { rulesDir: dataDir, ruleId: 'test' });
      const label = `@${name} ${JSON.stringify(row.param)} on ${JSON.stringify(row.input)}`;
      assert.equal(op.evaluate(txFor(row, false), row.input), row.ret === 1, label);
      const tx = txFor(row, true);
      assert.equal(op.evaluate(tx, row.input), row.ret === 1, `${label} (capture)`);
      if (row.captures !== undefined) assert.deepEqual(tx.captures, row.captures, `${label} captures`);
    }
  });
}

test('unknown operator and duplicates are typed errors', () => {
  assert.throws(() => createOperator('rxx', 'a', { rulesDir: '.', ruleId: '942100' }), (e: unknown) => {
    assert.ok(e instanceof OperatorError);
    assert.equal(e.code, 'WAF_ERR_OPERATOR_UNKNOWN');
    assert.equal(e.ruleId, '942100');
    return true;
  });
  const r = new OperatorRegistry();
  r.register('x', () => ({ evaluate: () => true }), ['y']);
  assert.throws(() => r.register('Y', () => ({ evaluate: () => true })), { code: 'WAF_ERR_OPERATOR_DUPLICATE' });
});

test('bad arguments are load errors', () => {
  const ctx = { rulesDir: dataDir, ruleId: '1' };
  assert.throws(() => createOperator('ipMatch', '300.1.1.1', ctx), { code: 'WAF_ERR_OPERATOR_ARGUMENT' });
  assert.throws(() => createOperator('ipMatch', '10.0.0.0/33', ctx), { code: 'WAF_ERR_OPERATOR_ARGUMENT' });
  assert.throws(() => createOperator('validateByteRange', '1-300', ctx), { code: 'WAF_ERR_OPERATOR_ARGUMENT' });
  assert.throws(() => createOperator('pmFromFile', 'missing.data', ctx), { code: 'WAF_ERR_OPERATOR_ARGUMENT' });
  assert.throws(() => createOperator('rx', '(?>a)', ctx), { code: 'WAF_ERR_REGEX_UNSUPPORTED' });
  assert.throws(() => createOperator('rx', '(?>a+)b', ctx), { code: 'WAF_ERR_REGEX_UNSUPPORTED' });
  assert.throws(() => createOperator('rx', '(', ctx), { code: 'WAF_ERR_REGEX_UNSUPPORTED' });
});

test('pmFromFile with the CRS scanner list matches a known scanner UA', { skip: readdirSafe('/work/shared/crs-v4/rules') ? false : 'CRS rules not present' }, () => {
  const op = createOperator('pmFromFile', 'scanners-user-agents.data', { rulesDir: '/work/shared/crs-v4/rules', ruleId: '913100' });
  const tx: OperatorContext = { captures: [], expand: (s) => s };
  assert.equal(op.evaluate(tx, 'Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000001)'), true);
  assert.deepEqual(tx.captures, ['Nikto']);
  assert.equal(op.evaluate(tx, 'SQLMAP/1.7'), true);
  assert.equal(op.evaluate(tx, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36'), false);
});

test('rx memoizes compiled patterns across rules', async () => {
  const { compiledPatternCount } = await import('../../../src/waf/operators/rx.js');
  const before = compiledPatternCount();
  createOperator('rx', '^memo-test-[0-9]+$', { rulesDir: '.', ruleId: '1' });
  createOperator('rx', '^memo-test-[0-9]+$', { rulesDir: '.', ruleId: '2' });
  assert.equal(compiledPatternCount(), before + 1);
});

function readdirSafe(p: string): boolean {
  try {
    readdirSync(p);
    return true;
  } catch {
    return false;
  }
}

test('possessive quantifiers run as greedy ones and are reported as widened', () => {
  const c = compileRx('^a++b$');
  assert.equal(c.widened.length, 1);
  assert.ok(c.protected, 'stays linear-engine eligible');
  // PCRE: `a++a` can never match (the possessive run gives nothing back); greedy matches more.
  assert.ok(compileRx('^a++a$').re.test('aaa'));
  assert.ok(c.re.test('aaab'));
});

test('@rx with a macro expands it per request (CRS 3.3 920480: `!@rx ^%{tx.allowed_request_content_type_charset}$`)', () => {
  const op = createOperator('rx', '^%{tx.allowed}$', { rulesDir: '.', ruleId: '920480' });
  let allowed = 'utf-8|iso-8859-1';
  const tx = { captures: null, expand: (t: string) => t.replace('%{tx.allowed}', allowed) };
  assert.equal(op.evaluate(tx, 'utf-8'), true);
  assert.equal(op.evaluate(tx, 'koi8-r'), false);
  allowed = 'koi8-r';
  assert.equal(op.evaluate(tx, 'koi8-r'), true);
  allowed = '(';
  assert.equal(op.evaluate(tx, '('), false, 'an expansion that is no pattern matches nothing');
});
