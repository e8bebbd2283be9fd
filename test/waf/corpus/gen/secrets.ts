/**
 * Credentials and personal data inside prompts (secret.*). Every value is generated here
 * (seeded), never copied from anywhere; it has the real format (checksums included) so a
 * detector that validates formats is measured fairly. `planted` records the exact value.
 */
import { createECDH, createHmac, createPrivateKey, createPublicKey } from 'node:crypto';
import { Rng, ALNUM, B64, B64URL } from './rng.js';
import type { Sink } from './sink.js';
import { type Json, type Req, chat, completions, embeddings, responses, sys, user, SYSTEM_PROMPTS } from './shapes.js';
import { caSinValid, cardBrand, esDniLetter, githubChecksum, luhnCheckDigit, makeIban, nlBsnValid, ukNinoValid } from '../checks.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// ---------------------------------------------------------------- value makers

export const make = {
  aws: (r: Rng, temp = false): { id: string; secret: string } => ({ id: (temp ? 'ASIA' : 'AKIA') + r.chars(BASE32, 16), secret: r.chars(ALNUM + '/+', 40) }),
  azure: (r: Rng): string => r.hex(32),
  gcp: (r: Rng): string => 'AIza' + r.chars(ALNUM + '-_', 35),
  github: (r: Rng, prefix = 'ghp'): string => {
    const body = r.chars(ALNUM, 30);
    return `${prefix}_${body}${githubChecksum(body)}`;
  },
  githubPat: (r: Rng): string => `github_pat_11${r.chars(UPPER + '0123456789', 20)}_${r.chars(ALNUM, 59)}`,
  openai: (r: Rng, kind: 'legacy' | 'proj' | 'svcacct' = 'proj'): string =>
    kind === 'legacy' ? `sk-${r.chars(ALNUM, 20)}T3BlbkFJ${r.chars(ALNUM, 20)}` : `sk-${kind}-${r.chars(ALNUM + '-_', 58)}T3BlbkFJ${r.chars(ALNUM + '-_', 58)}`,
  slackBot: (r: Rng): string => `xoxb-${r.digits(12)}-${r.digits(13)}-${r.chars(ALNUM, 24)}`,
  slackUser: (r: Rng): string => `xoxp-${r.digits(12)}-${r.digits(12)}-${r.digits(13)}-${r.hex(32)}`,
  slackWebhook: (r: Rng): string => `https://hooks.slack.com/services/T${r.chars(UPPER + '0123456789', 8)}/B${r.chars(UPPER + '0123456789', 10)}/${r.chars(ALNUM, 24)}`,
  stripe: (r: Rng, prefix = 'sk_live'): string => `${prefix}_51${r.chars(ALNUM, 96)}`,
  stripeWebhook: (r: Rng): string => `whsec_${r.chars(ALNUM, 32)}`,
  jwtHs256: (r: Rng, payload: Record<string, Json>): string => {
    const b = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const head = `${b({ alg: 'HS256', typ: 'JWT' })}.${b(payload)}`;
    return `${head}.${createHmac('sha256', r.bytes(32)).update(head).digest('base64url')}`;
  },
  jwtRs256: (r: Rng, payload: Record<string, Json>): string => {
    const b = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${b({ alg: 'RS256', typ: 'JWT', kid: r.chars(B64URL, 22) })}.${b(payload)}.${r.bytes(256).toString('base64url')}`;
  },
  card: (r: Rng, brand: 'visa' | 'mastercard' | 'mastercard2' | 'amex' | 'discover' | 'jcb'): string => {
    const spec: Record<typeof brand, [string, number]> = {
      visa: ['4' + r.digits(5), 16],
      mastercard: [String(r.int(51, 55)) + r.digits(4), 16],
      mastercard2: [String(r.int(2221, 2720)) + r.digits(2), 16],
      amex: [r.pick(['34', '37']) + r.digits(4), 15],
      discover: [r.pick(['6011' + r.digits(2), '65' + r.digits(4)]), 16],
      jcb: [String(r.int(3528, 3589)) + r.digits(2), 16],
    };
    const [iin, len] = spec[brand];
    const partial = iin + r.digits(len - iin.length - 1);
    const n = partial + luhnCheckDigit(partial);
    if (cardBrand(n) === null) throw new Error(`card ${n} not in a known range`);
    return n;
  },
  ssn: (r: Rng): string => {
    let area: number;
    do area = r.int(1, 899); while (area === 666);
    return `${String(area).padStart(3, '0')}-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`;
  },
  nino: (r: Rng): string => {
    for (;;) {
      const s = r.chars('ABCEGHJKLMNOPRSTWXYZ', 1) + r.chars('ABCEGHJKLMNPRSTWXYZ', 1) + r.digits(6) + r.chars('ABCD', 1);
      if (ukNinoValid(s)) return `${s.slice(0, 2)} ${s.slice(2, 4)} ${s.slice(4, 6)} ${s.slice(6, 8)} ${s.slice(8)}`;
    }
  },
  dni: (r: Rng, nie = false): string => {
    if (nie) {
      const lead = r.pick(['X', 'Y', 'Z']);
      const num = r.digits(7);
      return `${lead}${num}${esDniLetter(Number(String('XYZ'.indexOf(lead)) + num))}`;
    }
    const n = r.int(10000000, 79999999);
    return `${n}${esDniLetter(n)}`;
  },
  sin: (r: Rng): string => {
    const partial = String(r.int(1, 7)) + r.digits(7);
    const s = partial + luhnCheckDigit(partial);
    if (!caSinValid(s)) throw new Error('sin');
    return `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`;
  },
  bsn: (r: Rng): string => {
    for (;;) {
      const s = String(r.int(1, 6)) + r.digits(8);
      if (nlBsnValid(s)) return s;
    }
  },
};

function group4(s: string): string {
  return s.replace(/(.{4})(?=.)/g, '$1 ');
}

function formatCard(n: string, r: Rng): string {
  const style = r.int(0, 2);
  if (style === 0) return n;
  const sep = style === 1 ? ' ' : '-';
  if (n.length === 15) return `${n.slice(0, 4)}${sep}${n.slice(4, 10)}${sep}${n.slice(10)}`;
  return n.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
}

/** Valid IBANs with plausible national BBANs (including national check digits where simple). */
export function makeIbanFor(r: Rng, country: string): string {
  switch (country) {
    case 'DE': return makeIban('DE', r.pick(['10070000', '37040044', '50010517', '20041111', '70150000']) + r.digits(10));
    case 'GB': return makeIban('GB', r.pick(['NWBK', 'BARC', 'LOYD', 'MIDL', 'HBUK']) + r.digits(6) + r.digits(8));
    case 'FR': {
      const bank = r.pick(['30004', '30003', '20041', '10278']);
      const branch = r.digits(5);
      const acct = r.digits(11);
      const key = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(acct)) % 97n);
      return makeIban('FR', bank + branch + acct + String(key).padStart(2, '0'));
    }
    case 'ES': {
      const bank = r.pick(['2100', '0049', '0182', '2085']);
      const branch = r.digits(4);
      const acct = r.digits(10);
      const w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
      const dc = (ds: string): string => {
        const s = [...ds].reduce((a, ch, i) => a + Number(ch) * w[i]!, 0);
        const d = 11 - (s % 11);
        return String(d === 11 ? 0 : d === 10 ? 1 : d);
      };
      return makeIban('ES', bank + branch + dc('00' + bank + branch) + dc(acct) + acct);
    }
    case 'NL': return makeIban('NL', r.pick(['ABNA', 'INGB', 'RABO', 'TRIO']) + r.digits(10));
    case 'BE': {
      const first = r.digits(10);
      let chk = Number(BigInt(first) % 97n);
      if (chk === 0) chk = 97;
      return makeIban('BE', first + String(chk).padStart(2, '0'));
    }
    case 'CH': return makeIban('CH', r.pick(['00762', '00230', '00700']) + r.digits(12));
    case 'AT': return makeIban('AT', r.pick(['12000', '20111', '32000']) + r.digits(11));
    case 'IE': return makeIban('IE', r.pick(['AIBK', 'BOFI']) + r.digits(6) + r.digits(8));
    case 'PL': return makeIban('PL', r.digits(8) + r.digits(16));
    default: throw new Error(country);
  }
}

// ---------------------------------------------------------------- private keys (real where cheap)

function pemWrap(label: string, der: Buffer, width = 64): string {
  const b64 = der.toString('base64').replace(new RegExp(`(.{${width}})`, 'g'), '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----`;
}

function ecKeyPem(r: Rng, type: 'sec1' | 'pkcs8'): string {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(r.bytes(32));
  const pub = ecdh.getPublicKey();
  const jwk = { kty: 'EC', crv: 'P-256', d: ecdh.getPrivateKey().toString('base64url'), x: pub.subarray(1, 33).toString('base64url'), y: pub.subarray(33, 65).toString('base64url') };
  return (createPrivateKey({ key: jwk, format: 'jwk' }).export({ type, format: 'pem' }) as string).trimEnd();
}

function ed25519Pkcs8(seed: Buffer): Buffer {
  return Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
}

function ed25519Pem(r: Rng): string {
  return pemWrap('PRIVATE KEY', ed25519Pkcs8(r.bytes(32)));
}

function sshString(b: Buffer | string): Buffer {
  const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(buf.length);
  return Buffer.concat([len, buf]);
}

/** openssh-key-v1, unencrypted ed25519, as ssh-keygen writes it. */
function opensshEd25519(r: Rng, comment: string): string {
  const seed = r.bytes(32);
  const key = createPrivateKey({ key: ed25519Pkcs8(seed), format: 'der', type: 'pkcs8' });
  const pubRaw = (createPublicKey(key).export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32);
  const pubBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(pubRaw)]);
  const check = r.bytes(4);
  let priv = Buffer.concat([check, check, sshString('ssh-ed25519'), sshString(pubRaw), sshString(Buffer.concat([seed, pubRaw])), sshString(comment)]);
  const padLen = (8 - (priv.length % 8)) % 8;
  priv = Buffer.concat([priv, Buffer.from(Array.from({ length: padLen }, (_, i) => i + 1))]);
  const one = Buffer.alloc(4);
  one.writeUInt32BE(1);
  const blob = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), sshString('none'), sshString('none'), sshString(''), one, sshString(pubBlob), sshString(priv)]);
  return pemWrap('OPENSSH PRIVATE KEY', blob, 70);
}

/** RSA armour with a DER-shaped but random body (real RSA generation is not reproducible cheaply). */
function rsaLikePem(r: Rng, label: 'RSA PRIVATE KEY' | 'ENCRYPTED PRIVATE KEY'): string {
  const head = label === 'RSA PRIVATE KEY' ? Buffer.from('308204a40201000282010100', 'hex') : Buffer.from('308205253057', 'hex');
  return pemWrap(label, Buffer.concat([head, r.bytes(label === 'RSA PRIVATE KEY' ? 1180 : 1300)]));
}

// ---------------------------------------------------------------- placement

type Place = 'user' | 'user_parts' | 'system' | 'responses' | 'tool_result' | 'embeddings' | 'completions' | 'history';

function put(r: Rng, text: string, place: Place, toolName = 'lookup_customer'): Req {
  switch (place) {
    case 'user': return chat(r, [sys(r.pick(SYSTEM_PROMPTS.slice(0, 4))), user(text)]);
    case 'user_parts': return chat(r, [sys(r.pick(SYSTEM_PROMPTS.slice(0, 4))), user([{ type: 'text', text }])]);
    case 'history': return chat(r, [sys(r.pick(SYSTEM_PROMPTS.slice(0, 2))), user('I have a question about a config problem.'), { role: 'assistant', content: 'Sure, paste the relevant part and the error message.' }, user(text)]);
    case 'system': return chat(r, [sys(text), user('Please go ahead.')]);
    case 'responses': return responses(r, [{ role: 'user', content: [{ type: 'input_text', text }] }], { instructions: r.pick(SYSTEM_PROMPTS.slice(0, 3)) });
    case 'embeddings': return embeddings(r, [text, 'Refund policy: customers may return items within 30 days.']);
    case 'completions': return completions(r, text);
    case 'tool_result': {
      const id = 'call_' + r.chars(ALNUM, 24);
      return chat(r, [
        sys('You are a support agent assistant. Use the tools to look up data, then answer briefly.'),
        user('Can you pull up the record and summarise it for me?'),
        { role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name: toolName, arguments: JSON.stringify({ id: `C-${r.int(10000, 99999)}` }) } }] },
        { role: 'tool', tool_call_id: id, content: text },
      ], { params: { tools: [{ type: 'function', function: { name: toolName, description: 'Look up a record by id.', parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } }] } });
    }
  }
}

const PLACES: readonly Place[] = ['user', 'user', 'user', 'user_parts', 'history', 'responses', 'user', 'responses', 'user_parts', 'user'];

type Ctx = (s: string, r: Rng) => string;

function emit(sink: Sink, type: string, values: (r: Rng, i: number) => string, contexts: readonly Ctx[], o: { places?: readonly Place[]; toolName?: string; note?: (i: number) => string | undefined } = {}): void {
  const category = `secret.${type}`;
  const r = new Rng(category);
  contexts.forEach((ctx, i) => {
    const v = values(r, i);
    const text = ctx(v, r);
    if (!text.includes(v)) throw new Error(`${category}: context ${i} does not contain the value`);
    const place = (o.places ?? PLACES)[i % (o.places ?? PLACES).length]!;
    const note = o.note?.(i);
    sink.add(category, put(r, text, place, o.toolName), { planted: v, tags: [`in:${place}`], ...(note !== undefined ? { note } : {}) });
  });
}

// ---------------------------------------------------------------- contexts per type

function aws(sink: Sink): void {
  const pairs: { id: string; secret: string }[] = [];
  const ctx: Ctx[] = [
    (s) => `My boto3 script fails with "InvalidClientTokenId". Here's ~/.aws/credentials:\n\n[default]\naws_access_key_id = ${s}\naws_secret_access_key = ${pairs.at(-1)!.secret}\nregion = eu-central-1\n\nWhat am I doing wrong?`,
    (s) => `Why does this Terraform provider block not pick up my profile?\n\nprovider "aws" {\n  region     = "us-east-1"\n  access_key = "${s}"\n  secret_key = "${pairs.at(-1)!.secret}"\n}`,
    (s) => `docker run -e AWS_ACCESS_KEY_ID=${s} -e AWS_SECRET_ACCESS_KEY=${pairs.at(-1)!.secret} -e AWS_DEFAULT_REGION=eu-west-1 amazon/aws-cli s3 ls\n\nThis returns "Access Denied" — does the IAM user need s3:ListAllMyBuckets?`,
    (s) => `GitHub Actions log shows this, is it a problem?\n\nRun aws-actions/configure-aws-credentials@v4\n  with:\n    aws-access-key-id: ${s}\n    aws-secret-access-key: ${pairs.at(-1)!.secret}\n    aws-region: eu-west-1`,
    (s) => `Here is our .env for the uploader service:\nS3_BUCKET=acme-invoices-prod\nAWS_ACCESS_KEY_ID=${s}\nAWS_SECRET_ACCESS_KEY=${pairs.at(-1)!.secret}\nMAX_UPLOAD_MB=25\nCan you convert it into a Kubernetes Secret manifest?`,
    (s) => `Temporary creds from STS that stop working after an hour, how do I refresh them in Python?\nAccessKeyId: ${s}\nSecretAccessKey: ${pairs.at(-1)!.secret}\nSessionToken: IQoJb3JpZ2luX2VjE${'A'.repeat(3)}aDGV1LWNlbnRyYWwtMSJHMEUCIQ${'x'.repeat(4)}`,
    (s) => `Is it OK to hardcode the keys like this in a Lambda? const s3 = new S3Client({ region: "eu-north-1", credentials: { accessKeyId: "${s}", secretAccessKey: "${pairs.at(-1)!.secret}" } });`,
    (s) => `The AWS CLI prints "SignatureDoesNotMatch". I configured it with access key ${s} and secret ${pairs.at(-1)!.secret}. Could there be a clock skew issue?`,
    (s) => `Just the key id this time: our CloudTrail shows calls from ${s} at 3am from an unknown IP. Which API calls should we look at first?`,
    (s) => `Rewrite this Java snippet to use the default credentials chain:\nBasicAWSCredentials creds = new BasicAWSCredentials("${s}", "${pairs.at(-1)!.secret}");\nAmazonS3 s3 = AmazonS3ClientBuilder.standard().withCredentials(new AWSStaticCredentialsProvider(creds)).build();`,
  ];
  emit(sink, 'aws_access_key', (r, i) => {
    const p = make.aws(r, i === 5);
    pairs.push(p);
    return p.id;
  }, ctx, { note: (i) => (i === 8 ? 'access key id without its secret' : undefined) });
}

function keyLike(sink: Sink, type: string, values: (r: Rng, i: number) => string, contexts: readonly Ctx[], note?: (i: number) => string | undefined): void {
  emit(sink, type, values, contexts, note ? { note } : {});
}

function azure(sink: Sink): void {
  keyLike(sink, 'azure_key', (r, i) => (i === 9 ? encodeURIComponent(r.chars(B64, 43) + '=') : make.azure(r)), [
    (s) => `Why do I get 401 from Azure OpenAI? My code:\n\nclient = AzureOpenAI(azure_endpoint="https://contoso-aoai.openai.azure.com/", api_key="${s}", api_version="2024-10-21")`,
    (s) => `appsettings.json:\n{\n  "AzureOpenAI": {\n    "Endpoint": "https://fabrikam-eus2.openai.azure.com/",\n    "ApiKey": "${s}",\n    "Deployment": "gpt-4o"\n  }\n}\nHow do I move this to Key Vault?`,
    (s) => `curl "https://northwind-ai.cognitiveservices.azure.com/language/:analyze-text?api-version=2023-04-01" -H "Ocp-Apim-Subscription-Key: ${s}" -H "Content-Type: application/json" -d @body.json\nreturns 403, why?`,
    (s) => `AZURE_OPENAI_ENDPOINT=https://woodgrove-openai.openai.azure.com\nAZURE_OPENAI_API_KEY=${s}\nAZURE_OPENAI_DEPLOYMENT=gpt-4o-mini\n\nThe SDK says "Resource not found" — is it the endpoint or the deployment name?`,
    (s) => `Our APIM subscription key for the HR API is ${s}. Can you write a PowerShell Invoke-RestMethod call that uses it against https://apim-contoso.azure-api.net/hr/v1/employees?`,
    (s) => `Search service admin key: ${s}\nhost: contoso-search.search.windows.net\nWhy does creating an index fail with "Forbidden"?`,
    (s) => `Translator keeps answering 401000. Headers I send:\nOcp-Apim-Subscription-Key: ${s}\nOcp-Apim-Subscription-Region: westeurope`,
    (s) => `Speech SDK in C#: var config = SpeechConfig.FromSubscription("${s}", "northeurope"); — recognition never starts, any idea?`,
    (s) => `Please review this Bicep output, I think it leaks something: output openAiKey string = '${s}'`,
    (s) => `This SAS URL works in the browser but not from the function app: https://contosodata.blob.core.windows.net/exports/2025-01.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-03-01T00:00:00Z&st=2025-02-01T00:00:00Z&spr=https&sig=${s}`,
  ], (i) => (i === 9 ? 'storage SAS URL: the sig= value is the credential' : undefined));
}

function gcp(sink: Sink): void {
  keyLike(sink, 'gcp_api_key', (r) => make.gcp(r), [
    (s) => `The map shows "For development purposes only". Here's my script tag:\n<script src="https://maps.googleapis.com/maps/api/js?key=${s}&callback=initMap" async defer></script>`,
    (s) => `Firebase config from our web app, is it safe to commit?\nconst firebaseConfig = {\n  apiKey: "${s}",\n  authDomain: "acme-shop.firebaseapp.com",\n  projectId: "acme-shop",\n};`,
    (s) => `YouTube Data API returns quotaExceeded. Request: GET https://www.googleapis.com/youtube/v3/search?part=snippet&q=gardening&key=${s}`,
    (s) => `GOOGLE_API_KEY=${s}\nGEMINI_MODEL=gemini-1.5-pro\nHow do I call the model with this key from Node?`,
    (s) => `Restrict this key to our Android app please, what are the steps? Key: ${s}`,
    (s) => `Python: import googlemaps; gmaps = googlemaps.Client(key="${s}") — geocode() raises ApiError REQUEST_DENIED.`,
    (s) => `In our Android strings.xml: <string name="google_maps_key">${s}</string>. Is that how it's supposed to be done?`,
    (s) => `Translate API call failing with 403:\ncurl -X POST "https://translation.googleapis.com/language/translate/v2?key=${s}" -d "q=Hallo Welt&target=en"`,
  ]);
}

function github(sink: Sink): void {
  const prefixes = ['ghp', 'ghp', 'gho', 'ghs', 'ghp', 'ghu', 'ghr', 'pat', 'ghp', 'pat'];
  keyLike(sink, 'github_token', (r, i) => (prefixes[i] === 'pat' ? make.githubPat(r) : make.github(r, prefixes[i])), [
    (s) => `git push fails with 403. My remote is https://${s}@github.com/acme/payments-service.git — did the token expire?`,
    (s) => `Here's my .npmrc, npm install from GitHub Packages says 401:\n@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=${s}`,
    (s) => `Octokit in TypeScript: const octokit = new Octokit({ auth: "${s}" }); listing repos returns only public ones. Why?`,
    (s) => `The installation token from our GitHub App (${s}) expires after an hour. How should the worker refresh it?`,
    (s) => `curl -H "Authorization: token ${s}" https://api.github.com/repos/acme/infra/actions/runs — it says "Resource not accessible by integration".`,
    (s) => `export GITHUB_TOKEN=${s}\ngh pr list --repo acme/web\nreturns "HTTP 401: Bad credentials". What scopes do I need?`,
    (s) => `Refresh token we got from the OAuth flow: ${s}. Is it normal that it starts with ghr_?`,
    (s) => `Fine-grained PAT for the release bot: ${s}\nWhich repository permissions does it need to create releases and upload assets?`,
    (s) => `docker login ghcr.io -u acme-bot -p ${s}\nWarning says to use --password-stdin. Why is that better?`,
    (s) => `Terraform GitHub provider:\nprovider "github" {\n  owner = "acme"\n  token = "${s}"\n}\nCan I use an environment variable instead?`,
  ]);
}

function openai(sink: Sink): void {
  const kinds = ['proj', 'proj', 'legacy', 'svcacct', 'proj', 'legacy', 'proj', 'svcacct', 'proj', 'proj'] as const;
  keyLike(sink, 'openai_key', (r, i) => make.openai(r, kinds[i]!), [
    (s) => `from openai import OpenAI\nclient = OpenAI(api_key="${s}")\nresp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])\n\nI get "insufficient_quota" — is that a billing thing?`,
    (s) => `.env.local:\nNEXT_PUBLIC_OPENAI_API_KEY=${s}\nIs it OK that it's NEXT_PUBLIC_?`,
    (s) => `curl https://api.openai.com/v1/models -H "Authorization: Bearer ${s}" returns 401 invalid_api_key. I copied it from the dashboard yesterday.`,
    (s) => `Our service account key ${s} is used by three microservices. How do we rotate it without downtime?`,
    (s) => `LangChain: llm = ChatOpenAI(model="gpt-4o", openai_api_key="${s}", temperature=0) — how do I switch this to Azure OpenAI instead?`,
    (s) => `Old key from 2023: ${s} — does this legacy format still work?`,
    (s) => `Can you check my n8n credential JSON?\n{"name": "OpenAI prod", "type": "openAiApi", "data": {"apiKey": "${s}"}}`,
    (s) => `In our Jupyter notebook cell 3: os.environ["OPENAI_API_KEY"] = "${s}". The notebook is shared with the team. Problem?`,
    (s) => `Continue.dev config:\n{ "models": [{ "title": "GPT-4o", "provider": "openai", "model": "gpt-4o", "apiKey": "${s}" }] }\nautocomplete doesn't trigger.`,
    (s) => `Rate limit errors with key ${s} on tier 1 — what are the TPM limits for gpt-4o?`,
  ]);
}

function slack(sink: Sink): void {
  const kinds = ['bot', 'webhook', 'bot', 'user', 'webhook', 'bot', 'webhook', 'user', 'bot', 'webhook'];
  keyLike(sink, 'slack_token', (r, i) => (kinds[i] === 'bot' ? make.slackBot(r) : kinds[i] === 'user' ? make.slackUser(r) : make.slackWebhook(r)), [
    (s) => `Bolt app won't start: "An API error occurred: invalid_auth".\nconst app = new App({ token: "${s}", signingSecret: process.env.SLACK_SIGNING_SECRET });`,
    (s) => `Alertmanager config, messages never arrive in #ops-alerts:\nreceivers:\n- name: slack\n  slack_configs:\n  - api_url: ${s}\n    channel: '#ops-alerts'`,
    (s) => `SLACK_BOT_TOKEN=${s}\nWhich scopes does chat.postMessage need for a private channel?`,
    (s) => `I used my user token ${s} in a script to export channel history. Is that allowed by Slack's terms?`,
    (s) => `curl -X POST -H 'Content-type: application/json' --data '{"text":"Deploy finished"}' ${s}\nreturns "no_service". Why?`,
    (s) => `python: client = WebClient(token="${s}"); client.conversations_list() only shows public channels.`,
    (s) => `Jenkinsfile post step: slackSend(webhookUrl: '${s}', message: "Build ${'$'}{env.BUILD_NUMBER} failed")`,
    (s) => `Legacy token from our old integration: ${s} — how do we migrate to a proper Slack app?`,
    (s) => `Our Terraform for the Slack provider has token = "${s}". How do I pass it via TF_VAR instead?`,
    (s) => `GitHub Actions step:\n- uses: slackapi/slack-github-action@v1\n  env:\n    SLACK_WEBHOOK_URL: ${s}\nIt errors with "Need to provide at least one botToken or webhookUrl".`,
  ]);
}

function stripe(sink: Sink): void {
  const kinds = ['sk_live', 'sk_live', 'whsec', 'rk_live', 'sk_live', 'sk_test', 'sk_live', 'whsec', 'rk_live', 'sk_live'];
  keyLike(sink, 'stripe_key', (r, i) => (kinds[i] === 'whsec' ? make.stripeWebhook(r) : make.stripe(r, kinds[i])), [
    (s) => `const stripe = require('stripe')('${s}');\nconst session = await stripe.checkout.sessions.create({...});\nI get "No such price". Is it live vs test mode?`,
    (s) => `STRIPE_SECRET_KEY=${s}\nSTRIPE_PRICE_ID=price_1QxYz\nCan you write the webhook handler in Express?`,
    (s) => `Signature verification fails: stripe.webhooks.constructEvent(req.body, sig, "${s}"). I'm using express.json() before the route.`,
    (s) => `Restricted key for the reporting job: ${s}. Which permissions does it need to list balance transactions?`,
    (s) => `Python: stripe.api_key = "${s}"\nstripe.Refund.create(payment_intent="pi_3Q...")\nraises InvalidRequestError: charge already refunded.`,
    (s) => `Test key ${s} works in Postman but not in our Laravel app, config/services.php reads it from env. What could be wrong?`,
    (s) => `curl https://api.stripe.com/v1/customers -u ${s}: -d email="{{email}}"\nhow do I add metadata to this call?`,
    (s) => `Our webhook signing secret is ${s}; the Stripe CLI shows a different one locally. Which one do I use where?`,
    (s) => `Give me a checklist for rotating a restricted key (${s}) used by the finance export.`,
    (s) => `Ruby: Stripe.api_key = '${s}' in config/initializers/stripe.rb — should this be in credentials.yml.enc instead?`,
  ]);
}

function privateKeys(sink: Sink): void {
  const kinds = ['rsa', 'openssh', 'ec', 'pkcs8_ec', 'ed25519', 'gcp_sa', 'openssh', 'encrypted', 'rsa', 'ec'];
  const pem = (r: Rng, i: number): string => {
    switch (kinds[i]) {
      case 'rsa': return rsaLikePem(r, 'RSA PRIVATE KEY');
      case 'openssh': return opensshEd25519(r, r.pick(['deploy@build-01', 'ci-runner', 'jdoe@laptop']));
      case 'ec': return ecKeyPem(r, 'sec1');
      case 'pkcs8_ec': return ecKeyPem(r, 'pkcs8');
      case 'ed25519': return ed25519Pem(r);
      case 'gcp_sa': return ecKeyPem(r, 'pkcs8').replace(/\n/g, '\\n'); // as JSON-escaped inside the service-account file
      default: return rsaLikePem(r, 'ENCRYPTED PRIVATE KEY');
    }
  };
  keyLike(sink, 'private_key', pem, [
    (s) => `nginx says "SSL_CTX_use_PrivateKey failed (SSL: error:05800074:x509 certificate routines::key values mismatch)". This is server.key:\n\n${s}\n\nHow do I check it matches the certificate?`,
    (s) => `ssh -i deploy_key fails with "Load key: invalid format". Here is the file:\n${s}`,
    (s) => `Convert this EC key to PKCS#8 for Java, please:\n${s}`,
    (s) => `Our JWT signing key (ES256) — can you show me how to load it in Go?\n\n${s}`,
    (s) => `Is this an Ed25519 key? The tool says "unsupported key type".\n${s}`,
    (s) => `Service account JSON for our BigQuery job, it says invalid_grant:\n{\n  "type": "service_account",\n  "project_id": "acme-analytics",\n  "private_key_id": "3f1c9e0a7b",\n  "private_key": "${s}\\n",\n  "client_email": "bq-loader@acme-analytics.iam.gserviceaccount.com"\n}`,
    (s) => `GitHub Actions secret DEPLOY_KEY contains this and the checkout step fails:\n${s}`,
    (s) => `openssl asks for a pass phrase for this key and I don't remember setting one:\n${s}`,
    (s) => `Kubernetes TLS secret — is the key in the right format for tls.key?\n${s}`,
    (s) => `Apple Push key from the developer portal, how do I sign the provider token with it?\n${s}`,
  ], (i) => (kinds[i] === 'rsa' || kinds[i] === 'encrypted' ? 'RSA-style armour over a DER-shaped random body (not a parseable key)' : 'real key, generated from a seed'));
}

function jwts(sink: Sink): void {
  const now = 1738000000;
  keyLike(sink, 'jwt', (r, i) => (i % 3 === 2
    ? make.jwtRs256(r, { iss: 'https://login.acme-auth.example/', sub: `auth0|${r.hex(24)}`, aud: 'https://api.acme.example', iat: now + i * 1000, exp: now + i * 1000 + 86400, scope: 'openid profile read:orders' })
    : make.jwtHs256(r, { sub: `user_${r.int(1000, 99999)}`, role: r.pick(['admin', 'editor', 'service_role', 'viewer']), iat: now + i * 1000, exp: now + i * 1000 + 3600 })), [
    (s) => `Why does my API return 401 with this token? Authorization: Bearer ${s}`,
    (s) => `Can you decode this JWT and tell me when it expires? ${s}`,
    (s) => `curl -H "Authorization: Bearer ${s}" https://api.acme.example/v2/orders — returns "invalid audience".`,
    (s) => `Supabase service key in our frontend env: VITE_SUPABASE_KEY=${s}. Is that a problem?`,
    (s) => `Cookie from the browser devtools: session=${s}; Path=/; HttpOnly. Why does the backend reject it after 1 hour?`,
    (s) => `The token ${s} has alg RS256 but our library expects HS256. What's going on?`,
    (s) => `Postman pre-request script sets pm.environment.set("token", "${s}"). How can I refresh it automatically?`,
    (s) => `Our mobile app logs show this token in plain text: ${s}. How bad is that?`,
    (s) => `Verify this JWT in Python with PyJWT: ${s}`,
    (s) => `Explain each claim of this token: ${s}`,
  ]);
}

function connectionStrings(sink: Sink): void {
  const pw = (r: Rng): string => r.chars(ALNUM, 6) + r.pick(['!', '#', '%', '$']) + r.chars(ALNUM, 7);
  const makers: ((r: Rng) => string)[] = [
    (r) => `Server=tcp:contoso-sql.database.windows.net,1433;Initial Catalog=orders;Persist Security Info=False;User ID=appuser;Password=${pw(r)};MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;`,
    (r) => `DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=${r.chars(B64, 86)}==;EndpointSuffix=core.windows.net`,
    (r) => `Endpoint=sb://fabrikam-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${r.chars(B64, 43)}=`,
    (r) => `postgresql://orders_app:${pw(r).replace(/[#%$]/g, '!')}@orders-db.internal.acme.example:5432/orders?sslmode=require`,
    (r) => `mongodb+srv://admin:${r.chars(ALNUM, 16)}@cluster0.${r.chars('abcdefghijklmnopqrstuvwxyz0123456789', 5)}.mongodb.net/shop?retryWrites=true&w=majority`,
    (r) => `redis://default:${r.chars(ALNUM, 32)}@redis-14523.c1.eu-west-1-2.ec2.redns.redis-cloud.com:14523`,
    (r) => `AccountEndpoint=https://contoso-cosmos.documents.azure.com:443/;AccountKey=${r.chars(B64, 86)}==;`,
    (r) => `jdbc:mysql://reporting-db.acme.example:3306/reports?user=report_ro&password=${r.chars(ALNUM, 14)}&useSSL=true`,
    (r) => `amqps://svc_ingest:${r.chars(ALNUM, 20)}@rabbit.acme.example:5671/prod`,
    (r) => `Data Source=sql-prod-01;Initial Catalog=HR;User Id=sa;Password=${pw(r)};TrustServerCertificate=True`,
  ];
  keyLike(sink, 'connection_string', (r, i) => makers[i]!(r), [
    (s) => `EF Core migrations fail with "Login failed for user". Connection string in appsettings.Production.json:\n"DefaultConnection": "${s}"`,
    (s) => `The function app can't read the blob. local.settings.json has AzureWebJobsStorage = "${s}". What should it be in Azure?`,
    (s) => `Service Bus sender throws UnauthorizedAccessException. I'm using: ${s}`,
    (s) => `DATABASE_URL=${s}\nPrisma says "Can't reach database server". The DB is in a private subnet.`,
    (s) => `mongoose.connect("${s}") times out from Vercel. Do I need to allow 0.0.0.0/0?`,
    (s) => `Celery broker URL: ${s} — how do I enable TLS for it?`,
    (s) => `CosmosClient client = new CosmosClient("${s}"); — queries are slow, how do I set the preferred region?`,
    (s) => `Metabase asks for a JDBC string, is this right? ${s}`,
    (s) => `Our MassTransit config uses ${s}. Connection is refused on 5671.`,
    (s) => `Old config file from a legacy app:\n<add name="HR" connectionString="${s}" providerName="System.Data.SqlClient" />\nWhat would you change?`,
  ]);
}

function genericKeys(sink: Sink): void {
  const makers: ((r: Rng) => string)[] = [
    (r) => `SG.${r.chars(ALNUM + '-_', 22)}.${r.chars(ALNUM + '-_', 43)}`,
    (r) => `key-${r.hex(32)}`,
    (r) => `hf_${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34)}`,
    (r) => r.hex(32),
    (r) => `sk-ant-api03-${r.chars(ALNUM + '-_', 93)}AA`,
    (r) => `SK${r.hex(32)}`,
    (r) => r.chars(ALNUM, 40),
  ];
  keyLike(sink, 'generic_api_key', (r, i) => makers[i]!(r), [
    (s) => `SendGrid says 403 Forbidden when sending. sgMail.setApiKey("${s}");`,
    (s) => `Mailgun: requests.post("https://api.eu.mailgun.net/v3/mg.acme.example/messages", auth=("api", "${s}"), data={...}) returns 401.`,
    (s) => `HUGGING_FACE_HUB_TOKEN=${s}\nmodel download says "gated repo". What should I do?`,
    (s) => `Datadog agent won't send metrics. datadog.yaml:\napi_key: ${s}\nsite: datadoghq.eu`,
    (s) => `client = anthropic.Anthropic(api_key="${s}") — how do I use it from behind our proxy?`,
    (s) => `Twilio API key SID ${s} — is it the same as the auth token?`,
    (s) => `Our internal inventory API wants X-API-Key: ${s}. Write a Python client with retries for it.`,
  ]);
}

// ---------------------------------------------------------------- personal data

function cards(sink: Sink): void {
  const brands = ['visa', 'mastercard', 'amex', 'visa', 'mastercard2', 'discover', 'visa', 'jcb', 'mastercard', 'visa', 'amex', 'visa'] as const;
  const formatted: string[] = [];
  emit(sink, 'credit_card', (r, i) => {
    const f = formatCard(make.card(r, brands[i]!), r);
    formatted.push(f);
    return f;
  }, [
    (s) => `A customer wrote: "I was charged twice for order SO-118233. My card is ${s}, expiry 09/27." Draft a reply explaining the refund timeline.`,
    (s) => `Can you fill in this booking form for me? Name: Daniel Brooks, card: ${s}, CVV 412, exp 03/28, billing ZIP 60614.`,
    (s) => `Summarise this chargeback notice:\nCardholder: M. Schneider\nCard number: ${s}\nAmount: EUR 249.00\nReason code: 13.1 Merchandise not received`,
    (s) => `Why does our payment form reject this card? Number ${s}, exp 11/26. The Luhn check in our code might be wrong:\nfunction luhn(n){...}`,
    (s) => `Translate to German: "Please debit my card ${s} for the annual membership fee."`,
    (s) => `Expense report line: Hotel Adlon 2 nights, paid with corporate card ${s}. Categorise the expense.`,
    (s) => `Customer chat transcript:\nAgent: How can I help?\nCustomer: my card ${s} was declined at checkout even though I have funds\nAgent: ...\nWrite a summary for the ticket.`,
    (s) => `Is this a valid JCB number? ${s}`,
    (s) => `Extract the payment details from this email as JSON:\n"Hi, please charge the deposit to ${s} (exp 05/29, CVC 881). Thanks, Aylin"`,
    (s) => `My Visa ${s} shows a pending charge from "PAYPAL *STEAMGAMES" I don't recognise. What should I do?`,
    (s) => `CSV row from the legacy billing export: 2024-11-03;ORD-7781;${s};EUR;89.90 — convert it into our new JSON format.`,
    (s) => `Tokenize this card in our vault test script? card_number="${s}" exp_month=8 exp_year=2027`,
  ]);
  void formatted;
}

function ibans(sink: Sink): void {
  const countries = ['DE', 'GB', 'FR', 'ES', 'NL', 'BE', 'CH', 'AT', 'DE', 'IE', 'PL', 'FR'];
  emit(sink, 'iban', (r, i) => {
    const iban = makeIbanFor(r, countries[i]!);
    return i % 2 === 0 ? group4(iban) : iban;
  }, [
    (s) => `Bitte formuliere eine Zahlungserinnerung. Die Rechnung 2024-188 über 1.240,00 € ist seit 14 Tagen fällig. Unsere Bankverbindung: IBAN ${s}, BIC COBADEFFXXX.`,
    (s) => `Please update the supplier record for Tailspin Ltd: new bank account IBAN ${s}, sort code as in the IBAN. Write the confirmation email.`,
    (s) => `Traduis en anglais : « Merci d'effectuer le virement sur le compte ${s} avant le 15 mars. »`,
    (s) => `¿Puedes revisar este mensaje para un cliente? "Le recordamos que el recibo se cargará en la cuenta ${s} el día 5."`,
    (s) => `Salary change form: employee 4471, new IBAN ${s}, effective next payroll. Summarise for HR.`,
    (s) => `Is this Belgian IBAN formatted correctly? ${s}`,
    (s) => `Invoice footer for our Swiss entity: "Zahlbar innert 30 Tagen auf ${s}". Make it bilingual German/French.`,
    (s) => `Draft an SEPA direct debit mandate text for customer no. 22817 with IBAN ${s}.`,
    (s) => `Our tenant paid rent from ${s} but the reference was wrong. Write a short note to the accounting team.`,
    (s) => `Refund request: "Please send the refund to IE account ${s}, account holder Niamh Byrne."`,
    (s) => `Przetłumacz na angielski: "Proszę o przelew na rachunek ${s} do końca miesiąca."`,
    (s) => `Check this vendor onboarding JSON for missing fields: {"name": "Litware SARL", "iban": "${s}", "vat": "FR40303265045"}`,
  ]);
}

function ssns(sink: Sink): void {
  emit(sink, 'us_ssn', (r, i) => {
    const s = make.ssn(r);
    return i === 4 ? s.replace(/-/g, '') : i === 7 ? s.replace(/-/g, ' ') : s;
  }, [
    (s) => `I'm filling out my W-4 and I'm not sure about step 3. My SSN is ${s} and I have two kids under 17. How do I fill in the dependents amount?`,
    (s) => `Background check form: Applicant: Jordan Ellis, DOB 04/12/1991, SSN ${s}. Summarise the missing items.`,
    (s) => `Draft a letter to the IRS. Taxpayer: Maria Lopez, SSN ${s}, regarding notice CP2000 for tax year 2023.`,
    (s) => `HR system export row: 10442,Kevin Tran,${s},2019-06-03,Engineering. Convert it into JSON.`,
    (s) => `My credit report shows an account I didn't open. My SSN ${s} may have been compromised in the breach. What steps should I take?`,
    (s) => `Patient intake note: "Pt. Robert King, SSN ${s}, insurance Aetna PPO". Summarise for the referral letter.`,
    (s) => `Is this SSN format valid for the Social Security Administration? ${s}`,
    (s) => `Payroll discrepancy: employee SSN ${s} received two W-2s. How do we fix this with the SSA?`,
    (s) => `Tenant application: name Ashley Morgan, SSN: ${s}, employer: Lakeside Dental. Write the landlord's summary.`,
    (s) => `Form 1099-NEC: recipient TIN ${s}, amount $14,200. Is a 1099 needed if the contractor is an LLC?`,
  ]);
}

function nationalIds(sink: Sink): void {
  const kinds = ['nino', 'nino', 'dni', 'nie', 'sin', 'bsn', 'nino', 'dni', 'sin', 'bsn', 'nino'];
  emit(sink, 'national_id', (r, i) => {
    switch (kinds[i]) {
      case 'nino': return make.nino(r);
      case 'dni': return make.dni(r);
      case 'nie': return make.dni(r, true);
      case 'sin': return make.sin(r);
      default: return make.bsn(r);
    }
  }, [
    (s) => `I started a new job and payroll is asking for my National Insurance number. It's ${s}. Will I pay emergency tax this month?`,
    (s) => `HMRC letter says my NI number ${s} has gaps in contributions for 2019–2021. Can I make voluntary payments?`,
    (s) => `Rellena esta solicitud: Nombre: Lucía Fernández Ortega, DNI ${s}, domicilio en Valencia. ¿Qué falta?`,
    (s) => `Mi NIE es ${s}. ¿Qué documentos necesito para pedir la tarjeta de residencia?`,
    (s) => `Service Canada form: SIN ${s}, name Olivier Tremblay. Which box do I use for the EI claim?`,
    (s) => `Vertaal naar het Engels: "Mijn BSN is ${s} en ik wil mijn toeslag aanpassen."`,
    (s) => `Employee onboarding checklist — new starter: Priya Shah, NINO ${s}, start date 3 March. What's missing for payroll?`,
    (s) => `Contrato de alquiler: arrendatario con DNI ${s}. Redacta la cláusula de identificación de las partes.`,
    (s) => `CRA My Account locked me out. My SIN is ${s}. What verification will they ask for?`,
    (s) => `Belastingdienst brief: BSN ${s}, aanslag 2024. Kun je uitleggen wat ik moet betalen?`,
    (s) => `Pension transfer form: member NI number ${s}, scheme ref PX-88213. Summarise for the trustee.`,
  ], { note: (i) => `${kinds[i]}` });
}

function emails(sink: Sink): void {
  const people = ['maria.schneider84@gmail.com', 'j.dupont@orange.fr', 'kenji.tanaka.1990@yahoo.co.jp', 'a.kowalski@wp.pl', 'sofia.rossi@libero.it', 'liam.obrien77@outlook.ie', 'priya.nair@outlook.com', 'thomas.mueller@web.de', 'ana.garcia.lopez@hotmail.es', 'd.okafor@protonmail.com'];
  emit(sink, 'email', (_r, i) => people[i]!, [
    (s) => `Draft a reply to this customer: "Hi, I still haven't received my refund for order SO-112093. Please contact me at ${s}. Maria"`,
    (s) => `Résume ce message d'un client et propose une réponse : « Bonjour, je n'arrive pas à me connecter. Mon adresse est ${s}. Cordialement, Jean Dupont »`,
    (s) => `Format this attendee list as a table: Kenji Tanaka (${s}), Sales Japan, attending in person.`,
    (s) => `Extract name, email and company from this signature:\nAdam Kowalski\nProcurement Lead, Fabrikam Polska\n${s}\nmobile on request`,
    (s) => `{"customer_id": "C-20931", "name": "Sofia Rossi", "email": "${s}", "tier": "gold", "open_tickets": [{"id": "INC0104412", "subject": "Late delivery"}, {"id": "INC0104519", "subject": "Wrong size"}]}`,
    (s) => `Please write a polite follow-up email to ${s} about the unpaid invoice from January.`,
    (s) => `Is this newsletter unsubscribe request valid under GDPR? "Please remove ${s} from all your lists immediately."`,
    (s) => `Schreib eine Absage an den Bewerber Thomas Müller (${s}) für die Stelle als Werkstudent.`,
    (s) => `Cliente: Ana García, correo ${s}. Redacta un correo de bienvenida al programa de fidelidad.`,
    (s) => `{"lead_id": "L-7781", "source": "web_form", "name": "David Okafor", "email": "${s}", "company_size": "50-200", "interest": "Enterprise plan"}`,
  ], { places: ['user', 'user', 'user_parts', 'user', 'tool_result', 'responses', 'user', 'history', 'user', 'tool_result'] });
}

function phones(sink: Sink): void {
  const numbers = (r: Rng, i: number): string => [
    `+49 151 ${r.int(2000, 9999)} ${r.int(1000, 9999)}`,
    `+44 7${r.int(400, 699)} ${r.int(100000, 999999)}`,
    `06 ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
    `+1 (312) ${r.int(600, 899)}-${r.int(1000, 9999)}`,
    `+34 6${r.int(10, 99)} ${r.int(100, 999)} ${r.int(100, 999)}`,
    `+91 9${r.int(1000, 9999)} ${r.int(10000, 99999)}`,
    `090-${r.int(1000, 9999)}-${r.int(1000, 9999)}`,
    `0${r.int(412, 499)} ${r.int(100, 999)} ${r.int(100, 999)}`,
    `+33 6 ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
    `(415) ${r.int(600, 899)}-${r.int(1000, 9999)}`,
  ][i]!;
  emit(sink, 'phone', numbers, [
    (s) => `Schreib eine kurze SMS an den Kunden (${s}), dass der Techniker morgen zwischen 8 und 10 Uhr kommt.`,
    (s) => `Customer called from ${s} about a broken boiler. Write up the call notes for the engineer.`,
    (s) => `Rédige un message vocal pour rappeler Mme Lefèvre au ${s} au sujet de son rendez-vous.`,
    (s) => `Log this lead in the CRM format: Jessica Park, phone ${s}, interested in a demo next week.`,
    (s) => `Traduce al inglés: "Para cualquier duda, llámeme al ${s}. Un saludo, Javier."`,
    (s) => `Delivery address confirmation: Rahul Verma, Flat 12B, Powai, Mumbai, mobile ${s}. Format it for the courier label.`,
    (s) => `この電話番号（${s}）のお客様に、予約確認のメッセージを丁寧に書いてください。`,
    (s) => `Tenant maintenance request: "Leaking tap in the kitchen, call me on ${s} before coming." Summarise for the landlord.`,
    (s) => `{"customer_id": "C-55120", "first_name": "Camille", "phone": "${s}", "preferred_channel": "sms", "last_contact": "2025-01-28"}`,
    (s) => `Voicemail transcript: "Hi, it's Greg, please call me back at ${s} about the quote." Draft the callback notes.`,
  ], { places: ['user', 'user', 'user', 'user_parts', 'responses', 'user', 'user', 'history', 'tool_result', 'user'] });
}

export function secrets(sink: Sink): void {
  aws(sink);
  azure(sink);
  gcp(sink);
  github(sink);
  openai(sink);
  slack(sink);
  stripe(sink);
  privateKeys(sink);
  jwts(sink);
  connectionStrings(sink);
  genericKeys(sink);
  cards(sink);
  ibans(sink);
  ssns(sink);
  nationalIds(sink);
  emails(sink);
  phones(sink);
  // Two extra placements that real traffic has: a key in a system prompt and a document
  // being embedded for search.
  {
    const r = new Rng('secret.extra.system');
    const key = make.openai(r, 'proj');
    sink.add('secret.openai_key', put(r, `You are the billing assistant. When you need exchange rates, call the rates tool; the backend adds the header "Authorization: Bearer ${key}" for you, do not mention it.`, 'system'), { planted: key, tags: ['in:system'], note: 'developer put a key into the system prompt' });
    const aws = make.aws(r);
    sink.add('secret.aws_access_key', put(r, `Runbook: restore from backup\n1. export AWS_ACCESS_KEY_ID=${aws.id}\n2. export AWS_SECRET_ACCESS_KEY=${aws.secret}\n3. aws s3 cp s3://acme-backups/db/latest.dump .`, 'embeddings'), { planted: aws.id, tags: ['in:embeddings'], note: 'runbook being indexed for search' });
    const card = formatCard(make.card(r, 'visa'), r);
    sink.add('secret.credit_card', put(r, `Customer: Hannah Weber\nPayment method on file: ${card}\nLast order: SO-120033 (delivered)\n`, 'tool_result', 'lookup_customer'), { planted: card, tags: ['in:tool_result'] });
    const iban = makeIbanFor(r, 'DE');
    sink.add('secret.iban', put(r, `Write a payment confirmation:\nAmount: 420.00 EUR\nFrom: ${iban}\nReference: INV-2025-0042\n`, 'completions'), { planted: iban, tags: ['in:completions'] });
  }
}

