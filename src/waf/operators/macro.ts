import { toByteString } from '../transforms/byte-string.js';
import type { OperatorContext } from './operator.js';
import { compileMacro, type Macro } from '../engine/macro.js';

/**
 * An operator argument that may contain `%{…}` macros. Arguments without a macro are
 * resolved once at load; with one, `tx.expand` runs at match time (CRS compares e.g.
 * `@lt %{tx.blocking_paranoia_level}`).
 */
export class MacroArg {
  readonly text: string;
  readonly dynamic: boolean;
  /** Compiled once, so a transaction expands it without looking the text up. */
  private readonly macro: Macro | null;

  constructor(argument: string) {
    this.text = toByteString(argument);
    this.dynamic = this.text.includes('%{');
    this.macro = this.dynamic ? compileMacro(this.text) : null;
  }

  resolve(tx: OperatorContext): string {
    if (this.macro === null) return this.text;
    return tx.expandCompiled === undefined ? tx.expand(this.text) : tx.expandCompiled(this.macro);
  }
}
