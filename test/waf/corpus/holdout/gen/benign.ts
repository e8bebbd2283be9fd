/**
 * Benign traffic of the held-out corpus: what production clients really send through an
 * Azure OpenAI gateway. Every request must be allowed (a log-only finding is fine).
 */
import type { CorpusCase } from '../../types.js';
import type { Text } from './text-benign.js';
import { CODE, HTML, PROSE, SECURITY, SHELL, SQL, SYSTEM_PROMPTS } from './text-benign.js';
import { LONG_DOCS } from './docs.js';
import {
  CategoryBuilder, CLIENTS, type ClientKind, type Msg, type RouteInfo,
  anyChatRoute, assistant, assistantCalls, callId, chatBody, clientHeaders, entraToken, fnTool, imagePart, promptBody, respTool, routeFor,
  samplingExtras, system, textPart, toolCall, toolResult, user, userParts,
} from './http.js';
import { dataUrl, pdf, randomImage, wav } from './media.js';
import type { Rng } from './rng.js';

const textTags = (t: Text): string[] => [`lang:${t.lang ?? 'en'}`, ...(t.hard ? ['hard_negative'] : []), ...(t.tags ?? [])];

function fromTexts(cat: string, texts: readonly Text[], sysChance: number, minCount: number): CorpusCase[] {
  const b = new CategoryBuilder(cat);
  const rng = b.rng;
  const list = texts.length >= minCount ? texts : [...texts, ...rng.shuffle(texts).slice(0, minCount - texts.length)];
  for (const tx of list) {
    const sys = rng.chance(sysChance) ? rng.pick(SYSTEM_PROMPTS) : undefined;
    const r = rng.next();
    const route = r < 0.55 ? 'chat' : r < 0.75 ? 'v1chat' : r < 0.93 ? 'responses' : 'completions';
    b.prompt(tx.text, { ...(sys !== undefined ? { system: sys } : {}), route, tags: textTags(tx) });
  }
  return b.cases;
}

/** A multi-turn chat where the benign text is the latest user turn. */
function withHistory(rng: Rng, ri: RouteInfo, text: string): Record<string, unknown> {
  const msgs: Msg[] = [system(rng.pick(SYSTEM_PROMPTS)), user('Hi! Quick question coming up.'), assistant('Sure, go ahead.'), user(text)];
  return chatBody(ri, msgs, samplingExtras(rng));
}

// ---------------------------------------------------------------- prose / code / sql / shell / html / security

function prose(): CorpusCase[] {
  const cases = fromTexts('benign.prose', PROSE, 0.5, 0);
  return cases;
}

function code(): CorpusCase[] {
  return fromTexts('benign.code', CODE, 0.4, 0);
}

function sql(): CorpusCase[] {
  return fromTexts('benign.sql', SQL, 0.4, 0);
}

function shell(): CorpusCase[] {
  return fromTexts('benign.shell', SHELL, 0.3, 0);
}

function html(): CorpusCase[] {
  return fromTexts('benign.html', HTML, 0.3, 0);
}

function security(): CorpusCase[] {
  const b = new CategoryBuilder('benign.security_discussion');
  const rng = b.rng;
  for (const tx of SECURITY) {
    if (rng.chance(0.25)) {
      const ri = routeFor(rng, 'chat');
      const client = rng.pick(CLIENTS);
      b.add({ path: ri.path, headers: clientHeaders(rng, client), body: withHistory(rng, ri, tx.text), tags: [`client:${client}`, 'route:chat', 'multi_turn', ...textTags(tx)] });
    } else {
      b.prompt(tx.text, { ...(rng.chance(0.4) ? { system: rng.pick(SYSTEM_PROMPTS) } : {}), tags: textTags(tx) });
    }
  }
  return b.cases;
}

// ---------------------------------------------------------------- data URLs

function dataUrls(): CorpusCase[] {
  const b = new CategoryBuilder('benign.data_url');
  const rng = b.rng;
  const asks = ['What does this image show?', 'Extract the text from this picture, if any.', 'Describe this for an alt-text attribute, max 20 words.', 'Is anything wrong with this chart?', 'Bu görselde ne var?', 'Was ist auf diesem Bild zu sehen?', '¿Qué colores predominan en esta imagen?', '这张图片里有什么？'];
  for (let i = 0; i < 12; i++) {
    const img = randomImage(rng);
    const url = dataUrl(img.mediaType, img.bytes);
    const client = rng.pick(CLIENTS);
    if (i % 3 === 2) {
      const ri = routeFor(rng, 'responses');
      b.add({
        path: ri.path, headers: clientHeaders(rng, client, { v1: true }),
        body: { model: ri.model, input: [{ role: 'user', content: [{ type: 'input_text', text: rng.pick(asks) }, { type: 'input_image', image_url: url, detail: rng.pick(['low', 'auto', 'high']) }] }] },
        tags: [`client:${client}`, 'route:responses', `media:${img.mediaType}`], note: img.what,
      });
    } else {
      const ri = routeFor(rng, rng.chance(0.7) ? 'chat' : 'v1chat');
      const parts: Msg[] = [textPart(rng.pick(asks)), imagePart(url, rng.pick(['low', 'high', 'auto'] as const))];
      if (i % 4 === 0) {
        const img2 = randomImage(rng);
        parts.push(textPart('And compare it with this one:'), imagePart(dataUrl(img2.mediaType, img2.bytes)));
      }
      b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: ri.v1 }), body: chatBody(ri, [userParts(...parts)], { max_tokens: 300 }), tags: [`client:${client}`, `route:${ri.route}`, `media:${img.mediaType}`], note: img.what });
    }
  }
  const docs: [string, string[]][] = [
    ['Invoice 2025-0113', ['Invoice 2025-0113', 'Northwind Bikes GmbH', 'Item: Cargo e-bike service, 1 x 149.00 EUR', 'VAT 19%: 28.31 EUR', 'Total: 177.31 EUR', 'Payment due within 14 days.']],
    ['Meeting agenda', ['Agenda - Platform sync', '1. Migration status', '2. Hiring', '3. Customer survey results', '4. AOB']],
    ['Recipe', ['Lentil soup', '200 g red lentils, 1 onion, 2 carrots, 1 l stock', 'Fry onion, add carrots and lentils, cover with stock,', 'simmer for 25 minutes, blend half, season with cumin.']],
    ['Release notes', ['Release 4.2.0', '- New export wizard', '- Faster search (about 30%)', '- Fixed: timezone bug in reports']],
    ['Lebenslauf (Vorlage)', ['Lebenslauf - Vorlage', 'Berufserfahrung: Projektleitung, 2019 - heute', 'Ausbildung: M.Sc. Informatik', 'Sprachen: Deutsch, Englisch, Spanisch']],
    ['Safety checklist', ['Warehouse safety checklist', '[ ] Exits clear', '[ ] Fire extinguishers checked', '[ ] Forklift inspection logged']],
  ];
  for (const [title, lines] of docs) {
    const file = dataUrl('application/pdf', pdf(lines, title));
    const client = rng.pick(CLIENTS);
    if (rng.chance(0.5)) {
      const ri = routeFor(rng, 'responses');
      b.add({
        path: ri.path, headers: clientHeaders(rng, client, { v1: true }),
        body: { model: ri.model, input: [{ role: 'user', content: [{ type: 'input_file', filename: `${title.toLowerCase().replace(/\W+/g, '-')}.pdf`, file_data: file }, { type: 'input_text', text: 'Summarise this PDF in three bullet points.' }] }] },
        tags: [`client:${client}`, 'route:responses', 'media:application/pdf'],
      });
    } else {
      const ri = routeFor(rng, 'chat');
      b.add({
        path: ri.path, headers: clientHeaders(rng, client),
        body: chatBody(ri, [userParts({ type: 'file', file: { filename: `${title.toLowerCase().replace(/\W+/g, '-')}.pdf`, file_data: file } }, textPart('What is this document about?'))]),
        tags: [`client:${client}`, 'route:chat', 'media:application/pdf'],
      });
    }
  }
  for (let i = 0; i < 4; i++) {
    const audio = wav(rng, rng.range(200, 600), [rng.range(220, 880), rng.range(220, 880), rng.range(220, 880)]);
    const client = rng.pick(['python', 'node', 'dotnet'] as const);
    const dep = rng.pick(['gpt-4o-audio-preview', 'gpt-4o-mini-audio-preview']);
    b.add({
      path: `/openai/deployments/${dep}/chat/completions?api-version=${rng.pick(['2025-01-01-preview', '2025-04-01-preview'])}`,
      headers: clientHeaders(rng, client),
      body: { modalities: ['text'], messages: [userParts(textPart(rng.pick(['Transcribe this voice note.', 'What language is spoken here?', 'Fasse die Sprachnachricht zusammen.', 'Is this a ringtone or speech?'])), { type: 'input_audio', input_audio: { data: audio.toString('base64'), format: 'wav' } })] },
      tags: [`client:${client}`, 'route:chat', 'media:audio/wav'],
    });
  }
  return b.cases;
}

// ---------------------------------------------------------------- public URLs in URL fields

function urlFields(): CorpusCase[] {
  const b = new CategoryBuilder('benign.url_fields');
  const rng = b.rng;
  const images = [
    'https://upload.wikimedia.org/wikipedia/commons/thumb/3/3f/Fronalpstock_big.jpg/1280px-Fronalpstock_big.jpg',
    'https://upload.wikimedia.org/wikipedia/commons/4/47/PNG_transparency_demonstration_1.png',
    'https://raw.githubusercontent.com/microsoft/vscode/main/resources/linux/code.png',
    'https://images.unsplash.com/photo-1500530855697-b586d89ba3ee?w=1200&q=80',
    'https://learn.microsoft.com/en-us/azure/ai-services/openai/media/quickstarts/dall-e.png',
    'https://cdn.fabrikam-assets.net/catalog/2025/spring/sku-48211-front.jpg',
  ];
  const files = ['https://arxiv.org/pdf/1706.03762', 'https://www.w3.org/TR/2023/REC-webauthn-3-20230927/webauthn.pdf', 'https://assets.northwind-traders.net/reports/annual-report-2024.pdf', 'https://www.irs.gov/pub/irs-pdf/fw9.pdf'];
  const mcps: [string, string][] = [['deepwiki', 'https://mcp.deepwiki.com/mcp'], ['microsoft_learn', 'https://learn.microsoft.com/api/mcp'], ['github', 'https://api.githubcopilot.com/mcp/'], ['stripe_docs', 'https://mcp.stripe.com'], ['internal_kb', 'https://mcp.kb.fabrikam.io/sse']];
  for (const url of images) {
    const client = rng.pick(CLIENTS);
    if (rng.chance(0.6)) {
      const ri = routeFor(rng, 'chat');
      b.add({ path: ri.path, headers: clientHeaders(rng, client), body: chatBody(ri, [userParts(textPart(rng.pick(['Describe this image.', 'What landmark is this?', 'Write alt text for this image.'])), imagePart(url))]), tags: [`client:${client}`, 'route:chat', 'field:image_url'] });
    } else {
      const ri = routeFor(rng, 'responses');
      b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: true }), body: { model: ri.model, input: [{ role: 'user', content: [{ type: 'input_text', text: 'Caption this picture for our product page.' }, { type: 'input_image', image_url: url }] }] }, tags: [`client:${client}`, 'route:responses', 'field:input_image'] });
    }
  }
  for (const url of files) {
    const client = rng.pick(CLIENTS);
    const ri = routeFor(rng, 'responses');
    b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: true }), body: { model: ri.model, input: [{ role: 'user', content: [{ type: 'input_file', file_url: url }, { type: 'input_text', text: rng.pick(['Summarise the key contributions.', 'What are the main sections of this document?', 'List the action items in this report.']) }] }] }, tags: [`client:${client}`, 'route:responses', 'field:file_url'] });
  }
  for (const [label, url] of mcps) {
    const client = rng.pick(CLIENTS);
    const ri = routeFor(rng, 'responses');
    const tool: Record<string, unknown> = { type: 'mcp', server_label: label, server_url: url, require_approval: rng.pick(['never', 'always']) };
    if (rng.chance(0.5)) tool.allowed_tools = rng.pick([['search', 'fetch'], ['read_wiki_structure', 'ask_question'], ['microsoft_docs_search']]);
    b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: true }), body: { model: ri.model, tools: [tool], input: rng.pick(['How do I configure private endpoints for Azure OpenAI?', 'What does the repository microsoft/TypeScript say about project references?', 'Find the docs page about webhook retries.']) }, tags: [`client:${client}`, 'route:responses', 'field:server_url'] });
  }
  return b.cases;
}

// ---------------------------------------------------------------- tools

interface ToolScenario {
  readonly tools: Msg[];
  readonly ask: string;
  readonly calls: { name: string; args: unknown; result: string }[];
  readonly tag: string;
}

const weatherTool = fnTool('get_weather', 'Get the current weather for a city.', { city: { type: 'string', description: 'City name, e.g. "Paris"' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, ['city']);
const sqlTool = fnTool('run_readonly_query', 'Run a read-only SQL query against the analytics warehouse (PostgreSQL). Only SELECT statements are allowed.', { sql: { type: 'string', description: 'A single SELECT statement' } });
const fetchTool = fnTool('fetch_url', 'Fetch a public web page and return its HTML.', { url: { type: 'string', format: 'uri' } });
const shellTool = fnTool('run_command', 'Run a shell command in the project sandbox and return stdout/stderr.', { command: { type: 'string' }, cwd: { type: 'string' } }, ['command']);
const readTool = fnTool('read_file', 'Read a text file from the repository.', { path: { type: 'string', description: 'Path relative to the repository root' } });
const searchTool = fnTool('search_docs', 'Search the internal knowledge base.', { query: { type: 'string' }, top: { type: 'integer', minimum: 1, maximum: 20 } }, ['query']);
const calendarTool = fnTool('create_event', 'Create a calendar event for the signed-in user.', { title: { type: 'string' }, start: { type: 'string', format: 'date-time' }, end: { type: 'string', format: 'date-time' }, attendees: { type: 'array', items: { type: 'string', description: 'Directory object id' } } }, ['title', 'start', 'end'], true);
const ticketTool = fnTool('create_ticket', 'Open a ticket in the IT service desk.', { summary: { type: 'string' }, description: { type: 'string' }, priority: { type: 'string', enum: ['P1', 'P2', 'P3', 'P4'] } });
const schemaTool = fnTool('describe_table', 'Return the DDL of a table in the warehouse.', { table: { type: 'string' } });
const stockTool = fnTool('get_stock_level', 'Current stock for a SKU in a warehouse.', { sku: { type: 'string', pattern: '^[A-Z]{2}-\\d{5}$' }, warehouse: { type: 'string' } });
const pyTool = fnTool('python', 'Execute Python code in a Jupyter sandbox without network access. Returns stdout.', { code: { type: 'string' } });

const SCENARIOS: readonly ToolScenario[] = [
  { tools: [weatherTool], ask: 'Do I need an umbrella in Hamburg today?', calls: [{ name: 'get_weather', args: { city: 'Hamburg', unit: 'celsius' }, result: '{"city":"Hamburg","temp_c":9,"conditions":"light rain","precip_probability":0.8}' }], tag: 'weather' },
  { tools: [weatherTool], ask: 'Compare the weather in Osaka and Seoul right now.', calls: [{ name: 'get_weather', args: { city: 'Osaka' }, result: '{"city":"Osaka","temp_c":14,"conditions":"clear"}' }, { name: 'get_weather', args: { city: 'Seoul' }, result: '{"city":"Seoul","temp_c":6,"conditions":"cloudy"}' }], tag: 'weather_parallel' },
  { tools: [sqlTool], ask: 'What was revenue by region last quarter?', calls: [{ name: 'run_readonly_query', args: { sql: "SELECT region, SUM(amount) AS revenue FROM sales WHERE sold_at >= date_trunc('quarter', now()) - interval '3 months' AND sold_at < date_trunc('quarter', now()) GROUP BY region ORDER BY revenue DESC" }, result: '[{"region":"EMEA","revenue":1832201.5},{"region":"AMER","revenue":1620410.0},{"region":"APAC","revenue":940112.75}]' }], tag: 'sql' },
  { tools: [sqlTool], ask: 'Which customers churned this year but ordered more than 10 times last year?', calls: [{ name: 'run_readonly_query', args: { sql: 'SELECT c.id, c.segment FROM customers c WHERE c.id IN (SELECT customer_id FROM orders WHERE extract(year FROM created_at) = 2024 GROUP BY customer_id HAVING count(*) > 10) AND c.id NOT IN (SELECT customer_id FROM orders WHERE created_at >= \'2025-01-01\') LIMIT 50' }, result: '[{"id":4811,"segment":"SMB"},{"id":5120,"segment":"Enterprise"},{"id":7342,"segment":"SMB"}]' }], tag: 'sql' },
  { tools: [sqlTool], ask: 'Combine the EU and US signup counts per month into one list.', calls: [{ name: 'run_readonly_query', args: { sql: "SELECT 'EU' AS market, date_trunc('month', created_at) AS m, count(*) FROM signups_eu GROUP BY 2 UNION ALL SELECT 'US', date_trunc('month', created_at), count(*) FROM signups_us GROUP BY 2 ORDER BY 2, 1" }, result: '[{"market":"EU","m":"2025-01-01","count":812},{"market":"US","m":"2025-01-01","count":1004}]' }], tag: 'sql_union' },
  { tools: [fetchTool], ask: 'Summarise the changelog page of our status site.', calls: [{ name: 'fetch_url', args: { url: 'https://status.northwind-traders.net/changelog' }, result: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Changelog</title><link rel="stylesheet" href="/assets/site.css"><script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag("js",new Date());</script></head><body><nav><a href="/">Status</a> <a href="/changelog">Changelog</a></nav><main><h1>Changelog</h1><article><h2>2025-03-10</h2><p>Checkout latency improved by 20%.</p></article><article><h2>2025-02-27</h2><p>New region: Sweden Central.</p></article></main><footer onclick="void 0">© Northwind</footer></body></html>' }], tag: 'html_result' },
  { tools: [fetchTool], ask: 'What does this recipe page say about baking time?', calls: [{ name: 'fetch_url', args: { url: 'https://www.bbcgoodfood.com/recipes/easy-banana-bread' }, result: '<html><head><title>Easy banana bread</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Recipe","name":"Easy banana bread","cookTime":"PT1H","recipeYield":"10"}</script></head><body><div class="method"><ol><li>Heat oven to 180C/160C fan/gas 4.</li><li>Bake for 1 hr until a skewer comes out clean.</li></ol></div><iframe src="https://www.youtube-nocookie.com/embed/xyz" title="video"></iframe></body></html>' }], tag: 'html_result' },
  { tools: [shellTool, readTool], ask: 'Why are the tests failing on my branch?', calls: [{ name: 'run_command', args: { command: 'npm test -- --reporter=dot', cwd: '.' }, result: '> orders@1.4.2 test\n> vitest run --reporter=dot\n\n·····×···\n\nFAIL  src/cart.test.ts > applies coupon\nAssertionError: expected 90 to be 81\n  at src/cart.test.ts:42:23\n\nTest Files  1 failed | 11 passed (12)\nTests  1 failed | 96 passed (97)' }], tag: 'shell_result' },
  { tools: [shellTool], ask: 'Clean up: what is using space in the repo?', calls: [{ name: 'run_command', args: { command: 'du -sh ./* | sort -h | tail -5' }, result: '12M\t./docs\n48M\t./dist\n210M\t./.cache\n640M\t./node_modules\n1.1G\t./data' }], tag: 'shell_result' },
  { tools: [shellTool], ask: 'Show me git status and the last three commits.', calls: [{ name: 'run_command', args: { command: 'git status --short && git log --oneline -3' }, result: ' M src/waf/rules.ts\n?? notes.md\n9f2c1ab fix: handle empty cart\n41d07e3 feat: coupon codes\n0b3e9d2 chore: bump deps' }], tag: 'shell_result' },
  { tools: [readTool], ask: 'Check our package.json for outdated patterns.', calls: [{ name: 'read_file', args: { path: 'package.json' }, result: '{\n  "name": "orders-api",\n  "version": "1.4.2",\n  "type": "module",\n  "scripts": { "build": "tsc -p .", "start": "node dist/server.js", "test": "vitest run" },\n  "dependencies": { "fastify": "^5.2.0", "pg": "^8.13.1", "zod": "^3.24.1" },\n  "devDependencies": { "typescript": "^5.7.2", "vitest": "^2.1.8" }\n}' }], tag: 'file_result' },
  { tools: [readTool], ask: 'Explain what this nginx config does.', calls: [{ name: 'read_file', args: { path: 'deploy/nginx.conf' }, result: 'server {\n  listen 443 ssl http2;\n  server_name shop.northwind-traders.net;\n  location / { proxy_pass http://web:3000; }\n  location /api/ { proxy_pass http://api:8080/; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; }\n  location ~ /\\.(git|env) { deny all; }\n}' }], tag: 'file_result' },
  { tools: [searchTool], ask: 'What is our policy on travel expenses for conferences?', calls: [{ name: 'search_docs', args: { query: 'travel expenses conference policy', top: 3 }, result: JSON.stringify({ results: [{ title: 'Travel & Expense Policy v7', url: 'https://intranet.fabrikam.io/policies/travel', snippet: 'Conference travel must be approved by your manager at least 3 weeks in advance. Economy class for flights under 6 hours.' }, { title: 'Per diem rates 2025', url: 'https://intranet.fabrikam.io/policies/per-diem', snippet: 'Per diem for Germany: 28 EUR (full day).' }] }) }], tag: 'search_result' },
  { tools: [searchTool], ask: 'How do I request a new laptop?', calls: [{ name: 'search_docs', args: { query: 'request new laptop hardware' }, result: '{"results":[{"title":"Hardware requests","snippet":"Open a ticket with category Hardware > Laptop. Standard models: 14\\" and 16\\". Delivery 5-7 business days."}]}' }], tag: 'search_result' },
  { tools: [calendarTool], ask: 'Book a 30-minute retro with the team next Tuesday at 10.', calls: [{ name: 'create_event', args: { title: 'Sprint retro', start: '2025-03-18T10:00:00+01:00', end: '2025-03-18T10:30:00+01:00', attendees: ['7f1c2a10-3c1e-4b7a-9d1e-22c4a0b1e9f3', 'a2d4e6f8-1b3c-4d5e-8f7a-9b0c1d2e3f4a'] }, result: '{"id":"AAMkAGI2TG93AAA=","status":"created","webLink":"https://outlook.office365.com/calendar/item/AAMkAGI2TG93AAA%3D"}' }], tag: 'calendar' },
  { tools: [ticketTool], ask: 'My VPN disconnects every 10 minutes, please open a ticket.', calls: [{ name: 'create_ticket', args: { summary: 'VPN disconnects every 10 minutes', description: 'User reports GlobalProtect drops roughly every 10 minutes on home Wi-Fi since Monday. Reconnect works.', priority: 'P3' }, result: '{"ticket":"INC0048213","priority":"P3","queue":"Network"}' }], tag: 'ticket' },
  { tools: [schemaTool, sqlTool], ask: 'Which columns of the orders table can be null?', calls: [{ name: 'describe_table', args: { table: 'orders' }, result: 'CREATE TABLE public.orders (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  customer_id bigint NOT NULL REFERENCES customers(id) ON DELETE CASCADE,\n  status text NOT NULL DEFAULT \'new\' CHECK (status IN (\'new\',\'paid\',\'shipped\',\'cancelled\')),\n  coupon_code text,\n  total numeric(12,2) NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now(),\n  shipped_at timestamptz\n);' }], tag: 'ddl_result' },
  { tools: [stockTool], ask: 'Do we have the cargo bike in stock in Lyon?', calls: [{ name: 'get_stock_level', args: { sku: 'CB-10442', warehouse: 'LYS-1' }, result: '{"sku":"CB-10442","warehouse":"LYS-1","on_hand":3,"reserved":1,"next_delivery":"2025-03-21"}' }], tag: 'stock' },
  { tools: [pyTool], ask: 'Plot the monthly growth rate from these numbers: 120, 135, 160, 158, 190.', calls: [{ name: 'python', args: { code: 'import numpy as np\nv = np.array([120, 135, 160, 158, 190])\nprint(np.round(np.diff(v) / v[:-1] * 100, 1))' }, result: '[12.5 18.5 -1.2 20.3]' }], tag: 'code_interpreter' },
  { tools: [pyTool], ask: 'Parse this log line format and count status codes.', calls: [{ name: 'python', args: { code: "import re, collections\nlines = open('/mnt/data/access.log').read().splitlines()\nc = collections.Counter(re.search(r'\" (\\d{3}) ', l).group(1) for l in lines if '\" ' in l)\nprint(c.most_common())" }, result: "[('200', 18211), ('304', 2011), ('404', 391), ('500', 12)]" }], tag: 'code_interpreter' },
  { tools: [fetchTool], ask: 'Pull the newsletter HTML and tell me if the unsubscribe link is visible.', calls: [{ name: 'fetch_url', args: { url: 'https://news.northwind-traders.net/2025/03/' }, result: '<table role="presentation" width="100%" style="background:#f4f4f4"><tr><td align="center"><table width="600"><tr><td style="font-family:Arial"><h1 style="color:#0a6">Spring sale</h1><p>Up to 30% off helmets.</p><a href="https://shop.northwind-traders.net/sale?utm_source=newsletter&amp;utm_medium=email" style="background:#0a6;color:#fff;padding:12px 20px">Shop now</a></td></tr><tr><td style="font-size:11px;color:#999"><a href="https://news.northwind-traders.net/unsubscribe?id=4f2a9c" style="color:#999">Unsubscribe</a></td></tr></table></td></tr></table>' }], tag: 'html_result' },
  { tools: [shellTool], ask: 'Are all pods in the payments namespace healthy?', calls: [{ name: 'run_command', args: { command: 'kubectl -n payments get pods' }, result: 'NAME                            READY   STATUS             RESTARTS      AGE\npayments-api-7d9f8b6c5d-2xkqp   1/1     Running            0             3d\npayments-api-7d9f8b6c5d-9vzrl   0/1     CrashLoopBackOff   14 (2m ago)   3d\npayments-worker-5c8d7f9b-lq8wz  1/1     Running            1             5d' }], tag: 'shell_result' },
  { tools: [readTool], ask: 'Review this GitHub Actions workflow for supply-chain risks.', calls: [{ name: 'read_file', args: { path: '.github/workflows/release.yml' }, result: 'name: release\non:\n  push:\n    tags: ["v*"]\npermissions:\n  contents: write\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with: { node-version: 22 }\n      - run: npm ci && npm run build\n      - run: gh release create "$GITHUB_REF_NAME" dist/*.tgz\n        env:\n          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}' }], tag: 'file_result' },
  { tools: [searchTool], ask: 'Welche Kündigungsfrist gilt in der Probezeit?', calls: [{ name: 'search_docs', args: { query: 'Kündigungsfrist Probezeit' }, result: '{"results":[{"title":"Arbeitsvertrag Muster","snippet":"Während der Probezeit von sechs Monaten kann das Arbeitsverhältnis mit einer Frist von zwei Wochen gekündigt werden."}]}' }], tag: 'search_result' },
];

function tools(): CorpusCase[] {
  const b = new CategoryBuilder('benign.tools');
  const rng = b.rng;
  for (const sc of SCENARIOS) {
    // 1) first turn: tool definitions plus the question.
    {
      const client = rng.pick(CLIENTS);
      const ri = routeFor(rng, rng.chance(0.75) ? 'chat' : 'v1chat');
      const extra: Record<string, unknown> = { tools: sc.tools, tool_choice: rng.pick(['auto', 'auto', 'required']) };
      if (sc.calls.length > 1) extra.parallel_tool_calls = true;
      b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: ri.v1 }), body: chatBody(ri, [system(rng.pick(SYSTEM_PROMPTS)), user(sc.ask)], extra), tags: [`client:${client}`, `route:${ri.route}`, `tool:${sc.tag}`, 'turn:definitions'] });
    }
    // 2) second turn: the model's tool calls and the tool results.
    {
      const client = rng.pick(CLIENTS);
      if (rng.chance(0.3)) {
        const ri = routeFor(rng, 'responses');
        const input: Msg[] = [{ role: 'user', content: sc.ask }];
        for (const c of sc.calls) {
          const id = callId(rng);
          input.push({ type: 'function_call', call_id: id, name: c.name, arguments: JSON.stringify(c.args) });
          input.push({ type: 'function_call_output', call_id: id, output: c.result });
        }
        const rtools = sc.tools.map((t) => {
          const f = t.function as { name: string; description: string; parameters: { properties: Record<string, unknown>; required: string[] } };
          return respTool(f.name, f.description, f.parameters.properties, Object.keys(f.parameters.properties));
        });
        b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: true }), body: { model: ri.model, tools: rtools, input, store: rng.chance(0.5) }, tags: [`client:${client}`, 'route:responses', `tool:${sc.tag}`, 'turn:results'] });
      } else {
        const ri = routeFor(rng, rng.chance(0.75) ? 'chat' : 'v1chat');
        const calls = sc.calls.map((c) => ({ c, id: callId(rng) }));
        const msgs: Msg[] = [system(rng.pick(SYSTEM_PROMPTS)), user(sc.ask), assistantCalls(...calls.map(({ c, id }) => toolCall(id, c.name, c.args))), ...calls.map(({ c, id }) => toolResult(id, c.result))];
        b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: ri.v1 }), body: chatBody(ri, msgs, { tools: sc.tools }), tags: [`client:${client}`, `route:${ri.route}`, `tool:${sc.tag}`, 'turn:results'] });
      }
    }
  }
  // Structured outputs and legacy functions.
  const schemas: [string, Record<string, unknown>, string][] = [
    ['invoice_fields', { type: 'object', properties: { vendor: { type: 'string' }, total: { type: 'number' }, currency: { type: 'string', enum: ['EUR', 'USD', 'GBP'] }, due_date: { type: 'string', description: 'ISO 8601 date' } }, required: ['vendor', 'total', 'currency', 'due_date'], additionalProperties: false }, 'Extract the fields: "Rechnung von Fabrikam Ltd über 1.240,00 EUR, fällig am 30.04.2025."'],
    ['sentiment', { type: 'object', properties: { label: { type: 'string', enum: ['positive', 'neutral', 'negative'] }, confidence: { type: 'number', minimum: 0, maximum: 1 }, reasons: { type: 'array', items: { type: 'string' } } }, required: ['label', 'confidence', 'reasons'], additionalProperties: false }, 'Classify: "The delivery was late again, but support sorted it out quickly."'],
    ['sql_review', { type: 'object', properties: { safe: { type: 'boolean' }, issues: { type: 'array', items: { type: 'object', properties: { line: { type: 'integer' }, message: { type: 'string' } }, required: ['line', 'message'], additionalProperties: false } } }, required: ['safe', 'issues'], additionalProperties: false }, 'Review this query: SELECT * FROM users WHERE id = ? UNION SELECT * FROM admins WHERE id = ?'],
  ];
  for (const [name, schema, ask] of schemas) {
    const client = rng.pick(CLIENTS);
    if (rng.chance(0.5)) {
      const ri = routeFor(rng, 'chat');
      b.add({ path: ri.path, headers: clientHeaders(rng, client), body: chatBody(ri, [system('Return only JSON matching the schema.'), user(ask)], { response_format: { type: 'json_schema', json_schema: { name, strict: true, schema } } }), tags: [`client:${client}`, 'route:chat', 'structured_output'] });
    } else {
      const ri = routeFor(rng, 'responses');
      b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: true }), body: { model: ri.model, input: ask, text: { format: { type: 'json_schema', name, strict: true, schema } } }, tags: [`client:${client}`, 'route:responses', 'structured_output'] });
    }
  }
  {
    const ri = routeFor(rng, 'chat');
    b.add({
      path: ri.path, headers: clientHeaders(rng, 'requests'),
      body: { messages: [user('What time is it in Tokyo?'), { role: 'assistant', content: null, function_call: { name: 'get_time', arguments: '{"tz":"Asia/Tokyo"}' } }, { role: 'function', name: 'get_time', content: '{"iso":"2025-03-14T18:22:05+09:00"}' }], functions: [{ name: 'get_time', description: 'Current time in an IANA time zone', parameters: { type: 'object', properties: { tz: { type: 'string' } }, required: ['tz'] } }] },
      tags: ['client:requests', 'route:chat', 'legacy_functions'],
    });
  }
  return b.cases;
}

// ---------------------------------------------------------------- long documents

function longDocs(): CorpusCase[] {
  const b = new CategoryBuilder('benign.long_document');
  const rng = b.rng;
  for (const gen of LONG_DOCS) {
    const doc = gen(rng);
    const client = rng.pick(CLIENTS);
    const r = rng.int(3);
    if (r === 0) {
      const ri = routeFor(rng, 'responses');
      b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: true }), body: { model: ri.model, instructions: rng.pick(SYSTEM_PROMPTS), input: [{ role: 'user', content: [{ type: 'input_text', text: doc.question }, { type: 'input_text', text: doc.text }] }], max_output_tokens: 2000 }, tags: [`client:${client}`, 'route:responses', `doc:${doc.kind}`, `lang:${doc.lang}`] });
    } else {
      const ri = routeFor(rng, r === 1 ? 'chat' : 'v1chat');
      const content = rng.chance(0.5) ? `${doc.question}\n\n---\n${doc.text}` : [textPart(doc.question), textPart(doc.text)];
      b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: ri.v1 }), body: chatBody(ri, [system(rng.pick(SYSTEM_PROMPTS)), { role: 'user', content }], { max_tokens: 2000 }), tags: [`client:${client}`, `route:${ri.route}`, `doc:${doc.kind}`, `lang:${doc.lang}`] });
    }
  }
  return b.cases;
}

// ---------------------------------------------------------------- headers

const NEUTRAL = [
  'Summarise the benefits of unit testing in three bullet points.', 'Translate "good morning, team" into Italian.', 'Suggest a name for an internal wiki page about onboarding.',
  'Give me five ideas for a team-building activity under 50 euros per person.', 'What is the capital of Australia?', 'Rewrite this sentence in plain English: "We will leverage synergies going forward."',
  'Write a one-line commit message for fixing a null check in the cart service.', 'Explain eventual consistency in two sentences.', 'Wie spät ist es in New York, wenn es in Berlin 15 Uhr ist?',
  'Liste trois conseils pour mieux dormir.', '¿Cuál es la diferencia entre un lago y una laguna?', '请推荐三本关于产品管理的书。',
];

const BROWSER_UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:134.0) Gecko/20100101 Firefox/134.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.200 Mobile Safari/537.36',
];

function headerVariants(rng: Rng): [string, ClientKind, Record<string, string>][] {
  const trace = (): string => `00-${rng.hex(32)}-${rng.hex(16)}-0${rng.pick(['0', '1'])}`;
  const ip = (): string => `${rng.pick(['10.20', '10.4', '172.18', '192.168'])}.${rng.range(0, 255)}.${rng.range(1, 254)}`;
  const pub = (): string => `${rng.pick(['203.0.113', '198.51.100', '192.0.2'])}.${rng.range(1, 254)}`;
  return [
    ['w3c_trace', 'python', { traceparent: trace(), tracestate: `congo=t61rcWkgMzE,rojo=${rng.hex(16)}` }],
    ['w3c_trace_baggage', 'node', { traceparent: trace(), baggage: `userId=${rng.hex(12)},tenant=fabrikam,isProduction=true` }],
    ['ms_request_id', 'java', { 'x-ms-client-request-id': rng.uuid(), 'x-ms-correlation-request-id': rng.uuid() }],
    ['entra_bearer', 'dotnet', { authorization: `Bearer ${entraToken(rng)}`, 'x-ms-useragent': 'AzureOpenAI.NET/2.1.0' }],
    ['entra_bearer_python', 'python', { authorization: `Bearer ${entraToken(rng)}` }],
    ['browser_bff', 'node', { 'user-agent': rng.pick(BROWSER_UAS), origin: 'https://chat.fabrikam.io', referer: `https://chat.fabrikam.io/c/${rng.uuid()}`, 'accept-language': 'en-GB,en;q=0.9,de;q=0.8', 'sec-ch-ua': '"Microsoft Edge";v="131", "Chromium";v="131", "Not_A Brand";v="24"', 'sec-ch-ua-mobile': '?0', 'sec-ch-ua-platform': '"Windows"', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' }],
    ['browser_cookies', 'node', { 'user-agent': rng.pick(BROWSER_UAS), cookie: `ai_user=${rng.alnum(22)}|2025-03-01T09:12:44.101Z; ai_session=${rng.alnum(22)}|1741944764101|1741945012230; ARRAffinity=${rng.hex(64)}; ARRAffinitySameSite=${rng.hex(64)}` }],
    ['ga_cookies', 'node', { cookie: `_ga=GA1.1.${rng.range(100000000, 999999999)}.${rng.range(1700000000, 1740000000)}; _ga_X1Y2Z3=GS1.1.${rng.range(1700000000, 1740000000)}.4.1.${rng.range(1700000000, 1740000000)}.0.0.0; lang=de; theme=dark; consent=analytics%3Dtrue%26ads%3Dfalse` }],
    ['session_cookie', 'postman', { cookie: `connect.sid=s%3A${rng.alnum(32)}.${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%', 43)}; Path=/` }],
    ['apim_forwarded', 'python', { 'x-forwarded-for': `${pub()}, ${ip()}`, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.fabrikam.io', 'x-forwarded-port': '443', via: '1.1 apim-fabrikam-prod.azure-api.net' }],
    ['front_door', 'node', { 'x-azure-clientip': pub(), 'x-azure-socketip': pub(), 'x-azure-ref': `20250314T${rng.digits(6)}Z-${rng.alnum(20)}`, 'x-azure-fdid': rng.uuid(), 'x-forwarded-for': pub() }],
    ['rfc7239_forwarded', 'go-azure', { forwarded: `for=${pub()};proto=https;by=${ip()}`, 'x-real-ip': pub() }],
    ['ipv6_xff', 'curl', { 'x-forwarded-for': `2001:db8:${rng.hex(4)}::${rng.hex(3)}, ${ip()}` }],
    ['envoy_istio', 'go-openai', { 'x-request-id': rng.uuid(), 'x-envoy-attempt-count': '1', 'x-envoy-expected-rq-timeout-ms': '600000', 'x-b3-traceid': rng.hex(32), 'x-b3-spanid': rng.hex(16), 'x-b3-parentspanid': rng.hex(16), 'x-b3-sampled': '1', 'x-forwarded-client-cert': `By=spiffe://cluster.local/ns/ai/sa/gateway;Hash=${rng.hex(64)};Subject="";URI=spiffe://cluster.local/ns/apps/sa/chat-api` }],
    ['datadog', 'python', { 'x-datadog-trace-id': rng.digits(19).replace(/^0/, '1'), 'x-datadog-parent-id': rng.digits(18).replace(/^0/, '2'), 'x-datadog-sampling-priority': '1', 'x-datadog-tags': '_dd.p.dm=-0,_dd.p.tid=67d3f1a200000000' }],
    ['sentry', 'node', { 'sentry-trace': `${rng.hex(32)}-${rng.hex(16)}-1`, baggage: `sentry-environment=production,sentry-release=chat-web%402025.03.1,sentry-public_key=${rng.hex(32)},sentry-trace_id=${rng.hex(32)},sentry-sample_rate=0.1` }],
    ['aws_trace', 'requests', { 'x-amzn-trace-id': `Root=1-${rng.hex(8)}-${rng.hex(24)};Parent=${rng.hex(16)};Sampled=1` }],
    ['cloudflare', 'node', { 'cf-connecting-ip': pub(), 'cf-ray': `${rng.hex(16)}-FRA`, 'cf-ipcountry': 'DE', 'cf-visitor': '{"scheme":"https"}', 'cdn-loop': 'cloudflare' }],
    ['openai_headers', 'python', { 'openai-beta': 'assistants=v2', 'openai-organization': `org-${rng.alnum(24)}`, 'openai-project': `proj_${rng.alnum(24)}` }],
    ['custom_tenant', 'dotnet', { 'x-tenant-id': rng.uuid(), 'x-cost-center': `CC-${rng.range(1000, 9999)}`, 'x-app-name': 'contract-summariser', 'x-user-department': 'Legal & Compliance' }],
    ['referer_query', 'node', { referer: `https://intranet.fabrikam.io/search?q=quarterly+report+2024&lang=en&page=2&sort=relevance`, 'user-agent': rng.pick(BROWSER_UAS) }],
    ['cache_headers', 'curl', { 'cache-control': 'no-cache', pragma: 'no-cache', 'if-none-match': `W/"${rng.hex(16)}"` }],
    ['event_stream', 'node', { accept: 'text/event-stream' }],
    ['http_clients_axios', 'node', { 'user-agent': 'axios/1.7.9', accept: 'application/json, text/plain, */*' }],
    ['http_clients_okhttp', 'java', { 'user-agent': 'okhttp/4.12.0', 'accept-encoding': 'gzip' }],
    ['http_clients_misc', 'curl', { 'user-agent': rng.pick(['Go-http-client/2.0', 'Deno/2.1.4', 'Bun/1.1.42', 'Dart/3.6 (dart:io)', 'aiohttp/3.11.11 Python/3.12', 'Apache-HttpClient/5.4.1 (Java/21.0.5)', 'node-fetch', 'undici']) }],
    ['bot_framework', 'dotnet', { 'user-agent': 'Microsoft-BotFramework/3.1 (BotBuilder .Net/4.22.7.0 b9c87e6e1d)', 'x-ms-conversation-id': `a:${rng.alnum(40)}` }],
    ['logic_apps', 'curl', { 'user-agent': `azure-logic-apps/1.0 (workflow ${rng.hex(32)}; version 08584${rng.digits(14)})`, 'x-ms-workflow-run-id': `08584${rng.digits(15)}CU${rng.digits(2)}`, 'x-ms-workflow-name': 'summarise-inbox' }],
    ['privacy_hints', 'node', { dnt: '1', 'sec-gpc': '1', priority: 'u=1, i', 'upgrade-insecure-requests': '1', 'user-agent': rng.pick(BROWSER_UAS) }],
    ['sk_python', 'python', { 'user-agent': `semantic-kernel-python/${rng.pick(['1.18.0', '1.22.1'])}`, 'semantic-kernel-version': 'python/1.22.1' }],
    ['correlation', 'spring-ai', { 'x-correlation-id': rng.uuid(), 'x-session-id': rng.hex(32), 'x-client-version': '3.14.2 (build 8821)' }],
    ['accept_language_many', 'python', { 'accept-language': 'zh-CN,zh;q=0.9,en-US;q=0.8,en;q=0.7,ja;q=0.6', 'accept-encoding': 'gzip, deflate, br, zstd' }],
    ['retry_headers', 'python', { 'x-stainless-retry-count': '2', 'x-stainless-timeout': '60' }],
    ['mobile_app', 'node', { 'user-agent': `FabrikamChat/5.2.1 (iPhone; iOS 18.2; Scale/3.00) Alamofire/5.10.2`, 'x-app-build': '5210', 'x-device-id': rng.uuid().toUpperCase() }],
    ['content_type_charset', 'powershell', { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' }],
    ['vscode_extension', 'node', { 'user-agent': `vscode/1.96.2 (fabrikam-copilot-ext/0.9.4)`, 'x-vscode-session-id': `${rng.uuid()}${rng.digits(13)}` }],
  ];
}

function headers(): CorpusCase[] {
  const b = new CategoryBuilder('benign.headers');
  const rng = b.rng;
  for (const [name, client, extra] of headerVariants(rng)) {
    const ri = anyChatRoute(rng);
    const hdrs = clientHeaders(rng, client, { v1: ri.v1, extra });
    if (name.startsWith('entra')) delete hdrs['api-key'];
    const body = promptBody(rng, ri, rng.pick(NEUTRAL), rng.chance(0.3) ? rng.pick(SYSTEM_PROMPTS) : undefined, name === 'event_stream' ? { stream: true } : samplingExtras(rng, ri.route));
    b.add({ path: ri.path, headers: hdrs, body, tags: [`client:${client}`, `route:${ri.route}`, `headers:${name}`] });
  }
  return b.cases;
}

// ---------------------------------------------------------------- ordinary non-prompt fields

function ordinaryFields(): CorpusCase[] {
  const b = new CategoryBuilder('benign.ordinary_fields');
  const rng = b.rng;
  const hash = (): string => rng.hex(64);
  const variants: [string, (ri: RouteInfo) => Record<string, unknown>][] = [
    ['user_uuid', () => ({ user: rng.uuid() })],
    ['user_sha256', () => ({ user: hash() })],
    ['user_prefixed', () => ({ user: `usr_${rng.alnum(16)}` })],
    ['user_tenant_path', () => ({ user: `tenant-${rng.range(100, 999)}/user-${rng.range(10000, 99999)}` })],
    ['metadata_basic', () => ({ store: true, metadata: { department: 'finance', feature: 'summarise-invoice', ticket: `INC${rng.range(1000000, 9999999)}` } })],
    ['metadata_urlish', () => ({ store: true, metadata: { source: 'https://intranet.fabrikam.io/wiki/Onboarding', trace: rng.hex(32) } })],
    ['metadata_odata_filter', () => ({ store: true, metadata: { search_filter: "category eq 'news' and year ge 2023", index: 'kb-v3' } })],
    ['metadata_path', () => ({ store: true, metadata: { doc_path: 'sharepoint/Legal/Contracts/2025/MSA-Northwind.docx', page: '12' } })],
    ['metadata_version', () => ({ store: true, metadata: { app_version: '2025.03.1+build.8821', env: 'prod-weu' } })],
    ['seed', () => ({ seed: rng.range(1, 2 ** 31 - 1), temperature: 0 })],
    ['stop_strings', () => ({ stop: ['\n\nUser:', '###'] })],
    ['stop_single', () => ({ stop: '</answer>' })],
    ['stop_code', () => ({ stop: ['```', '\n\n\n'] })],
    ['logit_bias', () => ({ logit_bias: { '50256': -100, '1734': 5 } })],
    ['logprobs', () => ({ logprobs: true, top_logprobs: 5 })],
    ['response_format_json', () => ({ response_format: { type: 'json_object' } })],
    ['penalties', () => ({ presence_penalty: 0.6, frequency_penalty: 0.3, n: 2 })],
    ['stream_usage', () => ({ stream: true, stream_options: { include_usage: true } })],
    ['max_completion', () => ({ max_completion_tokens: 4000, reasoning_effort: rng.pick(['low', 'medium', 'high']) })],
    ['service_tier', () => ({ service_tier: rng.pick(['auto', 'default', 'flex']) })],
    ['prompt_cache_key', () => ({ prompt_cache_key: `kb-answers-v3:${rng.hex(8)}` })],
    ['safety_identifier', () => ({ safety_identifier: hash() })],
    ['parallel_off', () => ({ parallel_tool_calls: false, tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'get_weather' } } })],
    ['audio_modalities', () => ({ modalities: ['text', 'audio'], audio: { voice: rng.pick(['alloy', 'verse', 'shimmer']), format: 'mp3' } })],
    ['on_your_data', () => ({ data_sources: [{ type: 'azure_search', parameters: { endpoint: 'https://srch-kb-prod.search.windows.net', index_name: 'policies-v2', semantic_configuration: 'default', query_type: 'vector_semantic_hybrid', in_scope: true, strictness: 3, top_n_documents: 5, authentication: { type: 'system_assigned_managed_identity' }, embedding_dependency: { type: 'deployment_name', deployment_name: 'text-embedding-3-large' } } }] })],
    ['on_your_data_filter', () => ({ data_sources: [{ type: 'azure_search', parameters: { endpoint: 'https://srch-hr.search.windows.net', index_name: 'hr-handbook', filter: "department eq 'sales' or department eq 'all'", authentication: { type: 'user_assigned_managed_identity', managed_identity_resource_id: `/subscriptions/${rng.uuid()}/resourceGroups/rg-ai/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-search-reader` } } }] })],
    ['prediction', () => ({ prediction: { type: 'content', content: 'export function add(a: number, b: number): number {\n  return a + b;\n}\n' } })],
    ['user_with_seed', () => ({ user: `emp-${rng.range(10000, 99999)}`, seed: 42 })],
  ];
  const respVariants: [string, () => Record<string, unknown>][] = [
    ['resp_previous', () => ({ previous_response_id: `resp_${rng.hex(48)}`, store: true })],
    ['resp_truncation', () => ({ truncation: 'auto', max_output_tokens: 1200 })],
    ['resp_include', () => ({ include: ['reasoning.encrypted_content'], store: false, reasoning: { effort: 'medium', summary: 'auto' } })],
    ['resp_metadata', () => ({ metadata: { channel: 'teams', locale: 'de-DE' }, store: true, user: rng.uuid() })],
    ['resp_text_verbosity', () => ({ text: { verbosity: rng.pick(['low', 'medium']) }, background: false })],
    ['resp_parallel', () => ({ parallel_tool_calls: true, tool_choice: 'auto', tools: [respTool('lookup_order', 'Look up an order by id', { order_id: { type: 'string' } })] })],
    ['resp_prompt_cache', () => ({ prompt_cache_key: `tenant-42/assistant-7`, safety_identifier: hash() })],
  ];
  const embedVariants: [string, () => Record<string, unknown>][] = [
    ['embed_user', () => ({ user: rng.uuid(), encoding_format: 'float' })],
    ['embed_dimensions', () => ({ dimensions: 256, encoding_format: 'base64' })],
    ['embed_batch', () => ({ input_type: 'query' })],
  ];
  for (const [name, f] of variants) {
    const ri = routeFor(rng, rng.chance(0.75) ? 'chat' : 'v1chat');
    const client = rng.pick(CLIENTS);
    b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: ri.v1 }), body: chatBody(ri, [...(rng.chance(0.4) ? [system(rng.pick(SYSTEM_PROMPTS))] : []), user(rng.pick(NEUTRAL))], f(ri)), tags: [`client:${client}`, `route:${ri.route}`, `fields:${name}`] });
  }
  for (const [name, f] of respVariants) {
    const ri = routeFor(rng, 'responses');
    const client = rng.pick(CLIENTS);
    b.add({ path: ri.path, headers: clientHeaders(rng, client, { v1: true }), body: { model: ri.model, input: rng.pick(NEUTRAL), ...f() }, tags: [`client:${client}`, 'route:responses', `fields:${name}`] });
  }
  for (const [name, f] of embedVariants) {
    const ri = routeFor(rng, 'embeddings');
    const client = rng.pick(CLIENTS);
    const input = name === 'embed_batch' ? ['How do I reset my password?', 'Opening hours of the Lyon store', 'Return policy for bikes bought online'] : rng.pick(NEUTRAL);
    const extra = f();
    if (name === 'embed_batch') delete extra.input_type;
    b.add({ path: ri.path, headers: clientHeaders(rng, client), body: { input, ...extra }, tags: [`client:${client}`, 'route:embeddings', `fields:${name}`] });
  }
  {
    const ri = routeFor(rng, 'completions');
    b.add({ path: ri.path, headers: clientHeaders(rng, 'python'), body: { prompt: 'Write a tagline for a bike shop:', max_tokens: 30, best_of: 3, n: 1, echo: false, suffix: '\n', logprobs: 2, user: rng.uuid() }, tags: ['client:python', 'route:completions', 'fields:completions_options'] });
  }
  return b.cases;
}

export function benign(): CorpusCase[] {
  return [...prose(), ...code(), ...sql(), ...shell(), ...html(), ...dataUrls(), ...urlFields(), ...tools(), ...longDocs(), ...security(), ...headers(), ...ordinaryFields()];
}
