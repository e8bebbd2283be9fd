import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DECODE_PATTERNS } from '../../../src/waf/llm/decode.js';
import { INJECTION_RULES } from '../../../src/waf/llm/injection-rules.js';
import { literalTrieSource } from '../../../src/waf/llm/literal-trie.js';
import { NORMALISE_PATTERNS } from '../../../src/waf/llm/normalise.js';
import { INJECTION_PATTERNS } from '../../../src/waf/llm/prompt-injection.js';
import { SECRET_PATTERNS } from '../../../src/waf/llm/secrets.js';
import { nestedQuantifiers } from './regex-shape.js';

test('the structural check finds nested quantifiers', () => {
  assert.deepEqual(nestedQuantifiers('(a+)+'), ['(a+)+']);
  assert.deepEqual(nestedQuantifiers('(?:x\\s{1,4})?y'), ['(?:x\\s{1,4})?']);
  assert.deepEqual(nestedQuantifiers('(?:ab){2,}'), []);
  assert.deepEqual(nestedQuantifiers('(?<=a+)b'), []);
  assert.deepEqual(nestedQuantifiers('([+*?])+'), []);
});

test('no regex of the LLM rules has a quantified group containing a quantifier', () => {
  const all: [string, string][] = [
    ...INJECTION_RULES.map((r): [string, string] => [r.id, r.pattern]),
    ...INJECTION_PATTERNS.map((r): [string, string] => ['prompt-injection', r.source]),
    ...SECRET_PATTERNS.map((r): [string, string] => ['secrets', r.source]),
    ...DECODE_PATTERNS.map((r): [string, string] => ['decode', r.source]),
    ...NORMALISE_PATTERNS.map((r): [string, string] => ['normalise', r.source]),
  ];
  assert.ok(all.length > 100);
  for (const [where, src] of all) assert.deepEqual(nestedQuantifiers(src), [], `${where}: ${src.slice(0, 120)}`);
});

test('literal tries have no quantifier at all', () => {
  const src = literalTrieSource(['a', 'ab', 'abc', 'do', "don't", 'done', 'x.y']);
  assert.ok(!/[*+?{](?<!\(\?)/.test(src.replace(/\(\?:/g, '')), src);
  const re = new RegExp(`^(?:${src})$`);
  for (const w of ['a', 'ab', 'abc', 'do', "don't", 'done', 'x.y']) assert.ok(re.test(w), w);
  assert.ok(!re.test('xzy'));
  assert.equal(new RegExp(src).exec('abcd')?.[0], 'abc', 'longest word at a position');
});
