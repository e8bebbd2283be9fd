/**
 * Validates the held-out corpus (holdout/data): that it is exactly what holdout/generate.ts
 * produces, that its requests are well-formed and shaped as real clients send them, that
 * planted values pass their checksums (Luhn, IBAN mod-97, SSN/NINO/DNI/SIN/BSN, GitHub CRC,
 * parseable private keys), that benign traffic is clean, and that the size targets hold.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { CATEGORIES, FAMILIES, FAMILY_EXPECT, familyOf, idPrefix, loadCorpus, serializeBody, subCategory, toWireRequest, type CorpusCase } from '../load.js';
import { cardBrand, ibanValid, isImageMediaType, jsonStrings, luhnValid, mediaValid, parseDataUrl } from '../checks.js';
import { promptFieldsOf } from '../../../../src/waf/request/prompt-fields.js';
import { HOLDOUT_FAMILY_MIN, holdoutCategoryMin, holdoutDataDir } from './load.js';
import { staleHoldoutFiles } from './generate.js';
import { brandOf, bsnOk, dniOk, githubTokenOk, ibanOk, jwtOk, luhnOk, ninoOk, sinOk, ssnOk } from './gen/values.js';

const cases = loadCorpus({ dir: holdoutDataDir() });
const byFamily = (f: string): CorpusCase[] => cases.filter((c) => familyOf(c.category) === f);
const strings = (c: CorpusCase): string[] => [...jsonStrings(c.body)].map((s) => s.value);
const bodyJson = (c: CorpusCase): unknown => {
  const b = serializeBody(c);
  return b === null ? null : JSON.parse(b.toString('utf8'));
};
const promptTexts = (c: CorpusCase): string[] => {
  const j = bodyJson(c);
  return j === null ? [] : promptFieldsOf(j).map((p) => p.text);
};

test('holdout data/ is exactly what holdout/generate.ts produces', () => {
  const stale = staleHoldoutFiles(holdoutDataDir());
  assert.deepEqual(stale, [], `regenerate with: npx tsc -p tsconfig.json && node dist/test/waf/corpus/holdout/generate.js (stale: ${stale.join(', ')})`);
});

test('ids are unique and carry their category', () => {
  const seen = new Set<string>();
  for (const c of cases) {
    assert.ok(!seen.has(c.id), `duplicate id ${c.id}`);
    seen.add(c.id);
    assert.match(c.id, new RegExp(`^${idPrefix(c.category).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{4}$`), `${c.id} does not match ${c.category}`);
  }
});

test('categories are the known ones and expectations follow the family', () => {
  for (const c of cases) {
    assert.ok(CATEGORIES[c.category], `${c.id}: unknown category ${c.category}`);
    assert.equal(c.expect, FAMILY_EXPECT[familyOf(c.category)], `${c.id}: expect`);
  }
});

test('minimum counts per family and per category; every category is present', () => {
  for (const f of FAMILIES) {
    const n = byFamily(f).length;
    assert.ok(n >= HOLDOUT_FAMILY_MIN[f], `${f}: ${n} cases < ${HOLDOUT_FAMILY_MIN[f]}`);
  }
  for (const cat of Object.keys(CATEGORIES)) {
    const n = cases.filter((c) => c.category === cat).length;
    assert.ok(n >= holdoutCategoryMin(cat), `${cat}: ${n} cases < ${holdoutCategoryMin(cat)}`);
  }
});

test('requests are well-formed HTTP a client could send', () => {
  for (const c of cases) {
    assert.ok(['GET', 'POST'].includes(c.method), `${c.id}: method ${c.method}`);
    assert.match(c.path, /^\/[\x21-\x7e]*$/, `${c.id}: target must be printable ASCII without spaces`);
    assert.ok(c.path.startsWith('/openai/') || familyOf(c.category) === 'web', `${c.id}: non-attack traffic goes to /openai/…`);
    assert.ok(c.headers.host, `${c.id}: host header`);
    assert.equal(Object.keys(c.headers)[0], 'host', `${c.id}: host comes first`);
    for (const [k, v] of Object.entries(c.headers)) {
      assert.match(k, /^[a-z0-9!#$%&'*+.^_`|~-]+$/, `${c.id}: header name ${k}`);
      assert.match(v, /^[\t\x20-\x7e\x80-\xff]*$/, `${c.id}: header ${k} has a character HTTP/1.1 cannot carry`);
    }
    const body = serializeBody(c);
    if (body !== null) assert.ok(c.headers['content-type'], `${c.id}: body without content-type`);
    else assert.equal(c.method, 'GET', `${c.id}: only GETs have no body`);
    const wire = toWireRequest(c);
    if (body !== null) assert.equal(wire.rawHeaders[wire.rawHeaders.indexOf('content-length') + 1], String(body.length));
    const hasAuth = c.headers['api-key'] !== undefined || /^Bearer /.test(c.headers.authorization ?? '');
    assert.ok(hasAuth, `${c.id}: no api-key or bearer token`);
  }
});

test('JSON bodies round-trip and are Azure OpenAI shaped', () => {
  for (const c of cases) {
    const v = bodyJson(c) as Record<string, unknown> | null;
    if (v === null) continue;
    if (familyOf(c.category) !== 'web') assert.deepEqual(v, c.body, `${c.id}: body does not round-trip`);
    const p = c.path.split('?')[0]!;
    if (!p.startsWith('/openai/')) continue;
    if (/\/chat\/completions$/.test(p)) assert.ok(Array.isArray(v.messages), `${c.id}: messages`);
    else if (/\/responses$/.test(p)) assert.ok('input' in v && typeof v.model === 'string', `${c.id}: responses input/model`);
    else if (/\/embeddings$/.test(p)) assert.ok(typeof v.input === 'string' || Array.isArray(v.input), `${c.id}: embeddings input`);
    else if (/\/completions$/.test(p)) assert.ok('prompt' in v, `${c.id}: completions prompt`);
    if (p.startsWith('/openai/v1/') && familyOf(c.category) !== 'web') assert.equal(typeof v.model, 'string', `${c.id}: v1 routes carry model`);
  }
});

test('benign inline media are strict base64 data URLs of valid files', () => {
  let images = 0;
  let pdfs = 0;
  let audio = 0;
  for (const c of byFamily('benign')) {
    for (const { path, value } of jsonStrings(c.body)) {
      if (value.startsWith('data:')) {
        const d = parseDataUrl(value);
        assert.ok(d, `${c.id} ${path.join('.')}: not a strict base64 data URL`);
        assert.ok(mediaValid(d), `${c.id} ${path.join('.')}: bytes are not valid ${d.mediaType}`);
        if (isImageMediaType(d.mediaType)) images++;
        if (d.mediaType === 'application/pdf') pdfs++;
      }
      if (path.at(-1) === 'data' && path.at(-2) === 'input_audio') {
        const d = parseDataUrl(`data:audio/wav;base64,${value}`);
        assert.ok(d && mediaValid(d), `${c.id}: input_audio is not a valid WAV`);
        audio++;
      }
    }
  }
  assert.ok(images >= 12, `only ${images} inline images`);
  assert.ok(pdfs >= 4, `only ${pdfs} inline PDFs`);
  assert.ok(audio >= 2, `only ${audio} audio clips`);
  const formats = new Set(byFamily('benign').flatMap((c) => c.tags ?? []).filter((t) => t.startsWith('media:')));
  for (const m of ['media:image/png', 'media:image/jpeg', 'media:image/gif', 'media:application/pdf', 'media:audio/wav']) assert.ok(formats.has(m), `no ${m}`);
});

const SECRET_CHECKS: Readonly<Record<string, (v: string) => boolean>> = {
  aws_access_key: (v) => /^A(?:KIA|SIA)[A-Z2-7]{16}$/.test(v),
  azure_key: (v) => /^[0-9a-f]{32}$/.test(v) || /^[A-Za-z0-9+/]{86}==$/.test(v),
  gcp_api_key: (v) => /^AIza[0-9A-Za-z_-]{35}$/.test(v),
  github_token: (v) => githubTokenOk(v) || /^github_pat_11[0-9A-Z]{20}_[0-9A-Za-z]{59}$/.test(v),
  openai_key: (v) => /^sk-(?:(?:proj|svcacct|admin)-[\w-]{74}T3BlbkFJ[\w-]{74}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})$/.test(v),
  slack_token: (v) => /^xox[bp]-\d+-\d+(?:-\d+)?-[0-9A-Za-z]+$/.test(v) || /^https:\/\/hooks\.slack\.com\/services\/T[0-9A-Z]+\/B[0-9A-Z]+\/[0-9A-Za-z]{24}$/.test(v),
  stripe_key: (v) => /^(?:sk|rk)_live_[0-9A-Za-z]{24,99}$/.test(v) || /^whsec_[0-9A-Za-z]{32}$/.test(v),
  private_key: (v) => {
    if (!/^-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----\n[\s\S]+\n-----END (?:RSA |EC |OPENSSH )?PRIVATE KEY-----$/.test(v)) return false;
    if (v.includes('OPENSSH')) return Buffer.from(v.split('\n').slice(1, -1).join(''), 'base64').subarray(0, 15).toString('latin1') === 'openssh-key-v1\0';
    try {
      return createPrivateKey(v).type === 'private';
    } catch {
      return false;
    }
  },
  jwt: jwtOk,
  connection_string: (v) => /(?:Password|AccountKey|SharedAccessKey)=[^;]{8,}|:\/\/[^:@/]*:[^@/]{8,}@|[?&]password=[^&]{8,}/i.test(v),
  generic_api_key: (v) => v.length >= 32 && /^[\w.-]+$/.test(v),
  credit_card: (v) => {
    const d = v.replace(/[ -]/g, '');
    return luhnOk(d) && luhnValid(d) && brandOf(d) !== null;
  },
  iban: (v) => ibanOk(v) && (!['DE', 'GB', 'FR', 'ES', 'NL', 'IT', 'CH', 'BE', 'AT', 'IE', 'PL', 'SE'].includes(v.slice(0, 2)) || ibanValid(v)),
  us_ssn: ssnOk,
  national_id: (v) => ninoOk(v) || dniOk(v) || sinOk(v) || bsnOk(v),
  email: (v) => /^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(v) && !RESERVED_EMAIL.test(v),
  phone: (v) => (v.match(/\d/g) ?? []).length >= 9 && /^[+(\d][\d ()-]+$/.test(v),
};

const RESERVED_EMAIL = /@(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i;

test('planted secrets sit in prompt fields and pass their checks', () => {
  for (const c of byFamily('secret')) {
    const type = subCategory(c.category);
    assert.ok(c.planted, `${c.id}: planted value missing`);
    const planted = c.planted;
    assert.ok(promptTexts(c).some((s) => s.includes(planted)), `${c.id}: planted value is not inside a prompt field`);
    const check = SECRET_CHECKS[type];
    assert.ok(check, `${c.id}: no validator for ${type}`);
    assert.ok(check(planted), `${c.id}: planted ${type} is not valid: ${planted.slice(0, 48)}`);
  }
  const cards = cases.filter((c) => c.category === 'secret.credit_card');
  assert.ok(cards.every((c) => luhnValid(c.planted!.replace(/[ -]/g, ''))), 'every card passes Luhn');
  assert.ok(new Set(cards.map((c) => brandOf(c.planted!.replace(/[ -]/g, '')))).size >= 6, 'cards of at least six brands');
  assert.ok(cards.filter((c) => cardBrand(c.planted!.replace(/[ -]/g, '')) !== null).length >= 6);
  const ibans = cases.filter((c) => c.category === 'secret.iban');
  assert.ok(ibans.every((c) => ibanOk(c.planted!)), 'every IBAN passes mod-97');
  assert.ok(new Set(ibans.map((c) => c.planted!.slice(0, 2))).size >= 8, 'IBANs of at least eight countries');
  const ids = cases.filter((c) => c.category === 'secret.national_id').map((c) => c.planted!);
  assert.ok(ids.some(ninoOk) && ids.some(dniOk) && ids.some(sinOk) && ids.some(bsnOk), 'all four national id kinds');
  const types = new Set(byFamily('secret').map((c) => subCategory(c.category)));
  for (const t of Object.keys(SECRET_CHECKS)) assert.ok(types.has(t), `no secret.${t} case`);
});

test('benign traffic carries no real-looking secrets or personal data', () => {
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
  const secretish = [/\bAKIA[A-Z2-7]{16}\b/, /\bgh[pousr]_[A-Za-z0-9]{36}\b/, /\bgithub_pat_/, /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/, /\bxox[bpas]-\d/, /\b[sr]k_live_/, /\bwhsec_/, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, /\bAIza[0-9A-Za-z_-]{35}\b/, /AccountKey=|SharedAccessKey=|Password=/i, /hooks\.slack\.com\/services\//];
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

test('long documents are 20–100 KB', () => {
  const docs = cases.filter((x) => x.category === 'benign.long_document');
  for (const c of docs) {
    const longest = Math.max(...strings(c).map((s) => Buffer.byteLength(s, 'utf8')));
    assert.ok(longest >= 20 * 1024 && longest <= 100 * 1024, `${c.id}: document is ${Math.round(longest / 1024)} KB`);
  }
  assert.ok(new Set(docs.flatMap((c) => c.tags ?? []).filter((t) => t.startsWith('lang:'))).size >= 4, 'documents in at least four languages');
});

test('benign prose and discussions are multilingual', () => {
  const langs = new Set(cases.filter((c) => c.category === 'benign.prose').flatMap((c) => c.tags ?? []).filter((t) => t.startsWith('lang:')));
  for (const l of ['en', 'de', 'fr', 'es', 'it', 'pt', 'zh', 'ja', 'ko', 'ar', 'ru', 'hi']) assert.ok(langs.has(`lang:${l}`), `no benign prose in ${l}`);
  assert.ok(byFamily('benign').filter((c) => c.tags?.includes('hard_negative')).length >= 80, 'at least 80 hard negatives');
});

test('benign traffic comes from many client styles', () => {
  const clients = new Set(byFamily('benign').flatMap((c) => c.tags ?? []).filter((t) => t.startsWith('client:')));
  assert.ok(clients.size >= 12, `only ${clients.size} client styles`);
  const routes = new Set(byFamily('benign').flatMap((c) => c.tags ?? []).filter((t) => t.startsWith('route:')));
  for (const r of ['chat', 'v1chat', 'responses', 'embeddings', 'completions']) assert.ok(routes.has(`route:${r}`), `no benign ${r} traffic`);
});

test('web attacks sit where their category says, outside prompt fields', () => {
  for (const c of byFamily('web')) {
    const where = (c.tags ?? []).find((t) => /^(?:query|header|field|path)(?::|$)/.test(t));
    assert.ok(where, `${c.id}: no placement tag`);
    const sub = subCategory(c.category);
    if (sub.endsWith('.query')) assert.ok(where.startsWith('query:'), `${c.id}: ${where}`);
    if (sub.endsWith('.header')) assert.ok(where.startsWith('header:'), `${c.id}: ${where}`);
    if (sub.endsWith('.json_field')) assert.ok(where.startsWith('field:'), `${c.id}: ${where}`);
    if (sub.endsWith('.path')) assert.equal(where, 'path');
    if (where.startsWith('header:')) assert.ok(c.headers[where.slice(7)], `${c.id}: header ${where.slice(7)} missing`);
    if (where.startsWith('query:')) assert.ok(!/^api-version=\d{4}-\d{2}-\d{2}(?:-preview)?$/.test(c.path.split('?')[1] ?? ''), `${c.id}: query looks untouched`);
    if (where.startsWith('field:')) {
      // The payload must not be prompt text: otherwise the prompt classifier, not CRS, decides.
      const prompts = promptTexts(c).join('\n');
      const field = where.slice(6);
      const j = bodyJson(c) as Record<string, unknown>;
      const fieldValues = [...jsonStrings(j)].filter(({ path }) => path.join('.').startsWith(field.replace('metadata_key', 'metadata'))).map((s) => s.value);
      for (const v of fieldValues) if (v.length > 4) assert.ok(!prompts.includes(v), `${c.id}: payload ${v.slice(0, 30)} is inside a prompt field`);
    }
  }
  const groups = new Set(byFamily('web').map((c) => subCategory(c.category).split('.')[0]));
  for (const g of ['sqli', 'xss', 'rce', 'lfi', 'rfi', 'php', 'java', 'nodejs', 'protocol', 'scanner']) assert.ok(groups.has(g), `no web.${g}`);
  const proto = cases.filter((c) => c.category === 'web.nodejs' && serializeBody(c)!.toString().includes('"__proto__":{'));
  assert.ok(proto.length >= 2, 'own __proto__ keys kept in web.nodejs bodies');
  const customHeaders = byFamily('web').filter((c) => c.tags?.includes('custom_header'));
  assert.ok(customHeaders.length >= 3, 'attacks in custom headers');
  assert.ok(byFamily('web').some((c) => c.tags?.includes('header:cookie')), 'attacks in cookies');
});

test('prompt injection is multilingual in every category and indirect cases are placed', () => {
  const inj = byFamily('injection');
  for (const cat of Object.keys(CATEGORIES).filter((c) => c.startsWith('injection.'))) {
    const ml = inj.filter((c) => c.category === cat && c.tags?.includes('multilingual'));
    assert.ok(ml.length >= 3, `${cat}: only ${ml.length} multilingual cases`);
  }
  assert.ok(inj.filter((c) => c.tags?.includes('multilingual')).length >= 35);
  const indirect = inj.filter((c) => c.category === 'injection.tool_call_hijacking');
  for (const c of indirect) assert.ok(c.tags?.some((t) => t === 'in:tool_result' || t === 'in:document' || t === 'in:tool_definition'), `${c.id}: no in:* tag`);
  for (const where of ['in:tool_result', 'in:document', 'in:tool_definition']) assert.ok(indirect.some((c) => c.tags?.includes(where)), `no indirect case ${where}`);
  for (const c of inj) assert.ok(promptTexts(c).length > 0, `${c.id}: no prompt fields`);
});

test('SSRF cases put an internal URL in a URL field', () => {
  const internal = /^(?:file|gopher|dict|ftp):|\/\/(?:[^/@]*@)?(?:169\.254\.|127\.|10\.|172\.(?:1[6-9]|2\d|3[01])\.|192\.168\.|100\.100\.|168\.63\.129\.16|0\.0\.0\.0|0x[0-9a-f]+|0[0-7]+\.|\d{8,10}[/:]|127\.1[/:]|\[|localhost|metadata\.|kubernetes\.|[a-z0-9-]+\.svc\.cluster\.local)/i;
  for (const c of byFamily('ssrf')) {
    const urls = [...jsonStrings(c.body)].filter(({ path }) => ['url', 'image_url', 'file_url', 'server_url'].includes(String(path.at(-1)))).map((s) => s.value);
    assert.ok(urls.some((u) => internal.test(u)), `${c.id}: no internal URL in a URL field (${urls.join(', ')})`);
  }
});

test('held out: no prompt text of this corpus appears verbatim in the main corpus', () => {
  let main: CorpusCase[];
  try {
    main = loadCorpus();
  } catch {
    return; // main corpus not present (e.g. scoring a copy elsewhere)
  }
  const mainTexts = new Set<string>();
  for (const c of main) for (const s of jsonStrings(c.body)) if (s.value.length >= 60 && !s.value.startsWith('data:')) mainTexts.add(s.value);
  const shared: string[] = [];
  for (const c of cases) for (const s of promptTexts(c)) if (s.length >= 60 && mainTexts.has(s)) shared.push(`${c.id}: ${s.slice(0, 50)}`);
  assert.deepEqual(shared, [], 'held-out prompt texts must not be copies of the main corpus');
});
