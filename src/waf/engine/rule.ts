import type { Operator } from '../operators/operator.js';
import type { CompiledChain } from '../transforms/index.js';
import type { CompiledActions, Disruptive } from './actions.js';
import type { Exclusion, Target } from './targets.js';
import type { Macro } from './macro.js';

/** A SecRule or SecAction ready to run; chained rules hang off `chain`. */
export interface CompiledRule {
  readonly kind: 'rule';
  /** The starter's id on every link of a chain (for ctl removal and audit). */
  readonly id: string;
  readonly numericId: number;
  /** True for the first rule of a chain (or a rule without chain). */
  readonly starter: boolean;
  readonly file: string;
  readonly line: number;
  readonly phase: number;
  /** Empty for SecAction (it always matches). */
  targets: Target[];
  exclusions: Exclusion[] | null;
  readonly isAction: boolean;
  readonly operator: Operator | null;
  /** The operator's argument as a macro, for load-time analysis (fold-tx.ts); null for SecAction. */
  readonly argument: Macro | null;
  readonly negated: boolean;
  readonly actions: CompiledActions;
  readonly transform: CompiledChain;
  /** The starter's disruptive action with `block` resolved through SecDefaultAction. */
  readonly disruptive: Disruptive;
  readonly log: boolean;
  /** Lower-case tags of the starter (links share them): used by ctl and config removal. */
  readonly tags: readonly string[];
  /** Prompt-bearing values are skipped (the rule belongs to a CRS web-attack group). */
  readonly exemptPrompt: boolean;
  chain: CompiledRule | null;
  /** Position among all rules and chain links of the set (per-transaction arrays index by it). */
  ordinal: number;
  /** Column in the value memo (value-memo.ts), or -1 when the verdict depends on more than the value. */
  slot: number;
  /** The operator must write TX:0–9 because this chain reads them back. */
  readonly captureNeeded: boolean;
  /**
   * Its matches must be kept as MATCHED_VARS: the next link reads them (or some chain
   * starter reads MATCHED_VARS, so every rule's are kept). Set once the set is compiled.
   */
  feedsMatchedVars: boolean;
  /**
   * Rules whose targets are all whole request collections (same collections, same key
   * exclusions, same prompt exemption) share a group: per request, one fold of the group's
   * remembered misses answers "nothing new to look at" for all of them. null: not grouped.
   */
  group: TargetGroup | null;
  /** Index in group.words of the word holding this rule's slot. */
  groupWord: number;
  /** Some ctl:ruleRemoveTargetBy* in the set names this rule (its targets may shrink at run time). */
  retargetable: boolean;
  /**
   * A grouped chain starter runPhase may pass over without evaluating when its group's
   * fold says it misses: true unless some starter reads MATCHED_VARS (which the skipped
   * evaluation would have reset).
   */
  quickSkip: boolean;
}

export interface TargetGroup {
  /** Dense, from 0: per-request arrays index by it. */
  readonly id: number;
  readonly exemptPrompt: boolean;
  readonly targets: readonly Target[];
  /** The memo bitset words that hold its rules' slots: the only ones worth folding. */
  readonly words: number[];
}

export interface CompiledMarker {
  readonly kind: 'marker';
  readonly name: string;
}

export type PhaseEntry = CompiledRule | CompiledMarker;

/** A rule evaluated at load whose effect is the same on every request: these TX assignments. */
export interface CompiledAssign {
  readonly kind: 'assign';
  /** The rule it stands for (a ctl may still remove it at run time). */
  readonly rule: CompiledRule;
  /** In order; null deletes the key. */
  readonly writes: readonly (readonly [string, string | null])[];
}

/** A rule evaluated at load that always skips ahead: resume after entry `to` (the marker), or end the phase. */
export interface CompiledJump {
  readonly kind: 'jump';
  readonly rule: CompiledRule;
  /** Index in the program of the marker to resume after; the program's length ends the phase. */
  readonly to: number;
}

export type ProgramEntry = PhaseEntry | CompiledAssign | CompiledJump;

export interface PhaseProgram {
  readonly entries: readonly ProgramEntry[];
  /** Marker name → indexes of the markers of that name in `entries`, ascending (skipAfter resumes after the next one). */
  readonly markers: ReadonlyMap<string, readonly number[]>;
}

export interface CompiledPhase {
  /** The phase's rules and markers as written (after removals), for introspection. */
  readonly entries: readonly PhaseEntry[];
  /** Marker name → indexes of the markers of that name in `entries`, ascending. */
  readonly markers: ReadonlyMap<string, readonly number[]>;
  /** What runs: `entries` with the rules whose outcome is fixed at load folded (fold-tx.ts). */
  program: PhaseProgram;
}
