import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSecretScanner, SECRET_TYPES } from '../../../src/waf/llm/secrets.js';
import type { SecretType } from '../../../src/waf/llm/types.js';

const all = createSecretScanner(SECRET_TYPES);

/** `type:matched text` for every span, sorted (spans may come in any order). */
function found(text: string): string[] {
  return all.scan(text).map((s) => `${s.type}:${text.slice(s.start, s.end)}`).sort();
}

function types(text: string): SecretType[] {
  return [...new Set(all.scan(text).map((s) => s.type))].sort();
}

function assertFinds(type: SecretType, text: string, value: string): void {
  assert.ok(found(text).includes(`${type}:${value}`), `${type} not found in ${JSON.stringify(text)}: ${JSON.stringify(found(text))}`);
}

function assertClean(text: string): void {
  assert.deepEqual(found(text), [], JSON.stringify(text));
}

/** Append a Luhn check digit. */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let v = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

test('aws_access_key', () => {
  assertFinds('aws_access_key', 'key id AKIAIOSFODNN7EXAMPLE here', 'AKIAIOSFODNN7EXAMPLE');
  assertFinds('aws_access_key', 'ASIAY34FZKBOKMUTVV7A', 'ASIAY34FZKBOKMUTVV7A');
  assertFinds('aws_access_key', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  assertClean('AKIAIOSFODNN7EXAMPL is one short; XAKIAIOSFODNN7EXAMPLE is inside a word; Asia is a continent');
});

test('azure_key: storage and Service Bus keys, SAS, labelled 32-hex keys only', () => {
  const key = `${'Ab1+'.repeat(21)}xy==`;
  assertFinds('azure_key', `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${key};EndpointSuffix=core.windows.net`, key);
  assertFinds('azure_key', `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=${key}`, key);
  const sig = 'abcdEFGH1234ijklMNOP5678qrstUVWX90yz%2Babc%3D';
  assertFinds('azure_key', `https://acct.blob.core.windows.net/c/a.png?sv=2022-11-02&sp=r&se=2030-01-01T00:00:00Z&sig=${sig}`, sig);
  assertFinds('azure_key', 'BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=abc123DEF456ghi789', 'sv=2022-11-02&sig=abc123DEF456ghi789');
  assertFinds('azure_key', 'api-key: 0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef');
  assertFinds('azure_key', 'AZURE_OPENAI_API_KEY="0123456789ABCDEF0123456789ABCDEF"', '0123456789ABCDEF0123456789ABCDEF');
  assertFinds('azure_key', 'Ocp-Apim-Subscription-Key: 9f86d081884c7d659a2feaa0c55ad015', '9f86d081884c7d659a2feaa0c55ad015');
  assertClean('md5 9f86d081884c7d659a2feaa0c55ad015 and GUID 3fa85f6457174562b3fc2c963f66afa6');
  assertClean('https://example.com/x?sig=abcdEFGH1234ijklMNOP5678qrstUVWX90yz is not a SAS URL');
  assertClean('DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;UseDevelopmentStorage=true');
});

test('gcp_api_key', () => {
  const k = `AIza${'SyB1c2D3e4F5g6H7i8J9k0L1m2N3o4P5q6r'}`;
  assert.equal(k.length, 39);
  assertFinds('gcp_api_key', `key=${k}&q=x`, k);
  assertClean(`AIza${'x'.repeat(20)} is too short`);
});

test('github_token', () => {
  const classic = `ghp_${'a1B2c3D4e5'.repeat(3)}a1B2c3`;
  assertFinds('github_token', `export GITHUB_TOKEN=${classic}`, classic);
  for (const p of ['gho_', 'ghs_', 'ghu_', 'ghr_']) assert.deepEqual(types(`${p}${'Zz9'.repeat(12)}`), ['github_token'], p);
  const fine = `github_pat_11ABCDEFG0${'x1Y2z3'.repeat(12)}`;
  assertFinds('github_token', fine, fine);
  assertClean('ghp_short and the ghp_ prefix');
});

test('openai_key (and Anthropic keys as generic_api_key)', () => {
  const proj = `sk-proj-${'Ab1_Cd2-'.repeat(8)}`;
  assertFinds('openai_key', `OPENAI_API_KEY=${proj}`, proj);
  const legacy = `sk-${'aB3dE6gH9j'.repeat(5).slice(0, 48)}`;
  assertFinds('openai_key', `key: ${legacy}`, legacy);
  const ant = `sk-ant-api03-${'Xy7_'.repeat(24)}`;
  assertFinds('generic_api_key', ant, ant);
  assertClean('pip install scikit-learn; sk-learn; a risk-free-long-hyphenated-slug-without-any-digits-at-all');
});

test('slack_token and webhooks', () => {
  const bot = 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';
  assertFinds('slack_token', `SLACK=${bot}`, bot);
  assertFinds('slack_token', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX');
  assertClean('xoxo, see you soon; xoxb- alone');
});

test('stripe_key: live and test keys, webhook secrets', () => {
  const live = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`;
  assertFinds('stripe_key', live, live);
  assertFinds('stripe_key', `rk_live_${'a1B2c3D4'.repeat(3)}`, `rk_live_${'a1B2c3D4'.repeat(3)}`);
  // Test keys read test-mode data and leak the same way; they are reported too.
  assertFinds('stripe_key', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc is my key', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc');
  assertFinds('stripe_key', 'whsec_7QsMSG8k8ur1AmEiJZjdUUrlSKDwqb4m', 'whsec_7QsMSG8k8ur1AmEiJZjdUUrlSKDwqb4m');
  assertClean('sk_live_ alone; pk_live_ publishable keys are public');
});

test('other prefixed keys and labelled 32-hex keys', () => {
  const hf = `hf_${'AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh'}`;
  assertFinds('generic_api_key', `HF token ${hf}`, hf);
  const sg = `SG.${'Ab1_Cd2-Ef3Gh4Ij5Kl6M'}.${'x'.repeat(20)}${'Yz9'.repeat(8)}`;
  assertFinds('generic_api_key', `sgMail.setApiKey("${sg}")`, sg);
  assertFinds('generic_api_key', 'glpat-xY12zW34vU56tS78rQ90', 'glpat-xY12zW34vU56tS78rQ90');
  assertFinds('generic_api_key', 'auth=("api", "key-01830b01bbd1400ad1a28e7d0e8054d5")', 'key-01830b01bbd1400ad1a28e7d0e8054d5');
  assertFinds('azure_key', 'Our APIM subscription key for the HR API is 14270e9c966b8f825656b1fe24359c66.', '14270e9c966b8f825656b1fe24359c66');
  assertFinds('azure_key', 'SpeechConfig.FromSubscription("0c7aa7e507011bf00dff251b7ecd13a7", "westeurope")', '0c7aa7e507011bf00dff251b7ecd13a7');
  assertClean('commit 0c7aa7e507011bf00dff251b7ecd13a7 fixed it; md5 of the file is 14270e9c966b8f825656b1fe24359c66');
  assertClean('msg.send() and key-value stores; hf_ alone');
});

test('private_key: PEM blocks, with or without the END line', () => {
  const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1234\nabcd==\n-----END RSA PRIVATE KEY-----';
  assertFinds('private_key', `here:\n${pem}\nthanks`, pem);
  for (const kind of ['', 'EC ', 'OPENSSH ', 'ENCRYPTED ', 'DSA ']) {
    assert.deepEqual(types(`-----BEGIN ${kind}PRIVATE KEY-----\nAAAA\n-----END ${kind}PRIVATE KEY-----`), ['private_key'], kind);
  }
  assertFinds('private_key', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nxcLYBF\n-----END PGP PRIVATE KEY BLOCK-----', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nxcLYBF\n-----END PGP PRIVATE KEY BLOCK-----');
  assertFinds('private_key', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQEF\n\nNext paragraph.', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQEF');
  assertClean('-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----');
});

test('jwt: three base64url segments whose header is JSON with alg', () => {
  const jwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: '1234567890', name: 'Jane' })}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`;
  assertFinds('jwt', `Authorization: Bearer ${jwt}`, jwt);
  const unsigned = `${b64url({ alg: 'none' })}.${b64url({ sub: 'x' })}.`;
  assertFinds('jwt', `token ${unsigned} end`, unsigned);
  assertClean(`${b64url({ typ: 'JWT' })}.${b64url({ sub: 'x' })}.abcdef`);
  assertClean('eyJhbGciOi.notbase64json.x and eyJ alone');
});

test('connection_string: ADO.NET/ODBC passwords and credentials in URLs', () => {
  assertFinds('connection_string', 'Server=tcp:db.example.com,1433;Initial Catalog=app;User ID=sa;Password=S3cr3t!pass;Encrypt=True', 'S3cr3t!pass');
  assertFinds('connection_string', 'Data Source=db01;Initial Catalog=Sales;Uid=app;Pwd=Winter2024x;', 'Winter2024x');
  assertFinds('connection_string', 'Password=hunter22x;Server=db01;Database=app', 'hunter22x');
  assertFinds('connection_string', 'DATABASE_URL=postgres://admin:hunter22@db.internal:5432/app', 'hunter22');
  assertFinds('connection_string', 'mongodb+srv://app:p4ssw0rd@cluster0.abcde.mongodb.net/test?retryWrites=true', 'p4ssw0rd');
  assertFinds('connection_string', 'redis://default:Xk29Lmq7@cache:6379/0', 'Xk29Lmq7');
  assertClean('postgres://user:password@localhost:5432/db is the documented placeholder');
  assertClean('Server=db01;Database=app;Integrated Security=true;');
  assertClean('https://example.com/path?q=1 and ftp://ftp.example.com/pub');
});

test('generic_api_key: labelled values that look random', () => {
  assertFinds('generic_api_key', 'client_secret = "f8Jd93kLq0Zx7Yt2Wv5Bn1Mc"', 'f8Jd93kLq0Zx7Yt2Wv5Bn1Mc');
  assertFinds('generic_api_key', '{"apiKey": "a9F3kLm2Qx7Zp1Rt8Vw4Yb6N"}', 'a9F3kLm2Qx7Zp1Rt8Vw4Yb6N');
  assertFinds('generic_api_key', 'password: Tr0ub4dor&3x', 'Tr0ub4dor&3x');
  assertFinds('generic_api_key', 'DB_PASSWORD=myS3cretPass!', 'myS3cretPass!');
  assertFinds('generic_api_key', 'HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345', 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345');
  assertFinds('generic_api_key', 'Authorization: Bearer abcDEF123ghiJKL456mnoPQR789', 'abcDEF123ghiJKL456mnoPQR789');
  assertClean('password: process.env.DB_PASSWORD; apiKey: string; max_tokens: 4096; secret_name: my-app-secret-01234567');
  assertClean('token: ${{ secrets.GITHUB_TOKEN }}; api_key = "YOUR_API_KEY_HERE"; password=changeme; pwd');
  assertClean('password: my_password_here; secret = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)"');
  assertClean('next_token: "abc123def456ghi789jkl"; "prompt_tokens": 123456789012345678');
  assertClean('The password reset link expires; my secret: is that I like tea.');
});

test('credit_card: Luhn-valid numbers with a known scheme prefix', () => {
  for (const n of ['4111 1111 1111 1111', '4111-1111-1111-1111', '4111111111111111', '5555 5555 5555 4444', '2223 0031 2200 3222', '3782 822463 10005', '6011 1111 1111 1117', '3530 1113 3330 0000', '3056 930902 5904', '6200 0000 0000 0005']) {
    assertFinds('credit_card', `card: ${n}, thanks`, n);
  }
  assertFinds('credit_card', 'pay with 4111 1111 1111 1111 123 (cvv)', '4111 1111 1111 1111');
  assertFinds('credit_card', 'ref 1234 4111 1111 1111 1111', '4111 1111 1111 1111');
  // Luhn-invalid, unknown prefix, wrong length, mixed separators.
  assertClean('4111 1111 1111 1112 and 4111111111111112');
  const unknownPrefix = withLuhn('100000000000000');
  assertClean(`order id ${unknownPrefix}`);
  assertClean('4111 1111-1111 1111 and 41111 11111 11111 1');
  assertClean('timestamps 1715958473123456 and 1700000000000');
});

test('iban: country length and mod-97', () => {
  for (const iban of ['GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432', 'DE89 3704 0044 0532 0130 00', 'NL91ABNA0417164300', 'FR14 2004 1010 0505 0001 3M02 606', 'BE68539007547034']) {
    assertFinds('iban', `IBAN: ${iban}.`, iban);
  }
  assertFinds('iban', 'DE89 3704 0044 0532 0130 00 AND MORE', 'DE89 3704 0044 0532 0130 00');
  assertClean('GB82 WEST 1234 5698 7654 33 (bad check digits)');
  assertClean('ZZ12 3456 7890 1234 5678 90 (no such country)');
  assertClean('DE89370400440532013000X (longer token)');
});

test('us_ssn: formatted, valid areas; labelled unformatted', () => {
  assertFinds('us_ssn', 'SSN 536-22-1234', '536-22-1234');
  assertFinds('us_ssn', 'ssn 536 22 1234', '536 22 1234');
  assertFinds('us_ssn', 'Social Security Number: 536221234', '536221234');
  assertClean('000-12-3456 666-12-3456 912-12-3456 536-00-1234 536-22-0000 078-05-1120 536-22/1234 536-22 1234');
  assertClean('order 536221234 and part 123-45-67890');
});

test('national_id: UK NINO, Spanish DNI/NIE (check letter), Dutch BSN (11-test, labelled)', () => {
  assertFinds('national_id', 'NI number AB 12 34 56 C', 'AB 12 34 56 C');
  assertFinds('national_id', 'NI number AB123456C', 'AB123456C');
  assertClean('BG123456A QQ123456C AB123456E AB 123456 C');
  assertFinds('national_id', 'DNI 12345678Z', '12345678Z');
  assertFinds('national_id', 'NIE X1234567L', 'X1234567L');
  assertFinds('national_id', 'DNI 12345678-Z', '12345678-Z');
  assertClean('12345678A X1234567A');
  assertFinds('national_id', 'mijn BSN: 111222333', '111222333');
  assertFinds('national_id', 'burgerservicenummer 1112.22.333', '1112.22.333');
  assertClean('BSN 123456789 (fails the 11-test) and 111222333 without a label');
  assertFinds('national_id', 'My SIN is 130 692 544.', '130 692 544');
  assertClean('SIN 130 692 545 (fails Luhn); SIN 046 454 286 (never issued: starts with 0); sin 123; pecado sin perdón 2024');
});

test('email', () => {
  assertFinds('email', 'write to jane.doe+tag@example.co.uk today', 'jane.doe+tag@example.co.uk');
  assertFinds('email', '<a href="mailto:ops@contoso.com">', 'ops@contoso.com');
  assertClean('npm i @types/node; user@localhost; pkg@1.2.3; @Component; a@b; x@-bad.com; .a@b.com is fine? no');
});

test('phone: E.164 and national formats, not versions, dates, ids or addresses', () => {
  for (const [text, value] of [
    ['call +1 (415) 555-2671', '+1 (415) 555-2671'],
    ['tel +44 20 7946 0958', '+44 20 7946 0958'],
    ['+4915112345678', '+4915112345678'],
    ['office 020 7946 0958', '020 7946 0958'],
    ['mobile 07700 900123', '07700 900123'],
    ['portable 06 12 34 56 78', '06 12 34 56 78'],
    ['US (212) 555-0100', '(212) 555-0100'],
    ['US 212-555-0100', '212-555-0100'],
    ['toll free 1-800-555-0199', '1-800-555-0199'],
  ] as const) {
    assertFinds('phone', text, value);
  }
  assertClean('version 1.2.3.4, v10.15.0, date 2024-05-17, 17/05/2024, 10:30:45, ip 192.168.10.1');
  assertClean('order 1234567890, invoice 2024-000123, ISBN 978-3-16-148410-0, 123-456-7890, 555-123.4567');
  assertClean('score +12.5, x = +3.14159265358, total 1 234 567');
});

test('phone shapes inside an IBAN, card or id are not reported as phones', () => {
  assert.deepEqual(types('IBAN DE89 3704 0044 0532 0130 00'), ['iban']);
  assert.deepEqual(types('call 020 7946 0958, IBAN DE89 3704 0044 0532 0130 00'), ['iban', 'phone']);
});

test('only enabled types are scanned', () => {
  const cardsOnly = createSecretScanner(['credit_card']);
  const text = 'AKIAIOSFODNN7EXAMPLE 4111 1111 1111 1111 jane@example.com';
  assert.deepEqual(cardsOnly.scan(text).map((s) => s.type), ['credit_card']);
  assert.deepEqual(createSecretScanner([]).scan(text), []);
});

test('benign technical text has no secrets', () => {
  for (const t of [
    'const apiKey = process.env.OPENAI_API_KEY;\nconst client = new OpenAI({ apiKey });',
    'SELECT id, total FROM orders WHERE created_at > \'2024-01-01\' LIMIT 100;',
    'docker run -p 8080:80 -e PASSWORD_FILE=/run/secrets/db nginx:1.25.3',
    'The SHA-256 of the file is 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d0a08b0f00a08.',
    'UUID 3fa85f64-5717-4562-b3fc-2c963f66afa6 and commit a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0',
    'Population: 8 336 817 (2020); area 783.8 km²; coordinates 40.7128° N, 74.0060° W',
    'git clone git@github.com:org/repo.git && cd repo && npm ci',
    'Use `Authorization: Bearer <token>` where <token> is your key.',
  ]) {
    const f = found(t).filter((x) => !x.startsWith('email:'));
    assert.deepEqual(f, [], t);
  }
});
