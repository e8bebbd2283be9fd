/**
 * Load-time evaluation of the rules whose outcome is the same on every request.
 *
 * Why: a CRS transaction starts by running ~40 rules that only copy the crs-setup
 * settings into TX (901xxx), and every rule file opens with paranoia-level checks
 * (`SecRule TX:DETECTION_PARANOIA_LEVEL "@lt 2" … skipAfter:END-…`). Those read TX keys
 * that no request can change, so their outcome is fixed once the rule set is loaded;
 * evaluated per request they were a third of the engine's rule evaluations.
 *
 * How: one walk over each phase in order (phase 1, then 2, with the TX state carried),
 * tracking which TX keys hold a value known at load and which may differ per request.
 * A rule is folded when it is a plain TX rule (targets `TX:key` or `&TX:key`, nolog,
 * pass, no chain, no capture, setvar on TX only, every macro a TX key) and every key it
 * reads is known at that point. It is evaluated right there, and replaced in place:
 * - by an `assign` entry with the TX writes it made (nothing when it made none);
 * - plus a `jump` entry when it skips ahead (skipAfter);
 * - by nothing at all when it never matches.
 * A rule whose condition alone reads only known keys and never holds is dropped too,
 * even when its actions read request-dependent keys (CRS 949053 and the like).
 * Folded entries keep their place, so what runs before and after them sees the same
 * TX as before. A ctl that may remove rules at run time still removes folded ones (the
 * entries keep their rule).
 *
 * What makes a key unknown: any write by a rule that is not folded (by name, by the
 * pattern of a macro name, TX:0–9 for captures); a write inside a stretch a run-time
 * rule may skip (skipAfter, allow), from the end of that stretch on; a write by a
 * folded rule that a ctl seen earlier may remove. Entries a folded jump always skips are
 * dropped, unless some other jump may land among them.
 */
import { inRanges, type MatchAction } from './actions.js';
import { compileMacro, expandMacro, type Macro, type MacroScope } from './macro.js';
import type { CompiledAssign, CompiledJump, CompiledPhase, CompiledRule, PhaseEntry, ProgramEntry } from './rule.js';
import type { IdRange } from '../seclang/ast.js';
import type { OperatorContext } from '../operators/operator.js';
import { toInt } from './transaction.js';

const MATCHED = /^MATCHED_VARS?(?:_NAMES?)?$|^MATCHED_VAR_NAME$/;

/** TX keys that may differ per request, as the walk goes. */
class Unknown {
  readonly keys = new Set<string>();
  readonly patterns: RegExp[] = [];
  all = false;

  has(key: string): boolean {
    return this.all || this.keys.has(key) || this.patterns.some((p) => p.test(key));
  }

  addWrites(w: Writes): void {
    for (const k of w.keys) this.keys.add(k);
    for (const p of w.patterns) if (!this.patterns.some((q) => q.source === p.source)) this.patterns.push(p);
    if (w.all) this.all = true;
  }
}

/** TX keys a rule writes: by name, by the shape of a macro name, or any. */
interface Writes {
  readonly keys: Set<string>;
  readonly patterns: RegExp[];
  all: boolean;
}

const noWrites = (): Writes => ({ keys: new Set(), patterns: [], all: false });

/** A stretch a run-time rule may skip: its writes become unknown once it ends. */
interface OpenRange {
  /** Index in the phase's entries where the stretch ends (a marker, or the phase's length). */
  readonly end: number;
  readonly writes: Writes;
}

interface Removal {
  readonly ranges: readonly IdRange[] | null;
  readonly tag: string | null;
}

export function foldTx(phases: readonly CompiledPhase[], all: readonly CompiledRule[]): void {
  let readsPrevious = false;
  for (const r of all) {
    // A chain starter that reads MATCHED_VAR(S) sees the rule before it: a folded rule
    // that matched would not have set them. No CRS release does this; if a rule set
    // does, rules that can match are not folded.
    if (r.starter && (r.targets.some((t) => MATCHED.test(t.collection)) || refsOf(r.argument).some((x) => MATCHED.test(x.collection)))) readsPrevious = true;
  }
  const values = new Map<string, string>();
  const unknown = new Unknown();
  const removals: Removal[] = [];
  for (const p of [1, 2]) {
    const phase = phases[p];
    if (phase === undefined) continue;
    // `skip:n` counts entries as written; a rewritten phase would land elsewhere.
    if (phase.entries.some((e) => e.kind === 'rule' && e.actions.skip > 0)) return;
    foldPhase(phase, { values, unknown, removals, readsPrevious });
  }
}

interface WalkState {
  readonly values: Map<string, string>;
  readonly unknown: Unknown;
  readonly removals: Removal[];
  readonly readsPrevious: boolean;
}

/**
 * Folds one phase. A ctl:ruleEngine needs no care: Off ends the transaction wherever it
 * is, and DetectionOnly only changes what deny does, which folded rules never do.
 */
function foldPhase(phase: CompiledPhase, s: WalkState): void {
  const entries = phase.entries;
  const n = entries.length;
  const landings = landingsOf(phase);
  const out: (ProgramEntry | { kind: 'pending-jump'; rule: CompiledRule; target: number })[] = [];
  const open: OpenRange[] = [];
  const forget = (w: Writes): void => {
    s.unknown.addWrites(w);
    for (const k of w.keys) s.values.delete(k);
    if (w.all) s.values.clear();
    for (const re of w.patterns) for (const k of [...s.values.keys()]) if (re.test(k)) s.values.delete(k);
  };
  const written = (w: Writes): void => {
    for (const o of open) {
      for (const k of w.keys) o.writes.keys.add(k);
      o.writes.patterns.push(...w.patterns);
      if (w.all) o.writes.all = true;
    }
  };

  let i = 0;
  while (i < n) {
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k]!.end <= i) {
        forget(open[k]!.writes);
        open.splice(k, 1);
      }
    }
    const e = entries[i]!;
    if (e.kind === 'marker') {
      out.push(e);
      i++;
      continue;
    }
    if (neverMatches(e, s)) {
      i++;
      continue;
    }
    const removable = s.removals.some((x) => removes(x, e));
    const folded = foldable(e, s) ? evaluateAtLoad(e, s) : null;
    if (folded === null) {
      // Run-time rule: what it writes is unknown from here on; its flow opens a stretch.
      out.push(e);
      const w = writesOf(e);
      forget(w);
      written(w);
      for (let link: CompiledRule | null = e; link !== null; link = link.chain) {
        for (const a of link.actions.matchActions) {
          if (a.kind === 'remove_ids') s.removals.push({ ranges: a.ranges, tag: null });
          else if (a.kind === 'remove_tag') s.removals.push({ ranges: null, tag: a.tag.toLowerCase() });
        }
      }
      if (e.actions.skipAfter !== null) open.push({ end: markerAfter(phase, e.actions.skipAfter, i) ?? n, writes: noWrites() });
      else if (e.disruptive === 'allow' || e.disruptive === 'allow_phase' || e.disruptive === 'allow_request') open.push({ end: n, writes: noWrites() });
      i++;
      continue;
    }
    const w: Writes = { keys: new Set(folded.writes.map(([k]) => k)), patterns: [], all: false };
    if (folded.writes.length > 0) out.push({ kind: 'assign', rule: e, writes: folded.writes } satisfies CompiledAssign);
    written(w);
    // A ctl seen earlier may remove this rule: then its writes did not happen.
    if (removable) forget(w);
    if (!folded.jumps) {
      i++;
      continue;
    }
    const target = markerAfter(phase, e.actions.skipAfter!, i) ?? n;
    if (!landsBetween(landings, i, target) && (!removable || removedTogether(e, entries, i, target, s.removals))) {
      // Always skipped, and no other jump lands in between: those entries never run.
      i = target;
      continue;
    }
    out.push({ kind: 'pending-jump', rule: e, target });
    open.push({ end: target, writes: noWrites() });
    i++;
  }
  for (const o of open) forget(o.writes);

  // Indexes change: markers and jumps are resolved in the new program.
  const program: ProgramEntry[] = [];
  const at = new Map<number, number>();
  const pendingTargets: { index: number; target: number }[] = [];
  for (const e of out) {
    if (e.kind === 'pending-jump') {
      pendingTargets.push({ index: program.length, target: e.target });
      program.push({ kind: 'jump', rule: e.rule, to: -1 });
    } else {
      if (e.kind === 'marker') at.set(entries.indexOf(e), program.length);
      program.push(e);
    }
  }
  for (const { index, target } of pendingTargets) {
    const j = program[index] as CompiledJump;
    program[index] = { ...j, to: target >= n ? program.length : at.get(target)! };
  }
  const markers = new Map<string, number[]>();
  program.forEach((e, idx) => {
    if (e.kind === 'marker') (markers.get(e.name) ?? markers.set(e.name, []).get(e.name)!).push(idx);
  });
  phase.program = { entries: program, markers };
}

const removes = (x: Removal, r: CompiledRule): boolean => (x.ranges !== null && inRanges(x.ranges, r.numericId)) || (x.tag !== null && r.tags.includes(x.tag));

/**
 * True when every ctl that may remove the jump also removes every rule it skips (CRS's
 * `ctl:ruleRemoveByTag=OWASP_CRS`): with the jump gone, those rules are gone too.
 */
function removedTogether(jump: CompiledRule, entries: readonly PhaseEntry[], from: number, to: number, removals: readonly Removal[]): boolean {
  for (const x of removals) {
    if (!removes(x, jump)) continue;
    for (let k = from + 1; k < to; k++) {
      const e = entries[k]!;
      if (e.kind === 'rule' && !removes(x, e)) return false;
    }
  }
  return true;
}

/** The index of the next marker of that name after `from`, as runPhase looks for it. */
function markerAfter(phase: CompiledPhase, name: string, from: number): number | undefined {
  return phase.markers.get(name)?.find((m) => m > from);
}

/** For each marker index, the indexes of the rules whose skipAfter resumes there (once per phase). */
function landingsOf(phase: CompiledPhase): Map<number, number[]> {
  const out = new Map<number, number[]>();
  phase.entries.forEach((e, r) => {
    if (e.kind !== 'rule' || e.actions.skipAfter === null) return;
    const at = markerAfter(phase, e.actions.skipAfter, r);
    if (at === undefined) return;
    const list = out.get(at);
    if (list === undefined) out.set(at, [r]);
    else list.push(r);
  });
  return out;
}

/** True when some other rule's skipAfter may resume at a marker strictly between `from` and `to`. */
function landsBetween(landings: ReadonlyMap<number, readonly number[]>, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    const sources = landings.get(k);
    if (sources !== undefined && sources.some((r) => r !== from)) return true;
  }
  return false;
}

function refsOf(m: Macro | null): { collection: string; key: string | null }[] {
  if (m === null || m.constant !== null) return [];
  return m.parts.filter((p): p is { collection: string; key: string | null } => typeof p !== 'string');
}

/** What a rule (with its chain) may write to TX at run time. */
function writesOf(r: CompiledRule): Writes {
  const w = noWrites();
  for (let link: CompiledRule | null = r; link !== null; link = link.chain) {
    if (link.actions.capture) for (let d = 0; d <= 9; d++) w.keys.add(String(d));
    for (const a of link.actions.matchActions) {
      if (a.kind !== 'setvar' || a.collection !== 'TX') continue;
      if (a.name.constant !== null) w.keys.add(a.name.constant);
      else w.patterns.push(namePattern(a.name));
    }
  }
  return w;
}

/** A macro name (`tx.%{rule.id}-owasp_crs/…`) as the keys it can produce: literals kept, lookups any text. */
function namePattern(m: Macro): RegExp {
  const src = m.parts.map((p) => (typeof p === 'string' ? p.toLowerCase().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : '[^]*')).join('');
  return new RegExp(`^${src}$`);
}

/** Plain TX rule: its outcome depends only on TX keys, and its only effects are TX writes and flow. */
function foldable(r: CompiledRule, s: WalkState): boolean {
  if (!r.starter || r.chain !== null || r.log || r.disruptive !== 'pass') return false;
  if (r.actions.capture || r.actions.multiMatch || r.actions.skip > 0 || r.retargetable) return false;
  if (!r.isAction && s.readsPrevious) return false;
  for (const t of r.targets) {
    if (t.collection !== 'TX' || t.selector === null || t.selector.kind !== 'key' || t.exclusions !== null) return false;
    if (s.unknown.has(t.selector.key)) return false;
  }
  if (r.exclusions !== null && r.exclusions.length > 0) return false;
  const txOnly = (m: Macro | null): boolean => refsOf(m).every((x) => x.collection === 'TX' && x.key !== null && !s.unknown.has(x.key));
  if (!txOnly(r.argument)) return false;
  for (const a of r.actions.matchActions) {
    if (a.kind !== 'setvar' || a.collection !== 'TX' || a.name.constant === null || !txOnly(a.value)) return false;
  }
  return true;
}

/** Runs a foldable rule on the known TX, as Transaction.evaluate/test/setvar would. */
function evaluateAtLoad(r: CompiledRule, s: WalkState): { writes: [string, string | null][]; jumps: boolean } {
  const scope = knownTx(s);
  const writes: [string, string | null][] = [];
  const run = (actions: readonly MatchAction[]): void => {
    for (const a of actions) {
      if (a.kind !== 'setvar') continue;
      const name = a.name.constant!;
      if (a.op === 'delete') {
        s.values.delete(name);
        writes.push([name, null]);
        continue;
      }
      const value = expandMacro(a.value, scope);
      const next = a.op === 'set' ? value : String(a.op === 'add' ? toInt(s.values.get(name)) + toInt(value) : toInt(s.values.get(name)) - toInt(value));
      s.values.set(name, next);
      writes.push([name, next]);
    }
  };
  if (r.isAction) {
    run(r.actions.matchActions);
    return { writes, jumps: r.actions.skipAfter !== null };
  }
  // Actions run as each value matches: a later target may read what an earlier match set.
  const matches = forEachMatch(r, s, () => run(r.actions.matchActions));
  return { writes, jumps: matches > 0 && r.actions.skipAfter !== null };
}

/** TX as known at this point of the walk, as a macro scope (an unknown key never gets here). */
function knownTx(s: WalkState): MacroScope {
  return { lookup: (collection, key) => (collection === 'TX' && key !== null ? (s.values.get(key) ?? '') : '') };
}

/**
 * Runs a TX rule's operator on each of its values, on the known TX, as Transaction.test
 * would, calling `onMatch` after each match; returns how many matched.
 */
function forEachMatch(r: CompiledRule, s: WalkState, onMatch?: () => void): number {
  const scope = knownTx(s);
  const ctx: OperatorContext = { captures: null, expand: (text: string) => expandMacro(compileMacro(text), scope) };
  let n = 0;
  for (const t of r.targets) {
    const sel = t.selector;
    const key = sel !== null && sel.kind === 'key' ? sel.key : '';
    const v = s.values.get(key);
    const raw = t.count ? (v === undefined ? '0' : '1') : v;
    if (raw === undefined) continue;
    let value = raw;
    for (const fn of r.transform.fns) value = fn(value)[0];
    if (r.operator!.evaluate(ctx, value) === r.negated) continue;
    n++;
    onMatch?.();
  }
  return n;
}

/**
 * A rule whose condition reads only TX keys known here and holds for none of them can
 * never match, whatever its actions would read (CRS 949053: `TX:BLOCKING_PARANOIA_LEVEL
 * "@ge 2"` adding the PL2 score): it is dropped, chain and all.
 */
function neverMatches(r: CompiledRule, s: WalkState): boolean {
  if (!r.starter || r.isAction || r.actions.multiMatch || s.readsPrevious || r.retargetable) return false;
  if (r.exclusions !== null && r.exclusions.length > 0) return false;
  for (const t of r.targets) {
    if (t.collection !== 'TX' || t.selector === null || t.selector.kind !== 'key' || t.exclusions !== null) return false;
    if (s.unknown.has(t.selector.key)) return false;
  }
  if (!refsOf(r.argument).every((x) => x.collection === 'TX' && x.key !== null && !s.unknown.has(x.key))) return false;
  return forEachMatch(r, s) === 0;
}
