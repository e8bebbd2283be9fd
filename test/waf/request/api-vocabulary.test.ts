import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isApiVocabulary, markApiVocabulary } from '../../../src/waf/request/api-vocabulary.js';
import type { WafArg } from '../../../src/waf/request/types.js';

const arg = (name: string, value: string, source: WafArg['source'] = 'body'): WafArg => ({ name, value, source, prompt: false });

test('an API enum field holding one of its values is vocabulary, at any array index', () => {
  assert.ok(isApiVocabulary(arg('json.messages.array_3.role', 'user')));
  assert.ok(isApiVocabulary(arg('json.messages.array_12.content.array_0.type', 'image_url')));
  assert.ok(isApiVocabulary(arg('json.tools.array_0.type', 'function')));
  assert.ok(isApiVocabulary(arg('json.encoding_format', 'base64')));
});

test('anything else is scored like any field', () => {
  assert.equal(isApiVocabulary(arg('json.messages.array_3.role', 'root; id')), false, 'a value outside the list');
  assert.equal(isApiVocabulary(arg('json.metadata.role', 'user')), false, 'a field the API does not define');
  assert.equal(isApiVocabulary(arg('json.messages.array_.role', 'user')), false, '.array_ without an index is a member name');
  assert.equal(isApiVocabulary(arg('json.messages.array_3x.role', 'user')), false);
  assert.equal(isApiVocabulary(arg('encoding_format', 'base64', 'query')), false, 'query args are not the JSON API');
});

test('markApiVocabulary marks the vocabulary like prompts and keeps the array when nothing is', () => {
  const args = [arg('json.messages.array_0.role', 'system'), arg('json.user', 'u-1')];
  const marked = markApiVocabulary(args);
  assert.deepEqual(marked.map((a) => a.prompt), [true, false]);
  const none = [arg('json.user', 'u-1')];
  assert.equal(markApiVocabulary(none), none);
});
