/**
 * Scores a WAF against the corpus: per-category detection and false-positive rates, the
 * headline measures with their targets, and the list of misses and false positives.
 *
 * What counts (per case's `expect`):
 *   allow   passes when nothing blocked and nothing was redacted; a log-only finding is fine.
 *           Failing it is a false positive.
 *   block   passes when the request was blocked.
 *   redact  passes when the request was redacted or blocked.
 *   detect  passes on any finding at all (block, redact or log).
 * A `run` that throws fails its case (a miss for an attack, a false positive for benign
 * traffic: the caller's request would not have gone through) and is listed under errors.
 */
import type { CorpusCase, Expect, Family } from './types.js';
import { CATEGORIES, familyOf, subCategory } from './types.js';

export interface RunResult {
  readonly blocked: boolean;
  readonly redacted: boolean;
  /** Rule ids that fired (CRS ids such as `942100`, LLM ids such as `llm.secret.iban`). */
  readonly findings: readonly string[];
}

export type Runner = (c: CorpusCase) => Promise<RunResult>;

export interface Outcome {
  readonly id: string;
  readonly category: string;
  readonly family: Family;
  readonly expect: Expect;
  readonly blocked: boolean;
  readonly redacted: boolean;
  readonly findings: readonly string[];
  /** The case got the treatment it expects. */
  readonly pass: boolean;
  readonly error?: string;
  readonly tags?: readonly string[];
}

export interface Rate {
  readonly hits: number;
  readonly total: number;
  /** hits / total, or null when total is 0. */
  readonly rate: number | null;
}

export interface CategoryStats {
  readonly category: string;
  readonly family: Family;
  readonly expect: Expect;
  readonly total: number;
  /** Attacks: detected (passed). Benign: false positives. */
  readonly count: number;
  /** Attacks: detection rate. Benign: false-positive rate. */
  readonly rate: number | null;
  /** Benign only: cases with a log-only finding (not false positives; shown for tuning). */
  readonly logOnly: number;
  /** secret.* only: detected cases whose findings name the planted type (`…secret.<type>`). */
  readonly typed?: number;
  readonly errors: number;
}

export interface TargetResult {
  readonly name: string;
  readonly measure: Rate;
  readonly op: '>=' | '<=';
  readonly target: number;
  readonly met: boolean | null;
}

export interface CorpusReport {
  readonly total: number;
  readonly outcomes: readonly Outcome[];
  readonly categories: readonly CategoryStats[];
  readonly summary: {
    readonly webAttackDetection: Rate;
    readonly benignFalsePositive: Rate;
    readonly secretDetection: Rate;
    readonly injectionDetection: Rate;
    readonly ssrfDetection: Rate;
    /** `instruction_override` → rate, … */
    readonly injectionByCategory: Readonly<Record<string, Rate>>;
    /** Injection cases tagged `multilingual`, across categories. */
    readonly injectionMultilingual: Rate;
    /** `sqli` → rate over web.sqli.*, `xss` → …, `php` → … */
    readonly webByGroup: Readonly<Record<string, Rate>>;
  };
  readonly targets: readonly TargetResult[];
  /** Attacks that were not detected, in CATEGORIES order, then by id. */
  readonly misses: readonly Outcome[];
  /** Benign cases that were blocked or redacted (or whose run failed), in CATEGORIES order, then by id. */
  readonly falsePositives: readonly Outcome[];
  /** Cases whose run threw. */
  readonly errors: readonly Outcome[];
}

export interface Targets {
  readonly webAttackDetection: number;
  readonly benignFalsePositive: number;
  readonly secretDetection: number;
}

/** The project's targets: web ≥ 95 %, benign FP ≤ 0.5 %, secrets/PII ≥ 95 %. */
export const DEFAULT_TARGETS: Targets = { webAttackDetection: 0.95, benignFalsePositive: 0.005, secretDetection: 0.95 };

export interface ScoreOptions {
  /** Cases run at once (default 1: in corpus order, one at a time). */
  readonly concurrency?: number;
  readonly targets?: Partial<Targets>;
  readonly onProgress?: (done: number, total: number) => void;
}

export function passes(expect: Expect, r: RunResult): boolean {
  switch (expect) {
    case 'allow': return !r.blocked && !r.redacted;
    case 'block': return r.blocked;
    case 'redact': return r.redacted || r.blocked;
    case 'detect': return r.blocked || r.redacted || r.findings.length > 0;
  }
}

function rate(hits: number, total: number): Rate {
  return { hits, total, rate: total === 0 ? null : hits / total };
}

function rateOf(outs: readonly Outcome[], hit: (o: Outcome) => boolean): Rate {
  return rate(outs.filter(hit).length, outs.length);
}

async function runAll(cases: readonly CorpusCase[], run: Runner, opts: ScoreOptions): Promise<Outcome[]> {
  const out = new Array<Outcome>(cases.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= cases.length) return;
      const c = cases[i]!;
      const base = { id: c.id, category: c.category, family: familyOf(c.category), expect: c.expect, ...(c.tags ? { tags: c.tags } : {}) };
      try {
        const r = await run(c);
        out[i] = { ...base, blocked: r.blocked, redacted: r.redacted, findings: [...r.findings], pass: passes(c.expect, r) };
      } catch (e) {
        out[i] = { ...base, blocked: false, redacted: false, findings: [], pass: false, error: e instanceof Error ? e.message : String(e) };
      }
      opts.onProgress?.(++done, cases.length);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 1, cases.length || 1));
  await Promise.all(Array.from({ length: n }, worker));
  return out;
}

/** Builds the report from outcomes already collected (useful when the runner is elsewhere). */
export function summarise(outcomes: readonly Outcome[], cases: readonly CorpusCase[], targets: Partial<Targets> = {}): CorpusReport {
  const t: Targets = { ...DEFAULT_TARGETS, ...targets };
  const byCat = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    let l = byCat.get(o.category);
    if (l === undefined) byCat.set(o.category, (l = []));
    l.push(o);
  }
  const order = Object.keys(CATEGORIES);
  const cats = [...byCat.keys()].sort((a, b) => (order.indexOf(a) - order.indexOf(b)) || a.localeCompare(b));
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const rank = (o: Outcome): number => {
    const i = order.indexOf(o.category);
    return i === -1 ? order.length : i;
  };
  const byCategoryOrder = (outs: Outcome[]): Outcome[] => outs.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));

  const categories: CategoryStats[] = cats.map((category) => {
    const outs = byCat.get(category)!;
    const family = familyOf(category);
    const benign = family === 'benign';
    const count = benign ? outs.filter((o) => !o.pass).length : outs.filter((o) => o.pass).length;
    const stats: CategoryStats = {
      category, family, expect: outs[0]!.expect, total: outs.length, count, rate: outs.length === 0 ? null : count / outs.length,
      logOnly: benign ? outs.filter((o) => o.pass && o.findings.length > 0).length : 0,
      errors: outs.filter((o) => o.error !== undefined).length,
    };
    if (family === 'secret') {
      const type = subCategory(category);
      const typed = outs.filter((o) => o.pass && o.findings.some((f) => f.endsWith(`secret.${type}`) || f.endsWith(`.${type}`))).length;
      return { ...stats, typed };
    }
    return stats;
  });

  const fam = (f: Family): Outcome[] => outcomes.filter((o) => o.family === f);
  const injectionByCategory: Record<string, Rate> = {};
  for (const c of cats.filter((c) => familyOf(c) === 'injection')) injectionByCategory[subCategory(c)] = rateOf(byCat.get(c)!, (o) => o.pass);
  const webByGroup: Record<string, Rate> = {};
  for (const g of [...new Set(cats.filter((c) => familyOf(c) === 'web').map((c) => subCategory(c).split('.')[0]!))]) {
    webByGroup[g] = rateOf(fam('web').filter((o) => subCategory(o.category).split('.')[0] === g), (o) => o.pass);
  }
  const isMultilingual = (o: Outcome): boolean => (o.tags ?? caseById.get(o.id)?.tags ?? []).includes('multilingual');

  const summary = {
    webAttackDetection: rateOf(fam('web'), (o) => o.pass),
    benignFalsePositive: rateOf(fam('benign'), (o) => !o.pass),
    secretDetection: rateOf(fam('secret'), (o) => o.pass),
    injectionDetection: rateOf(fam('injection'), (o) => o.pass),
    ssrfDetection: rateOf(fam('ssrf'), (o) => o.pass),
    injectionByCategory,
    injectionMultilingual: rateOf(fam('injection').filter(isMultilingual), (o) => o.pass),
    webByGroup,
  };
  const target = (name: string, measure: Rate, op: '>=' | '<=', value: number): TargetResult => ({
    name, measure, op, target: value, met: measure.rate === null ? null : op === '>=' ? measure.rate >= value : measure.rate <= value,
  });
  return {
    total: outcomes.length,
    outcomes,
    categories,
    summary,
    targets: [
      target('Web-layer attack detection', summary.webAttackDetection, '>=', t.webAttackDetection),
      target('Benign false-positive rate', summary.benignFalsePositive, '<=', t.benignFalsePositive),
      target('Secret/PII detection', summary.secretDetection, '>=', t.secretDetection),
    ],
    misses: byCategoryOrder(outcomes.filter((o) => o.family !== 'benign' && !o.pass)),
    falsePositives: byCategoryOrder(outcomes.filter((o) => o.family === 'benign' && !o.pass)),
    errors: outcomes.filter((o) => o.error !== undefined),
  };
}

/** Runs every case through `run` and scores the results. */
export async function scoreCorpus(cases: readonly CorpusCase[], run: Runner, opts: ScoreOptions = {}): Promise<CorpusReport> {
  const outcomes = await runAll(cases, run, opts);
  return summarise(outcomes, cases, opts.targets);
}

// ---------------------------------------------------------------- Markdown

function pct(r: number | null): string {
  return r === null ? '–' : `${(Math.round(r * 1000) / 10).toFixed(1)} %`;
}

function fmtRate(r: Rate): string {
  return r.total === 0 ? 'no cases' : `${pct(r.rate)} (${r.hits}/${r.total})`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function fired(o: Outcome, max = 8): string {
  if (o.error !== undefined) return `error: ${cell(o.error.slice(0, 120))}`;
  if (o.findings.length === 0) return '—';
  const uniq = [...new Set(o.findings)];
  const shown = uniq.slice(0, max).map((f) => `\`${cell(f)}\``).join(', ');
  return uniq.length > max ? `${shown} (+${uniq.length - max})` : shown;
}

export interface FormatOptions {
  /** At most this many rows in each of the misses / false-positives lists (default: all). */
  readonly maxList?: number;
  /** Heading level of the top heading (default 2). */
  readonly headingLevel?: number;
  readonly title?: string;
}

/** A Markdown report: headline table, injection and per-category tables, misses and false positives. */
export function formatReport(report: CorpusReport, opts: FormatOptions = {}): string {
  const h = (n: number): string => '#'.repeat(Math.min(6, (opts.headingLevel ?? 2) + n));
  const s = report.summary;
  const lines: string[] = [];
  lines.push(`${h(0)} ${opts.title ?? 'WAF corpus results'}`, '');
  lines.push(`${report.total} requests: ${s.benignFalsePositive.total} benign, ${s.webAttackDetection.total} web attacks, ${s.secretDetection.total} secrets/PII, ${s.injectionDetection.total} prompt injections, ${s.ssrfDetection.total} SSRF.`, '');
  lines.push('| Measure | Result | Target | Met |', '|---|---:|---:|:---:|');
  for (const t of report.targets) lines.push(`| ${t.name} | ${fmtRate(t.measure)} | ${t.op === '>=' ? '≥' : '≤'} ${pct(t.target)} | ${t.met === null ? '–' : t.met ? 'yes' : '**no**'} |`);
  lines.push(`| Prompt-injection detection (all) | ${fmtRate(s.injectionDetection)} | reported | – |`);
  lines.push(`| SSRF detection | ${fmtRate(s.ssrfDetection)} | reported | – |`);
  lines.push('');

  lines.push(`${h(1)} Prompt injection by category`, '', '| Category | Detected |', '|---|---:|');
  for (const [k, r] of Object.entries(s.injectionByCategory)) lines.push(`| ${k} | ${fmtRate(r)} |`);
  lines.push(`| *multilingual (any category)* | ${fmtRate(s.injectionMultilingual)} |`, '');

  lines.push(`${h(1)} Web attacks by group`, '', '| Group | Detected |', '|---|---:|');
  for (const [k, r] of Object.entries(s.webByGroup)) lines.push(`| ${k} | ${fmtRate(r)} |`);
  lines.push('');

  lines.push(`${h(1)} Per category`, '', '| Category | Cases | Expect | Detected / false positives | Rate | Notes |', '|---|---:|---|---:|---:|---|');
  for (const c of report.categories) {
    const benign = c.family === 'benign';
    const notes: string[] = [];
    if (benign && c.logOnly > 0) notes.push(`${c.logOnly} log-only`);
    if (c.typed !== undefined) notes.push(`${c.typed} typed`);
    if (c.errors > 0) notes.push(`${c.errors} errors`);
    lines.push(`| ${c.category} | ${c.total} | ${c.expect} | ${benign ? `${c.count} FP` : `${c.count} detected`} | ${pct(c.rate)}${benign ? ' FP' : ''} | ${notes.join(', ')} |`);
  }
  lines.push('');

  const list = (title: string, outs: readonly Outcome[], withAction: boolean): void => {
    lines.push(`${h(1)} ${title} (${outs.length})`, '');
    if (outs.length === 0) {
      lines.push('None.', '');
      return;
    }
    lines.push(withAction ? '| Case | Category | Action | Rules fired |' : '| Case | Category | Rules fired |', withAction ? '|---|---|---|---|' : '|---|---|---|');
    const shown = opts.maxList === undefined ? outs : outs.slice(0, opts.maxList);
    for (const o of shown) {
      const action = o.error !== undefined ? 'error' : [o.blocked ? 'blocked' : '', o.redacted ? 'redacted' : ''].filter(Boolean).join(' + ');
      lines.push(withAction ? `| \`${o.id}\` | ${o.category} | ${action} | ${fired(o)} |` : `| \`${o.id}\` | ${o.category} | ${fired(o)} |`);
    }
    if (shown.length < outs.length) lines.push('', `…and ${outs.length - shown.length} more.`);
    lines.push('');
  };
  list('Misses: attacks not detected', report.misses, false);
  list('False positives: benign requests blocked or redacted', report.falsePositives, true);
  if (report.errors.length > 0) list('Errors: the run threw', report.errors, false);
  return lines.join('\n');
}
