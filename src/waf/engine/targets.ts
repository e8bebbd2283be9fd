/**
 * Rule targets compiled at load: which collection, which members (key or /regex/), count
 * or values, and the `!` exclusions that apply to them.
 */
import type { VariableSpec } from '../seclang/ast.js';
import { compileRx } from '../operators/rx.js';
import type { Element } from './element.js';
import { REQUEST_VARIABLES } from './request-variables.js';
import { DYNAMIC_VARIABLES, STORE_COLLECTIONS } from './dynamic-variables.js';

/**
 * Every variable the engine serves, numbered once: the request path indexes arrays
 * instead of hashing collection names for each of a rule set's ~2,500 targets.
 */
export const VARIABLE_NAMES: readonly string[] = [...REQUEST_VARIABLES, ...DYNAMIC_VARIABLES];
const VARIABLE_INDEX: ReadonlyMap<string, number> = new Map(VARIABLE_NAMES.map((n, i) => [n, i]));

/** Where a target's members come from. */
export const SOURCE_REQUEST = 0;
export const SOURCE_STORE = 1;
export const SOURCE_MATCHED = 2;

export function isKnownVariable(name: string): boolean {
  return VARIABLE_INDEX.has(name);
}

export type Selector =
  | null
  | { readonly kind: 'key'; readonly key: string }
  /**
   * `prefix`: the lower-cased literal when the pattern is just `^literal` (CRS's
   * `TX:/^header_name_920450_/`), so store keys (always lower case) are compared with
   * startsWith instead of a regex run per key.
   */
  | { readonly kind: 'regex'; readonly re: RegExp; readonly prefix: string | null };

export interface Target {
  readonly collection: string;
  /** Index into VARIABLE_NAMES. */
  readonly index: number;
  readonly source: typeof SOURCE_REQUEST | typeof SOURCE_STORE | typeof SOURCE_MATCHED;
  readonly selector: Selector;
  /** `&COLL`: the rule sees how many members match, not their values. */
  readonly count: boolean;
  /** The rule's `!` exclusions that name this collection (set once loading is done), or null. */
  exclusions: readonly Exclusion[] | null;
  /** The same, split for the request path: `!COLL:key` ones as a set of lower-case keys… */
  excludedKeys: KeySet | null;
  /** …and the `/regex/` (or whole-collection) ones, or null when there are none. */
  otherExclusions: readonly Exclusion[] | null;
}

/** A target of a known variable (check with isKnownVariable first). */
export function makeTarget(spec: VariableSpec, ruleId: string | null): Target {
  const index = VARIABLE_INDEX.get(spec.collection);
  if (index === undefined) throw new Error(`unknown variable ${spec.collection}`);
  const source = REQUEST_VARIABLES.has(spec.collection) ? SOURCE_REQUEST : STORE_COLLECTIONS.has(spec.collection) ? SOURCE_STORE : SOURCE_MATCHED;
  return { collection: spec.collection, index, source, selector: compileSelector(spec, ruleId), count: spec.count, exclusions: null, excludedKeys: null, otherExclusions: null };
}

export interface Exclusion {
  readonly collection: string;
  readonly selector: Selector;
}

export function compileSelector(spec: VariableSpec, ruleId: string | null): Selector {
  const s = spec.selector;
  if (s === null) return null;
  if (s.kind === 'key') return { kind: 'key', key: s.value.toLowerCase() };
  // ModSecurity compiles selector regexes case-insensitively (keys are case-insensitive).
  const literal = /^\^([A-Za-z0-9_-]+)$/.exec(s.pattern);
  return { kind: 'regex', re: compileRx(`(?i)${s.pattern}`, ruleId).re, prefix: literal === null ? null : literal[1]!.toLowerCase() };
}

export function selects(sel: Selector, e: Element): boolean {
  if (sel === null) return true;
  if (sel.kind === 'key') return e.keyLower === sel.key;
  return sel.re.test(e.key);
}

/**
 * An exclusion removes a member when it names the same collection and its selector covers
 * it: `!ARGS:foo` removes ARGS:foo, `!ARGS` all ARGS, `!ARGS:/^x/` those matching. As in
 * ModSecurity, it applies only to the collection it names (`!ARGS:x` leaves ARGS_POST:x).
 */
export function excludes(list: readonly Exclusion[] | null, collection: string, e: Element): boolean {
  if (list === null) return false;
  for (let i = 0; i < list.length; i++) if (list[i]!.collection === collection && selects(list[i]!.selector, e)) return true;
  return false;
}

/** Gives each target the exclusions that concern it, so the request path skips the rest. */
export function bindExclusions(targets: readonly Target[], exclusions: readonly Exclusion[] | null): void {
  for (const t of targets) setExclusions(t, exclusions?.filter((x) => x.collection === t.collection) ?? []);
}

/**
 * A set of excluded keys, interned: targets that exclude the same keys share one object
 * and one `id` (> 0), so per-request folds (request-variables.ts) can be shared too.
 */
export interface KeySet {
  readonly id: number;
  readonly keys: ReadonlySet<string>;
}

const interned = new Map<string, KeySet>();

function internKeys(keys: Set<string>): KeySet {
  const sig = [...keys].sort().join('\u0000');
  let k = interned.get(sig);
  if (k === undefined) {
    k = { id: interned.size + 1, keys };
    interned.set(sig, k);
  }
  return k;
}

export function setExclusions(t: Target, mine: readonly Exclusion[]): void {
  t.exclusions = mine.length === 0 ? null : mine;
  const keys = new Set<string>();
  const other: Exclusion[] = [];
  for (const x of mine) {
    if (x.selector !== null && x.selector.kind === 'key') keys.add(x.selector.key);
    else other.push(x);
  }
  t.excludedKeys = keys.size === 0 ? null : internKeys(keys);
  t.otherExclusions = other.length === 0 ? null : other;
}

export function selectorText(sel: Selector): string {
  if (sel === null) return '';
  return sel.kind === 'key' ? sel.key : `/${sel.re.source}/`;
}
