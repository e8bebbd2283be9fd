/**
 * Fingerprint set for @detectSQLi.
 *
 * Real libinjection ships ~9,000 fingerprints mined from attack corpora. We do not copy that
 * list; instead the set is generated, at module load, from the injection shapes enumerated
 * below, each with an example. Template syntax: a letter is a token type (see
 * sqli-tokenizer.ts `T`), `[..]` is a choice of types, and a trailing `*` is "any one token
 * or end of input". Fingerprints are at most 5 tokens, so a 5-token template also matches
 * everything that follows it.
 *
 * A leading `s` means the input closed a string first (quote contexts, `x' …`); a leading
 * `1` means a numeric parameter (`id=1 …`). Leading barewords are deliberately not used:
 * prose starts with barewords, and "please select one or two" must not match.
 */

interface Shape {
  readonly templates: readonly string[];
  /** Example attack and why the shape is an injection. */
  readonly doc: string;
}

const V = '[s1nvf]'; // an operand
const SHAPES: readonly Shape[] = [
  { templates: [`s&${V}o${V}`, `s&${V}o(*`, 's&(1o*', 's&(so*', 's&(no*'], doc: "x' OR '1'='1 — tautology after closing the string" },
  { templates: ['1&1o1', '1&so1', '1&1os', '1&so[s1]', '1&(1o1'], doc: '1 AND 1=1 — tautology on a numeric parameter' },
  { templates: ['1&no1', '1&vo1'], doc: '1 OR id=1 — comparison against a literal' },
  { templates: ['s&s', 's&1', 's&n', 's&v', 's&sc', 's&1c', 's&nc'], doc: "x' OR 'y / x' OR 1-- — whole input is the string break plus one operand" },
  { templates: ['[s1]&f(*', '[s1]&(f*', '[s1]o f('.replace(' ', '')], doc: "1 AND SLEEP(5) / x' OR ASCII(…) — function call in a condition" },
  { templates: ['[s1]&(E*', '[s1]o(E*', '[s1](E*'], doc: "1 AND (SELECT …) — subquery in a condition" },
  { templates: ['[s1)]UE**', '[s1)]U(E*', '[s1)]UEc', '[s1)]U(E'], doc: '1 UNION SELECT … — union-based extraction' },
  { templates: ['[s1)]);E*', '[s1)];E[kfo1sv(,c]*', '[s1)];En[k,s1o(]', '[s1)];E', '[s1)];c'], doc: "x'; DROP TABLE t;-- — stacked query" },
  { templates: ['sc', 's;c', 's)c', 's);c', 's));c', 's))c'], doc: "admin'-- — close the string and comment out the rest" },
  { templates: ['[s1]B1c', 'sB1*', '[s1]B1;', 'sBn[Bc,]*'], doc: "x' ORDER BY 3-- / x' GROUP BY col HAVING 1=1-- — column probing, error-based enumeration" },
  { templates: ['[s1]Ek[s1]*'], doc: "1' WAITFOR DELAY '0:0:5'-- — MSSQL time delay without a separator" },
  { templates: ['[s1])&(*', '[s1])&[s1n]o*', '[s1])UE*', '[s1]))&*', '[s1])&f*'], doc: '1) OR (1=1 — break out of a parenthesised condition' },
  { templates: ['so1&*', 'sos&*', 'so[s1]c', '1o1&1*'], doc: "x'='x' OR … / x'-1-- — arithmetic or comparison right after the break" },
  { templates: ['[s1]&E[kfo1sv(]*'], doc: "x' AND SELECT … (MSSQL allows a subquery without parentheses in some positions)" },
  { templates: ['[s1]&v[o,]*', '[s1]&v'], doc: "x' OR @@version … — server variable probe" },
];

/** All fingerprint letters; `*` ranges over these. */
const ALPHABET = 's1nkUEBfvo&c(),;.t?';

function expand(template: string): string[] {
  // Parse into a list of alternatives per position.
  const parts: string[][] = [];
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] as string;
    if (ch === '[') {
      const end = template.indexOf(']', i);
      parts.push([...template.slice(i + 1, end)]);
      i = end;
    } else if (ch === '*') {
      parts.push([...ALPHABET, '']);
    } else {
      parts.push([ch]);
    }
  }
  let acc = [''];
  for (const alts of parts) {
    const next: string[] = [];
    for (const a of acc) {
      for (const b of alts) {
        // '' (end of input) may only be followed by more ''.
        if (a.endsWith('\0')) { if (b === '') next.push(a); continue; }
        next.push(b === '' ? a + '\0' : a + b);
      }
    }
    acc = next;
  }
  return acc.map((a) => a.replace(/\0/g, ''));
}

/** The fingerprint set, built once at load. */
export const FINGERPRINTS: ReadonlySet<string> = (() => {
  const set = new Set<string>();
  for (const shape of SHAPES) for (const t of shape.templates) for (const fp of expand(t)) if (fp.length <= 5) set.add(fp);
  return set;
})();

export function isSqliFingerprint(fp: string): boolean {
  return FINGERPRINTS.has(fp);
}
