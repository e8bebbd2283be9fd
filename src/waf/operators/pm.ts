import { toByteString } from '../transforms/byte-string.js';
import { AhoCorasick } from './aho-corasick.js';
import { setCaptures, type Operator, type OperatorContext } from './operator.js';

/**
 * @pm — case-insensitive phrase match: true when any of the space-separated phrases
 * occurs in the value. Example (CRS 920270 family): `SecRule ARGS "@pm <?php eval("`.
 * The automaton is built at load; with `capture`, TX:0 is the matched text.
 * Phrases are taken literally; macros are not expanded (as in ModSecurity v2).
 */
export function pm(argument: string): Operator {
  return pmFromPhrases(toByteString(argument).split(' ').filter((p) => p !== ''));
}

export function pmFromPhrases(phrases: readonly string[]): Operator {
  const ac = new AhoCorasick(phrases);
  return {
    evaluate(tx: OperatorContext, value: string): boolean {
      const m = ac.search(value);
      if (m === null) return false;
      if (tx.captures !== null) setCaptures(tx, [value.slice(m.end - m.len, m.end)]);
      return true;
    },
  };
}
