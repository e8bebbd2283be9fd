/**
 * Runs every table in test/waf/transforms/testdata/<transformName>.json through the
 * registered transformation of that name. Rows: { input, output, changed? } with byte
 * strings written as JSON strings whose chars are all ≤ \u00ff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { getTransform, isByteString, transforms } from '../../../src/waf/transforms/index.js';

// Compiled to dist/test/waf/transforms; the tables stay in the source tree.
const dataDir = fileURLToPath(new URL('../../../../test/waf/transforms/testdata/', import.meta.url));

interface Row {
  input: string;
  output: string;
  changed?: boolean;
}

const files = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort();

test('every registered transformation has a table', () => {
  const tabled = new Set(files.map((f) => f.slice(0, -5).toLowerCase()));
  for (const name of transforms.names()) assert.ok(tabled.has(name), `no table for ${name}`);
});

for (const file of files) {
  const name = file.slice(0, -5);
  test(`transform ${name}`, () => {
    const fn = getTransform(name);
    const rows = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as Row[];
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.ok(isByteString(row.input), `${file}: input is not a byte string`);
      const [out, changed] = fn(row.input);
      assert.equal(out, row.output, `${name}(${JSON.stringify(row.input)})`);
      assert.ok(isByteString(out), `${name}: output is not a byte string`);
      const expectChanged = row.changed ?? (name === 'length' || name === 'sha1' || name === 'md5' ? true : row.output !== row.input);
      assert.equal(changed, expectChanged, `${name}(${JSON.stringify(row.input)}) changed`);
    }
  });
}
