import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCookies } from '../../../src/waf/request/cookies.js';

const pairs = (...h: string[]) => parseCookies(h).map((c) => [c.name, c.value]);

test('split on ;, leading whitespace of names skipped, first = splits', () => {
  assert.deepEqual(pairs('a=1; b=2;c=x=y'), [['a', '1'], ['b', '2'], ['c', 'x=y']]);
});

test('a cookie without = has an empty value; empty names and pieces are skipped', () => {
  assert.deepEqual(pairs('flag; =nameless; ;; d=4'), [['flag', ''], ['d', '4']]);
});

test('values are neither decoded nor trimmed, except the OWS after the last cookie', () => {
  assert.deepEqual(pairs('a=%41+ ; b=2  \t'), [['a', '%41+ '], ['b', '2']]);
});

test('every Cookie header counts, in order', () => {
  assert.deepEqual(pairs('a=1', 'b=2; a=3'), [['a', '1'], ['b', '2'], ['a', '3']]);
  assert.deepEqual(pairs(''), []);
});
