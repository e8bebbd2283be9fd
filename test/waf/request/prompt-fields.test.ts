import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compilePromptFields, parsePromptPath, promptFieldsOf, PromptFieldError, DEFAULT_PROMPT_FIELDS,
} from '../../../src/waf/request/prompt-fields.js';
import { flattenJson } from '../../../src/waf/request/json-args.js';
import { DEFAULT_PROMPT_MATCHER } from '../../../src/waf/request/prompt-fields.js';

const summary = (json: unknown) => promptFieldsOf(json).map((f) => [f.path.join('/'), f.kind, f.text]);

test('chat body: every content part shape is found with its kind, in document order', () => {
  const body = {
    model: 'gpt-4o',
    user: 'u-1',
    metadata: { tag: 'select * from t' },
    temperature: 0.2,
    messages: [
      { role: 'system', content: 'You are helpful.' },
      {
        role: 'user',
        name: 'alice',
        content: [
          { type: 'text', text: 'describe' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          { type: 'input_audio', input_audio: { data: 'UklGR', format: 'wav' } },
          { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBER', filename: 'a.pdf' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'result text' },
      { role: 'function', name: 'lookup', content: [{ type: 'text', text: 'part result' }] },
      { role: 'assistant', function_call: { name: 'f', arguments: '{}' } },
    ],
  };
  assert.deepEqual(summary(body), [
    ['messages/0/content', 'text', 'You are helpful.'],
    ['messages/1/content/0/text', 'text', 'describe'],
    ['messages/1/content/1/image_url/url', 'url', 'https://example.com/a.png'],
    ['messages/1/content/2/image_url/url', 'data', 'data:image/png;base64,AAAA'],
    ['messages/1/content/3/input_audio/data', 'data', 'UklGR'],
    ['messages/1/content/4/file/file_data', 'data', 'data:application/pdf;base64,JVBER'],
    ['messages/2/tool_calls/0/function/arguments', 'tool_result', '{"q":"x"}'],
    ['messages/3/content', 'tool_result', 'result text'],
    ['messages/4/content/0/text', 'tool_result', 'part result'],
    ['messages/5/function_call/arguments', 'tool_result', '{}'],
  ]);
});

test('PromptField carries the path array and the ModSecurity ARG name', () => {
  const [f] = promptFieldsOf({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] });
  assert.deepEqual(f, {
    path: ['messages', 0, 'content', 0, 'text'],
    argName: 'json.messages.array_0.content.array_0.text',
    kind: 'text',
    text: 'hi',
  });
});

test('ARGS are flagged prompt exactly for prompt fields; user/model/metadata/names/ids are not', () => {
  const body = {
    model: 'gpt-4o', user: 'bob', metadata: { k: 'v' }, tool_choice: 'auto',
    messages: [{ role: 'user', name: 'bob', content: 'hello' }],
  };
  const r = flattenJson(body, { matcher: DEFAULT_PROMPT_MATCHER, maxArgs: 100, maxDepth: 64 });
  const flagged = r.args.filter((a) => a.prompt).map((a) => a.name);
  assert.deepEqual(flagged, ['json.messages.array_0.content']);
  for (const name of ['json.model', 'json.user', 'json.metadata.k', 'json.messages.array_0.name', 'json.messages.array_0.role']) {
    assert.equal(r.args.find((a) => a.name === name)?.prompt, false, name);
  }
});

test('tools/functions/json_schema subtrees are tool_definition; MCP server_url is url', () => {
  const body = {
    tools: [
      { type: 'function', function: { name: 'f', description: 'does f', parameters: { type: 'object', properties: { q: { type: 'string', description: 'query' } } } } },
      { type: 'mcp', server_label: 'x', server_url: 'https://mcp.example.com/sse' },
    ],
    functions: [{ name: 'g', description: 'does g' }],
    response_format: { type: 'json_schema', json_schema: { name: 's', schema: { description: 'an answer' } } },
  };
  const fields = promptFieldsOf(body);
  const kindOf = (p: string) => fields.find((f) => f.path.join('.') === p)?.kind;
  assert.equal(kindOf('tools.0.function.description'), 'tool_definition');
  assert.equal(kindOf('tools.0.function.parameters.properties.q.description'), 'tool_definition');
  assert.equal(kindOf('tools.1.server_url'), 'url');
  assert.equal(kindOf('tools.1.server_label'), 'tool_definition');
  assert.equal(kindOf('functions.0.description'), 'tool_definition');
  assert.equal(kindOf('response_format.json_schema.schema.description'), 'tool_definition');
  assert.equal(kindOf('response_format.type'), undefined);
});

test('completions, embeddings, responses and Azure On Your Data fields', () => {
  assert.deepEqual(summary({ prompt: ['a', 'b'], suffix: 's', stop: ['\n'], max_tokens: 5 }), [
    ['prompt/0', 'text', 'a'], ['prompt/1', 'text', 'b'], ['suffix', 'text', 's'], ['stop/0', 'text', '\n'],
  ]);
  assert.deepEqual(summary({ input: 'embed me', model: 'text-embedding-3-small' }), [['input', 'text', 'embed me']]);
  assert.deepEqual(summary({ input: ['x', 'y'] }), [['input/0', 'text', 'x'], ['input/1', 'text', 'y']]);
  assert.deepEqual(summary({
    instructions: 'be terse',
    input: [
      { role: 'user', content: 'plain' },
      { role: 'user', content: [
        { type: 'input_text', text: 'look' },
        { type: 'input_image', image_url: 'data:image/jpeg;base64,/9j' },
        { type: 'input_file', file_data: 'JVBER', filename: 'f.pdf' },
        { type: 'input_file', file_url: 'https://example.com/f.pdf' },
      ] },
      { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{"a":1}' },
      { type: 'function_call_output', call_id: 'c1', output: 'done' },
    ],
    prediction: { type: 'content', content: 'predicted' },
    data_sources: [{ type: 'azure_search', parameters: { endpoint: 'https://s.example.com', role_information: 'You answer from docs.' } }],
  }), [
    ['instructions', 'text', 'be terse'],
    ['input/0/content', 'text', 'plain'],
    ['input/1/content/0/text', 'text', 'look'],
    ['input/1/content/1/image_url', 'data', 'data:image/jpeg;base64,/9j'],
    ['input/1/content/2/file_data', 'data', 'JVBER'],
    ['input/1/content/3/file_url', 'url', 'https://example.com/f.pdf'],
    ['input/2/arguments', 'tool_result', '{"a":1}'],
    ['input/3/output', 'tool_result', 'done'],
    ['prediction/content', 'text', 'predicted'],
    ['data_sources/0/parameters/role_information', 'text', 'You answer from docs.'],
  ]);
});

test('numbers, booleans and null are never prompt fields', () => {
  assert.deepEqual(promptFieldsOf({ prompt: [1, 2, 3], messages: [{ role: 'user', content: null }] }), []);
});

test('caller entries go first and can override; a replacement table replaces', () => {
  const extra = compilePromptFields({ extra: [{ path: 'messages[*].content', kind: 'data', roles: ['user'] }, { path: 'x.y[*]', kind: 'text' }] });
  const fields = promptFieldsOf({ x: { y: ['q'] }, messages: [{ role: 'user', content: 'u' }, { role: 'system', content: 's' }] }, extra);
  assert.deepEqual(fields.map((f) => [f.argName, f.kind]), [
    ['json.x.y.array_0', 'text'],
    ['json.messages.array_0.content', 'data'],
    ['json.messages.array_1.content', 'text'],
  ]);
  const only = compilePromptFields({ replace: [{ path: 'q', kind: 'text' }] });
  assert.deepEqual(promptFieldsOf({ q: 'a', prompt: 'b' }, only).map((f) => f.argName), ['json.q']);
  assert.equal(DEFAULT_PROMPT_MATCHER.entries, DEFAULT_PROMPT_FIELDS);
});

test('bad patterns are load errors with a stable code', () => {
  for (const bad of ['', '.a', 'a.', 'a..b', 'a[1]', 'a[**].b', 'a[*]b', 'a]']) {
    assert.throws(() => parsePromptPath(bad), (e: unknown) => e instanceof PromptFieldError && e.code === 'WAF_ERR_PROMPT_FIELD_PATH', bad);
  }
  assert.throws(() => compilePromptFields({ extra: [{ path: 'a[x]', kind: 'text' }] }), { code: 'WAF_ERR_PROMPT_FIELD_PATH' });
  assert.deepEqual(parsePromptPath('[*].a[**]'), [{ index: true }, { key: 'a' }, { subtree: true }]);
});
