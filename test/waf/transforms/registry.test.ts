import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyChain, compileChain, getTransform, toByteString, fromByteString, byteStringToUtf8,
  TransformCache, TransformError, TransformRegistry, type Transform,
} from '../../../src/waf/transforms/index.js';

test('unknown transformation is a typed load error naming the rule', () => {
  assert.throws(() => getTransform('rot13', '942100'), (e: unknown) => {
    assert.ok(e instanceof TransformError);
    assert.equal(e.code, 'WAF_ERR_TRANSFORM_UNKNOWN');
    assert.equal(e.ruleId, '942100');
    return true;
  });
  assert.throws(() => compileChain(['lowercase', 'nope'], '1'), { code: 'WAF_ERR_TRANSFORM_UNKNOWN' });
});

test('names are case-insensitive and aliases resolve', () => {
  assert.equal(getTransform('URLDECODEUNI'), getTransform('urlDecodeUni'));
  assert.equal(getTransform('normalizePath'), getTransform('normalisePath'));
  assert.equal(getTransform('normalizePathWin'), getTransform('normalisePathWin'));
});

test('duplicate registration throws', () => {
  const r = new TransformRegistry();
  const id: Transform = (s) => [s, false];
  r.register('x', id, ['y']);
  assert.throws(() => r.register('X', id), { code: 'WAF_ERR_TRANSFORM_DUPLICATE' });
  assert.throws(() => r.register('z', id, ['Y']), { code: 'WAF_ERR_TRANSFORM_DUPLICATE' });
});

test('byte-string helpers', () => {
  assert.equal(toByteString('é'), '\u00c3\u00a9');
  assert.equal(toByteString('abc'), 'abc');
  assert.equal(toByteString(Buffer.from([0xc3, 0xa9, 0x00])), '\u00c3\u00a9\u0000');
  assert.deepEqual([...fromByteString('\u00c3\u00a9')], [0xc3, 0xa9]);
  assert.equal(byteStringToUtf8('\u00c3\u00a9'), 'é');
});

test('applyChain runs the steps in order and ORs changed', () => {
  assert.deepEqual(applyChain(['none', 'urlDecodeUni', 'lowercase'], '%3CScRiPt%3E'), ['<script>', true]);
  assert.deepEqual(applyChain(['lowercase'], 'abc'), ['abc', false]);
  assert.deepEqual(applyChain([], 'X'), ['X', false]);
});

test('t:none is dropped from chain keys; aliases share keys', () => {
  const a = compileChain(['none', 'urlDecodeUni', 'lowercase']);
  const b = compileChain(['urlDecodeUni', 'LOWERCASE']);
  assert.equal(a.key, b.key);
  assert.deepEqual(a.prefixKeys, ['urlDecodeUni', 'urlDecodeUni,lowercase']);
  assert.equal(compileChain(['normalizePath']).key, compileChain(['normalisePath']).key);
});

test('cache: chains sharing a prefix reuse its work', () => {
  const calls: string[] = [];
  const r = new TransformRegistry();
  const spy = (name: string, fn: Transform): Transform => (s) => { calls.push(name); return fn(s); };
  r.register('urlDecodeUni', spy('urlDecodeUni', getTransform('urlDecodeUni')));
  r.register('lowercase', spy('lowercase', getTransform('lowercase')));
  r.register('removeWhitespace', spy('removeWhitespace', getTransform('removeWhitespace')));
  r.register('none', getTransform('none'));
  const c1 = compileChain(['none', 'urlDecodeUni', 'lowercase'], null, r);
  const c2 = compileChain(['none', 'urlDecodeUni', 'lowercase', 'removeWhitespace'], null, r);
  const c3 = compileChain(['urlDecodeUni'], null, r);
  const cache = new TransformCache();
  const v = 'SeLeCt%20*';
  assert.deepEqual(applyChain(c1, v, cache), ['select *', true]);
  assert.deepEqual(calls, ['urlDecodeUni', 'lowercase']);
  assert.deepEqual(applyChain(c2, v, cache), ['select*', true]);
  assert.deepEqual(calls, ['urlDecodeUni', 'lowercase', 'removeWhitespace']);
  assert.deepEqual(applyChain(c3, v, cache), ['SeLeCt *', true]);
  assert.deepEqual(applyChain(c1, v, cache), ['select *', true]);
  assert.equal(calls.length, 3, 'no recomputation');
  assert.equal(cache.hits, 3);
  // A different value is a different entry.
  applyChain(c1, 'other', cache);
  assert.equal(calls.length, 5);
  // changed is cached with the value: urlDecodeUni leaves 'abc' alone, lowercase too.
  assert.deepEqual(applyChain(c2, 'abc', cache), ['abc', false]);
  assert.deepEqual(applyChain(c1, 'abc', cache), ['abc', false]);
  cache.clear();
  assert.equal(cache.get(v, c1.key), undefined);
});
