/**
 * Parsers for the three parts of a SecRule: variables, operator, actions. Each takes the text
 * of one (already unquoted) directive argument and returns what it understood plus the
 * problems it found; `parser.ts` attaches the file, line and rule id.
 *
 * Semantics follow ModSecurity v2 (`msre_parse_targets`, `msre_parse_generic`), which CRS is
 * written against; the few places Coraza differs are noted.
 */
import type { ActionSpec, OperatorSpec, VariableSpec } from './ast.js';
import type { SecLangReason } from './errors.js';
import { ACTION_NAMES, CTL_OPTION_NAMES, OPERATOR_NAMES, TRANSFORMATION_NAMES, VARIABLE_NAMES } from './inventory.js';

export interface Problem {
  readonly reason: SecLangReason;
  readonly message: string;
}

export interface Parsed<T> {
  readonly value: T;
  readonly problems: Problem[];
}

const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * `ARGS|!REQUEST_COOKIES:/__utm/|&TX:foo|REQUEST_HEADERS:User-Agent|XML:/*`.
 * A `/.../` selector is scanned to its closing unescaped `/`, so `|` inside a regex does not
 * split targets. `XML:` selectors are XPath (`/*`, `//@*`) and run to the next `|`.
 * A single-quoted selector (`ARGS:'a b'`) is a key, or a regex when written `'/.../'`.
 */
export function parseVariables(text: string): Parsed<VariableSpec[]> {
  const value: VariableSpec[] = [];
  const problems: Problem[] = [];
  const s = text.trim();
  const n = s.length;
  let i = 0;
  if (n === 0) return { value, problems: [{ reason: 'syntax', message: 'empty variable list' }] };
  while (i < n) {
    let exclude = false;
    let count = false;
    for (;;) {
      if (s[i] === '!' && !exclude) exclude = true;
      else if (s[i] === '&' && !count) count = true;
      else break;
      i++;
    }
    const nameStart = i;
    while (i < n && NAME_CHAR.test(s[i]!)) i++;
    const written = s.slice(nameStart, i);
    if (written === '') {
      problems.push({ reason: 'syntax', message: `expected a variable name at column ${i + 1} of ${JSON.stringify(text)}` });
      return { value, problems };
    }
    const collection = VARIABLE_NAMES.get(written.toLowerCase());
    if (collection === undefined) {
      problems.push({ reason: 'unknown_variable', message: `unknown variable ${written}` });
    }
    let selector: VariableSpec['selector'] = null;
    if (s[i] === ':') {
      i++;
      if (collection === 'XML') {
        const begin = i;
        while (i < n && s[i] !== '|') i++;
        selector = { kind: 'key', value: s.slice(begin, i) };
      } else if (s[i] === '/') {
        const begin = ++i;
        while (i < n && s[i] !== '/') i += s[i] === '\\' ? 2 : 1;
        if (i >= n) {
          problems.push({ reason: 'syntax', message: `unterminated /regex/ selector in ${written}` });
          return { value, problems };
        }
        selector = { kind: 'regex', pattern: s.slice(begin, i) };
        i++;
      } else if (s[i] === "'") {
        const begin = ++i;
        while (i < n && s[i] !== "'") i++;
        if (i >= n) {
          problems.push({ reason: 'syntax', message: `unterminated quoted selector in ${written}` });
          return { value, problems };
        }
        const key = s.slice(begin, i);
        i++;
        selector = key.length >= 2 && key.startsWith('/') && key.endsWith('/')
          ? { kind: 'regex', pattern: key.slice(1, -1) }
          : { kind: 'key', value: key };
      } else {
        const begin = i;
        while (i < n && s[i] !== '|') i++;
        selector = { kind: 'key', value: s.slice(begin, i) };
      }
      if (selector.kind === 'key' && selector.value === '') {
        problems.push({ reason: 'syntax', message: `empty selector after ${written}:` });
      }
    }
    if (collection !== undefined) value.push({ collection, count, exclude, selector });
    if (i < n) {
      if (s[i] !== '|') {
        problems.push({ reason: 'syntax', message: `unexpected ${JSON.stringify(s[i])} after ${written} in ${JSON.stringify(text)}` });
        return { value, problems };
      }
      i++;
      if (i >= n) problems.push({ reason: 'syntax', message: `trailing | in ${JSON.stringify(text)}` });
    }
  }
  return { value, problems };
}

/** `@rx ^a b$`, `!@eq 0`, `@detectSQLi`; no `@` means `@rx` over the whole text. */
export function parseOperator(text: string): Parsed<OperatorSpec> {
  let s = text;
  let negated = false;
  if (s.startsWith('!')) {
    negated = true;
    s = s.slice(1);
  }
  if (!s.startsWith('@')) return { value: { name: 'rx', argument: s, negated }, problems: [] };
  const match = /^@(\S*)\s*/.exec(s)!;
  const written = match[1]!;
  const argument = s.slice(match[0].length);
  const name = OPERATOR_NAMES.get(written.toLowerCase());
  if (name === undefined) {
    return {
      value: { name: written, argument, negated },
      problems: [{ reason: written === '' ? 'syntax' : 'unknown_operator', message: `unknown operator @${written}` }],
    };
  }
  return { value: { name, argument, negated }, problems: [] };
}

const CTL_TARGET_OPTIONS = new Set(['ruleRemoveTargetById', 'ruleRemoveTargetByTag', 'ruleRemoveTargetByMsg']);

/**
 * `id:1,phase:2,t:none,msg:'a, b',setvar:'tx.x=+%{tx.y}',ctl:ruleRemoveTargetById=942100;ARGS:foo`.
 * Commas split actions except inside a single-quoted value; in such a value `\'` and `\\`
 * are escapes (ModSecurity v2 refuses any other `\x` there; we keep it, as Coraza does).
 * An unquoted value runs to the next comma, outer blanks trimmed.
 */
export function parseActions(text: string): Parsed<ActionSpec[]> {
  const value: ActionSpec[] = [];
  const problems: Problem[] = [];
  const s = text;
  const n = s.length;
  let i = 0;
  const skipBlanks = (): void => {
    while (i < n && /\s/.test(s[i]!)) i++;
  };
  for (;;) {
    skipBlanks();
    if (i >= n) break;
    const nameStart = i;
    while (i < n && s[i] !== ':' && s[i] !== ',' && !/\s/.test(s[i]!)) i++;
    const written = s.slice(nameStart, i);
    skipBlanks();
    let actionValue: string | null = null;
    if (s[i] === ':') {
      i++;
      skipBlanks();
      if (s[i] === "'") {
        i++;
        let v = '';
        let closed = false;
        while (i < n) {
          const c = s[i]!;
          if (c === '\\' && (s[i + 1] === "'" || s[i + 1] === '\\')) {
            v += s[i + 1];
            i += 2;
            continue;
          }
          if (c === "'") {
            closed = true;
            i++;
            break;
          }
          v += c;
          i++;
        }
        if (!closed) {
          problems.push({ reason: 'syntax', message: `unterminated quote in the value of action ${written}` });
          return { value, problems };
        }
        actionValue = v;
      } else {
        const begin = i;
        while (i < n && s[i] !== ',') i++;
        actionValue = s.slice(begin, i).trim();
      }
      skipBlanks();
    }
    if (written === '') {
      problems.push({ reason: 'syntax', message: `empty action name at column ${nameStart + 1} of the action list` });
    } else {
      const action = checkAction(written, actionValue, problems);
      if (action !== null) value.push(action);
    }
    if (i >= n) break;
    if (s[i] !== ',') {
      problems.push({ reason: 'syntax', message: `expected , after action ${written} at column ${i + 1}` });
      return { value, problems };
    }
    i++;
  }
  return { value, problems };
}

/** Canonicalises and checks one action; returns null if it is unknown. */
function checkAction(written: string, value: string | null, problems: Problem[]): ActionSpec | null {
  const name = ACTION_NAMES.get(written.toLowerCase());
  if (name === undefined) {
    problems.push({ reason: 'unknown_action', message: `unknown action ${written}` });
    return null;
  }
  switch (name) {
    case 'id':
      if (value === null || !/^[1-9][0-9]*$/.test(value)) {
        problems.push({ reason: 'syntax', message: `id must be a positive integer, got ${JSON.stringify(value)}` });
      }
      return { name, value };
    case 't': {
      if (value === null || value === '') {
        problems.push({ reason: 'syntax', message: 't: needs a transformation name' });
        return null;
      }
      const transformation = TRANSFORMATION_NAMES.get(value.toLowerCase());
      if (transformation === undefined) {
        problems.push({ reason: 'unknown_transformation', message: `unknown transformation t:${value}` });
        return null;
      }
      return { name, value: transformation };
    }
    case 'ctl': {
      const eq = value === null ? -1 : value.indexOf('=');
      if (value === null || eq <= 0) {
        problems.push({ reason: 'syntax', message: `ctl needs option=value, got ${JSON.stringify(value)}` });
        return null;
      }
      const option = CTL_OPTION_NAMES.get(value.slice(0, eq).trim().toLowerCase());
      if (option === undefined) {
        problems.push({ reason: 'unknown_ctl', message: `unknown ctl option ${value.slice(0, eq).trim()}` });
        return null;
      }
      if (CTL_TARGET_OPTIONS.has(option)) {
        const semi = value.indexOf(';', eq);
        if (semi < 0) {
          problems.push({ reason: 'syntax', message: `ctl:${option} needs <rule>;<target>` });
        } else {
          for (const p of parseVariables(value.slice(semi + 1)).problems) {
            problems.push({ reason: p.reason, message: `in ctl:${option}: ${p.message}` });
          }
        }
      }
      return { name, value: `${option}${value.slice(eq)}` };
    }
    default:
      return { name, value };
  }
}
