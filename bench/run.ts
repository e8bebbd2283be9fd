/**
 * `npm run bench`: load against the emulator directly and through the gateway (TLS and
 * API key on both paths), non-streaming and streaming, reported as ratios to direct,
 * plus the gateway's own CPU time per request. Then a paced-stream run that measures
 * the delay the gateway adds to each SSE chunk. "bare" is a minimal Node TLS proxy
 * (bench/children.ts, role floor): the runtime's own cost, for scale.
 *
 * BENCH_DURATION (seconds per run, default 10) and BENCH_CONNECTIONS (default 32).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Agent, request } from 'undici';
import { createCa, issueServerCert } from '../src/network/dev-ca.js';
import { generateKey, hashKey } from '../src/identity/key-hash.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const API_VERSION = '2024-10-21';
const PATH = `/openai/deployments/gpt-4o/chat/completions?api-version=${API_VERSION}`;
const here = dirname(fileURLToPath(import.meta.url));

interface Child {
  proc: ChildProcess;
  url: string;
}

function spawnChild(args: string[], env: NodeJS.ProcessEnv = process.env, execArgv: string[] = []): Promise<Child> {
  const proc = fork(join(here, 'children.js'), args, { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.once('message', (m) => resolve({ proc, url: (m as { url: string }).url }));
    proc.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

function cpuOf(child: Child): Promise<number> {
  return new Promise((resolve) => {
    child.proc.once('message', (m) => resolve((m as { cpu: number }).cpu));
    child.proc.send('cpu');
  });
}

interface RunResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

async function load(url: string, ca: string, apiKey: string, body: string): Promise<RunResult> {
  const r = await autocannon({
    url: `${url}${PATH}`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { 'api-key': apiKey, 'content-type': 'application/json' },
    body,
    tlsOptions: { ca },
  } as autocannon.Options);
  if (r.non2xx + r.errors + r.timeouts > 0) console.error('  non-2xx/errors:', JSON.stringify((r as unknown as { statusCodeStats: unknown }).statusCodeStats), r.errors, r.timeouts);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

async function warm(url: string, ca: string, apiKey: string, body: string): Promise<void> {
  await autocannon({ url: `${url}${PATH}`, method: 'POST', connections: CONNECTIONS, duration: 2, headers: { 'api-key': apiKey, 'content-type': 'application/json' }, body, tlsOptions: { ca } } as autocannon.Options);
}

/** Arrival time of each SSE chunk, relative to the request start. */
async function chunkTimes(url: string, agent: Agent, apiKey: string, body: string): Promise<number[]> {
  const t0 = performance.now();
  const res = await request(`${url}${PATH}`, { method: 'POST', headers: { 'api-key': apiKey, 'content-type': 'application/json' }, body, dispatcher: agent });
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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pcs-bench-'));
  const children: Child[] = [];
  try {
    const ca = await createCa({ commonName: 'bench CA' });
    const server = await issueServerCert(ca, { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
    writeFileSync(join(dir, 'ca.pem'), ca.certPem);
    writeFileSync(join(dir, 'server.pem'), server.certPem);
    writeFileSync(join(dir, 'server-key.pem'), server.keyPem);

    const fast = await spawnChild(['emulator', dir, '0']);
    const paced = await spawnChild(['emulator', dir, '20']);
    children.push(fast, paced);
    const key = generateKey();
    const config = (emulatorUrl: string): string => `
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
${process.env.BENCH_EXTRA_YAML ?? ''}
`;
    writeFileSync(join(dir, 'fast.yaml'), config(fast.url));
    writeFileSync(join(dir, 'paced.yaml'), config(paced.url));
    const env = { ...process.env, BENCH_BACKEND_KEY: 'bench-backend-key' };
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the gateway (open it in Chrome DevTools).
    const prof = process.env.BENCH_CPU_PROF;
    const gw = await spawnChild(['gateway', join(dir, 'fast.yaml')], env, prof === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${prof}`]);
    const gwPaced = await spawnChild(['gateway', join(dir, 'paced.yaml')], env);
    const floor = await spawnChild(['floor', dir, fast.url]);
    children.push(gw, gwPaced, floor);

    const chat = JSON.stringify({ messages: [{ role: 'system', content: 'You are terse.' }, { role: 'user', content: 'Summarise the benefits of a reverse proxy in front of an LLM API.' }], max_tokens: 64 });
    const stream = JSON.stringify({ messages: [{ role: 'user', content: 'Stream a short answer about gateways, please.' }], stream: true, stream_options: { include_usage: true } });

    console.log(`node ${process.version}, ${DURATION}s per run, ${CONNECTIONS} connections, TLS + API key on both paths\n`);
    console.log('scenario        path       req/s    p50 ms    p99 ms   errors   ratio   CPU µs/req');
    for (const [name, body] of [['chat (JSON)', chat], ['chat (SSE)', stream]] as const) {
      // Warm up both paths (JIT, pools, TLS sessions) before measuring.
      await warm(fast.url, ca.certPem, 'bench-backend-key', body);
      await warm(gw.url, ca.certPem, key, body);
      await warm(floor.url, ca.certPem, key, body);
      const direct = await load(fast.url, ca.certPem, 'bench-backend-key', body);
      const f0 = await cpuOf(floor);
      const bare = await load(floor.url, ca.certPem, key, body);
      const f1 = await cpuOf(floor);
      const cpu0 = await cpuOf(gw);
      const via = await load(gw.url, ca.certPem, key, body);
      const cpu1 = await cpuOf(gw);
      const perReq = (cpu1 - cpu0) / Math.max(1, via.requests);
      console.log(`${name.padEnd(14)} direct ${fmt(direct.rps)} ${fmt(direct.p50, 1)} ${fmt(direct.p99, 1)} ${fmt(direct.errors)}`);
      console.log(`${''.padEnd(14)} bare   ${fmt(bare.rps)} ${fmt(bare.p50, 1)} ${fmt(bare.p99, 1)} ${fmt(bare.errors)} ${fmt(bare.rps / direct.rps, 2).slice(2)} ${fmt((f1 - f0) / Math.max(1, bare.requests))}`);
      console.log(`${''.padEnd(14)} gateway${fmt(via.rps)} ${fmt(via.p50, 1)} ${fmt(via.p99, 1)} ${fmt(via.errors)} ${fmt(via.rps / direct.rps, 2).slice(2)} ${fmt(perReq)}`);
    }

    // Paced streams: the backend sends a chunk every 20 ms; compare arrival times.
    const agent = new Agent({ connect: { ca: ca.certPem } });
    const runs = 20;
    let addedFirst = 0;
    let addedMean = 0;
    for (let i = 0; i < runs; i++) {
      const d = await chunkTimes(paced.url, agent, 'bench-backend-key', stream);
      const g = await chunkTimes(gwPaced.url, agent, key, stream);
      const n = Math.min(d.length, g.length);
      addedFirst += g[0]! - d[0]!;
      let sum = 0;
      for (let j = 0; j < n; j++) sum += g[j]! - d[j]!;
      addedMean += sum / n;
    }
    await agent.close();
    console.log(`\npaced SSE (a chunk every 20 ms, ${runs} streams): gateway adds ${(addedFirst / runs).toFixed(2)} ms to the first chunk and ${(addedMean / runs).toFixed(2)} ms per chunk on average`);
  } finally {
    await Promise.all(children.map((c) => new Promise((r) => {
      c.proc.once('exit', r);
      c.proc.send('stop');
    })));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
