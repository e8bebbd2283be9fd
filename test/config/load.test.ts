import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, interpolateEnv } from '../../src/config/load.js';
import { ConfigErrors } from '../../src/config/config-error.js';
import { configJsonSchema } from '../../src/config/json-schema.js';

const MINIMAL = `
listeners:
  - port: 8443
    tls: { cert: server.pem, key: server-key.pem }
network:
  allow: [10.0.0.0/8]
backends:
  - name: east
    url: https://east.openai.azure.com
    auth: { type: apiKey, key: { env: AOAI_KEY } }
deployments:
  - name: gpt-4o
    backends: [east]
`;

function problems(text: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parseConfig(text, env);
  } catch (err) {
    assert.ok(err instanceof ConfigErrors, String(err));
    return err.errors.map((e) => e.message);
  }
  return [];
}

test('a minimal config parses and gets documented defaults', () => {
  const c = parseConfig(MINIMAL, {});
  assert.equal(c.control.host, '127.0.0.1');
  assert.equal(c.listeners[0]!.tls!.minVersion, 'TLSv1.2');
  assert.equal(c.limits.maxBodyBytes, 32 * 1024 * 1024);
  assert.deepEqual(c.backends[0]!.probe.expectStatus, ['200-399', '404']);
});

test('errors name the path and the reason, all of them at once', () => {
  const bad = MINIMAL.replace('backends: [east]', 'backends: [west]').replace('port: 8443', 'port: 70000');
  const p = problems(bad);
  assert.ok(p.some((m) => m.startsWith('listeners[0].port:')), p.join('\n'));
  const cross = problems(MINIMAL.replace('backends: [east]', 'backends: [west]'));
  assert.deepEqual(cross, ['deployments[0].backends[0]: no backend named "west"']);
});

test('unknown keys are refused (a typo must not silently fall back to a default)', () => {
  const p = problems(MINIMAL.replace('network:', 'netwrok:\n  allow: [1.2.3.4]\nnetwork:'));
  assert.ok(p.some((m) => /netwrok/.test(m)), p.join('\n'));
});

test('plaintext listeners only when asked; fail closed on a missing allow list', () => {
  assert.ok(problems(MINIMAL.replace('    tls: { cert: server.pem, key: server-key.pem }\n', '')).length > 0);
  assert.deepEqual(problems(MINIMAL.replace('    tls: { cert: server.pem, key: server-key.pem }\n', '    plaintext: true\n')), []);
  assert.ok(problems(MINIMAL.replace('  allow: [10.0.0.0/8]\n', '  deny: []\n')).some((m) => m.startsWith('network.allow')));
});

test('${ENV} is substituted and an unset variable is an error naming its place', () => {
  assert.deepEqual(interpolateEnv({ a: ['x${A}y', '$${A}'] }, { A: '1' }), { a: ['x1y', '${A}'] });
  const p = problems(MINIMAL.replace('url: https://east.openai.azure.com', 'url: https://${AOAI_HOST}'));
  assert.deepEqual(p, ['backends[0].url: environment variable AOAI_HOST is not set']);
  assert.equal(parseConfig(MINIMAL.replace('url: https://east.openai.azure.com', 'url: https://${AOAI_HOST}'), { AOAI_HOST: 'x.openai.azure.com' }).backends[0]!.url, 'https://x.openai.azure.com');
});

test('backend keys cannot be written inline in the config', () => {
  assert.ok(problems(MINIMAL.replace('key: { env: AOAI_KEY }', 'key: "sk-inline"')).some((m) => m.startsWith('backends[0].auth')));
});

test('the JSON Schema describes the config', () => {
  const s = configJsonSchema() as { properties: Record<string, { description?: string }> };
  assert.ok(s.properties.listeners);
  assert.ok(s.properties.backends!.description!.length > 0);
});

test('schema/portcullis.schema.json is current (regenerate with `npm run schema`)', async () => {
  const { readFileSync } = await import('node:fs');
  const file = new URL('../../../schema/portcullis.schema.json', import.meta.url);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(JSON.stringify(configJsonSchema())));
});
