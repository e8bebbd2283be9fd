/**
 * Request bodies and headers of the WAF scenarios: what an application built on the
 * Azure OpenAI Python SDK really sends. Deterministic (fixed text, seeded generator), so
 * every run inspects the same bytes.
 */

/** Headers the openai Python SDK (AzureOpenAI client, httpx) sends with every request. */
export const SDK_HEADERS: Readonly<Record<string, string>> = {
  accept: 'application/json',
  'accept-encoding': 'gzip, deflate',
  'content-type': 'application/json',
  'user-agent': 'AzureOpenAI/Python 1.54.0',
  'x-stainless-lang': 'python',
  'x-stainless-package-version': '1.54.0',
  'x-stainless-os': 'Linux',
  'x-stainless-arch': 'x64',
  'x-stainless-runtime': 'CPython',
  'x-stainless-runtime-version': '3.12.7',
  'x-stainless-async': 'false',
  'x-stainless-retry-count': '0',
  'x-stainless-read-timeout': '600',
};

const SYSTEM_PROMPT = `You are a senior software engineer on the platform team of an online retailer. You help colleagues review, debug and explain TypeScript, Python and SQL code running in production. Answer precisely, prefer small focused changes over rewrites, point out correctness and security problems first, then performance, then style. When you show code, show only the lines that change and say which file they belong to. If a question is ambiguous, state the assumption you make instead of asking. Never invent APIs: if you are unsure whether a library function exists, say so.`;

const USER_1 = `Our order export job sometimes drops the last page of results. Here is the paging helper from src/export/paging.ts:

\`\`\`ts
export async function* pages<T>(fetchPage: (cursor: string | null) => Promise<{ items: T[]; next: string | null }>): AsyncGenerator<T[]> {
  let cursor: string | null = null;
  while (true) {
    const { items, next } = await fetchPage(cursor);
    if (next === null) break;
    yield items;
    cursor = next;
  }
}
\`\`\`

It is called like this: \`for await (const batch of pages((c) => api.listOrders({ cursor: c, limit: 500 }))) await writer.write(batch);\`. Any idea why the tail goes missing?`;

const ASSISTANT_1 = `The loop checks \`next === null\` before yielding, so the page that comes back with \`next: null\` (the last one) is fetched but never yielded. Yield first, then stop:

\`\`\`ts
// src/export/paging.ts
    const { items, next } = await fetchPage(cursor);
    yield items;
    if (next === null) return;
    cursor = next;
\`\`\`

Two smaller points: an empty last page will now be yielded as \`[]\`, so make sure \`writer.write\` accepts an empty batch; and if the API can return the same cursor twice (some do after a timeout), add a guard that throws when \`next === cursor\`, otherwise the job loops forever.`;

const USER_2 = `Thanks, that was it. The export then feeds this query in the reporting database, and it got slow since we passed 40 million rows:

\`\`\`sql
SELECT o.id, o.created_at, o.total_cents, c.email
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.created_at >= $1 AND o.status IN ('paid', 'shipped')
ORDER BY o.created_at DESC
LIMIT 500 OFFSET $2;
\`\`\`

We have an index on orders(created_at) and one on orders(status). Should we add a composite index, or is the OFFSET the real problem here?`;

const ASSISTANT_2 = `Both, but OFFSET is the bigger one: with OFFSET the database still reads and discards every skipped row, so page 2,000 costs 2,000 pages of work. Switch to keyset paging on (created_at, id), which is also what your cursor helper already expects:

\`\`\`sql
WHERE o.status IN ('paid', 'shipped')
  AND (o.created_at, o.id) < ($1, $2)
ORDER BY o.created_at DESC, o.id DESC
LIMIT 500;
\`\`\`

and back it with a composite index \`CREATE INDEX CONCURRENTLY orders_status_created_id ON orders (status, created_at DESC, id DESC);\`. The single-column index on status is then redundant and can be dropped after you check no other query relies on it.`;

const USER_3 = `Makes sense. Last question: the Python side reads these batches and retries on HTTP 429. Is this backoff reasonable, or will it hammer the API?

\`\`\`python
def fetch_with_retry(session, url, attempts=5):
    for i in range(attempts):
        r = session.get(url, timeout=30)
        if r.status_code != 429:
            r.raise_for_status()
            return r.json()
        time.sleep(2 ** i)
    raise RuntimeError(f"gave up after {attempts} attempts: {url}")
\`\`\`

We run about twenty workers in parallel, all started by the same cron entry at 02:00, and the API documents a limit of 600 requests per minute per client id. The response to a 429 carries a Retry-After header in seconds, which we currently ignore. I would also like the function to log each retry with the attempt number and the wait time, so the on-call engineer can see in the morning whether the job struggled.`;

/** A coding-assistant conversation of about 4 KB: system prompt, three user turns, two answers. */
export function chat4kBody(user = 'u-7f3a9c21', lastTurn = USER_3): string {
  return JSON.stringify({
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: USER_1 },
      { role: 'assistant', content: ASSISTANT_1 },
      { role: 'user', content: USER_2 },
      { role: 'assistant', content: ASSISTANT_2 },
      { role: 'user', content: lastTurn },
    ],
    max_tokens: 400,
    temperature: 0.2,
    top_p: 1,
    user,
  });
}

/** Stands where a body factory puts a request's own text; JSON-safe, so it survives stringify as is. */
const SLOT = '@@PER-REQUEST@@';

/** Cuts a body around SLOT once, so each request costs a concatenation, not a JSON.stringify. */
function factory(template: string, fill: (n: number) => string): () => string {
  const at = template.indexOf(SLOT);
  const head = template.slice(0, at);
  const tail = template.slice(at + SLOT.length);
  let n = 0;
  return () => head + fill(n++) + tail;
}

/**
 * chat-4k as a stream of requests that differ the way a chat application's do: the same
 * system prompt and history on every request, a last user turn that is new each time
 * (a ticket number here). What the gateway remembers about repeated text can only help
 * with what really repeats.
 */
export function chat4kBodies(): () => string {
  return factory(chat4kBody(undefined, `${USER_3} (Ticket OPS-${SLOT}.)`), (n) => String(10000 + n));
}

/** doc-200k as a stream of requests: every request carries a document never seen before. */
export function docBodies(bytes: number): () => string {
  return factory(docBody(bytes, SLOT), (n) => String(20417 + n).padStart(6, '0'));
}

/** mulberry32: small, fast, seeded, so the document is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['The checkout service', 'The on-call engineer', 'The payment provider', 'Our monitoring', 'The database primary', 'The load balancer', 'The release pipeline', 'The inventory cache', 'The support team', 'The search cluster', 'The nightly batch', 'The edge proxy'];
const VERBS = ['reported', 'observed', 'recovered from', 'was affected by', 'escalated', 'mitigated', 'reproduced', 'did not detect', 'flagged', 'rolled back after'];
const OBJECTS = ['a spike in p99 latency', 'elevated error rates on the order API', 'connection pool exhaustion', 'a slow replication lag of several minutes', 'intermittent timeouts towards the warehouse system', 'a misconfigured feature flag', 'a certificate that was about to expire', 'a surge of retries from mobile clients', 'a memory leak in the image resizer', 'stale prices served from the cache'];
const TAILS = ['shortly after the deployment of version 4.18.2.', 'during the evening peak in the EU region.', 'while the weekly reindex was still running.', 'before customers noticed any impact.', 'and the incident channel was opened at once.', 'which matched the pattern seen in the March incident.', 'although dashboards stayed green for another ten minutes.', 'so the team paused all further rollouts.', 'and the runbook step for draining the node was followed.', 'until the autoscaler added three more instances.'];
const SERVICES = ['checkout', 'orders', 'inventory', 'pricing', 'search', 'payments', 'shipping', 'accounts'];
const LEVELS = ['INFO', 'INFO', 'INFO', 'INFO', 'WARN', 'ERROR', 'DEBUG'];
const ROUTES = ['GET /api/v2/orders/{id}', 'POST /api/v2/checkout', 'GET /api/v2/products?category={id}&page=2', 'PUT /api/v2/cart/{id}/items', 'GET /healthz', 'POST /api/v2/payments/{id}/capture', 'GET /api/v2/search?q=winter+jacket'];
const MESSAGES = ['request completed', 'upstream responded slowly', 'retrying after timeout', 'cache miss, loading from database', 'pool wait exceeded 250ms', 'circuit breaker half-open', 'payment authorised', 'stock reservation released', 'rate limit applied to client', 'slow query logged'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/**
 * An incident report of about `bytes` bytes (UTF-8): prose paragraphs and excerpts of
 * service logs, alternating, as someone pastes them for a summary.
 */
export function longDocument(bytes: number, seed = 20241103, reportId = '020417'): string {
  const r = rng(seed);
  const parts: string[] = [`Incident report INC-${reportId}: degraded checkout in eu-west\n`];
  let size = Buffer.byteLength(parts[0]!);
  let t = Date.UTC(2024, 10, 3, 18, 0, 0);
  let section = 1;
  while (size < bytes) {
    const chunk: string[] = [];
    if (section % 2 === 1) {
      chunk.push(`\n${Math.ceil(section / 2)}. Timeline and observations\n`);
      for (let p = 0; p < 3; p++) {
        const sentences: string[] = [];
        for (let s = 0; s < 4 + Math.floor(r() * 3); s++) sentences.push(`${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${pick(r, OBJECTS)} ${pick(r, TAILS)}`);
        chunk.push(`${sentences.join(' ')}\n`);
      }
    } else {
      chunk.push('\nLog excerpt:\n');
      for (let l = 0; l < 25; l++) {
        t += Math.floor(r() * 900);
        const route = pick(r, ROUTES).replace('{id}', String(10000 + Math.floor(r() * 90000)));
        const status = r() < 0.9 ? 200 : pick(r, [404, 429, 502, 503, 504]);
        chunk.push(`${new Date(t).toISOString()} ${pick(r, LEVELS).padEnd(5)} [${pick(r, SERVICES)}-${Math.floor(r() * 8)}] ${route} status=${status} duration_ms=${Math.floor(r() * 1200)} trace=${Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0')} msg="${pick(r, MESSAGES)}"\n`);
      }
    }
    section++;
    const text = chunk.join('');
    parts.push(text);
    size += Buffer.byteLength(text);
  }
  return parts.join('');
}

/** A document-summarisation request whose JSON body is about `bytes` bytes. */
export function docBody(bytes: number, reportId?: string): string {
  const shell = (doc: string): string => JSON.stringify({
    messages: [
      { role: 'system', content: 'You summarise operational documents for engineering managers: five bullet points on impact, cause, timeline, follow-ups and open questions, then one paragraph of recommendations.' },
      { role: 'user', content: `Please summarise the following incident report and the log excerpts in it.\n\n${doc}` },
    ],
    max_tokens: 800,
    temperature: 0.3,
    user: 'u-7f3a9c21',
  });
  const overhead = Buffer.byteLength(shell(''));
  // JSON escapes each newline as two bytes: aim below the target, then the document fills it.
  return shell(longDocument(Math.floor((bytes - overhead) * 0.978), undefined, reportId));
}
