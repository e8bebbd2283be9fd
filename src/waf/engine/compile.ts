/**
 * Directives (../seclang) → phases of compiled rules. Everything that depends only on the
 * rule files is done here, once: operators and regexes compiled, transformation chains
 * resolved, SecDefaultAction merged, removals and target updates applied, markers indexed.
 * What cannot be run as written is reported in `issues`, by rule id.
 */
import { dirname } from 'node:path';
import type { ActionSpec, Directive, RuleAst, SecActionDirective } from '../seclang/ast.js';
import type { SecLangError } from '../seclang/errors.js';
import { compileRx, createOperator, OperatorError } from '../operators/index.js';
import { compileChain, TransformError } from '../transforms/index.js';
import { compileActions, inRanges, type CompiledActions, type Disruptive } from './actions.js';
import type { LoadIssue } from './load-issues.js';
import type { CompiledMarker, CompiledPhase, CompiledRule, PhaseEntry, TargetGroup } from './rule.js';
import { bindExclusions, compileSelector, isKnownVariable, makeTarget, setExclusions, SOURCE_REQUEST, type Exclusion, type Target } from './targets.js';
import { ValueMemo } from './value-memo.js';
import { compileMacro } from './macro.js';
import { foldTx } from './fold-tx.js';

/**
 * Operators whose verdict depends only on the (transformed) value, when their argument
 * holds no macro: their results may be remembered across requests (value-memo.ts).
 */
const PURE_OPERATORS: ReadonlySet<string> = new Set([
  'rx', 'pm', 'pmfromfile', 'pmf', 'streq', 'contains', 'containsword', 'beginswith', 'endswith', 'within',
  'detectsqli', 'detectxss', 'validatebyterange', 'validateurlencoding', 'validateutf8encoding', 'eq', 'ge', 'gt', 'le', 'lt',
]);

export interface CompileOptions {
  /** Tag patterns (exact, or `prefix*`) whose rules skip prompt-bearing values. */
  readonly promptExemptTags: readonly string[];
  /**
   * Every request header also gets what ARGS gets from the web-attack groups (rules with
   * a prompt-exempt tag that inspect ARGS), except these (lower-case) names. null: off.
   * CRS inspects only a few named headers; at a gateway, any header reaches the backend.
   */
  readonly allHeadersExcept: readonly string[] | null;
  /** Evaluate at load the rules whose outcome is the same on every request (fold-tx.ts). Default: true. */
  readonly foldConstants?: boolean;
}

export interface CompiledRuleSet {
  /** Index 1..5 (0 unused). Phases 3–5 are compiled for completeness but never run. */
  readonly phases: readonly CompiledPhase[];
  /** Rule verdicts per request value, shared by all requests of this rule set. */
  readonly memo: ValueMemo;
  readonly ruleCount: number;
  readonly issues: readonly LoadIssue[];
}

interface DefaultAction {
  readonly disruptive: Disruptive;
  readonly log: boolean;
  readonly transforms: readonly string[];
}

/** Variables that never have members in Portcullis (see request-variables.ts). */
const ALWAYS_EMPTY: ReadonlySet<string> = new Set(['XML', 'REQUEST_XML', 'ENV', 'AUTH_TYPE', 'REMOTE_USER', 'PATH_INFO']);

/** The CRS web-attack groups: every `attack-*` tag, and v4's protocol-attack group (921200 has no attack tag). */
export const WEB_ATTACK_TAGS: readonly string[] = ['attack-*', 'owasp_crs/protocol-attack'];

const BUILTIN_DEFAULT: DefaultAction = { disruptive: 'pass', log: true, transforms: [] };

export function compileRuleSet(directives: readonly Directive[], parseErrors: readonly SecLangError[], opts: CompileOptions): CompiledRuleSet {
  const issues: LoadIssue[] = [];
  const disabledByParse = new Set<string>();
  for (const e of parseErrors) {
    issues.push({ ruleId: e.ruleId, file: e.file, line: e.line, kind: 'syntax', name: e.reason, effect: e.ruleId === null ? 'load_error' : 'rule_disabled', message: e.detail });
    if (e.ruleId !== null) disabledByParse.add(e.ruleId);
  }
  const defaults = new Map<number, DefaultAction>();
  const rules: CompiledRule[] = [];
  const order: (CompiledRule | CompiledMarker)[] = [];
  const exempt = tagMatcher(opts.promptExemptTags);
  // The header extension follows the web-attack groups whatever prompts are exempt from.
  const webAttack = tagMatcher(WEB_ATTACK_TAGS);

  for (const d of directives) {
    switch (d.kind) {
      case 'SecRule': case 'SecAction': {
        if (d.id !== null && disabledByParse.has(d.id)) break;
        const r = compileStarter(d, defaults, issues, exempt);
        if (r !== null) {
          rules.push(r);
          order.push(r);
        }
        break;
      }
      case 'SecMarker': order.push({ kind: 'marker', name: d.name }); break;
      case 'SecDefaultAction': {
        const site = { file: d.file, line: d.line, ruleId: null };
        const { actions } = compileActions(d.actions, site, issues);
        const phase = actions.phase ?? 2;
        defaults.set(phase, { disruptive: actions.disruptive ?? 'pass', log: actions.log ?? true, transforms: actions.transforms });
        break;
      }
      case 'SecRuleRemoveById':
        removeWhere(rules, order, (r) => inRanges(d.ids, r.numericId));
        break;
      case 'SecRuleRemoveByTag': {
        const tag = d.tag.toLowerCase();
        removeWhere(rules, order, (r) => r.tags.includes(tag));
        break;
      }
      case 'SecRuleRemoveByMsg':
        removeWhere(rules, order, (r) => r.actions.msg?.constant === d.msg);
        break;
      case 'SecRuleUpdateTargetById': case 'SecRuleUpdateTargetByTag': case 'SecRuleUpdateTargetByMsg': {
        const tag = d.kind === 'SecRuleUpdateTargetByTag' ? d.tag.toLowerCase() : null;
        const hit = (r: CompiledRule): boolean => d.kind === 'SecRuleUpdateTargetById' ? inRanges(d.ids, r.numericId)
          : d.kind === 'SecRuleUpdateTargetByTag' ? r.tags.includes(tag!) : r.actions.msg?.constant === d.msg;
        for (const r of rules) {
          if (!hit(r)) continue;
          for (const spec of d.targets) {
            if (spec.exclude) (r.exclusions ??= []).push({ collection: spec.collection, selector: compileSelector(spec, r.id) });
            else if (d.replaced !== null) {
              const i = r.targets.findIndex((t) => t.collection === d.replaced!.collection && (t.selector === null) === (d.replaced!.selector === null));
              const t: Target = makeTarget(spec, r.id);
              if (i >= 0) r.targets[i] = t;
              else r.targets.push(t);
            } else r.targets.push(makeTarget(spec, r.id));
          }
        }
        break;
      }
      case 'SecRuleUpdateActionById':
        issues.push({ ruleId: String(d.id), file: d.file, line: d.line, kind: 'directive', name: d.kind, effect: 'load_error', message: 'SecRuleUpdateActionById is not supported; use the Portcullis config (waf.crs) to change thresholds, or SecRuleRemoveById and a custom rule' });
        break;
      case 'SecRuleEngine': case 'SecRequestBodyAccess': case 'SecResponseBodyAccess':
        issues.push({ ruleId: null, file: d.file, line: d.line, kind: 'directive', name: d.kind, effect: 'partial', message: `${d.kind} in a rule file has no effect: waf.mode in the Portcullis config decides` });
        break;
      case 'SecCollectionTimeout': case 'SecComponentSignature': case 'SecGeoLookupDb': case 'SecHttpBlKey': case 'Include':
        // Include is resolved by the loader; the others configure features this engine reports per rule instead.
        break;
    }
  }

  const phases: CompiledPhase[] = [{ entries: [], markers: new Map(), program: { entries: [], markers: new Map() } }];
  for (let p = 1; p <= 5; p++) {
    const entries: PhaseEntry[] = order.filter((e) => e.kind === 'marker' || e.phase === p);
    const markers = new Map<string, number[]>();
    entries.forEach((e, i) => {
      if (e.kind === 'marker') (markers.get(e.name) ?? markers.set(e.name, []).get(e.name)!).push(i);
    });
    phases.push({ entries, markers, program: { entries, markers } });
  }
  const all: CompiledRule[] = [];
  for (const r of rules) {
    for (let link: CompiledRule | null = r; link !== null; link = link.chain) {
      link.ordinal = all.length;
      all.push(link);
      bindExclusions(link.targets, link.exclusions);
      if (opts.allHeadersExcept !== null && webAttack(link.tags)) addHeaderTarget(link, opts.allHeadersExcept);
    }
  }
  // Which rules each ctl target removal names, so the request path only indexes.
  for (const r of all) {
    for (const a of r.actions.matchActions) {
      if (a.kind === 'remove_target_ids') for (const x of all) { if (inRanges(a.ranges, x.numericId)) a.affected.push(x.ordinal); }
      if (a.kind === 'remove_target_tag') for (const x of all) { if (x.tags.includes(a.tag)) a.affected.push(x.ordinal); }
      if (a.kind === 'remove_target_ids' || a.kind === 'remove_target_tag') for (const o of a.affected) all[o]!.retargetable = true;
    }
  }
  if (opts.foldConstants !== false) foldTx(phases, all);
  const slots = assignSlots(phases, all);
  groupTargets(all);
  markMatchedVarsFeeds(all);
  for (const r of rules) {
    if (r.phase >= 3) {
      issues.push({ ruleId: r.id, file: r.file, line: r.line, kind: 'phase', name: `phase:${r.phase}`, effect: 'not_run', message: r.phase === 5 ? 'logging-phase rule: Portcullis writes its own audit record' : 'response-phase rule: responses are streamed to the client, not buffered for inspection' });
    }
  }
  return { phases, memo: new ValueMemo(slots), ruleCount: rules.length, issues };
}

/**
 * Memo columns (value-memo.ts) for the memoizable rules that run, in the order they run:
 * rules a paranoia level skips for good, or folded at load, get none. A row is then a few
 * hundred bytes instead of one per rule in the files, and the rules of one file share
 * its words, which is what a request's folds read.
 */
function assignSlots(phases: readonly CompiledPhase[], all: readonly CompiledRule[]): number {
  const memoizable = new Set(all.filter((r) => r.slot >= 0));
  for (const r of all) r.slot = -1;
  let slots = 0;
  for (const p of [1, 2]) {
    for (const e of phases[p]?.program.entries ?? []) {
      if (e.kind !== 'rule') continue;
      for (let link: CompiledRule | null = e; link !== null; link = link.chain) if (memoizable.has(link)) link.slot = slots++;
    }
  }
  return slots;
}

/**
 * Groups the memoizable rules whose targets are whole request collections by what they
 * read (rule.ts, TargetGroup). CRS attack rules read a handful of such target lists.
 */
function groupTargets(all: readonly CompiledRule[]): void {
  const groups = new Map<string, TargetGroup>();
  for (const r of all) {
    if (r.slot < 0 || r.isAction || r.targets.length === 0) continue;
    if (!r.targets.every((t) => t.source === SOURCE_REQUEST && t.selector === null && !t.count && t.otherExclusions === null)) continue;
    const sig = `${r.exemptPrompt ? 1 : 0}|${r.targets.map((t) => `${t.index}:${t.excludedKeys?.id ?? 0}`).join(',')}`;
    let g = groups.get(sig);
    if (g === undefined) {
      g = { id: groups.size, exemptPrompt: r.exemptPrompt, targets: r.targets, words: [] };
      groups.set(sig, g);
    }
    if (!g.words.includes(r.slot >> 5)) g.words.push(r.slot >> 5);
    r.group = g;
    r.groupWord = g.words.indexOf(r.slot >> 5);
  }
}

const readsMatchedVars = (r: CompiledRule): boolean => r.targets.some((t) => t.collection === 'MATCHED_VARS' || t.collection === 'MATCHED_VARS_NAMES');

/** Which rules must keep their matches as MATCHED_VARS (rule.ts feedsMatchedVars). */
function markMatchedVarsFeeds(all: readonly CompiledRule[]): void {
  const everyone = all.some((r) => r.starter && readsMatchedVars(r));
  for (const r of all) {
    r.feedsMatchedVars = everyone || (r.chain !== null && readsMatchedVars(r.chain));
    r.quickSkip = r.starter && r.group !== null && !everyone;
  }
}

const HEADERS_SPEC = { collection: 'REQUEST_HEADERS', count: false, exclude: false, selector: null } as const;

/**
 * Adds REQUEST_HEADERS to a rule that inspects ARGS, minus the excepted names and the
 * headers the rule already names (so a match is not scored twice), plus the rule's own
 * `!REQUEST_HEADERS:x` exclusions. Those skips belong to the added target only: the
 * rule's own `REQUEST_HEADERS:User-Agent` target keeps inspecting User-Agent.
 */
function addHeaderTarget(rule: CompiledRule, except: readonly string[]): void {
  if (!rule.targets.some((t) => t.collection === 'ARGS' && t.selector === null && !t.count)) return;
  if (rule.targets.some((t) => t.collection === 'REQUEST_HEADERS' && t.selector === null)) return;
  const named = rule.targets.flatMap((t) => (t.collection === 'REQUEST_HEADERS' && t.selector?.kind === 'key' ? [t.selector.key] : []));
  const own = rule.exclusions?.filter((x) => x.collection === 'REQUEST_HEADERS') ?? [];
  const skip: Exclusion[] = [...except, ...named].map((key) => ({ collection: 'REQUEST_HEADERS', selector: { kind: 'key', key } }));
  const t = makeTarget(HEADERS_SPEC, rule.id);
  setExclusions(t, [...own, ...skip]);
  rule.targets.push(t);
}

function removeWhere(rules: CompiledRule[], order: (CompiledRule | CompiledMarker)[], pred: (r: CompiledRule) => boolean): void {
  for (let i = rules.length - 1; i >= 0; i--) if (pred(rules[i]!)) rules.splice(i, 1);
  for (let i = order.length - 1; i >= 0; i--) {
    const e = order[i]!;
    if (e.kind === 'rule' && pred(e)) order.splice(i, 1);
  }
}

function tagMatcher(patterns: readonly string[]): (tags: readonly string[]) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const p of patterns) {
    const l = p.toLowerCase();
    if (l.endsWith('*')) prefixes.push(l.slice(0, -1));
    else exact.add(l);
  }
  return (tags) => tags.some((t) => exact.has(t) || prefixes.some((p) => t.startsWith(p)));
}

function compileStarter(d: RuleAst | SecActionDirective, defaults: Map<number, DefaultAction>, issues: LoadIssue[], exempt: (tags: readonly string[]) => boolean): CompiledRule | null {
  const site = { file: d.file, line: d.line, ruleId: d.id };
  const { actions, disable } = compileActions(d.actions, site, issues);
  const phase = actions.phase ?? 2;
  const def = defaults.get(phase) ?? BUILTIN_DEFAULT;
  const tags = actions.tags.map((t) => t.toLowerCase());
  const shared = { id: d.id ?? '', phase, tags, exemptPrompt: exempt(tags), def, readsCaptures: readsCaptures(d) };
  let ok = !disable;
  const starter = compileOne(d, actions, shared, true, issues);
  if (starter === null) ok = false;
  let prev = starter;
  let link = d.kind === 'SecRule' ? d.chained : null;
  while (link !== null) {
    const compiled = compileActions(link.actions, { file: link.file, line: link.line, ruleId: d.id }, issues);
    if (compiled.disable) ok = false;
    checkLinkActions(link.actions, { file: link.file, line: link.line, ruleId: d.id }, issues);
    const c = compileOne(link, compiled.actions, shared, false, issues);
    if (c === null) ok = false;
    else if (prev !== null) prev.chain = c;
    prev = c;
    link = link.chained;
  }
  return ok ? starter : null;
}

function checkLinkActions(actions: readonly ActionSpec[], site: { file: string; line: number; ruleId: string | null }, issues: LoadIssue[]): void {
  for (const a of actions) {
    if (a.name === 'skipAfter' || a.name === 'skip' || a.name === 'deny' || a.name === 'drop' || a.name === 'allow' || a.name === 'block') {
      issues.push({ ...site, kind: 'action', name: a.name, effect: 'partial', message: `${a.name} in a chained rule has no effect; only the chain starter's flow and disruptive actions count (as in ModSecurity)` });
    }
  }
}

const CAPTURE_MACRO = /%\{tx\.\d\}/i;

/** True when some part of the chain reads TX:0–9 (a target or a macro), so captures must be written. */
function readsCaptures(d: RuleAst | SecActionDirective): boolean {
  for (let r: RuleAst | SecActionDirective | null = d; r !== null; r = r.kind === 'SecRule' ? r.chained : null) {
    // logdata is never expanded here (audit records carry no request data), so it does not count.
    if (r.actions.some((a) => a.name !== 'logdata' && a.value !== null && CAPTURE_MACRO.test(a.value))) return true;
    if (r.kind === 'SecRule') {
      if (CAPTURE_MACRO.test(r.operator.argument)) return true;
      if (r.variables.some((v) => v.collection === 'TX' && v.selector?.kind === 'key' && /^\d$/.test(v.selector.value))) return true;
    }
  }
  return false;
}

interface Shared {
  readonly readsCaptures: boolean;
  readonly id: string;
  readonly phase: number;
  readonly tags: readonly string[];
  readonly exemptPrompt: boolean;
  readonly def: DefaultAction;
}

function compileOne(d: RuleAst | SecActionDirective, actions: CompiledActions, shared: Shared, starter: boolean, issues: LoadIssue[]): CompiledRule | null {
  const ruleId = shared.id === '' ? null : shared.id;
  const issue = (kind: LoadIssue['kind'], name: string, message: string): null => {
    issues.push({ ruleId, file: d.file, line: d.line, kind, name, effect: 'rule_disabled', message });
    return null;
  };
  // t:none clears every transformation before it, inherited ones included (ModSecurity v2).
  const lastNone = actions.transforms.lastIndexOf('none');
  const names = lastNone >= 0 ? actions.transforms.slice(lastNone + 1) : [...shared.def.transforms, ...actions.transforms];
  let transform;
  try {
    transform = compileChain(names, ruleId);
  } catch (e) {
    if (e instanceof TransformError) return issue('transformation', names.join(','), e.message);
    throw e;
  }
  const disruptive = actions.disruptive === null || actions.disruptive === 'block' ? shared.def.disruptive : actions.disruptive;
  const base = {
    kind: 'rule' as const,
    id: shared.id,
    numericId: shared.id === '' ? Number.NaN : Number(shared.id),
    starter,
    file: d.file,
    line: d.line,
    phase: shared.phase,
    actions,
    transform,
    disruptive,
    log: actions.log ?? shared.def.log,
    tags: shared.tags,
    exemptPrompt: shared.exemptPrompt,
    chain: null,
    captureNeeded: actions.capture && shared.readsCaptures,
    ordinal: -1,
    group: null,
    groupWord: -1,
    retargetable: false,
    quickSkip: false,
    feedsMatchedVars: false,
  };
  if (d.kind === 'SecAction') {
    return { ...base, targets: [], exclusions: null, isAction: true, operator: null, argument: null, negated: false, slot: -1 };
  }
  const targets: Target[] = [];
  let exclusions: Exclusion[] | null = null;
  for (const v of d.variables) {
    if (!isKnownVariable(v.collection)) {
      return issue('variable', v.collection, v.collection.startsWith('RESPONSE_') || v.collection.startsWith('RES_')
        ? `variable ${v.collection} is a response variable; responses are streamed, not inspected`
        : `variable ${v.collection} is not supported`);
    }
    // XML and the like are always empty here (no XML processor, no web-server auth, the
    // environment is not exposed): CRS names XML:/* in ~100 rules, each a lookup per request.
    if (ALWAYS_EMPTY.has(v.collection) && !v.count) continue;
    try {
      if (v.exclude) (exclusions ??= []).push({ collection: v.collection, selector: compileSelector(v, ruleId) });
      else targets.push(makeTarget(v, ruleId));
    } catch (e) {
      if (e instanceof OperatorError) return issue('variable', `${v.collection}:${v.selector?.kind === 'regex' ? v.selector.pattern : ''}`, e.message);
      throw e;
    }
  }
  let operator;
  try {
    operator = createOperator(d.operator.name, d.operator.argument, { rulesDir: dirname(d.file), ruleId });
  } catch (e) {
    if (e instanceof OperatorError) return issue('operator', d.operator.name, e.message);
    throw e;
  }
  if (d.operator.name.toLowerCase() === 'rx' && !d.operator.argument.includes('%{')) {
    for (const w of compileRx(d.operator.argument, ruleId).widened) {
      issues.push({ ruleId, file: d.file, line: d.line, kind: 'operator', name: 'rx', effect: 'partial', message: `@rx: ${w} (JavaScript has no possessive quantifiers; the pattern may match more, never less)` });
    }
  }
  const pure = PURE_OPERATORS.has(d.operator.name.toLowerCase()) && !d.operator.argument.includes('%{');
  // Capturing rules too: a remembered miss writes nothing, and a remembered hit runs the
  // operator again for its captures (transaction.ts test).
  return { ...base, targets, exclusions, isAction: false, operator, argument: compileMacro(d.operator.argument), negated: d.operator.negated, slot: pure ? 0 : -1 };
}
