import { toByteString } from '../transforms/byte-string.js';
import type { OperatorContext } from './operator.js';

/**
 * An operator argument that may contain `%{…}` macros. Arguments without a macro are
 * resolved once at load; with one, `tx.expand` runs at match time (CRS compares e.g.
 * `@lt %{tx.blocking_paranoia_level}`).
 */
export class MacroArg {
  readonly text: string;
  readonly dynamic: boolean;

  constructor(argument: string) {
    this.text = toByteString(argument);
    this.dynamic = this.text.includes('%{');
  }

  resolve(tx: OperatorContext): string {
    return this.dynamic ? tx.expand(this.text) : this.text;
  }
}
