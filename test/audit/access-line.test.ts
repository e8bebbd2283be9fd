import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { accessLineWriter, type AccessRecord } from '../../src/audit/access-line.js';

function capture(level = 'info', base: Record<string, unknown> = { svc: 'portcullis' }): { log: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: pino({ level, base }, { write: (s: string) => void lines.push(s) }), lines };
}

const plain: AccessRecord = {
  requestId: 'b1e2f0c8-8a9d-4c3e-9f1a-2b3c4d5e6f70', client: '10.1.2.3', peer: '::1', method: 'POST', route: 'deployment',
  path: '/chat/completions', deployment: 'gpt-4o', keyId: 'team-a', backend: 'east', status: 200, reason: null, shadowReasons: null,
  durationMs: 12.34, upstreamMs: 11.5, bytesIn: 230, bytesOut: 5120, waf: null,
};
const denied: AccessRecord = {
  ...plain, route: null, path: null, deployment: null, keyId: null, backend: null, status: 403, reason: 'waf_blocked',
  shadowReasons: ['credential_invalid', 'deployment_not_found'], upstreamMs: null, bytesOut: 0, requestId: 'odd "id" \\ \u0001 é',
  waf: { action: 'block', score: 10, decidedBy: '949110', rules: ['942100', 'llm.secret.jwt'], redacted: 0 },
};

test('an access line is the line pino writes for the same record: same fields, values and key order', () => {
  for (const record of [plain, denied]) {
    for (const base of [{ svc: 'portcullis' }, { pid: 42, hostname: 'gw-1' }]) {
      const ours = capture('info', base);
      const theirs = capture('info', base);
      accessLineWriter(ours.log)!(record);
      theirs.log.info({ msg: 'request', ...record });
      assert.equal(ours.lines.length, 1);
      assert.ok(ours.lines[0]!.endsWith('}\n'), 'one line, newline-terminated');
      const a = JSON.parse(ours.lines[0]!) as Record<string, unknown>;
      const b = JSON.parse(theirs.lines[0]!) as Record<string, unknown>;
      assert.ok(Math.abs((a.time as number) - (b.time as number)) < 1000);
      a.time = b.time;
      assert.deepEqual(a, b);
      assert.deepEqual(Object.keys(a), Object.keys(b));
    }
  }
});

test('no access line below the logger level; a metadata-hungry destination falls back to pino', () => {
  const quiet = capture('warn');
  accessLineWriter(quiet.log)!(plain);
  assert.deepEqual(quiet.lines, []);
  // Levels can change at run time (config reload): the writer asks each time.
  quiet.log.level = 'info';
  accessLineWriter(quiet.log)!(plain);
  assert.equal(quiet.lines.length, 1);

  const multi = pino({}, pino.multistream([{ stream: { write: () => undefined } }]));
  assert.equal(accessLineWriter(multi), null);
});
