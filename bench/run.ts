/**
 * `npm run bench`: load against the emulator directly and through the gateway (TLS and
 * API key on both paths), non-streaming and streaming, reported as ratios to direct,
 * plus the gateway's own CPU time per request. Then a paced-stream run that measures
 * the delay the gateway adds to each SSE chunk. "bare" is a minimal Node TLS proxy
 * (bench/children.ts, role floor): the runtime's own cost, for scale.
 *
 * Then the WAF scenarios: the same gateway configuration with the WAF off and on (CRS at
 * paranoia level 1, plus the LLM rules at their defaults where the build has them), each
 * in its own process, on what the Azure OpenAI Python SDK sends (bench/bodies.ts):
 * chat-4k, a 4 KB coding conversation, and doc-200k, a 200 KB document to summarise.
 * Every request of those differs from the one before, as real traffic does: chat-4k
 * repeats the system prompt and history with a new last turn, doc-200k brings a new
 * document each time; so what the WAF remembers across requests helps only where text
 * really repeats.
 * The two are measured alternately (off, on, off, on; DURATION in all for each) so that
 * other load on the machine hits both alike. Before the load, a SQL injection in `user`
 * must get 403 waf_blocked from the WAF-on gateway (else the bench stops), and the
 * benchmark body must pass both. Every run must be all 2xx; else the bench exits 1.
 *
 * Scenarios: chat-json, chat-sse, paced-sse, chat-4k, doc-200k. Environment:
 *   BENCH_DURATION     seconds per measured run (default 10)
 *   BENCH_CONNECTIONS  concurrent connections (default 32)
 *   BENCH_ONLY         comma list of scenarios to run (default: all), e.g. chat-4k,doc-200k
 *   BENCH_EXTRA_YAML   appended to every gateway config (no `waf:` key: the WAF-on config has one)
 *   BENCH_CPU_PROF     a folder: a V8 CPU profile of the gateway over each measured gateway run,
 *                      <scenario>-<gateway|waf-off|waf-on>.cpuprofile (Chrome DevTools opens them);
 *                      WAF runs also print their top self-time functions. Profiling slows the
 *                      gateway: take throughput numbers from runs without it.
 *   PORTCULLIS_CRS_V4_DIR  CRS v4 release folder (the one holding rules/); default ../shared/crs-v4
 *                      beside the repo, else Debian's CRS 3.3 in /usr/share/modsecurity-crs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Agent, request } from 'undici';
import { createCa, issueServerCert } from '../src/network/dev-ca.js';
import { generateKey, hashKey } from '../src/identity/key-hash.js';
import { detectCrsVersion } from '../src/waf/crs/crs-version.js';
import { WafConfigSchema } from '../src/waf/config.js';
import { SDK_HEADERS, chat4kBodies, chat4kBody, docBodies } from './bodies.js';
import { formatSummary, summarise, type CpuProfile } from './prof-top.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WARM_SECONDS = 2;
const API_VERSION = '2024-10-21';
const PATH = `/openai/deployments/gpt-4o/chat/completions?api-version=${API_VERSION}`;
const here = dirname(fileURLToPath(import.meta.url));
const PROF_DIR = process.env.BENCH_CPU_PROF;
/** chat-4k's throughput cost with the WAF on may be at most this. */
const TARGET_COST_PCT = 25;

const SCENARIOS = ['chat-json', 'chat-sse', 'paced-sse', 'chat-4k', 'doc-200k'] as const;
type Scenario = (typeof SCENARIOS)[number];

/** Stops the bench with a message, not a stack trace. */
class BenchAbort extends Error {}

function selectedScenarios(): Set<Scenario> {
  const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (only.length === 0) return new Set(SCENARIOS);
  const unknown = only.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new BenchAbort(`BENCH_ONLY: unknown scenario ${unknown.join(', ')}; the scenarios are ${SCENARIOS.join(', ')}`);
  return new Set(only as Scenario[]);
}

/** CRS v4 like test/waf/crs-dirs.ts finds it (compiled, this runs from dist/bench), else Debian's 3.3. */
function crsRules(): { dir: string; label: string } {
  const v4 = join(process.env.PORTCULLIS_CRS_V4_DIR ?? fileURLToPath(new URL('../../../shared/crs-v4', import.meta.url)), 'rules');
  const v33 = '/usr/share/modsecurity-crs/rules';
  const has = (dir: string): boolean => existsSync(join(dir, 'REQUEST-901-INITIALIZATION.conf'));
  const label = (dir: string): string => `CRS ${detectCrsVersion(dir).version} (${dir})`;
  if (has(v4)) return { dir: resolve(v4), label: label(v4) };
  if (has(v33)) return { dir: v33, label: `${label(v33)}; no CRS v4 at ${v4}, so Debian's` };
  throw new BenchAbort(`the WAF scenarios need the CRS: none at ${v4} (set PORTCULLIS_CRS_V4_DIR to a CRS v4 release folder) nor at ${v33}`);
}

interface Child {
  proc: ChildProcess;
  url: string;
}

function spawnChild(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Child> {
  const proc = fork(join(here, 'children.js'), args, { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.once('message', (m) => resolve({ proc, url: (m as { url: string }).url }));
    proc.once('exit', (code) => reject(new Error(`${args[0]} ${args[1] ?? ''} exited with ${code}`)));
  });
}

function ask<T>(child: Child, msg: unknown, key: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: unknown): void => {
      if (typeof m !== 'object' || m === null || !(key in m)) return;
      child.proc.off('message', on);
      resolve((m as Record<string, T>)[key]!);
    };
    child.proc.on('message', on);
    child.proc.send(msg as string);
  });
}

const cpuOf = (child: Child): Promise<number> => ask<number>(child, 'cpu', 'cpu');

interface RunResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** Gateway CPU µs per request over the run, when measured. */
  cpu: number;
}

type Headers = Record<string, string>;
const jsonHeaders = (apiKey: string): Headers => ({ 'api-key': apiKey, 'content-type': 'application/json' });

/** A request body: the same bytes every time, or a factory called for each request. */
type Body = string | (() => string);

async function load(url: string, ca: string, headers: Headers, body: Body, duration = DURATION, report = true): Promise<Omit<RunResult, 'cpu'> & { seconds: number }> {
  const each = typeof body === 'string'
    ? { body }
    : { requests: [{ method: 'POST', path: PATH, headers, setupRequest: (req: object) => ({ ...req, body: body() }) }] };
  const r = await autocannon({ url: `${url}${PATH}`, method: 'POST', connections: CONNECTIONS, duration, headers, ...each, tlsOptions: { ca } } as autocannon.Options);
  const errors = r.errors + r.timeouts + r.non2xx;
  if (errors > 0 && report) console.error('  non-2xx/errors:', JSON.stringify((r as unknown as { statusCodeStats: unknown }).statusCodeStats), 'errors', r.errors, 'timeouts', r.timeouts);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors, seconds: r.duration };
}

const warm = (url: string, ca: string, headers: Headers, body: Body): Promise<unknown> => load(url, ca, headers, body, WARM_SECONDS, false);

/**
 * A measured run through a gateway: its CPU time over the run, per request, and with
 * BENCH_CPU_PROF a profile of just this run (`<name>.cpuprofile`).
 */
async function measure(gw: Child, ca: string, headers: Headers, body: Body, name: string): Promise<RunResult & { profile: string | null }> {
  const profile = PROF_DIR === undefined ? null : join(PROF_DIR, `${name}.cpuprofile`);
  if (profile !== null) await ask(gw, { prof: 'start' }, 'prof');
  const cpu0 = await cpuOf(gw);
  const r = await load(gw.url, ca, headers, body);
  const cpu1 = await cpuOf(gw);
  if (profile !== null) await ask(gw, { prof: 'stop', file: profile }, 'prof');
  return { ...r, cpu: (cpu1 - cpu0) / Math.max(1, r.requests), profile };
}

/**
 * Slices each WAF-off / WAF-on measurement is cut into (about 2 s each), run alternately,
 * so drift (other load on the machine, a GC-heavy phase) hits both alike. On a shared
 * machine, bursts of other load last seconds: the more slices, the more alike they hit.
 */
const AB_ROUNDS = Math.max(2, Math.round(DURATION / 2));

/**
 * Configurations measured alternately, AB_ROUNDS slices of DURATION / AB_ROUNDS seconds
 * each: req/s over all slices, p50/p99 the mean of the slices, CPU µs per request of the
 * configuration's gateway over its own slices; with BENCH_CPU_PROF one profile per
 * gateway (idle while the other one runs).
 */
async function measureAlternately(runs: { gw: Child; name: string }[], ca: string, headers: Headers, body: Body): Promise<(RunResult & { profile: string | null })[]> {
  const acc = runs.map(() => ({ requests: 0, seconds: 0, p50: 0, p99: 0, errors: 0, cpuUs: 0 }));
  const profiles = runs.map(({ name }) => (PROF_DIR === undefined ? null : join(PROF_DIR, `${name}.cpuprofile`)));
  for (const [i, { gw }] of runs.entries()) if (profiles[i] !== null) await ask(gw, { prof: 'start' }, 'prof');
  for (let round = 0; round < AB_ROUNDS; round++) {
    for (const [i, { gw }] of runs.entries()) {
      const a = acc[i]!;
      const cpu0 = await cpuOf(gw);
      const r = await load(gw.url, ca, headers, body, DURATION / AB_ROUNDS);
      a.cpuUs += (await cpuOf(gw)) - cpu0;
      a.requests += r.requests;
      a.seconds += r.seconds;
      a.p50 += r.p50 / AB_ROUNDS;
      a.p99 += r.p99 / AB_ROUNDS;
      a.errors += r.errors;
    }
  }
  for (const [i, { gw }] of runs.entries()) if (profiles[i] !== null) await ask(gw, { prof: 'stop', file: profiles[i] }, 'prof');
  return acc.map((a, i) => ({
    rps: a.requests / Math.max(0.001, a.seconds), p50: a.p50, p99: a.p99, requests: a.requests, errors: a.errors,
    cpu: a.cpuUs / Math.max(1, a.requests), profile: profiles[i]!,
  }));
}

async function post(agent: Agent, url: string, headers: Headers, body: string): Promise<{ status: number; text: string }> {
  const res = await request(`${url}${PATH}`, { method: 'POST', headers, body, dispatcher: agent });
  return { status: res.statusCode, text: await res.body.text() };
}

/** Arrival time of each SSE chunk, relative to the request start. */
async function chunkTimes(url: string, agent: Agent, apiKey: string, body: string): Promise<number[]> {
  const t0 = performance.now();
  const res = await request(`${url}${PATH}`, { method: 'POST', headers: jsonHeaders(apiKey), body, dispatcher: agent });
  const times: number[] = [];
  for await (const chunk of res.body) {
    const n = (chunk as Buffer).toString().split('\n\n').filter((e) => e.startsWith('data:')).length;
    for (let i = 0; i < n; i++) times.push(performance.now() - t0);
  }
  return times;
}

function fmt(n: number, d = 0): string {
  return n.toFixed(d).padStart(9);
}

function row(label: string, path: string, r: Omit<RunResult, 'cpu'> & { cpu?: number }, extra = ''): string {
  return `${label.padEnd(14)} ${path.padEnd(7)}${fmt(r.rps)} ${fmt(r.p50, 1)} ${fmt(r.p99, 1)} ${fmt(r.errors)} ${extra.padStart(7)} ${r.cpu === undefined ? '' : fmt(r.cpu)}`.trimEnd();
}

function printProfile(file: string, requests: number): void {
  const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, 10);
  console.log(`  profile ${file}`);
  for (const line of formatSummary(s, requests, '  ')) console.log(line);
}

async function main(): Promise<void> {
  const only = selectedScenarios();
  const want = (...s: Scenario[]): boolean => s.some((x) => only.has(x));
  const crs = want('chat-4k', 'doc-200k') ? crsRules() : null;
  if (PROF_DIR !== undefined) mkdirSync(PROF_DIR, { recursive: true });
  const problems: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'pcs-bench-'));
  const children: Child[] = [];
  let probeAgent: Agent | null = null;
  try {
    const ca = await createCa({ commonName: 'bench CA' });
    const server = await issueServerCert(ca, { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
    writeFileSync(join(dir, 'ca.pem'), ca.certPem);
    writeFileSync(join(dir, 'server.pem'), server.certPem);
    writeFileSync(join(dir, 'server-key.pem'), server.keyPem);
    probeAgent = new Agent({ connect: { ca: ca.certPem } });

    const key = generateKey();
    // Body limits: the gateway's limits.maxBodyBytes defaults to 32 MiB and the emulator's
    // to 16 MiB, far above doc-200k; the WAF inspects whatever the gateway accepts.
    const config = (emulatorUrl: string, waf: string): string => `
listeners:
  - { host: 127.0.0.1, port: 0, tls: { cert: server.pem, key: server-key.pem } }
network: { allow: [127.0.0.0/8] }
# autocannon ignores \`connection: close\`, so a per-socket request cap shows up as 503s.
limits: { maxRequestsPerSocket: 0 }
control: { enabled: false }
backends:
  - name: emu
    url: ${emulatorUrl}
    ca: ca.pem
    auth: { type: apiKey, key: { env: BENCH_BACKEND_KEY } }
deployments: [{ name: gpt-4o, backends: [emu] }]
keys: [{ id: bench, hash: "${hashKey(key)}", deployments: ["*"] }]
${waf}
${process.env.BENCH_EXTRA_YAML ?? ''}
`;
    // WAF on: CRS at paranoia level 1; the LLM rules (waf.llm, where the build has it) at their defaults.
    const wafYaml = crs === null ? '' : `waf:\n  mode: prevention\n  crs:\n    rulesDir: ${JSON.stringify(crs.dir)}\n    paranoiaLevel: 1\n`;
    const env = { ...process.env, BENCH_BACKEND_KEY: 'bench-backend-key' };

    // Only the processes the selected scenarios use.
    const fast = want('chat-json', 'chat-sse', 'chat-4k', 'doc-200k') ? await spawnChild(['emulator', dir, '0']) : null;
    if (fast !== null) children.push(fast);
    const startGateway = async (name: string, emulatorUrl: string, waf: string): Promise<Child> => {
      writeFileSync(join(dir, `${name}.yaml`), config(emulatorUrl, waf));
      const c = await spawnChild(['gateway', join(dir, `${name}.yaml`)], env);
      children.push(c);
      return c;
    };
    const gw = fast === null ? null : await startGateway('fast', fast.url, '');
    const gwWaf = fast === null || crs === null ? null : await startGateway('waf', fast.url, wafYaml);
    let floor: Child | null = null;
    if (fast !== null && want('chat-json', 'chat-sse')) {
      floor = await spawnChild(['floor', dir, fast.url]);
      children.push(floor);
    }

    console.log(`node ${process.version}, ${DURATION}s per run, ${CONNECTIONS} connections, TLS + API key on every path; scenarios: ${[...only].join(', ')}`);
    if (PROF_DIR !== undefined) console.log(`CPU profiles of the gateway runs in ${PROF_DIR} (profiling slows the gateway)`);

    const classic = ([['chat-json', 'chat (JSON)', JSON.stringify({ messages: [{ role: 'system', content: 'You are terse.' }, { role: 'user', content: 'Summarise the benefits of a reverse proxy in front of an LLM API.' }], max_tokens: 64 })],
      ['chat-sse', 'chat (SSE)', JSON.stringify({ messages: [{ role: 'user', content: 'Stream a short answer about gateways, please.' }], stream: true, stream_options: { include_usage: true } })]] as const)
      .filter(([id]) => only.has(id));
    if (classic.length > 0) {
      console.log('\nscenario        path       req/s    p50 ms    p99 ms   errors   ratio   CPU µs/req');
      for (const [id, name, body] of classic) {
        // Warm up every path (JIT, pools, TLS sessions) before measuring.
        await warm(fast!.url, ca.certPem, jsonHeaders('bench-backend-key'), body);
        await warm(gw!.url, ca.certPem, jsonHeaders(key), body);
        await warm(floor!.url, ca.certPem, jsonHeaders(key), body);
        const direct = await load(fast!.url, ca.certPem, jsonHeaders('bench-backend-key'), body);
        const f0 = await cpuOf(floor!);
        const bare = await load(floor!.url, ca.certPem, jsonHeaders(key), body);
        const f1 = await cpuOf(floor!);
        const via = await measure(gw!, ca.certPem, jsonHeaders(key), body, `${id}-gateway`);
        for (const [path, r] of [['direct', direct], ['bare', bare], ['gateway', via]] as const) if (r.errors > 0) problems.push(`${id} ${path}: ${r.errors} non-2xx/errors`);
        console.log(row(name, 'direct', direct));
        console.log(row('', 'bare', { ...bare, cpu: (f1 - f0) / Math.max(1, bare.requests) }, (bare.rps / direct.rps).toFixed(2)));
        console.log(row('', 'gateway', via, (via.rps / direct.rps).toFixed(2)));
      }
    }

    if (only.has('paced-sse')) {
      // Paced streams: the backend sends a chunk every 20 ms; compare arrival times.
      const paced = await spawnChild(['emulator', dir, '20']);
      children.push(paced);
      const gwPaced = await startGateway('paced', paced.url, '');
      const stream = JSON.stringify({ messages: [{ role: 'user', content: 'Stream a short answer about gateways, please.' }], stream: true, stream_options: { include_usage: true } });
      const runs = 20;
      let addedFirst = 0;
      let addedMean = 0;
      for (let i = 0; i < runs; i++) {
        const d = await chunkTimes(paced.url, probeAgent, 'bench-backend-key', stream);
        const g = await chunkTimes(gwPaced.url, probeAgent, key, stream);
        const n = Math.min(d.length, g.length);
        addedFirst += g[0]! - d[0]!;
        let sum = 0;
        for (let j = 0; j < n; j++) sum += g[j]! - d[j]!;
        addedMean += sum / n;
      }
      console.log(`\npaced SSE (a chunk every 20 ms, ${runs} streams): gateway adds ${(addedFirst / runs).toFixed(2)} ms to the first chunk and ${(addedMean / runs).toFixed(2)} ms per chunk on average`);
    }

    // Each request differs from the last as real traffic does (bodies.ts): a new last turn
    // after the same history, a new document; the bodies are built before the load starts.
    const wafScenarios = ([['chat-4k', chat4kBodies()], ['doc-200k', docBodies(200 * 1024)]] as const).filter(([id]) => only.has(id));
    if (wafScenarios.length > 0) {
      const headers: Headers = { ...SDK_HEADERS, 'api-key': key };
      const llmInConfig = 'llm' in WafConfigSchema.shape;
      console.log(`\nWAF on: prevention, paranoia level 1, ${crs!.label}`);
      console.log(`LLM rules: ${llmInConfig ? 'waf.llm at its defaults' : 'none (this build\'s waf config has no llm block)'}`);

      // The WAF must really be on: a SQL injection in `user` (not a prompt field, so the CRS scores it).
      const attack = chat4kBody("1' UNION SELECT username, password FROM users WHERE '1'='1");
      const blocked = await post(probeAgent, gwWaf!.url, headers, attack);
      if (blocked.status !== 403 || !blocked.text.includes('"waf_blocked"')) {
        throw new BenchAbort(`the WAF-on gateway did not block a SQL injection in "user": got ${blocked.status} ${blocked.text.slice(0, 300)}; expected 403 waf_blocked. Is the WAF configured (${crs!.dir})?`);
      }
      const passed = await post(probeAgent, gw!.url, headers, attack);
      if (passed.status !== 200) throw new BenchAbort(`the WAF-off gateway refused the SQL-injection probe: ${passed.status} ${passed.text.slice(0, 300)}; it should pass it (no WAF)`);
      // Informative: a GitHub token in a prompt is what the LLM rules redact (or block).
      const secret = await post(probeAgent, gwWaf!.url, headers, JSON.stringify({ messages: [{ role: 'user', content: 'Why does git push fail with my token ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5 ?' }] }));
      const llmSeen = secret.status === 403 ? 'blocked' : secret.text.includes('[REDACTED:') ? 'redacted' : secret.status === 200 ? 'passed unchanged' : `answered ${secret.status}`;
      console.log(`check: SQL injection in "user" → 403 waf_blocked with the WAF on, ${passed.status} with it off; a GitHub token in a prompt was ${llmSeen} (LLM rules)`);

      console.log(`\nscenario        WAF        req/s    p50 ms    p99 ms   errors    cost   CPU µs/req`);
      let chatCost: number | null = null;
      const profiles: [string, string, number][] = [];
      for (const [id, body] of wafScenarios) {
        const sample = body();
        // The benchmark body must be clean traffic on both: a refusal here would make the load all errors.
        for (const [name, c] of [['off', gw!], ['on', gwWaf!]] as const) {
          const r = await post(probeAgent, c.url, headers, sample);
          if (r.status !== 200) throw new BenchAbort(`${id}: the WAF-${name} gateway refused the benchmark body: ${r.status} ${r.text.slice(0, 300)}`);
        }
        await warm(gw!.url, ca.certPem, headers, body);
        await warm(gwWaf!.url, ca.certPem, headers, body);
        // The emulator's CPU per request too: on a small machine it shares the cores with the gateway.
        const e0 = await cpuOf(fast!);
        const [off, on] = await measureAlternately([{ gw: gw!, name: `${id}-waf-off` }, { gw: gwWaf!, name: `${id}-waf-on` }], ca.certPem, headers, body) as [RunResult & { profile: string | null }, RunResult & { profile: string | null }];
        const emu = ((await cpuOf(fast!)) - e0) / Math.max(1, off.requests + on.requests);
        for (const [name, r] of [['WAF off', off], ['WAF on', on]] as const) if (r.errors > 0) problems.push(`${id} ${name}: ${r.errors} non-2xx/errors`);
        const cost = 100 * (1 - on.rps / off.rps);
        if (id === 'chat-4k') chatCost = cost;
        const kb = `${(Buffer.byteLength(sample) / 1024).toFixed(0)} KiB`;
        console.log(row(id, 'off', off));
        console.log(row(`  ${kb}`, 'on', on, `${cost.toFixed(1)} %`));
        // Throughput cost is what this machine shows (client, emulator and gateway share its cores);
        // capacity cost is what it would be where the gateway's CPU is the bottleneck.
        console.log(`${''.padEnd(14)} WAF adds ${(on.cpu - off.cpu).toFixed(0)} µs gateway CPU per request (×${(on.cpu / off.cpu).toFixed(2)}: ${(100 * (1 - off.cpu / on.cpu)).toFixed(1)} % less capacity per gateway core); p50 ${on.p50 >= off.p50 ? '+' : ''}${(on.p50 - off.p50).toFixed(1)} ms; emulator ${emu.toFixed(0)} µs CPU per request`);
        if (on.profile !== null) profiles.push([id, on.profile, on.requests]);
      }
      console.log(`\ntarget: ≤ ${TARGET_COST_PCT} % cost for chat-4k${chatCost === null ? ' (chat-4k not run)' : ` (measured ${chatCost.toFixed(1)} %: ${chatCost <= TARGET_COST_PCT ? 'met' : 'MISSED'})`}`);
      for (const [id, file, requests] of profiles) {
        console.log(`\n${id}, WAF on:`);
        printProfile(file, requests);
      }
    }
  } finally {
    await probeAgent?.close();
    await Promise.all(children.map((c) => new Promise((r) => {
      c.proc.once('exit', r);
      c.proc.send('stop');
    })));
    rmSync(dir, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    console.error(`\nERROR: runs with non-2xx responses or errors (their numbers are not valid):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (err) {
  if (!(err instanceof BenchAbort)) throw err;
  console.error(`bench aborted: ${err.message}`);
  process.exitCode = 1;
}
