import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUrlEncoded } from '../../../src/waf/request/form-args.js';

const pairs = (s: string) => parseUrlEncoded(s, 'query').args.map((a) => [a.name, a.value]);

test('+ is a space and %XX a byte, in names and values', () => {
  assert.deepEqual(pairs('a+b=c+d&%41%42=%e2%82%ac'), [['a b', 'c d'], ['AB', '\xe2\x82\xac']]);
});

test('invalid or truncated escapes are kept as written', () => {
  assert.deepEqual(pairs('x=%zz&y=%4&z=100%&%u0041=1'), [['x', '%zz'], ['y', '%4'], ['z', '100%'], ['%u0041', '1']]);
});

test('repeated names all stay, in order', () => {
  assert.deepEqual(pairs('a=1&a=2&b=3&a=4'), [['a', '1'], ['a', '2'], ['b', '3'], ['a', '4']]);
});

test('the first = splits; no = means an empty value', () => {
  assert.deepEqual(pairs('a=b=c&flag&=v&e='), [['a', 'b=c'], ['flag', ''], ['', 'v'], ['e', '']]);
});

test('empty pieces are empty args, except a trailing one (ModSecurity v2/v3)', () => {
  assert.deepEqual(pairs(''), []);
  assert.deepEqual(pairs('&'), [['', '']]);
  assert.deepEqual(pairs('a&&b'), [['a', ''], ['', ''], ['b', '']]);
  assert.deepEqual(pairs('a&'), [['a', '']]);
  assert.deepEqual(pairs('a&&'), [['a', ''], ['', '']]);
});

test('source and prompt flags; maxArgs truncates', () => {
  const body = parseUrlEncoded('a=1&b=2&c=3', 'body', 2);
  assert.equal(body.truncated, true);
  assert.deepEqual(body.args, [
    { name: 'a', value: '1', source: 'body', prompt: false },
    { name: 'b', value: '2', source: 'body', prompt: false },
  ]);
  assert.equal(parseUrlEncoded('a=1&b=2', 'body', 2).truncated, false);
});
