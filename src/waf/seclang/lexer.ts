/**
 * SecLang lexer: rule-file text → directives (a name and its raw arguments), each with the
 * file and the first physical line it started on.
 *
 * Written by hand because the quoting rules are Apache's config syntax, which ModSecurity v2
 * inherits and CRS is written against, and no npm package implements them:
 * - `\` as the last character of a line (trailing blanks ignored, as Coraza does) joins the next
 *   line; the backslash and newline go, the next line's indentation stays (Apache
 *   `ap_cfg_getline`). `\\` at the end of a line is not a continuation.
 * - Continuation is applied before comment detection, so a `# ... \` comment swallows the next
 *   line, as in Apache and Coraza.
 * - An argument starting with `"` or `'` runs to the matching unescaped quote; inside it only
 *   `\<that quote>` is an escape (it yields the quote). Any other backslash stays, so regexes
 *   such as `"@rx ^\d+$"` reach the operator untouched (Apache `ap_getword_conf`).
 * - Any other argument runs to the next blank, backslashes kept.
 */
import { SecLangError } from './errors.js';

export interface RawDirective {
  /** The directive name as written (case preserved). */
  readonly name: string;
  /** Arguments with outer quotes removed and `\"` unescaped. */
  readonly args: readonly string[];
  readonly file: string;
  /** 1-based line of the directive's first physical line. */
  readonly line: number;
}

export interface LexResult {
  readonly directives: RawDirective[];
  readonly errors: SecLangError[];
}

export function lex(text: string, file: string): LexResult {
  const directives: RawDirective[] = [];
  const errors: SecLangError[] = [];
  const lines = text.split(/\r?\n/);
  let buffer = '';
  let start = 0;
  let pending = false;

  const flush = (): void => {
    const logical = buffer.trim();
    buffer = '';
    pending = false;
    if (logical === '' || logical.startsWith('#')) return;
    const tokens = tokenize(logical);
    if (typeof tokens === 'string') {
      errors.push(new SecLangError('syntax', file, start, null, tokens));
      return;
    }
    const [name, ...args] = tokens;
    if (name === undefined) return;
    directives.push({ name, args, file, line: start });
  };

  for (let i = 0; i < lines.length; i++) {
    const physical = (lines[i] ?? '').replace(/[ \t]+$/, '');
    if (!pending) start = i + 1;
    if (physical.endsWith('\\') && !physical.endsWith('\\\\')) {
      buffer += physical.slice(0, -1);
      pending = true;
      continue;
    }
    buffer += physical;
    flush();
  }
  if (pending) flush();
  return { directives, errors };
}

/** Splits one logical line into arguments; returns an error message on bad quoting. */
export function tokenize(line: string): string[] | string {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const open = i;
      let value = '';
      i++;
      let closed = false;
      while (i < n) {
        const d = line[i];
        if (d === '\\' && line[i + 1] === c) {
          value += c;
          i += 2;
          continue;
        }
        if (d === c) {
          closed = true;
          i++;
          break;
        }
        value += d;
        i++;
      }
      if (!closed) return `unterminated ${c} quote starting at column ${open + 1}`;
      if (i < n && line[i] !== ' ' && line[i] !== '\t') {
        return `unexpected character ${JSON.stringify(line[i])} after closing quote at column ${i}`;
      }
      out.push(value);
      continue;
    }
    const begin = i;
    while (i < n && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push(line.slice(begin, i));
  }
  return out;
}
