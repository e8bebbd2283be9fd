/**
 * Validates the WAF corpus itself, so it cannot silently rot: structure, counts, media,
 * planted values (Luhn, mod-97, checksums), benign hygiene, and that data/ is exactly what
 * generate.ts produces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATEGORIES, FAMILIES, FAMILY_EXPECT, FAMILY_MIN, corpusDataDir, familyOf, idPrefix, loadCorpus, serializeBody, subCategory, toWireRequest, type CorpusCase } from './load.js';
import {
  caSinValid, cardBrand, esDniValid, githubTokenValid, ibanValid, isImageMediaType, jsonStrings, jwtShapeValid, luhnValid, mediaValid, nlBsnValid, parseDataUrl, ukNinoValid, usSsnValid,
} from './checks.js';
import { staleFiles } from './generate.js';

const cases = loadCorpus();
const byFamily = (f: string): CorpusCase[] => cases.filter((c) => familyOf(c.category) === f);
const strings = (c: CorpusCase): string[] => [...jsonStrings(c.body)].map((s) => s.value);

test('data/ is exactly what generate.ts produces', () => {
  const stale = staleFiles(corpusDataDir());
  assert.deepEqual(stale, [], `regenerate with: npx tsc -p tsconfig.json && node dist/test/waf/corpus/generate.js (stale: ${stale.join(', ')})`);
});

test('ids are unique and carry their category', () => {
  const seen = new Set<string>();
  for (const c of cases) {
    assert.ok(!seen.has(c.id), `duplicate id ${c.id}`);
    seen.add(c.id);
    assert.match(c.id, new RegExp(`^${idPrefix(c.category).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{4}$`), `${c.id} does not match its category ${c.category}`);
  }
});

test('every case has a known category and its family\'s expectation', () => {
  for (const c of cases) {
    assert.ok(CATEGORIES[c.category], `${c.id}: unknown category ${c.category}`);
    assert.equal(c.expect, FAMILY_EXPECT[familyOf(c.category)], `${c.id}: expect`);
  }
});

test('minimum counts per family and per category', () => {
  for (const f of FAMILIES) {
    const n = byFamily(f).length;
    assert.ok(n >= FAMILY_MIN[f], `${f}: ${n} cases < ${FAMILY_MIN[f]}`);
  }
  for (const [cat, info] of Object.entries(CATEGORIES)) {
    const n = cases.filter((c) => c.category === cat).length;
    assert.ok(n >= info.min, `${cat}: ${n} cases < ${info.min}`);
  }
});

test('requests are well-formed HTTP a client could send', () => {
  for (const c of cases) {
    assert.ok(['GET', 'POST', 'DELETE'].includes(c.method), `${c.id}: method ${c.method}`);
    assert.match(c.path, /^\/[\x21-\x7e]*$/, `${c.id}: target must be printable ASCII without spaces`);
    assert.ok(c.path.startsWith('/openai/') || familyOf(c.category) === 'web', `${c.id}: non-attack traffic goes to /openai/…`);
    assert.ok(c.headers.host, `${c.id}: host header`);
    for (const [k, v] of Object.entries(c.headers)) {
      assert.match(k, /^[a-z0-9!#$%&'*+.^_`|~-]+$/, `${c.id}: header name ${k}`);
      assert.match(v, /^[\t\x20-\x7e\x80-\xff]*$/, `${c.id}: header ${k} has a character HTTP/1.1 cannot carry`);
    }
    const body = serializeBody(c);
    if (body !== null) {
      assert.ok(c.headers['content-type'], `${c.id}: body without content-type`);
      if (/json/.test(c.headers['content-type'] ?? '') && familyOf(c.category) !== 'web') {
        assert.deepEqual(JSON.parse(body.toString('utf8')), c.body, `${c.id}: body does not round-trip`);
      }
    }
    const wire = toWireRequest(c);
    const len = wire.rawHeaders[wire.rawHeaders.indexOf('content-length') + 1];
    if (body !== null) assert.equal(len, String(body.length));
  }
});

test('JSON bodies parse and are Azure OpenAI shaped', () => {
  for (const c of cases) {
    const body = serializeBody(c);
    assert.ok(body !== null, `${c.id}: every corpus request has a body`);
    const v = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const p = c.path.split('?')[0]!;
    if (/\/chat\/completions$/.test(p)) assert.ok(Array.isArray(v.messages), `${c.id}: messages`);
    else if (/\/responses$/.test(p)) assert.ok('input' in v && typeof v.model === 'string', `${c.id}: responses input/model`);
    else if (/\/embeddings$/.test(p)) assert.ok(typeof v.input === 'string' || Array.isArray(v.input), `${c.id}: embeddings input`);
    else if (/\/completions$/.test(p)) assert.ok('prompt' in v, `${c.id}: completions prompt`);
    if (p.startsWith('/openai/v1/') && familyOf(c.category) !== 'web') assert.equal(typeof v.model, 'string', `${c.id}: v1 routes carry model`);
  }
});

test('benign data URLs are valid base64 media of the type they claim', () => {
  let images = 0;
  let audio = 0;
  for (const c of byFamily('benign')) {
    for (const { path, value } of jsonStrings(c.body)) {
      if (value.startsWith('data:')) {
        const d = parseDataUrl(value);
        assert.ok(d, `${c.id} ${path.join('.')}: not a strict base64 data URL`);
        assert.ok(mediaValid(d), `${c.id} ${path.join('.')}: bytes are not valid ${d.mediaType}`);
        if (isImageMediaType(d.mediaType)) images++;
      }
      if (path.at(-1) === 'data' && path.at(-2) === 'input_audio') {
        const d = parseDataUrl(`data:audio/wav;base64,${value}`);
        assert.ok(d && mediaValid(d), `${c.id}: input_audio is not a valid WAV`);
        audio++;
      }
    }
  }
  assert.ok(images >= 15, `only ${images} inline images`);
  assert.ok(audio >= 1);
  for (const c of cases.filter((x) => x.category === 'benign.data_url')) {
    assert.ok(strings(c).some((s) => s.startsWith('data:')) || JSON.stringify(c.body).includes('input_audio'), `${c.id}: no inline media`);
  }
});

const SECRET_CHECKS: Readonly<Record<string, (v: string) => boolean>> = {
  aws_access_key: (v) => /^A(?:KIA|SIA)[A-Z2-7]{16}$/.test(v),
  azure_key: (v) => /^[0-9a-f]{32}$/.test(v) || /^[A-Za-z0-9%]{44,}$/.test(v),
  gcp_api_key: (v) => /^AIza[0-9A-Za-z_-]{35}$/.test(v),
  github_token: (v) => githubTokenValid(v) || /^github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59}$/.test(v),
  openai_key: (v) => /^sk-(?:(?:proj|svcacct)-[\w-]{58}T3BlbkFJ[\w-]{58}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})$/.test(v),
  slack_token: (v) => /^xox[bp]-\d+-\d+(?:-\d+)?-[0-9A-Za-z]+$/.test(v) || /^https:\/\/hooks\.slack\.com\/services\/T[0-9A-Z]+\/B[0-9A-Z]+\/[0-9A-Za-z]{24}$/.test(v),
  stripe_key: (v) => /^(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{98}$/.test(v) || /^whsec_[0-9A-Za-z]{32}$/.test(v),
  private_key: (v) => /-----BEGIN (?:RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/.test(v) && /-----END (?:RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/.test(v),
  jwt: jwtShapeValid,
  connection_string: (v) => /(?:Password|AccountKey|SharedAccessKey)=[^;]{8,}|:\/\/[^:@/]*:[^@/]{8,}@|[?&]password=[^&]{8,}/i.test(v),
  generic_api_key: (v) => v.length >= 32 && /^[\w.-]+$/.test(v),
  credit_card: (v) => {
    const d = v.replace(/[ -]/g, '');
    return luhnValid(d) && cardBrand(d) !== null;
  },
  iban: ibanValid,
  us_ssn: usSsnValid,
  national_id: (v) => ukNinoValid(v) || esDniValid(v) || caSinValid(v) || nlBsnValid(v),
  email: (v) => /^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(v) && !RESERVED_EMAIL.test(v),
  phone: (v) => (v.match(/\d/g) ?? []).length >= 9 && /^[+(\d][\d ()-]+$/.test(v),
};

const RESERVED_EMAIL = /@(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i;

test('planted secrets are present, well-formed and checksum-valid', () => {
  for (const c of byFamily('secret')) {
    const type = subCategory(c.category);
    assert.ok(c.planted, `${c.id}: planted value missing`);
    const planted = c.planted;
    assert.ok(strings(c).some((s) => s.includes(planted)), `${c.id}: planted value not found in the prompt text`);
    const check = SECRET_CHECKS[type];
    assert.ok(check, `${c.id}: no validator for ${type}`);
    assert.ok(check(planted), `${c.id}: planted ${type} is not valid: ${planted.slice(0, 40)}`);
  }
  // Named checks from the brief, counted so they can't be skipped silently.
  const cards = cases.filter((c) => c.category === 'secret.credit_card');
  assert.ok(cards.every((c) => luhnValid(c.planted!.replace(/[ -]/g, ''))), 'every credit card passes Luhn');
  const ibans = cases.filter((c) => c.category === 'secret.iban');
  assert.ok(ibans.every((c) => ibanValid(c.planted!)), 'every IBAN passes mod-97');
  assert.ok(new Set(ibans.map((c) => c.planted!.slice(0, 2))).size >= 6, 'IBANs of at least six countries');
  assert.ok(new Set(cards.map((c) => cardBrand(c.planted!.replace(/[ -]/g, '')))).size >= 5, 'cards of at least five brands');
});

test('benign traffic carries no real-looking secrets or personal data', () => {
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
  const secretish = [/\bAKIA[A-Z2-7]{16}\b/, /\bgh[pousr]_[A-Za-z0-9]{36}\b/, /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}/, /\bxox[bpas]-\d/, /\b[sr]k_live_/, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, /\bAIza[0-9A-Za-z_-]{35}\b/];
  for (const c of byFamily('benign')) {
    for (const s of strings(c)) {
      if (s.startsWith('data:')) continue;
      for (const m of s.matchAll(email)) {
        assert.ok(RESERVED_EMAIL.test(m[0]), `${c.id}: non-placeholder e-mail ${m[0]}`);
        assert.ok(c.tags?.includes('placeholder_pii'), `${c.id}: placeholder e-mail without the placeholder_pii tag`);
      }
      for (const m of s.matchAll(/\b(?:\d[ -]?){13,19}\b/g)) {
        const d = m[0].replace(/[ -]/g, '');
        assert.ok(!(luhnValid(d) && cardBrand(d) !== null), `${c.id}: card-like number ${m[0]}`);
      }
      for (const r of secretish) assert.ok(!r.test(s), `${c.id}: secret-like string matching ${r}`);
    }
  }
});

test('long documents are 20–150 KB', () => {
  for (const c of cases.filter((x) => x.category === 'benign.long_document')) {
    const longest = Math.max(...strings(c).map((s) => Buffer.byteLength(s, 'utf8')));
    assert.ok(longest >= 20 * 1024 && longest <= 150 * 1024, `${c.id}: document is ${Math.round(longest / 1024)} KB`);
  }
});

test('benign prose covers the eight languages', () => {
  const langs = new Set(cases.filter((c) => c.category === 'benign.prose').flatMap((c) => c.tags ?? []).filter((t) => t.startsWith('lang:')));
  for (const l of ['en', 'de', 'fr', 'es', 'zh', 'ja', 'ar', 'ru']) assert.ok(langs.has(`lang:${l}`), `no benign prose in ${l}`);
});

test('web attacks sit where their category says', () => {
  for (const c of byFamily('web')) {
    const where = (c.tags ?? []).find((t) => /^(?:query|header|field|path)(?::|$)/.test(t));
    assert.ok(where, `${c.id}: no placement tag`);
    const sub = subCategory(c.category);
    if (sub.endsWith('.query')) assert.ok(where.startsWith('query:'), `${c.id}: ${where}`);
    if (sub.endsWith('.header')) assert.ok(where.startsWith('header:'), `${c.id}: ${where}`);
    if (sub.endsWith('.json_field')) assert.ok(where.startsWith('field:'), `${c.id}: ${where}`);
    if (sub.endsWith('.path')) assert.equal(where, 'path');
    if (where.startsWith('header:')) assert.ok(c.headers[where.slice(7)] !== undefined, `${c.id}: header ${where.slice(7)} missing`);
    if (where.startsWith('query:')) {
      const query = c.path.split('?')[1] ?? '';
      assert.ok(!/^api-version=\d{4}-\d{2}-\d{2}(?:-preview)?$/.test(query), `${c.id}: query looks untouched`);
    }
  }
  // Prototype-pollution keys survive as own data properties through load.
  const proto = cases.filter((c) => c.category === 'web.nodejs' && serializeBody(c)!.toString().includes('"__proto__"'));
  assert.ok(proto.length >= 2, 'own __proto__ keys kept in web.nodejs bodies');
});

test('prompt injection is multilingual in every category', () => {
  const inj = byFamily('injection');
  for (const cat of Object.keys(CATEGORIES).filter((c) => c.startsWith('injection.'))) {
    const ml = inj.filter((c) => c.category === cat && c.tags?.includes('multilingual'));
    assert.ok(ml.length >= 1, `${cat}: no multilingual case`);
  }
  assert.ok(inj.filter((c) => c.tags?.includes('multilingual')).length >= 30);
  const indirect = inj.filter((c) => c.category === 'injection.tool_call_hijacking');
  assert.ok(indirect.every((c) => c.tags?.some((t) => t === 'in:tool_result' || t === 'in:document' || t === 'in:tool_definition')));
});

test('SSRF cases put an internal URL in a URL field', () => {
  const internal = /^(?:file|gopher|dict|ftp):|\/\/(?:[^/@]*@)?(?:169\.254\.|127\.|10\.|172\.(?:1[6-9]|2\d|3[01])\.|192\.168\.|100\.100\.|0[x0-9.]*[/:]|\d{8,10}[/:]|0x[0-9a-f]+[/:.]|\[|localhost|metadata\.|kubernetes\.|169\.254\.169\.254\.)/i;
  for (const c of byFamily('ssrf')) {
    const urls = [...jsonStrings(c.body)].filter(({ path }) => ['url', 'image_url', 'file_url', 'server_url'].includes(String(path.at(-1)))).map((s) => s.value);
    assert.ok(urls.some((u) => internal.test(u)), `${c.id}: no internal URL in a URL field (${urls.join(', ')})`);
  }
});
