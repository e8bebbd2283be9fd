/**
 * Structural check for the regex shape behind catastrophic backtracking: a group followed
 * by a quantifier whose body holds a quantifier too (`(a+)+`, `(?:x\s+)?`, `(…){2,}`).
 * The LLM rules keep every pattern free of it, bounded or not, so that "linear time" is a
 * syntactic fact rather than an argument per pattern. Lookaround bodies are skipped (they
 * are not repeated). Character classes and escapes are treated as single atoms.
 */
export function nestedQuantifiers(src: string): string[] {
  const found: string[] = [];
  const stack: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < src.length && src[i] !== ']') {
        if (src[i] === '\\') i++;
        i++;
      }
      continue;
    }
    if (c === '(') stack.push(i);
    if (c === ')') {
      const open = stack.pop()!;
      const next = src[i + 1];
      if (next !== '*' && next !== '+' && next !== '?' && next !== '{') continue;
      const body = src.slice(open + 1, i);
      if (/^\?<?[=!]/.test(body)) continue;
      const bare = body.replace(/^\?:/, '').replace(/\\./g, 'x').replace(/\[(?:\\.|[^\]\\])*\]/g, 'x');
      if (/[*+?]|\{\d*,?\d*\}/.test(bare)) found.push(`(${body})${next}`);
    }
  }
  return found;
}
