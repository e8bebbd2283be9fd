import type { Operator } from '../operators/operator.js';
import type { CompiledChain } from '../transforms/index.js';
import type { CompiledActions, Disruptive } from './actions.js';
import type { Exclusion, Target } from './targets.js';

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
}

export interface CompiledMarker {
  readonly kind: 'marker';
  readonly name: string;
}

export type PhaseEntry = CompiledRule | CompiledMarker;

export interface CompiledPhase {
  readonly entries: readonly PhaseEntry[];
  /** Marker name → indexes of the markers of that name in `entries`, ascending (skipAfter resumes after the next one). */
  readonly markers: ReadonlyMap<string, readonly number[]>;
}
