import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BODY_ERRORS, extractRequest, processorFor, splitTarget } from '../../../src/waf/request/extract.js';
import type { WafInput } from '../../../src/waf/request/types.js';

function input(over: Partial<WafInput> & { contentType?: string } = {}): WafInput {
  const { contentType, ...rest } = over;
  return {
    method: 'POST',
    target: '/openai/deployments/gpt/chat/completions?api-version=2024-10-21',
    httpVersion: '1.1',
    rawHeaders: ['Host', 'gw.example.com', ...(contentType === undefined ? [] : ['Content-Type', contentType])],
    remoteAddress: '192.0.2.1',
    body: null,
    ...rest,
  };
}

const CHAT = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] };

test('request line, URI parts, headers and remote address', () => {
  const r = extractRequest(input({ target: '/a/b/c.php?x=1&y=%41', rawHeaders: ['Host', 'h', 'X-Caf\xe9', 'v\xff'] }), {});
  assert.equal(r.requestLine, 'POST /a/b/c.php?x=1&y=%41 HTTP/1.1');
  assert.equal(r.protocol, 'HTTP/1.1');
  assert.equal(r.uri, '/a/b/c.php?x=1&y=%41');
  assert.equal(r.filename, '/a/b/c.php');
  assert.equal(r.basename, 'c.php');
  assert.equal(r.queryString, 'x=1&y=%41');
  assert.deepEqual(r.headers, [{ name: 'Host', value: 'h' }, { name: 'X-Caf\xe9', value: 'v\xff' }]);
  assert.deepEqual(r.args.map((a) => [a.name, a.value, a.source]), [['x', '1', 'query'], ['y', 'A', 'query']]);
  assert.equal(r.remoteAddress, '192.0.2.1');
  assert.equal(r.bodyProcessor, null);
  assert.equal(r.bodyLength, 0);
});

test('absolute-form targets and targets without a query', () => {
  assert.deepEqual(splitTarget('http://h:80/p/q?z'), { filename: '/p/q', queryString: 'z' });
  assert.deepEqual(splitTarget('http://h'), { filename: '/', queryString: '' });
  assert.deepEqual(splitTarget('/p'), { filename: '/p', queryString: '' });
  assert.deepEqual(splitTarget('/p?'), { filename: '/p', queryString: '' });
});

test('body processor from Content-Type', () => {
  assert.equal(processorFor('application/json'), 'JSON');
  assert.equal(processorFor('Application/JSON; charset=utf-8'), 'JSON');
  assert.equal(processorFor('application/merge-patch+json'), 'JSON');
  assert.equal(processorFor('application/x-www-form-urlencoded'), 'URLENCODED');
  assert.equal(processorFor('multipart/form-data; boundary=x'), 'MULTIPART');
  assert.equal(processorFor('text/plain'), null);
  assert.equal(processorFor('application/jsonx'), null);
});

test('JSON body: args after query args, prompt fields, REQUEST_BODY empty', () => {
  const body = Buffer.from(JSON.stringify(CHAT));
  const r = extractRequest(input({ contentType: 'application/json', body }), {});
  assert.equal(r.bodyProcessor, 'JSON');
  assert.equal(r.bodyError, null);
  assert.equal(r.rawBody, '');
  assert.equal(r.bodyLength, body.length);
  assert.deepEqual(r.json, CHAT);
  assert.deepEqual(r.args.map((a) => [a.name, a.source, a.prompt]), [
    ['api-version', 'query', false],
    ['json.model', 'body', false],
    ['json.messages.array_0.role', 'body', false],
    ['json.messages.array_0.content', 'body', true],
  ]);
  assert.deepEqual(r.promptFields, [{ path: ['messages', 0, 'content'], argName: 'json.messages.array_0.content', kind: 'text', text: 'hello' }]);
});

test('a JSON value parsed earlier is used instead of parsing again', () => {
  const r = extractRequest(input({ contentType: 'application/json', body: Buffer.from('{"not":"used"}'), json: CHAT }), {});
  assert.equal(r.json, CHAT);
  assert.equal(r.args.some((a) => a.name === 'json.not'), false);
});

test('bad JSON sets bodyError without throwing and without request data in the message', () => {
  for (const raw of ['{"a":', '{"a":1}}', '\xff\xfe{}']) {
    const r = extractRequest(input({ contentType: 'application/json', body: Buffer.from(raw, 'latin1') }), {});
    assert.ok(r.bodyError === BODY_ERRORS.jsonInvalid || r.bodyError === BODY_ERRORS.jsonInvalidUtf8, raw);
    assert.equal(r.json, null);
    assert.equal(r.rawBody, '');
    assert.deepEqual(r.promptFields, []);
  }
  const invalidUtf8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
  assert.equal(extractRequest(input({ contentType: 'application/json', body: invalidUtf8 }), {}).bodyError, BODY_ERRORS.jsonInvalidUtf8);
});

test('maxArgs and maxJsonDepth bounds set bodyError; query args count toward maxArgs', () => {
  const many = Buffer.from(JSON.stringify({ a: [1, 2, 3] }));
  const r = extractRequest(input({ contentType: 'application/json', body: many }), { maxArgs: 3 });
  assert.equal(r.bodyError, BODY_ERRORS.tooManyArguments);
  assert.equal(r.args.length, 3);
  assert.equal(extractRequest(input({ contentType: 'application/json', body: many }), { maxArgs: 4 }).bodyError, null);
  const deep = Buffer.from('{"a":{"b":{"c":1}}}');
  assert.equal(extractRequest(input({ contentType: 'application/json', body: deep }), { maxJsonDepth: 2 }).bodyError, BODY_ERRORS.jsonDepth);
  assert.equal(extractRequest(input({ contentType: 'application/json', body: deep }), { maxJsonDepth: 3 }).bodyError, null);
  const q = extractRequest(input({ target: '/?a&b&c' }), { maxArgs: 2 });
  assert.equal(q.bodyError, BODY_ERRORS.tooManyArguments);
  assert.equal(q.args.length, 2);
});

test('urlencoded body: ARGS_POST and REQUEST_BODY', () => {
  const r = extractRequest(input({ contentType: 'application/x-www-form-urlencoded', body: Buffer.from('q=1+2&r=%zz') }), {});
  assert.equal(r.bodyProcessor, 'URLENCODED');
  assert.equal(r.rawBody, 'q=1+2&r=%zz');
  assert.deepEqual(r.args.filter((a) => a.source === 'body').map((a) => [a.name, a.value]), [['q', '1 2'], ['r', '%zz']]);
});

test('unclaimed bodies stay raw; no body means no processor', () => {
  const r = extractRequest(input({ contentType: 'text/plain', body: Buffer.from([0x61, 0xe9]) }), {});
  assert.equal(r.bodyProcessor, null);
  assert.equal(r.rawBody, 'a\xe9');
  const empty = extractRequest(input({ contentType: 'application/json', body: Buffer.alloc(0) }), {});
  assert.equal(empty.bodyProcessor, null);
  assert.equal(empty.bodyError, null);
  assert.equal(extractRequest(input({ body: Buffer.from('x') }), {}).rawBody, 'x');
});

test('multipart body: ARGS, FILES, part headers, REQUEST_BODY empty', () => {
  const body = Buffer.from([
    '--b', 'Content-Disposition: form-data; name="purpose"', '', 'assistants',
    '--b', 'Content-Disposition: form-data; name="file"; filename="x.jsonl"', '', '{}', '--b--', '',
  ].join('\r\n'));
  const r = extractRequest(input({ target: '/openai/files', contentType: 'multipart/form-data; boundary=b', body }), {});
  assert.equal(r.bodyProcessor, 'MULTIPART');
  assert.equal(r.bodyError, null);
  assert.equal(r.rawBody, '');
  assert.deepEqual(r.args.map((a) => [a.name, a.value, a.source]), [['purpose', 'assistants', 'body']]);
  assert.deepEqual(r.files, [{ field: 'file', filename: 'x.jsonl', size: 2 }]);
  assert.equal(r.multipartPartHeaders.length, 2);
  const bad = extractRequest(input({ contentType: 'multipart/form-data', body }), {});
  assert.equal(bad.bodyError, BODY_ERRORS.boundaryMissing);
});

test('cookies from every Cookie header, any case', () => {
  const r = extractRequest(input({ rawHeaders: ['cookie', 'a=1; b', 'COOKIE', 'c=3'] }), {});
  assert.deepEqual(r.cookies, [{ name: 'a', value: '1' }, { name: 'b', value: '' }, { name: 'c', value: '3' }]);
});

test('a forced body processor overrides Content-Type (ctl:requestBodyProcessor)', () => {
  const body = Buffer.from(JSON.stringify(CHAT));
  const r = extractRequest(input({ contentType: 'text/plain', body }), { bodyProcessor: 'JSON' });
  assert.equal(r.bodyProcessor, 'JSON');
  assert.equal(r.promptFields.length, 1);
  assert.equal(r.rawBody, '');
  const noCt = extractRequest(input({ body }), { bodyProcessor: 'MULTIPART' });
  assert.equal(noCt.bodyError, BODY_ERRORS.boundaryMissing);
});
