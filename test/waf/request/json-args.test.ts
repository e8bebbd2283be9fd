import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flattenJson } from '../../../src/waf/request/json-args.js';
import { DEFAULT_PROMPT_MATCHER } from '../../../src/waf/request/prompt-fields.js';

const opts = { matcher: DEFAULT_PROMPT_MATCHER, maxArgs: 1000, maxDepth: 64 };
const pairs = (json: unknown): [string, string][] =>
  flattenJson(json, opts).args.map((a) => [a.name, a.value]);

test('nested objects and arrays get libmodsecurity v3 names', () => {
  const body = JSON.parse('{"a":"x","b":{"c":1},"d":[true,{"e":null},[3,4]],"f":[],"g":{},"":"k","h":{"":{"i":false}}}');
  assert.deepEqual(pairs(body), [
    ['json.a', 'x'],
    ['json.b.c', '1'],
    ['json.d.array_0', 'true'],
    ['json.d.array_1.e', ''],
    ['json.d.array_2.array_0', '3'],
    ['json.d.array_2.array_1', '4'],
    ['json.empty-key', 'k'],
    ['json.h.empty-key.i', 'false'],
  ]);
});

test('top-level arrays and scalars are named from the root "json"', () => {
  assert.deepEqual(pairs([1, { a: 'b' }, [null]]), [
    ['json.array_0', '1'],
    ['json.array_1.a', 'b'],
    ['json.array_2.array_0', ''],
  ]);
  assert.deepEqual(pairs('hello'), [['json', 'hello']]);
  assert.deepEqual(pairs(null), [['json', '']]);
  assert.deepEqual(pairs(2.5), [['json', '2.5']]);
});

test('string values and keys become UTF-8 byte strings', () => {
  const [arg] = flattenJson({ 'clé': 'é€' }, opts).args;
  assert.equal(arg?.name, 'json.cl\xc3\xa9');
  assert.equal(arg?.value, '\xc3\xa9\xe2\x82\xac');
  assert.equal(arg?.source, 'body');
});

test('chat message names match what ModSecurity v3 exclusions target', () => {
  const body = { model: 'gpt-4o', messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: [{ type: 'text', text: 'hi' }] }] };
  assert.deepEqual(pairs(body), [
    ['json.model', 'gpt-4o'],
    ['json.messages.array_0.role', 'system'],
    ['json.messages.array_0.content', 'be brief'],
    ['json.messages.array_1.role', 'user'],
    ['json.messages.array_1.content.array_0.type', 'text'],
    ['json.messages.array_1.content.array_0.text', 'hi'],
  ]);
});

test('maxArgs stops the walk with too_many_arguments and keeps the first args', () => {
  const r = flattenJson({ a: [1, 2, 3, 4, 5] }, { ...opts, maxArgs: 3 });
  assert.equal(r.error, 'too_many_arguments');
  assert.deepEqual(r.args.map((a) => a.name), ['json.a.array_0', 'json.a.array_1', 'json.a.array_2']);
  assert.equal(flattenJson({ a: [1, 2, 3] }, { ...opts, maxArgs: 3 }).error, null);
});

test('maxDepth counts containers from the root, as v3 does', () => {
  assert.equal(flattenJson({ a: { b: 1 } }, { ...opts, maxDepth: 2 }).error, null);
  assert.equal(flattenJson({ a: { b: { c: 1 } } }, { ...opts, maxDepth: 2 }).error, 'depth_exceeded');
  assert.equal(flattenJson([[[]]], { ...opts, maxDepth: 2 }).error, 'depth_exceeded');
  // A deep document from an attacker stops at the bound instead of recursing on.
  let deep: unknown = 'x';
  for (let i = 0; i < 10_000; i++) deep = [deep];
  assert.equal(flattenJson(deep, opts).error, 'depth_exceeded');
});
