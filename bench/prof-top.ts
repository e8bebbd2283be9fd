/**
 * Summary of a V8 CPU profile (.cpuprofile): the functions with the most self time, and
 * how much time was spent under the WAF (any frame in src/waf/ on the stack).
 * run.ts prints it for the WAF-on runs; by hand: `node dist/bench/prof-top.js <file> [n] [requests]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  /** Sampled time not idle, in µs. */
  busyUs: number;
  /** Of which with a src/waf/ frame on the stack. */
  wafUs: number;
  /** Functions by self time, most first. */
  top: Entry[];
  /** The same over the samples with a src/waf/ frame on the stack: what the WAF costs, by function. */
  topWaf: Entry[];
}

interface Entry {
  name: string;
  where: string;
  selfUs: number;
  /** The function is in src/waf/. */
  waf: boolean;
}

const SPECIAL = new Set(['(idle)']);

function where(url: string, line: number): string {
  if (url === '') return '';
  const dist = url.indexOf('/dist/');
  const file = dist >= 0 ? url.slice(dist + 6) : url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '');
  return `${file}:${line + 1}`;
}

const isWaf = (url: string): boolean => url.includes('/src/waf/');

export function summarise(p: CpuProfile, n = 10): ProfileSummary {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of p.nodes) {
    byId.set(node.id, node);
    for (const c of node.children ?? []) parent.set(c, node.id);
  }
  // Whether a node has a WAF frame at or above it (memoised walk to the root).
  const underWaf = new Map<number, boolean>();
  const wafOf = (id: number): boolean => {
    const known = underWaf.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const up = parent.get(id);
    const v = isWaf(node.callFrame.url) || (up !== undefined && wafOf(up));
    underWaf.set(id, v);
    return v;
  };
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  const self = new Map<string, Entry>();
  const selfWaf = new Map<string, Entry>();
  const add = (m: Map<string, Entry>, key: string, e: Entry, dt: number): void => {
    const cur = m.get(key) ?? { ...e, selfUs: 0 };
    cur.selfUs += dt;
    m.set(key, cur);
  };
  let busyUs = 0;
  let wafUs = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample stands for the time until the next one.
    const dt = Math.max(0, deltas[i + 1] ?? 0);
    const node = byId.get(samples[i]!)!;
    const f = node.callFrame;
    if (SPECIAL.has(f.functionName)) continue;
    busyUs += dt;
    const name = f.functionName === '' ? '(anonymous)' : f.functionName;
    const w = where(f.url, f.lineNumber);
    const key = `${name} ${w}`;
    const e = { name, where: w, selfUs: 0, waf: isWaf(f.url) };
    add(self, key, e, dt);
    if (wafOf(node.id)) {
      wafUs += dt;
      add(selfWaf, key, e, dt);
    }
  }
  const most = (m: Map<string, Entry>): Entry[] => [...m.values()].sort((a, b) => b.selfUs - a.selfUs).slice(0, n);
  return { busyUs, wafUs, top: most(self), topWaf: most(selfWaf) };
}

/** Lines for the terminal; per-request figures when the number of requests is known. */
export function formatSummary(s: ProfileSummary, requests: number, indent = '  '): string[] {
  const perReq = (us: number): string => (us / Math.max(1, requests)).toFixed(1).padStart(7);
  const pct = (us: number): string => `${((100 * us) / Math.max(1, s.busyUs)).toFixed(1).padStart(5)} %`;
  const lines = [
    `${indent}sampled CPU ${perReq(s.busyUs)} µs/req; under src/waf/ (inclusive) ${perReq(s.wafUs)} µs/req = ${pct(s.wafUs)}`,
  ];
  for (const [title, list] of [['top self time, whole gateway', s.top], ['top self time under src/waf/ (W: a function in src/waf/)', s.topWaf]] as const) {
    lines.push(`${indent}${title}:`, `${indent}     µs/req   share`);
    for (const t of list) lines.push(`${indent}  ${t.waf ? 'W' : ' '} ${perReq(t.selfUs)}  ${pct(t.selfUs)}  ${t.name}  ${t.where}`);
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, n, requests] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: node dist/bench/prof-top.js <file.cpuprofile> [top=20] [requests=1]');
    process.exit(2);
  }
  const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(n ?? 20));
  console.log(formatSummary(s, Number(requests ?? 1), '').join('\n'));
}
