/**
 * One request's run through a compiled rule set: phase 1 (headers) then phase 2 (body),
 * as ModSecurity v2 runs them, with its semantics where CRS depends on them:
 * - non-disruptive actions (setvar, ctl) run once per matching value, as they are reached;
 * - flow (skip/skipAfter) and disruptive actions are the chain starter's and run only
 *   when the whole chain matched;
 * - MATCHED_VARS seen by a chained rule are those of the rule before it.
 * A transaction holds request data: create one per request and drop it.
 */
import type { OperatorContext } from '../operators/operator.js';
import type { WafRequest } from '../request/types.js';
import { TransformCache } from '../transforms/index.js';
import { inRanges, type BodyProcessorName, type MatchAction } from './actions.js';
import { STORE_COLLECTIONS } from './dynamic-variables.js';
import { EMPTY, dynamicElement, type Element } from './element.js';
import { compileMacro, expandMacro, type Macro, type MacroScope } from './macro.js';
import { RequestVariables } from './request-variables.js';
import type { CompiledPhase, CompiledRule } from './rule.js';
import { MEMO_HIT, MEMO_MISS, MEMO_UNKNOWN, ROW_NONE, type ValueMemo } from './value-memo.js';
import { excludes, selects, SOURCE_REQUEST, SOURCE_STORE, type Exclusion, type Target } from './targets.js';

export interface RuleMatch {
  readonly id: string;
  readonly phase: number;
  readonly msg: string | null;
  readonly severity: number | null;
  readonly tags: readonly string[];
  /** `ARGS:json.user`, `REQUEST_HEADERS:User-Agent`: where it matched (never the value). */
  readonly variable: string;
}

export interface Interruption {
  readonly ruleId: string;
  readonly action: 'deny' | 'drop';
  readonly status: number;
}

export type EngineMode = 'On' | 'DetectionOnly' | 'Off';

/**
 * Macro texts of operator arguments (`@lt %{tx.blocking_paranoia_level}`), compiled once
 * per process: they come from rule files, a bounded set.
 */
const MAX_MACRO_CACHE = 4096;
const macroCache = new Map<string, Macro>();

export class Transaction implements OperatorContext, MacroScope {
  captures: string[] | null = null;
  readonly matches: RuleMatch[] = [];
  /** Set when a deny/drop fired; in DetectionOnly it is what would have happened. */
  interruption: Interruption | null = null;
  engineMode: EngineMode;
  /** A ctl:requestBodyProcessor asked for a different body processor than Content-Type chose. */
  bodyProcessorOverride: BodyProcessorName | null = null;
  forceBodyVariable = false;

  private request: RequestVariables;
  private readonly stores = new Map<string, Map<string, string>>();
  /** stores' TX, held directly: nearly every store access is to it. */
  private readonly txStore = new Map<string, string>();
  private readonly cache = new TransformCache();
  private readonly captureSlots: string[] = [];
  private removedRanges: { from: number; to: number }[] | null = null;
  private removedTags: string[] | null = null;
  /** By rule ordinal: target exclusions added by ctl during this transaction. */
  private targetRemovals: Map<number, Exclusion[]> | null = null;
  private matchedVar = '';
  private matchedVarName = '';
  private matchedVars: Element[] = [];
  private previousMatchedVars: readonly Element[] = EMPTY;
  private highestSeverity = 255;
  private currentRule: CompiledRule | null = null;
  private stopped = false;
  /** TX:0–9 slots at and above this hold no value (captures write below it; a setvar of a digit key raises it to 10). */
  private captureHigh = 0;
  /** Reused for TX:key targets (never stored: matches copy what they keep). */
  private readonly scratch: { key: string; keyLower: string; value: string; prompt: boolean; memo: number; secret: boolean } = { key: '', keyLower: '', value: '', prompt: false, memo: ROW_NONE, secret: false };

  private readonly memo: ValueMemo | null;

  private req: WafRequest;
  private readonly uniqueId: string;
  /** Phase 1 runs on the headers alone, as in ModSecurity: body variables appear in phase 2. */
  private bodyVisible = false;

  constructor(req: WafRequest, uniqueId: string, mode: EngineMode, memo: ValueMemo | null = null) {
    this.memo = memo;
    memo?.begin();
    this.req = req;
    this.uniqueId = uniqueId;
    this.request = new RequestVariables(req, uniqueId, memo, false);
    this.engineMode = mode;
    this.stores.set('TX', this.txStore);
  }

  /** Swaps the request (after a ctl changed the body processor); TX state is kept. */
  replaceRequest(req: WafRequest): void {
    this.req = req;
    this.request = new RequestVariables(req, this.uniqueId, this.memo, this.bodyVisible);
  }

  /** TX value (lower-case key), or undefined. */
  tx(key: string): string | undefined {
    return this.txStore.get(key);
  }

  setTx(key: string, value: string): void {
    const k = key.toLowerCase();
    if (k.length === 1 && k >= '0' && k <= '9') this.captureHigh = CAPTURE_KEYS.length;
    this.txStore.set(k, value);
  }

  /** Runs one phase unless the transaction was interrupted, allowed or switched off. */
  runPhase(phase: CompiledPhase, phaseNumber: number): void {
    if (phaseNumber >= 2 && !this.bodyVisible) {
      this.bodyVisible = true;
      this.request.showBody();
    }
    if (this.stopped || this.engineMode === 'Off') return;
    const { entries, markers } = phase.program;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.kind === 'marker') continue;
      if (e.kind === 'assign') {
        // A rule evaluated at load (fold-tx.ts): its TX writes, unless a ctl removed it.
        if (this.isRemoved(e.rule)) continue;
        const tx = this.txStore;
        const writes = e.writes;
        for (let w = 0; w < writes.length; w++) {
          const [k, v] = writes[w]!;
          if (k.length === 1 && k >= '0' && k <= '9') this.captureHigh = CAPTURE_KEYS.length;
          if (v === null) tx.delete(k);
          else tx.set(k, v);
        }
        continue;
      }
      if (e.kind === 'jump') {
        if (!this.isRemoved(e.rule)) i = e.to;
        continue;
      }
      // It cannot match, and no later rule reads what evaluating it would have set (rule.ts quickSkip).
      if (e.quickSkip && this.groupMisses(e)) continue;
      if (this.isRemoved(e)) continue;
      if (!this.evaluateChain(e)) continue;
      if (e.log) this.record(e, phaseNumber);
      const a = e.actions;
      switch (e.disruptive) {
        case 'deny': case 'drop':
          if (this.interruption === null) this.interruption = { ruleId: e.id, action: e.disruptive, status: a.status ?? 403 };
          if (this.engineMode === 'On') {
            this.stopped = true;
            return;
          }
          break;
        case 'allow': case 'allow_request':
          this.stopped = true;
          return;
        case 'allow_phase':
          return;
        default:
          break;
      }
      if (a.skipAfter !== null) {
        // ModSecurity searches forward for the marker; none ahead ends the phase.
        const at = markers.get(a.skipAfter)?.find((m) => m > i);
        if (at === undefined) return;
        i = at;
      } else if (a.skip > 0) {
        i += a.skip;
      }
      if ((this.engineMode as EngineMode) === 'Off') return;
    }
  }

  get stoppedEarly(): boolean {
    return this.stopped;
  }

  // OperatorContext
  expand(text: string): string {
    let m = macroCache.get(text);
    if (m === undefined) {
      m = compileMacro(text);
      if (macroCache.size < MAX_MACRO_CACHE) macroCache.set(text, m);
    }
    return expandMacro(m, this);
  }

  // MacroScope
  lookup(collection: string, key: string | null): string {
    if (collection === 'TX') return key === null ? '' : (this.txStore.get(key) ?? '');
    if (STORE_COLLECTIONS.has(collection)) return key === null ? '' : (this.stores.get(collection)?.get(key) ?? '');
    switch (collection) {
      case 'MATCHED_VAR': return this.matchedVar;
      case 'MATCHED_VAR_NAME': return this.matchedVarName;
      case 'HIGHEST_SEVERITY': return String(this.highestSeverity);
      case 'RULE': return this.ruleField(key);
      default: break;
    }
    const elements = this.request.get(collection);
    if (key === null) return elements[0]?.value ?? '';
    for (let i = 0; i < elements.length; i++) if (elements[i]!.keyLower === key) return elements[i]!.value;
    return '';
  }

  private ruleField(key: string | null): string {
    const r = this.currentRule;
    if (r === null) return '';
    switch (key) {
      case 'id': return r.id;
      case 'msg': return r.actions.msg === null ? '' : expandMacro(r.actions.msg, this);
      case 'severity': return r.actions.severity === null ? '' : String(r.actions.severity);
      case 'phase': return String(r.phase);
      default: return '';
    }
  }

  private storeOf(name: string): Map<string, string> | undefined {
    return name === 'TX' ? this.txStore : this.stores.get(name);
  }

  private store(name: string): Map<string, string> {
    let s = this.stores.get(name);
    if (s === undefined) {
      s = new Map();
      this.stores.set(name, s);
    }
    return s;
  }

  private isRemoved(r: CompiledRule): boolean {
    if (this.removedRanges !== null && inRanges(this.removedRanges, r.numericId)) return true;
    if (this.removedTags !== null) for (const t of this.removedTags) if (r.tags.includes(t)) return true;
    return false;
  }

  /**
   * Most CRS rules on most requests: every value a grouped rule reads is a remembered
   * miss for it (the group's fold). A ctl target removal only takes members away, so the
   * fold over all of them still holds.
   */
  private groupMisses(rule: CompiledRule): boolean {
    if (this.memo === null) return false;
    const miss = this.request.groupMiss(rule.group!);
    return miss !== null && ((miss[rule.groupWord]! >>> (rule.slot & 31)) & 1) === 1;
  }

  /** The starter and every link must match; the starter's state (currentRule) is kept for macros. */
  private evaluateChain(starter: CompiledRule): boolean {
    let rule: CompiledRule | null = starter;
    while (rule !== null) {
      if (!this.evaluate(rule)) return false;
      rule = rule.chain;
    }
    this.currentRule = starter;
    return true;
  }

  private evaluate(rule: CompiledRule): boolean {
    this.currentRule = rule;
    this.previousMatchedVars = this.matchedVars;
    // Allocated on the first match only: most rules match nothing.
    if (this.matchedVars.length !== 0) this.matchedVars = [];
    if (rule.isAction) {
      this.runMatchActions(rule.actions.matchActions);
      return true;
    }
    if (rule.group !== null && this.groupMisses(rule)) return false;
    this.captures = rule.captureNeeded ? this.captureSlots : null;
    const runtime = this.targetRemovals === null || !rule.retargetable ? null : this.runtimeExclusions(rule);
    let matched = false;
    // Indexed loops on this path: for…of over arrays of mixed kinds (EMPTY is frozen) is
    // not lowered by the optimizer and allocates an iterator result per step.
    const targets = rule.targets;
    for (let ti = 0; ti < targets.length; ti++) {
      const t = targets[ti]!;
      const sel = t.selector;
      if (t.source === SOURCE_STORE && !t.count && sel !== null && sel.kind === 'key') {
        // TX:name, the most common target of the CRS's own bookkeeping: no element array.
        const v = this.storeOf(t.collection)?.get(sel.key);
        if (v === undefined) continue;
        const e = this.scratch;
        e.key = sel.key;
        e.keyLower = sel.key;
        e.value = v;
        if (excludes(t.exclusions, t.collection, e) || excludes(runtime, t.collection, e)) continue;
        if (this.test(rule, v, t, e)) matched = true;
        continue;
      }
      if (t.count && t.source === SOURCE_STORE && sel !== null && sel.kind === 'key' && t.exclusions === null && runtime === null) {
        // &TX:name, how CRS asks "is it set": no element to build.
        if (this.test(rule, this.storeOf(t.collection)?.has(sel.key) === true ? '1' : '0', t, null)) matched = true;
        continue;
      }
      const elements = this.elements(t);
      if (t.count) {
        let n = 0;
        for (let k = 0; k < elements.length; k++) {
          const e = elements[k]!;
          if (selects(t.selector, e) && !excludes(t.exclusions, t.collection, e) && !excludes(runtime, t.collection, e)) n++;
        }
        if (this.test(rule, String(n), t, null)) matched = true;
        continue;
      }
      const slot = rule.slot;
      if (sel === null && t.otherExclusions === null && slot >= 0 && (runtime === null || !namesCollection(runtime, t.collection))) {
        // The common case (ARGS, REQUEST_HEADERS… whole, at most some keys excluded):
        // values whose verdict for this rule is a remembered miss cost one byte read.
        const exempt = rule.exemptPrompt;
        const skipKeys = t.excludedKeys;
        let list = elements;
        if (t.source === SOURCE_REQUEST && this.memo !== null) {
          // Where every remembered value is a known miss, only the new ones are looked at.
          const agg = this.request.aggregate(t.index, t.collection, exempt, skipKeys);
          if (((agg.missWord(slot >> 5) >>> (slot & 31)) & 1) === 1) list = agg.pending;
        }
        for (let k = 0; k < list.length; k++) {
          const e = list[k]!;
          if (exempt && e.prompt) continue;
          const row = e.memo;
          if (row >= 0 && this.memo!.verdict(row, slot) === MEMO_MISS) continue;
          if (skipKeys !== null && skipKeys.keys.has(e.keyLower)) continue;
          if (this.test(rule, e.value, t, e)) matched = true;
        }
        continue;
      }
      for (let k = 0; k < elements.length; k++) {
        const e = elements[k]!;
        if (e.prompt && rule.exemptPrompt) continue;
        if (!selects(sel, e)) continue;
        if (excludes(t.exclusions, t.collection, e) || excludes(runtime, t.collection, e)) continue;
        if (this.test(rule, e.value, t, e)) matched = true;
      }
    }
    return matched;
  }

  /** Transforms one value, runs the operator, and on a match the rule's per-match actions. */
  private test(rule: CompiledRule, raw: string, t: Target, e: Element | null): boolean {
    const op = rule.operator!;
    let value: string;
    let hit: boolean;
    const memo = this.memo;
    const row = memo !== null && rule.slot >= 0 && e !== null ? e.memo : ROW_NONE;
    const known = row < 0 ? MEMO_UNKNOWN : memo!.verdict(row, rule.slot);
    if (known === MEMO_MISS) return false;
    if (rule.actions.multiMatch) {
      // A remembered hit is run again: MATCHED_VAR must be the intermediate value that
      // matched. Hits are rare; the misses are what the memo saves.
      ({ value, hit } = this.multiMatch(rule, raw));
      if (row >= 0 && known === MEMO_UNKNOWN) memo!.record(row, rule.slot, hit);
    } else if (known === MEMO_HIT) {
      value = rule.transform.fns.length === 0 ? raw : this.transformed(rule, raw);
      // The verdict is known; a chain that reads TX:0–9 still needs this match's groups.
      if (this.captures !== null) op.evaluate(this, value);
      hit = true;
    } else {
      const fns = rule.transform.fns;
      value = fns.length === 0 ? raw : this.transformed(rule, raw);
      hit = op.evaluate(this, value) !== rule.negated;
      if (row >= 0) memo!.record(row, rule.slot, hit);
    }
    if (!hit) return false;
    const name = e === null ? (t.count ? `&${t.collection}` : t.collection) : e.key === '' ? t.collection : `${t.collection}:${e.key}`;
    this.matchedVar = value;
    this.matchedVarName = name;
    if (rule.feedsMatchedVars) {
      if (this.matchedVars === this.previousMatchedVars) this.matchedVars = [];
      this.matchedVars.push(dynamicElement(name, value));
    }
    if (this.captures !== null) {
      // TX:0–9 become this match's groups; the slots beyond them are cleared (ModSecurity
      // clears all ten; only those that may hold a value need it).
      const tx = this.txStore;
      const c = this.captures;
      const n = Math.min(c.length, CAPTURE_KEYS.length);
      for (let i = 0; i < n; i++) tx.set(CAPTURE_KEYS[i]!, c[i]!);
      for (let i = n; i < this.captureHigh; i++) tx.delete(CAPTURE_KEYS[i]!);
      this.captureHigh = n;
    }
    this.runMatchActions(rule.actions.matchActions);
    return true;
  }

  private transformed(rule: CompiledRule, raw: string): string {
    const chain = rule.transform;
    const hit = this.cache.get(raw, chain.key);
    if (hit !== undefined) return hit[0];
    let value = raw;
    let changed = false;
    let start = 0;
    for (let k = chain.fns.length - 2; k >= 0; k--) {
      const h = this.cache.get(raw, chain.prefixKeys[k]!);
      if (h !== undefined) {
        value = h[0];
        changed = h[1];
        start = k + 1;
        break;
      }
    }
    for (let k = start; k < chain.fns.length; k++) {
      const [out, ch] = chain.fns[k]!(value);
      value = out;
      changed ||= ch;
      this.cache.set(raw, chain.prefixKeys[k]!, [value, changed]);
    }
    return value;
  }

  /** multiMatch: the operator sees the value before and after every step that changed it. */
  private multiMatch(rule: CompiledRule, raw: string): { value: string; hit: boolean } {
    const op = rule.operator!;
    let value = raw;
    if (op.evaluate(this, value) !== rule.negated) return { value, hit: true };
    for (const fn of rule.transform.fns) {
      const [out, changed] = fn(value);
      value = out;
      if (changed && op.evaluate(this, value) !== rule.negated) return { value, hit: true };
    }
    return { value, hit: false };
  }

  private elements(t: Target): readonly Element[] {
    if (t.source === SOURCE_REQUEST) {
      const sel = t.selector;
      return sel !== null && sel.kind === 'key' ? this.request.keyed(t.index, t.collection, sel.key) : this.request.at(t.index, t.collection);
    }
    const c = t.collection;
    if (t.source === SOURCE_STORE) {
      const s = this.storeOf(c);
      if (s === undefined) return EMPTY;
      const sel = t.selector;
      if (sel !== null && sel.kind === 'key') {
        const v = s.get(sel.key);
        return v === undefined ? EMPTY : [dynamicElement(sel.key, v)];
      }
      // Select before building elements: TX holds ~100 entries and a /regex/ picks a few.
      const out: Element[] = [];
      // forEach, not for…of: a Map's entry iterator allocates a pair per entry, and TX has ~100.
      if (sel === null) s.forEach((v, k) => out.push(dynamicElement(k, v)));
      else if (sel.prefix !== null) {
        const prefix = sel.prefix;
        s.forEach((v, k) => {
          if (k.startsWith(prefix)) out.push(dynamicElement(k, v));
        });
      } else s.forEach((v, k) => {
        if (sel.re.test(k)) out.push(dynamicElement(k, v));
      });
      return out;
    }
    switch (c) {
      case 'MATCHED_VAR': return this.matchedVarName === '' ? EMPTY : [dynamicElement('', this.matchedVar)];
      case 'MATCHED_VAR_NAME': return this.matchedVarName === '' ? EMPTY : [dynamicElement('', this.matchedVarName)];
      case 'MATCHED_VARS': return this.previousMatchedVars;
      case 'MATCHED_VARS_NAMES': return this.previousMatchedVars.map((e) => dynamicElement(e.key, e.key));
      case 'HIGHEST_SEVERITY': return [dynamicElement('', String(this.highestSeverity))];
      default: return EMPTY;
    }
  }

  /** ctl target removals that apply to a rule (the rules each ctl names are listed at load). */
  private runtimeExclusions(rule: CompiledRule): Exclusion[] | null {
    return this.targetRemovals?.get(rule.ordinal) ?? null;
  }

  private runMatchActions(actions: readonly MatchAction[]): void {
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i]!;
      switch (a.kind) {
        case 'setvar': this.setvar(a); break;
        case 'remove_ids': (this.removedRanges ??= []).push(...a.ranges); break;
        case 'remove_tag': (this.removedTags ??= []).push(a.tag.toLowerCase()); break;
        case 'remove_target_ids': case 'remove_target_tag': {
          // A Map: the ordinals run to ~2,000 and a ctl names a few (CRS 941010 on most requests).
          const byRule = (this.targetRemovals ??= new Map());
          for (const ord of a.affected) {
            const list = byRule.get(ord);
            if (list === undefined) byRule.set(ord, [a.target]);
            else list.push(a.target);
          }
          break;
        }
        case 'rule_engine': this.engineMode = a.mode; break;
        case 'body_processor': this.bodyProcessorOverride = a.processor; break;
        case 'force_body_variable': this.forceBodyVariable = a.on; break;
      }
    }
  }

  private setvar(a: Extract<MatchAction, { kind: 'setvar' }>): void {
    const s = a.collection === 'TX' ? this.txStore : this.store(a.collection);
    // Collection keys are case-insensitive: a name built from request data is folded too.
    const name = a.name.constant ?? expandMacro(a.name, this).toLowerCase();
    if (name.length === 1 && name >= '0' && name <= '9' && a.collection === 'TX') this.captureHigh = CAPTURE_KEYS.length;
    if (a.op === 'delete') {
      s.delete(name);
      return;
    }
    const value = expandMacro(a.value, this);
    if (a.op === 'set') {
      s.set(name, value);
      return;
    }
    const current = toInt(s.get(name));
    const delta = toInt(value);
    s.set(name, String(a.op === 'add' ? current + delta : current - delta));
  }

  private record(rule: CompiledRule, phase: number): void {
    const sev = rule.actions.severity;
    if (sev !== null && sev < this.highestSeverity) this.highestSeverity = sev;
    this.matches.push({
      id: rule.id,
      phase,
      msg: rule.actions.msg === null ? null : expandMacro(rule.actions.msg, this),
      severity: sev,
      tags: rule.actions.tags,
      variable: this.matchedVarName,
    });
  }
}

const CAPTURE_KEYS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

function namesCollection(list: readonly Exclusion[], collection: string): boolean {
  for (const x of list) if (x.collection === collection) return true;
  return false;
}

/** ModSecurity's atoi for setvar arithmetic: leading integer, 0 when there is none. */
export function toInt(v: string | undefined): number {
  if (v === undefined) return 0;
  const n = parseInt(v, 10);
  return Number.isNaN(n) ? 0 : n;
}
