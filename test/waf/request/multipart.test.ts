import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MULTIPART_ERRORS, multipartBoundary, parseMultipart } from '../../../src/waf/request/multipart.js';

const CT = 'multipart/form-data; boundary=XyZ';
const mp = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');

const GOOD = mp(
  '--XyZ',
  'Content-Disposition: form-data; name="purpose"',
  '',
  'fine-tune',
  '--XyZ',
  'Content-Disposition: form-data; name="file"; filename="a.txt"',
  'Content-Type: text/plain',
  '',
  'hello\r\nworld',
  '--XyZ--',
  '',
);

test('form fields become ARGS, file parts FILES, header lines MULTIPART_PART_HEADERS', () => {
  const r = parseMultipart(GOOD, CT);
  assert.equal(r.error, null);
  assert.deepEqual(r.args, [{ name: 'purpose', value: 'fine-tune', source: 'body', prompt: false }]);
  assert.deepEqual(r.files, [{ field: 'file', filename: 'a.txt', size: 12 }]);
  assert.deepEqual(r.partHeaders, [
    { name: 'purpose', value: 'Content-Disposition: form-data; name="purpose"' },
    { name: 'file', value: 'Content-Disposition: form-data; name="file"; filename="a.txt"' },
    { name: 'file', value: 'Content-Type: text/plain' },
  ]);
});

test('quoted boundary, transport padding, empty values and escaped quotes are accepted', () => {
  const body = mp('--a b', 'content-disposition: form-data; name="q\\"x"; filename=""', '', '', '--a b  ', 'Content-Disposition: form-data; name=plain', '', 'v', '--a b--');
  const r = parseMultipart(body, 'multipart/form-data; charset=utf-8; boundary="a b"');
  assert.equal(r.error, null);
  assert.deepEqual(r.files, [{ field: 'q"x', filename: '', size: 0 }]);
  assert.deepEqual(r.args.map((a) => [a.name, a.value]), [['plain', 'v']]);
});

test('boundary problems are body errors', () => {
  assert.deepEqual(multipartBoundary('multipart/form-data'), { error: MULTIPART_ERRORS.boundaryMissing });
  assert.deepEqual(multipartBoundary(`multipart/form-data; boundary=${'a'.repeat(71)}`), { error: MULTIPART_ERRORS.boundaryInvalid });
  assert.deepEqual(multipartBoundary('multipart/form-data; boundary=a; boundary=b'), { error: MULTIPART_ERRORS.boundaryInvalid });
  assert.deepEqual(multipartBoundary('multipart/form-data; boundary=a<b'), { error: MULTIPART_ERRORS.boundaryInvalid });
  assert.deepEqual(multipartBoundary('multipart/form-data; boundary=""'), { error: MULTIPART_ERRORS.boundaryInvalid });
  assert.deepEqual(multipartBoundary(`multipart/form-data; boundary=${'a'.repeat(70)}`), { boundary: 'a'.repeat(70) });
  assert.equal(parseMultipart(GOOD, 'multipart/form-data').error, MULTIPART_ERRORS.boundaryMissing);
});

test('malformed bodies are body errors, never throws', () => {
  const cases: [Buffer, string][] = [
    [mp('preamble', '--XyZ', 'Content-Disposition: form-data; name="a"', '', 'v', '--XyZ--'), MULTIPART_ERRORS.dataBefore],
    [mp('--XyZ', 'Content-Disposition: form-data; name="a"', '', 'v'), MULTIPART_ERRORS.finalBoundaryMissing],
    [mp('--XyZ', 'Content-Disposition: form-data; name="a"', '', 'v', '--XyZ--', 'junk'), MULTIPART_ERRORS.dataAfter],
    [Buffer.from('--XyZ\nContent-Disposition: form-data; name="a"\n\nv\n--XyZ--'), MULTIPART_ERRORS.badLine],
    [mp('--XyZ', 'Content-Type: text/plain', '', 'v', '--XyZ--'), MULTIPART_ERRORS.dispositionMissing],
    [mp('--XyZ', 'Content-Disposition: attachment; name="a"', '', 'v', '--XyZ--'), MULTIPART_ERRORS.dispositionInvalid],
    [mp('--XyZ', 'Content-Disposition: form-data; filename="x"', '', 'v', '--XyZ--'), MULTIPART_ERRORS.dispositionInvalid],
    [mp('--XyZ', 'Content-Disposition: form-data; name="a"; name="b"', '', 'v', '--XyZ--'), MULTIPART_ERRORS.dispositionInvalid],
    [mp('--XyZ', 'Content-Disposition: form-data; name="a"', 'Content-Disposition: form-data; name="b"', '', 'v', '--XyZ--'), MULTIPART_ERRORS.dispositionInvalid],
    [mp('--XyZ', 'Content-Disposition: form-data;', ' name="a"', '', 'v', '--XyZ--'), MULTIPART_ERRORS.headerFolding],
    [mp('--XyZ', 'Content-Disposition form-data', '', 'v', '--XyZ--'), MULTIPART_ERRORS.headerInvalid],
    [mp('--XyZ', 'Content-Disposition: form-data; name="a', '', 'v', '--XyZ--'), MULTIPART_ERRORS.dispositionInvalid],
    [mp('--XyZ', 'Content-Disposition: form-data; name="a"', '', 'v', '--XyZjunk', '--XyZ--'), MULTIPART_ERRORS.badLine],
    [Buffer.from('nothing here'), MULTIPART_ERRORS.finalBoundaryMissing],
  ];
  for (const [body, error] of cases) assert.equal(parseMultipart(body, CT).error, error, body.toString('latin1'));
});

test('parts and part header lines are bounded', () => {
  assert.equal(parseMultipart(GOOD, CT, 1).error, MULTIPART_ERRORS.tooManyParts);
  assert.equal(parseMultipart(GOOD, CT, 2).error, MULTIPART_ERRORS.tooManyParts); // 3 header lines
  assert.equal(parseMultipart(GOOD, CT, 3).error, null);
});
