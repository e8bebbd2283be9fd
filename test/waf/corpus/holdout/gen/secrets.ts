/**
 * Secrets and personal data planted in prompt text, the way people actually leak them:
 * pasted .env files, stack traces, support tickets, CVs, emails to draft, tool output.
 * `planted` is the exact value; the shape test re-checks every checksum.
 */
import type { CorpusCase } from '../../types.js';
import {
  CategoryBuilder, CLIENTS, type Msg, assistant, callId, chatBody, clientHeaders, routeFor, system, textPart, toolCall, toolResult, user, userParts, assistantCalls,
} from './http.js';
import type { Rng } from './rng.js';
import * as V from './values.js';

export type Placement = 'user' | 'user_parts' | 'earlier_turn' | 'system' | 'responses_input' | 'responses_message' | 'instructions' | 'tool_result' | 'function_call_output' | 'embeddings' | 'completions';

const PLACEMENTS: readonly Placement[] = ['user', 'user', 'user', 'user_parts', 'earlier_turn', 'system', 'responses_input', 'responses_message', 'tool_result', 'function_call_output', 'embeddings', 'completions'];

interface Item {
  readonly text: string;
  readonly planted: string;
  readonly lang?: string;
  readonly at?: Placement;
  readonly note?: string;
}

function emit(b: CategoryBuilder, item: Item): void {
  const rng = b.rng;
  const at = item.at ?? rng.pick(PLACEMENTS);
  const client = rng.pick(CLIENTS);
  const tags = [`client:${client}`, `in:${at}`, `lang:${item.lang ?? 'en'}`];
  let path: string;
  let v1 = false;
  let body: Record<string, unknown>;
  switch (at) {
    case 'user':
    case 'user_parts':
    case 'earlier_turn':
    case 'system':
    case 'tool_result': {
      const ri = routeFor(rng, rng.chance(0.75) ? 'chat' : 'v1chat');
      path = ri.path;
      v1 = ri.v1;
      let msgs: Msg[];
      if (at === 'user') msgs = [system('You are a helpful assistant.'), user(item.text)];
      else if (at === 'user_parts') msgs = [userParts(textPart(item.text), textPart('Thanks!'))];
      else if (at === 'earlier_turn') msgs = [user(item.text), assistant('Sure — here is a cleaned-up version of what you sent.'), user('Great, can you also make it shorter?')];
      else if (at === 'system') msgs = [system(`You are the support assistant of our team. Context for this session:\n${item.text}`), user('What should I do first?')];
      else {
        const id = callId(rng);
        msgs = [user('Look up what we have on this and summarise it.'), assistantCalls(toolCall(id, 'read_document', { doc_id: `DOC-${rng.range(1000, 9999)}` })), toolResult(id, item.text)];
      }
      body = chatBody(ri, msgs);
      break;
    }
    case 'responses_input':
    case 'responses_message':
    case 'instructions':
    case 'function_call_output': {
      const ri = routeFor(rng, 'responses');
      path = ri.path;
      v1 = true;
      if (at === 'responses_input') body = { model: ri.model, input: item.text };
      else if (at === 'responses_message') body = { model: ri.model, input: [{ role: 'user', content: [{ type: 'input_text', text: item.text }] }] };
      else if (at === 'instructions') body = { model: ri.model, instructions: `Internal context:\n${item.text}`, input: 'Draft the reply.' };
      else {
        const id = callId(rng);
        body = { model: ri.model, input: [{ role: 'user', content: 'Fetch the record and summarise it.' }, { type: 'function_call', call_id: id, name: 'get_record', arguments: '{"id":"8812"}' }, { type: 'function_call_output', call_id: id, output: item.text }] };
      }
      break;
    }
    case 'embeddings': {
      const ri = routeFor(rng, 'embeddings');
      path = ri.path;
      body = { input: rng.chance(0.5) ? item.text : ['Quarterly planning notes', item.text] };
      break;
    }
    case 'completions': {
      const ri = routeFor(rng, 'completions');
      path = ri.path;
      body = { prompt: `${item.text}\n\nSummary:`, max_tokens: 200 };
      break;
    }
  }
  b.add({ path, headers: clientHeaders(rng, client, { v1 }), body, tags, planted: item.planted, ...(item.note ? { note: item.note } : {}) });
}

function cat(category: string, make: (rng: Rng) => Item[]): CorpusCase[] {
  const b = new CategoryBuilder(category);
  for (const it of make(b.rng)) {
    if (!it.text.includes(it.planted)) throw new Error(`${category}: planted value missing from text`);
    emit(b, it);
  }
  return b.cases;
}

export function secrets(): CorpusCase[] {
  const out: CorpusCase[] = [];

  out.push(...cat('secret.aws_access_key', (rng) => {
    const k = (): string => V.awsKeyId(rng);
    const a = k(), b = k(), c = V.awsKeyId(rng, true), d = k(), e = k(), f = k(), g = k();
    return [
      { text: `My boto3 script fails with "InvalidClientTokenId". Here is my ~/.aws/credentials:\n\n[default]\naws_access_key_id = ${a}\naws_secret_access_key = ${V.awsSecret(rng)}\nregion = eu-central-1`, planted: a },
      { text: `docker run -e AWS_ACCESS_KEY_ID=${b} -e AWS_SECRET_ACCESS_KEY=${V.awsSecret(rng)} -e AWS_DEFAULT_REGION=us-east-1 myimage:latest\n\nwhy does the container still say "Unable to locate credentials"?`, planted: b },
      { text: `Temporary creds from our SSO login, the session expires too fast:\nAWS_ACCESS_KEY_ID=${c}\nAWS_SECRET_ACCESS_KEY=${V.awsSecret(rng)}\nAWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjE${rng.alnum(120)}`, planted: c },
      { text: `Terraform provider block, please tell me why it ignores my profile:\nprovider "aws" {\n  region     = "eu-west-1"\n  access_key = "${d}"\n  secret_key = "${V.awsSecret(rng)}"\n}`, planted: d },
      { text: `Kannst du prüfen, warum dieser Upload nach S3 fehlschlägt? Zugangsschlüssel: ${e}, geheimer Schlüssel: ${V.awsSecret(rng)}`, planted: e, lang: 'de' },
      { text: `const s3 = new S3Client({ region: 'ap-southeast-2', credentials: { accessKeyId: '${f}', secretAccessKey: '${V.awsSecret(rng)}' } });\n// is this the right way to configure the v3 SDK?`, planted: f },
      { text: `{"Version":"2012-10-17","AccessKeyId":"${g}","SecretAccessKey":"${V.awsSecret(rng)}","Expiration":"2025-03-14T12:00:00Z"} -- this is what the credential_process returns, is the format right?`, planted: g },
    ];
  }));

  out.push(...cat('secret.azure_key', (rng) => {
    const h = (): string => V.hexKey(rng);
    const a = h(), b = h(), c = h(), d = h(), e = h(), f = h(), g = V.b64Key(rng, 64);
    return [
      { text: `AZURE_OPENAI_ENDPOINT=https://oai-fabrikam-weu.openai.azure.com/\nAZURE_OPENAI_API_KEY=${a}\nAZURE_OPENAI_DEPLOYMENT=gpt-4o\n\nThe SDK says 401. What's wrong?`, planted: a },
      { text: `curl "https://cog-vision-prod.cognitiveservices.azure.com/vision/v3.2/analyze" -H "Ocp-Apim-Subscription-Key: ${b}" -H "Content-Type: application/json" -d '{"url":"https://upload.wikimedia.org/x.jpg"}' returns 403, why?`, planted: b },
      { text: `Our APIM subscription key for the partner API is ${c}; write a Python snippet that calls GET /orders with it.`, planted: c },
      { text: `client = AzureOpenAI(api_key="${d}", api_version="2024-10-21", azure_endpoint="https://oai-contoso-sc.openai.azure.com")\nresponse = client.chat.completions.create(model="gpt-4o", messages=msgs)  # times out`, planted: d },
      { text: `Clé de l'API Translator : ${e} (région westeurope). Pourquoi ai-je une erreur 401000 ?`, planted: e, lang: 'fr' },
      { text: `Speech key ${f} region northeurope -- the speech SDK throws "Authentication error (401)". Help?`, planted: f },
      { text: `Storage account key1 from the portal: ${g}\nHow do I turn this into a SAS token with the az cli?`, planted: g, note: 'Azure storage account key (base64, 64 bytes)' },
    ];
  }));

  out.push(...cat('secret.gcp_api_key', (rng) => {
    const k = (): string => V.gcpKey(rng);
    const a = k(), b = k(), c = k(), d = k(), e = k(), f = k();
    return [
      { text: `<script src="https://maps.googleapis.com/maps/api/js?key=${a}&callback=initMap" async defer></script>\nThe map shows "For development purposes only". Why?`, planted: a },
      { text: `GOOGLE_API_KEY=${b}\nGEMINI_MODEL=gemini-1.5-pro\n\nIs this .env enough for the google-genai Python package?`, planted: b },
      { text: `curl "https://www.googleapis.com/youtube/v3/search?part=snippet&q=lofi&key=${c}" returns quotaExceeded after 100 calls`, planted: c },
      { text: `firebaseConfig = { apiKey: "${d}", authDomain: "shop-app-41f2.firebaseapp.com", projectId: "shop-app-41f2" } -- should this be in the client bundle?`, planted: d },
      { text: `Mi clave de la API de Google Translate es ${e}. ¿Cómo la restrinjo por IP?`, planted: e, lang: 'es' },
      { text: `gcloud services api-keys list shows key ${f} with no restrictions. Summarise the risk.`, planted: f },
    ];
  }));

  out.push(...cat('secret.github_token', (rng) => {
    const a = V.githubToken(rng, 'ghp'), b = V.githubToken(rng, 'gho'), c = V.githubToken(rng, 'ghs'), d = V.githubPat(rng), e = V.githubToken(rng, 'ghp'), f = V.githubToken(rng, 'ghu'), g = V.githubToken(rng, 'ghr');
    return [
      { text: `git clone https://${a}@github.com/fabrikam/payments.git fails with "Repository not found". The repo is private. Why?`, planted: a },
      { text: `export GH_TOKEN=${b}\ngh pr list --repo fabrikam/web  # says "HTTP 401: Bad credentials"`, planted: b },
      { text: `From our Actions log (debug enabled):\n##[debug]Evaluating: secrets.GITHUB_TOKEN\n##[debug]Result: '${c}'\nWhy is the token printed?`, planted: c },
      { text: `Fine-grained PAT: ${d}\nWhich permissions does it need to create releases?`, planted: d },
      { text: `//npm.pkg.github.com/:_authToken=${e}\n@fabrikam:registry=https://npm.pkg.github.com\nnpm install still returns 403`, planted: e },
      { text: `我的 GitHub 令牌是 ${f}，为什么调用 API 时提示权限不足？`, planted: f, lang: 'zh' },
      { text: `Refresh token from the GitHub App OAuth flow: ${g}. How long is it valid?`, planted: g },
    ];
  }));

  out.push(...cat('secret.openai_key', (rng) => {
    const a = V.openaiKey(rng, 'proj'), b = V.openaiKey(rng, 'legacy'), c = V.openaiKey(rng, 'svcacct'), d = V.openaiKey(rng, 'proj'), e = V.openaiKey(rng, 'admin'), f = V.openaiKey(rng, 'proj');
    return [
      { text: `OPENAI_API_KEY=${a}\nOPENAI_ORG_ID=org-${rng.alnum(24)}\n\nMy LangChain app says "Incorrect API key provided". Can you see the issue?`, planted: a },
      { text: `openai.api_key = "${b}"\nresponse = openai.Completion.create(engine="text-davinci-003", prompt=p)\n# migrating this old code to the v1 SDK, help`, planted: b },
      { text: `Service account key for the batch job: ${c}\nWhat rate limits apply to service accounts?`, planted: c },
      { text: `Bitte prüfe meine Konfiguration:\n\nllm:\n  provider: openai\n  api_key: ${d}\n  model: gpt-4o-mini`, planted: d, lang: 'de' },
      { text: `Admin key ${e} -- how do I list all project API keys with the admin API?`, planted: e },
      { text: `Authorization: Bearer ${f}\nContent-Type: application/json\n\nThis request to /v1/responses returns 429 immediately. Why?`, planted: f },
    ];
  }));

  out.push(...cat('secret.slack_token', (rng) => {
    const a = V.slackBot(rng), b = V.slackUser(rng), c = V.slackWebhook(rng), d = V.slackBot(rng), e = V.slackWebhook(rng), f = V.slackBot(rng);
    return [
      { text: `SLACK_BOT_TOKEN=${a}\nSLACK_SIGNING_SECRET=${rng.hex(32)}\n\nBolt app starts but never receives events. Ideas?`, planted: a },
      { text: `curl -H "Authorization: Bearer ${b}" https://slack.com/api/conversations.list -- returns missing_scope`, planted: b },
      { text: `Our alert script posts to ${c} but nothing shows up in #ops-alerts.`, planted: c },
      { text: `const app = new App({ token: '${d}', signingSecret: process.env.SLACK_SIGNING_SECRET });\n// why does socket mode need another token?`, planted: d },
      { text: `Webhook-URL für den Build-Status: ${e} -- wie formatiere ich eine Nachricht mit Blocks?`, planted: e, lang: 'de' },
      { text: `token ${f} keeps getting "invalid_auth" after we reinstalled the app. Do tokens change on reinstall?`, planted: f },
    ];
  }));

  out.push(...cat('secret.stripe_key', (rng) => {
    const a = V.stripeKey(rng, 'sk_live'), b = V.stripeKey(rng, 'rk_live'), c = V.stripeKey(rng, 'whsec'), d = V.stripeKey(rng, 'sk_live'), e = V.stripeKey(rng, 'sk_live'), f = V.stripeKey(rng, 'whsec');
    return [
      { text: `STRIPE_SECRET_KEY=${a}\nSTRIPE_PUBLISHABLE_KEY=pk_live_${rng.alnum(24)}\n\nCheckout sessions fail with "No such price". What am I missing?`, planted: a },
      { text: `Restricted key for the reporting job: ${b}. Which permissions should it have for reading payouts?`, planted: b },
      { text: `stripe.webhooks.constructEvent(body, sig, '${c}') always throws "No signatures found matching the expected signature". Express app, body parsed as JSON.`, planted: c },
      { text: `Stripe::setApiKey('${d}'); // moving this PHP to env vars, show me how with Laravel`, planted: d },
      { text: `Clave secreta de Stripe en producción: ${e}. ¿Cómo la roto sin caída del servicio?`, planted: e, lang: 'es' },
      { text: `Endpoint secret ${f} -- we have two webhook endpoints, do they share a secret?`, planted: f },
    ];
  }));

  out.push(...cat('secret.private_key', (rng) => {
    const a = V.rsaKey(rng, 2048, 'pkcs1'), b = V.p256(rng, 'sec1'), c = V.opensshEd25519(rng, 'deploy@build-agent-03'), d = V.ed25519Pkcs8(rng), e = V.rsaKey(rng, 1024, 'pkcs8'), f = V.p256(rng, 'pkcs8');
    return [
      { text: `Nginx won't start: "SSL_CTX_use_PrivateKey_file failed (key values mismatch)". Here's the key I'm using:\n\n${a}`, planted: a, note: 'real RSA-2048 key derived from the corpus seed' },
      { text: `Is this EC key in the right format for our JWT signer?\n\n${b}`, planted: b },
      { text: `Our deploy key for the build agent stopped working after the OpenSSH upgrade:\n\n${c}\n\nssh -v says "no mutual signature algorithm".`, planted: c },
      { text: `Convert this Ed25519 key to JWK please:\n${d}`, planted: d },
      { text: `Old service key from the legacy SAML integration (1024-bit, I know):\n${e}\nCan we still use it with Keycloak 26?`, planted: e },
      { text: `APNs auth key (.p8) content:\n${f}\nKey ID 7QZ3N8K2LM, Team ID 9ABCD1EFGH. Why does Apple reject the token?`, planted: f },
    ];
  }));

  out.push(...cat('secret.jwt', (rng) => {
    const now = 1741900000;
    const a = V.jwtHs256(rng, { sub: '1842', name: 'Customer 1842', role: 'admin', iat: now, exp: now + 3600 });
    const b = V.jwtRs256(rng, { iss: 'https://login.fabrikam.io/', aud: 'orders-api', sub: 'auth0|65f2a9c1', scope: 'orders:read orders:write', iat: now, exp: now + 86400 });
    const c = V.jwtHs256(rng, { user_id: 77120, session: rng.hex(16), iat: now });
    const d = V.jwtRs256(rng, { iss: 'https://accounts.google.com', azp: '1234567890-abc.apps.googleusercontent.com', sub: '110248495921238986420', email_verified: true, iat: now, exp: now + 3600 });
    const e = V.jwtHs256(rng, { tenant: 'northwind', plan: 'enterprise', features: ['sso', 'audit'], exp: now + 31536000 }, { alg: 'HS512', typ: 'JWT' });
    const f = V.jwtRs256(rng, { iss: 'https://token.actions.githubusercontent.com', sub: 'repo:fabrikam/web:ref:refs/heads/main', aud: 'api://AzureADTokenExchange', iat: now, exp: now + 300 });
    return [
      { text: `Why does my API reject this token with "invalid signature"?\n\nAuthorization: Bearer ${a}`, planted: a },
      { text: `Decode this access token and tell me which scopes it has: ${b}`, planted: b },
      { text: `Cookie: session=${c}; theme=dark\nThe session expires randomly. Is there no exp claim?`, planted: c },
      { text: `id_token from Google sign-in: ${d}\nHow do I verify it server-side in Go?`, planted: d },
      { text: `License token für unseren Kunden: ${e}\nKann der Kunde den Plan selbst ändern?`, planted: e, lang: 'de' },
      { text: `OIDC token from the GitHub workflow (printed by mistake): ${f}. Can someone reuse it?`, planted: f },
    ];
  }));

  out.push(...cat('secret.connection_string', (rng) => {
    const pw = (): string => `${rng.alnum(10)}${rng.pick(['!', '#', '-', '_'])}${rng.alnum(5)}`;
    const a = `postgresql://app_orders:${pw()}@pg-orders-prod.postgres.database.azure.com:5432/orders?sslmode=require`;
    const b = `Server=tcp:sql-crm-prod.database.windows.net,1433;Initial Catalog=crm;Persist Security Info=False;User ID=crmadmin;Password=${pw()};MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;`;
    const c = `DefaultEndpointsProtocol=https;AccountName=stfabrikamdocs;AccountKey=${V.b64Key(rng, 64)};EndpointSuffix=core.windows.net`;
    const d = `Endpoint=sb://sb-orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${V.b64Key(rng, 32)}`;
    const e = `mongodb+srv://reporting:${pw()}@cluster0.x7k2p.mongodb.net/analytics?retryWrites=true&w=majority`;
    const f = `redis://default:${pw()}@redis-cache.internal:6379/0`;
    const g = `jdbc:mysql://mysql-legacy.fabrikam.local:3306/billing?user=billing_rw&password=${pw()}&useSSL=true`;
    const h = `AccountEndpoint=https://cosmos-chat-history.documents.azure.com:443/;AccountKey=${V.b64Key(rng, 64)};`;
    return [
      { text: `Traceback (most recent call last):\n  File "app.py", line 14, in <module>\n    engine = create_engine("${a}")\nsqlalchemy.exc.OperationalError: could not translate host name`, planted: a },
      { text: `appsettings.Production.json:\n{\n  "ConnectionStrings": {\n    "Crm": "${b}"\n  }\n}\nEF Core says login failed for user.`, planted: b },
      { text: `Which SDK call uploads a blob with this connection string? ${c}`, planted: c },
      { text: `Service Bus listener never gets messages. Connection: ${d} ; queue: orders-created`, planted: d },
      { text: `Mi cadena de conexión de MongoDB es ${e} y da "bad auth". ¿Qué pasa?`, planted: e, lang: 'es' },
      { text: `REDIS_URL=${f}\nCelery can't connect. Is the URL format wrong?`, planted: f },
      { text: `spring.datasource.url=${g}\nHikari pool keeps timing out.`, planted: g },
      { text: `Cosmos DB 连接字符串：${h}\n为什么查询很慢？`, planted: h, lang: 'zh' },
    ];
  }));

  out.push(...cat('secret.generic_api_key', (rng) => {
    const a = rng.hex(32), b = `SG.${rng.alnum(22)}.${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 43)}`, c = rng.alnum(40), d = `key-${rng.hex(32)}`, e = rng.hex(40), f = `hf_${rng.alnum(34)}`;
    return [
      { text: `DATADOG_API_KEY=${a}\nDATADOG_SITE=datadoghq.eu\nThe agent logs "API Key invalid". Any idea?`, planted: a },
      { text: `SENDGRID_API_KEY=${b} -- emails are accepted but never delivered.`, planted: b },
      { text: `curl -H "X-API-Key: ${c}" https://api.partner-logistics.com/v2/shipments returns 401 since yesterday.`, planted: c },
      { text: `Mailgun: api key ${d}, domain mg.northwind-traders.net. Write a Node function that sends a password reset mail.`, planted: d },
      { text: `headers = {"Authorization": "Token ${e}"}  # Django REST framework token of our admin user; is Token auth OK for mobile apps?`, planted: e },
      { text: `HF_TOKEN=${f}\nhuggingface-cli download fails with 401 on a gated model.`, planted: f },
    ];
  }));

  out.push(...cat('secret.credit_card', (rng) => {
    const v = V.card(rng, 'visa'), m1 = V.card(rng, 'mastercard'), m2 = V.card(rng, 'mastercard'), am = V.card(rng, 'amex'), di = V.card(rng, 'discover'), jc = V.card(rng, 'jcb'), dn = V.card(rng, 'diners'), up = V.card(rng, 'unionpay');
    const pv = V.formatCard(v, 'spaces'), pm1 = V.formatCard(m1, 'dashes'), pm2 = m2, pam = V.formatCard(am, 'spaces'), pdi = di, pjc = V.formatCard(jc, 'spaces'), pdn = V.formatCard(dn, 'spaces'), pup = up;
    return [
      { text: `Customer email: "Hi, I was charged twice. My card is ${pv}, exp 08/27. Please refund one of the charges." Draft a reply.`, planted: pv },
      { text: `Can you check if this order failed because of the card? Card ${pm1}, CVC 481, amount 129.00 EUR, decline code do_not_honor.`, planted: pm1 },
      { text: `Bitte buche die Reise mit meiner Kreditkarte ${pm2}, gültig bis 11/26.`, planted: pm2, lang: 'de' },
      { text: `Expense report line: Hotel Lisbon 3 nights, paid with corporate Amex ${pam}. Categorise it.`, planted: pam },
      { text: `Log line from checkout: "payment_method.card.number=${pdi} brand=discover result=declined". Why was PAN logged?`, planted: pdi },
      { text: `JCBカード番号は ${pjc} です。有効期限は 2027年3月。予約を確定してください。`, planted: pjc, lang: 'ja' },
      { text: `Old Diners Club card on file: ${pdn}. Should we migrate it to the new processor?`, planted: pdn },
      { text: `我的银联卡号是 ${pup}，请帮我写一封信给银行申请提高额度。`, planted: pup, lang: 'zh' },
    ];
  }));

  out.push(...cat('secret.iban', (rng) => {
    const de = V.iban(rng, 'DE'), gb = V.iban(rng, 'GB'), fr = V.iban(rng, 'FR'), es = V.iban(rng, 'ES'), nl = V.iban(rng, 'NL'), it = V.iban(rng, 'IT'), be = V.iban(rng, 'BE'), ch = V.iban(rng, 'CH'), pl = V.iban(rng, 'PL'), pt = V.iban(rng, 'PT');
    return [
      { text: `Schreib bitte eine Mail an meinen Vermieter, dass ich die Kaution auf mein Konto zurück möchte: IBAN ${V.groupIban(de)}, Kontoinhaber wie im Mietvertrag.`, planted: V.groupIban(de), lang: 'de' },
      { text: `Please pay invoice 2025-031 to our account ${gb} (sort code in the IBAN). Draft the payment confirmation email.`, planted: gb },
      { text: `Rédige un courrier pour changer mon RIB chez mon employeur. Nouvel IBAN : ${V.groupIban(fr)}.`, planted: V.groupIban(fr), lang: 'fr' },
      { text: `Necesito domiciliar el recibo de la luz en esta cuenta: ${es}. Escribe el mensaje para la compañía.`, planted: es, lang: 'es' },
      { text: `Kun je controleren of dit rekeningnummer goed is ingevuld in het formulier? ${nl}`, planted: nl, lang: 'nl' },
      { text: `Supplier master data import failed for row 14: "iban": "${it}", "bic": "UNCRITMMXXX". Is the IBAN valid?`, planted: it },
      { text: `Refund to Belgian customer, account ${V.groupIban(be)}. Write the internal note for finance.`, planted: V.groupIban(be) },
      { text: `Lohnkonto bei der Bank in Zürich: ${ch}. Wie lange dauert eine SEPA-Überweisung dorthin?`, planted: ch, lang: 'de' },
      { text: `Numer konta do przelewu: ${V.groupIban(pl)}. Napisz przypomnienie o płatności.`, planted: V.groupIban(pl), lang: 'pl' },
      { text: `IBAN para reembolso: ${pt}. Escreva uma resposta ao cliente confirmando o reembolso.`, planted: pt, lang: 'pt' },
    ];
  }));

  out.push(...cat('secret.us_ssn', (rng) => {
    const s = (): string => V.ssn(rng);
    const a = s(), b = s(), c = s().replace(/-/g, ' '), d = s(), e = s(), f = s().replace(/-/g, '');
    return [
      { text: `Fill in this W-4 helper for me: name Jordan Miller, SSN ${a}, filing status single, two jobs.`, planted: a },
      { text: `HR ticket: "Employee 4471 updated their SSN to ${b} in Workday, payroll still shows the old one." Summarise for payroll.`, planted: b },
      { text: `Please write a cover letter for my mortgage application. Borrower SSN: ${c}, income 84,000.`, planted: c },
      { text: `Our CSV export has a column like this: employee_id,ssn,start_date\n1042,${d},2021-04-01\nHow do I mask the SSN column in Excel?`, planted: d },
      { text: `Necesito llenar el formulario del IRS, mi número de seguro social es ${e}. ¿Qué formulario uso para el reembolso?`, planted: e, lang: 'es' },
      { text: `Patient intake note: DOB 1984-02-11, SSN ${f}, insurance pending. Turn this into a structured record.`, planted: f },
    ];
  }));

  out.push(...cat('secret.national_id', (rng) => {
    const n1 = V.nino(rng), n2 = V.nino(rng).replace(/ /g, ''), d1 = V.dni(rng), d2 = V.dni(rng, true), s1 = V.sin(rng), s2 = V.sin(rng).replace(/ /g, '-'), b1 = V.bsn(rng), b2 = V.bsn(rng);
    return [
      { text: `Write a letter to HMRC about my tax code. My National Insurance number is ${n1}.`, planted: n1, note: 'UK NINO' },
      { text: `Payroll import error: NINO "${n2}" rejected for employee 318. Is the format valid?`, planted: n2, note: 'UK NINO' },
      { text: `Redacta una reclamación a mi compañía de teléfono. Mis datos: DNI ${d1}, contrato 55120.`, planted: d1, lang: 'es', note: 'Spanish DNI' },
      { text: `Mi NIE es ${d2}, ¿cómo pido cita para renovar la tarjeta de residencia?`, planted: d2, lang: 'es', note: 'Spanish NIE' },
      { text: `Fill in the T4 summary for our employee: SIN ${s1}, employment income 61,200 CAD.`, planted: s1, note: 'Canadian SIN' },
      { text: `Mon numéro d'assurance sociale est ${s2}. Rédige une lettre à Service Canada pour mettre à jour mon adresse.`, planted: s2, lang: 'fr', note: 'Canadian SIN' },
      { text: `Kun je een brief aan de Belastingdienst schrijven? Mijn BSN is ${b1}.`, planted: b1, lang: 'nl', note: 'Dutch BSN' },
      { text: `Personeelsdossier medewerker 2231: BSN ${b2}, in dienst sinds 2019. Maak een samenvatting voor de salarisadministratie.`, planted: b2, lang: 'nl', note: 'Dutch BSN' },
    ];
  }));

  out.push(...cat('secret.email', (rng) => {
    const first = ['maria.gonzalez', 'j.okafor', 'lena.schmidt84', 'tomasz.nowak', 'aiko.tanaka', 'sam.oconnor', 'priya.r', 'ahmed.elsayed'];
    const doms = ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'proton.me', 'web.de', 'orange.fr', 'icloud.com', 'gmx.net'];
    const em = (): string => `${rng.pick(first)}${rng.chance(0.4) ? rng.range(1, 99) : ''}@${rng.pick(doms)}`;
    const a = em(), b = em(), c = em(), d = em(), e = em(), f = em(), g = `${rng.pick(first)}@northwind-traders.net`;
    return [
      { text: `Reply to this customer and cc her personal address ${a}: "The helmet I ordered arrived cracked."`, planted: a },
      { text: `Add this lead to the CRM summary: Tom Becker, CFO at a logistics firm, reachable at ${b}, interested in the enterprise plan.`, planted: b },
      { text: `Schreib eine Einladung zum Klassentreffen und schick sie an ${c}.`, planted: c, lang: 'de' },
      { text: `Mon ancien collègue a changé d'adresse : ${d}. Rédige un court message pour reprendre contact.`, planted: d, lang: 'fr' },
      { text: `Attendee list export:\nname,email,company\nRita Alves,${e},Adatum\nSummarise by company.`, planted: e },
      { text: `My personal email is ${f}, please include it in the signature of this cover letter.`, planted: f },
      { text: `Forward the incident summary to our DPO at ${g} and explain what personal data was involved.`, planted: g },
    ];
  }));

  out.push(...cat('secret.phone', () => {
    const items: [string, string, string?][] = [
      ['+49 151 23984417', 'Ruf mich bitte zurück unter +49 151 23984417, am besten nach 17 Uhr. Formuliere das als SMS an den Handwerker.', 'de'],
      ['(312) 847-2210', 'Call the tenant at (312) 847-2210 about the leak. Draft the voicemail script.'],
      ['+33 6 48 21 77 90', 'Mon numéro est le +33 6 48 21 77 90, écris un message pour le livreur.', 'fr'],
      ['+44 7911 482630', 'Emergency contact for the trip: Sarah, +44 7911 482630. Add it to the itinerary.'],
      ['090-4721-8836', '連絡先は 090-4721-8836 です。予約確認のメールを作成してください。', 'ja'],
      ['+34 612 483 905', 'Mi móvil es +34 612 483 905, añádelo al formulario de contacto.', 'es'],
      ['+91 98450 72316', 'Customer called from +91 98450 72316 about the delayed refund. Write the ticket summary.'],
      ['+1-416-739-2938', 'Please text the contractor at +1-416-739-2938 that the site visit moved to Friday.'],
    ];
    return items.map(([planted, text, lang]) => ({ text, planted, ...(lang ? { lang } : {}) }));
  }));

  return out;
}
