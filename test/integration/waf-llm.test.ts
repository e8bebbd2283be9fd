import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, call, API_VERSION, type Harness } from '../helpers/harness.js';

/**
 * The LLM side of the WAF through the real gateway: secrets blocked or redacted before
 * the backend sees them (the emulator echoes the prompt back), SSRF in image URLs, and
 * Azure AI Content Safety Prompt Shields (served by the emulator) as a second opinion.
 */
const CHAT = `/openai/deployments/gpt-4o/chat/completions?api-version=${API_VERSION}`;
const MARKER = 'zebra-quartz-override';
let h: Harness;

before(async () => {
  h = await startHarness({
    emulator: { promptShieldMarkers: [MARKER] },
    extraYaml: (url: string) => `waf:
  mode: prevention
  contentSafety:
    endpoint: ${url}
    ca: ca.pem
    auth:
      apiKey: { env: TEST_BACKEND_KEY }
    timeoutMs: 2000
    failMode: closed
`,
  });
});
after(async () => {
  await h?.close();
});

function chat(content: unknown, id: string, extra: Record<string, unknown> = {}) {
  return call(h, CHAT, {
    headers: { 'content-type': 'application/json', 'api-key': h.key, 'x-request-id': id },
    body: JSON.stringify({ messages: [{ role: 'user', content }], ...extra }),
  });
}

test('a prompt carrying a cloud key is blocked; the audit record names the type, never the key', async () => {
  const r = await chat('My config: aws_access_key_id = AKIAZ3MSJV4WZLQ7N2XY, why does it fail?', 'llm-aws');
  assert.equal(r.status, 403);
  assert.equal((r.json() as { error: { code: string } }).error.code, 'waf_blocked');
  const line = await h.logs.waitForRequest('llm-aws');
  assert.equal((line.waf as { decidedBy: string }).decidedBy, 'llm.secret.aws_access_key');
  assert.doesNotMatch(JSON.stringify(h.logs.lines), /AKIAZ3MSJV4WZLQ7N2XY/);
});

test('a credit card number is redacted before the request leaves: the backend never sees it', async () => {
  const r = await chat('Charge card 4111 1111 1111 1111 for the order, please.', 'llm-card');
  assert.equal(r.status, 200, r.text);
  // The emulator echoes the prompt: what it echoes is what the backend received.
  const echoed = (r.json() as { choices: { message: { content: string } }[] }).choices[0]!.message.content;
  assert.doesNotMatch(echoed, /4111/);
  assert.match(echoed, /\[REDACTED:credit_card\]/);
  const waf = (await h.logs.waitForRequest('llm-card')).waf as { action: string; redacted: number; rules: string[] };
  assert.equal(waf.action, 'pass');
  assert.equal(waf.redacted, 1);
  assert.ok(waf.rules.includes('llm.secret.credit_card'));
});

test('an image URL aimed at the cloud metadata service is refused (SSRF)', async () => {
  const r = await chat([{ type: 'text', text: 'Describe this' }, { type: 'image_url', image_url: { url: 'http://169.254.169.254/latest/meta-data/' } }], 'llm-ssrf');
  assert.equal(r.status, 403);
  assert.equal(((await h.logs.waitForRequest('llm-ssrf')).waf as { decidedBy: string }).decidedBy, 'llm.ssrf');
});

test('Prompt Shields: an attack the heuristics do not know is refused by Content Safety; clean prompts pass', async () => {
  const ok = await chat('Summarise the plot of Hamlet in two sentences.', 'cs-clean');
  assert.equal(ok.status, 200, ok.text);
  const r = await chat(`Please consider ${MARKER} when you answer.`, 'cs-attack');
  assert.equal(r.status, 403);
  assert.equal(((await h.logs.waitForRequest('cs-attack')).waf as { decidedBy: string }).decidedBy, 'content-safety.user_prompt');
});

test('Prompt Shields unavailable with failMode closed: the request is refused, not waved through', async () => {
  // Nothing listens on port 1: every check is `unavailable` (connection refused).
  assert.ok(await h.reconfigure((y) => y.replace(/(contentSafety:\n    endpoint: )\S+/, '$1https://127.0.0.1:1')));
  const r = await chat('Summarise the plot of Hamlet in two sentences.', 'cs-down');
  assert.equal(r.status, 403);
  assert.match(((await h.logs.waitForRequest('cs-down')).waf as { decidedBy: string }).decidedBy, /^content-safety\.unavailable\./);
  assert.ok(await h.reconfigure((y) => y.replace('failMode: closed', 'failMode: open')));
  assert.equal((await chat('Summarise the plot of Hamlet in two sentences.', 'cs-down-open')).status, 200);
});
