/**
 * SecLang parser: rule-file text → typed directives (`ast.ts`) with positions, and a loader
 * that follows `Include`. Nothing is evaluated; regexes are not compiled here.
 *
 * Every directive, variable, operator, action, transformation or ctl option that is not
 * known (`inventory.ts`) is an error naming the file, line and rule id; a known directive
 * that is not modeled is an `unsupported_directive` error. Nothing is silently dropped.
 */
import { globSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ActionSpec, Directive, IdRange, RuleAst, VariableSpec } from './ast.js';
import { SecLangError } from './errors.js';
import { DIRECTIVE_NAMES, MODELED_DIRECTIVE_NAMES } from './inventory.js';
import { lex, type RawDirective } from './lexer.js';
import { parseActions, parseOperator, parseVariables, type Problem } from './rule-parts.js';

export interface ParseResult {
  /** Top-level directives in file order; chained rules hang off their starter's `chained`. */
  readonly directives: Directive[];
  readonly errors: SecLangError[];
}

export interface LoadResult extends ParseResult {
  /** Every file read, in load order (absolute paths). */
  readonly files: string[];
}

/**
 * Parses one file's text. `Include` directives are kept with `resolved: []`; use
 * `loadRuleFiles` to follow them. Duplicate rule ids within the text are errors.
 */
export function parseRules(text: string, file: string): ParseResult {
  const result = parseFile(text, file);
  checkDuplicateIds(result.directives, result.errors);
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}

/**
 * Loads rule files matching `patterns` (paths or globs, relative to `opts.baseDir`), each in
 * lexical order, and expands `Include` (relative to the including file's folder) in place: the
 * `Include` directive, with its resolved files, is followed by their directives. A file already
 * on the include stack is an `include_cycle` error; a pattern matching nothing is
 * `include_not_found` (Apache's `Include` fails the same way). Duplicate ids across all files
 * are errors.
 */
export function loadRuleFiles(patterns: readonly string[], opts: { readonly baseDir: string }): LoadResult {
  const directives: Directive[] = [];
  const errors: SecLangError[] = [];
  const files: string[] = [];
  const stack = new Set<string>();

  const loadFile = (path: string): void => {
    let text: string;
    let real: string;
    try {
      real = realpathSync(path);
      text = readFileSync(path, 'utf8');
    } catch (err) {
      errors.push(new SecLangError('include_not_found', path, 0, null, `cannot read rule file: ${(err as Error).message}`));
      return;
    }
    files.push(path);
    stack.add(real);
    const parsed = parseFile(text, path);
    errors.push(...parsed.errors);
    for (const d of parsed.directives) {
      if (d.kind !== 'Include') {
        directives.push(d);
        continue;
      }
      const found = expand(d.pattern, dirname(path));
      if (found.length === 0) {
        errors.push(new SecLangError('include_not_found', d.file, d.line, null, `Include ${d.pattern} matches no file`));
      }
      directives.push({ ...d, resolved: found });
      for (const included of found) {
        if (stack.has(realpathOrSelf(included))) {
          errors.push(new SecLangError('include_cycle', d.file, d.line, null, `Include ${d.pattern} includes ${included}, which is already being loaded`));
          continue;
        }
        loadFile(included);
      }
    }
    stack.delete(real);
  };

  for (const pattern of patterns) {
    const found = expand(pattern, opts.baseDir);
    if (found.length === 0) {
      errors.push(new SecLangError('include_not_found', resolve(opts.baseDir, pattern), 0, null, `${pattern} matches no file`));
    }
    for (const path of found) loadFile(path);
  }
  checkDuplicateIds(directives, errors);
  return { directives, errors, files };
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const GLOB_CHARS = /[*?[{]/;

/** Files a path or glob names, absolute, in code-unit order (Apache sorts with strcmp). */
function expand(pattern: string, dir: string): string[] {
  const absolute = isAbsolute(pattern) ? pattern : resolve(dir, pattern);
  let candidates: string[];
  if (GLOB_CHARS.test(pattern)) {
    candidates = globSync(absolute);
  } else {
    try {
      // Apache includes every file of a named folder.
      candidates = statSync(absolute).isDirectory() ? globSync(resolve(absolute, '*')) : [absolute];
    } catch {
      return [];
    }
  }
  return candidates
    .filter((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Lexes, parses each directive and links chains; no duplicate-id check. */
function parseFile(text: string, file: string): { directives: Directive[]; errors: SecLangError[] } {
  const lexed = lex(text, file);
  const errors = [...lexed.errors];
  const flat: Directive[] = [];
  for (const raw of lexed.directives) {
    const d = parseDirective(raw, errors);
    if (d !== null) flat.push(d);
  }
  const directives = linkChains(flat, errors);
  errors.sort((a, b) => a.line - b.line);
  return { directives, errors };
}

function idOf(actions: readonly ActionSpec[]): string | null {
  for (const a of actions) if (a.name === 'id') return a.value;
  return null;
}

function hasChain(actions: readonly ActionSpec[]): boolean {
  return actions.some((a) => a.name === 'chain');
}

/** Returns the directive, or null after recording why it could not be built. */
function parseDirective(raw: RawDirective, errors: SecLangError[]): Directive | null {
  const { file, line, args } = raw;
  const fail = (reason: SecLangError['reason'], message: string, ruleId: string | null = null): null => {
    errors.push(new SecLangError(reason, file, line, ruleId, message));
    return null;
  };
  const report = (problems: readonly Problem[], ruleId: string | null): void => {
    for (const p of problems) errors.push(new SecLangError(p.reason, file, line, ruleId, p.message));
  };
  const name = DIRECTIVE_NAMES.get(raw.name.toLowerCase());
  if (name === undefined) return fail('unknown_directive', `unknown directive ${raw.name}`);
  if (!MODELED_DIRECTIVE_NAMES.has(name)) return fail('unsupported_directive', `directive ${name} is not supported`);
  const arity = (min: number, max: number): boolean => {
    if (args.length >= min && args.length <= max) return true;
    const want = min === max ? `${min}` : `${min} to ${max}`;
    fail('syntax', `${name} takes ${want} argument(s), got ${args.length}`);
    return false;
  };
  const a0 = args[0] ?? '';
  const a1 = args[1] ?? '';
  const a2 = args[2];

  switch (name) {
    case 'SecRule': {
      if (!arity(2, 3)) return null;
      // Actions first, so problems with variables or operator can name the rule id.
      const actions = parseActions(a2 ?? '');
      const id = idOf(actions.value);
      report(actions.problems, id);
      const variables = parseVariables(a0);
      report(variables.problems, id);
      const operator = parseOperator(a1);
      report(operator.problems, id);
      return { kind: 'SecRule', file, line, id, variables: variables.value, operator: operator.value, actions: actions.value, chained: null };
    }
    case 'SecAction': {
      if (!arity(1, 1)) return null;
      const actions = parseActions(a0);
      const id = idOf(actions.value);
      report(actions.problems, id);
      return { kind: 'SecAction', file, line, id, actions: actions.value };
    }
    case 'SecDefaultAction': {
      if (!arity(1, 1)) return null;
      const actions = parseActions(a0);
      report(actions.problems, null);
      return { kind: 'SecDefaultAction', file, line, actions: actions.value };
    }
    case 'SecMarker':
      if (!arity(1, 1)) return null;
      return { kind: 'SecMarker', file, line, name: a0 };
    case 'SecRuleRemoveById': {
      if (!arity(1, Infinity)) return null;
      const ids = parseIdRanges(args, (m) => fail('syntax', m));
      return ids === null ? null : { kind: 'SecRuleRemoveById', file, line, ids };
    }
    case 'SecRuleRemoveByTag':
      if (!arity(1, 1)) return null;
      return { kind: 'SecRuleRemoveByTag', file, line, tag: a0 };
    case 'SecRuleRemoveByMsg':
      if (!arity(1, 1)) return null;
      return { kind: 'SecRuleRemoveByMsg', file, line, msg: a0 };
    case 'SecRuleUpdateTargetById':
    case 'SecRuleUpdateTargetByTag':
    case 'SecRuleUpdateTargetByMsg': {
      if (!arity(2, 3)) return null;
      const ruleId = name === 'SecRuleUpdateTargetById' ? a0 : null;
      const targets = parseVariables(a1);
      report(targets.problems, ruleId);
      let replaced: VariableSpec | null = null;
      if (a2 !== undefined) {
        const r = parseVariables(a2);
        report(r.problems, ruleId);
        if (r.value.length !== 1) return fail('syntax', `${name}: the replaced target must be one variable`, ruleId);
        replaced = r.value[0]!;
      }
      if (name === 'SecRuleUpdateTargetById') {
        const ids = parseIdRanges([a0], (m) => fail('syntax', m));
        return ids === null ? null : { kind: name, file, line, ids, targets: targets.value, replaced };
      }
      return name === 'SecRuleUpdateTargetByTag'
        ? { kind: name, file, line, tag: a0, targets: targets.value, replaced }
        : { kind: name, file, line, msg: a0, targets: targets.value, replaced };
    }
    case 'SecRuleUpdateActionById': {
      if (!arity(2, 2)) return null;
      if (!/^[1-9][0-9]*$/.test(a0)) return fail('syntax', `SecRuleUpdateActionById needs a rule id, got ${JSON.stringify(a0)}`);
      const actions = parseActions(a1);
      report(actions.problems, a0);
      return { kind: 'SecRuleUpdateActionById', file, line, id: Number(a0), actions: actions.value };
    }
    case 'Include':
      if (!arity(1, 1)) return null;
      return { kind: 'Include', file, line, pattern: a0, resolved: [] };
    case 'SecComponentSignature':
      if (!arity(1, 1)) return null;
      return { kind: 'SecComponentSignature', file, line, signature: a0 };
    case 'SecCollectionTimeout':
      if (!arity(1, 1)) return null;
      if (!/^[0-9]+$/.test(a0)) return fail('syntax', `SecCollectionTimeout needs seconds, got ${JSON.stringify(a0)}`);
      return { kind: 'SecCollectionTimeout', file, line, seconds: Number(a0) };
    case 'SecRuleEngine': {
      if (!arity(1, 1)) return null;
      const mode = ({ on: 'On', off: 'Off', detectiononly: 'DetectionOnly' } as const)[a0.toLowerCase() as 'on'];
      if (mode === undefined) return fail('syntax', `SecRuleEngine takes On, Off or DetectionOnly, got ${JSON.stringify(a0)}`);
      return { kind: 'SecRuleEngine', file, line, mode };
    }
    case 'SecRequestBodyAccess':
    case 'SecResponseBodyAccess': {
      if (!arity(1, 1)) return null;
      const v = a0.toLowerCase();
      if (v !== 'on' && v !== 'off') return fail('syntax', `${name} takes On or Off, got ${JSON.stringify(a0)}`);
      return { kind: name, file, line, enabled: v === 'on' };
    }
    case 'SecGeoLookupDb':
    case 'SecHttpBlKey':
      if (!arity(1, 1)) return null;
      return { kind: name, file, line, value: a0 };
    default:
      // MODELED_DIRECTIVES lists a name this switch does not build: a bug here, not in the rules.
      throw new Error(`SecLang parser: modeled directive ${name} has no case`);
  }
}

/** `942100`, `9001200-9001299`, several per argument separated by blanks or commas. */
function parseIdRanges(args: readonly string[], fail: (message: string) => null): IdRange[] | null {
  const ids: IdRange[] = [];
  for (const arg of args) {
    for (const token of arg.split(/[\s,]+/)) {
      if (token === '') continue;
      const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(token);
      if (m === null) return fail(`expected a rule id or id range, got ${JSON.stringify(token)}`);
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      if (to < from) return fail(`id range ${token} ends before it starts`);
      ids.push({ from, to });
    }
  }
  if (ids.length === 0) return fail('expected at least one rule id');
  return ids;
}

/**
 * Second pass: a rule with `chain` takes the next SecRule as its `chained` link. The chain
 * must continue with a SecRule in the same file; anything else is `chain_unterminated`.
 * Chain starters and SecActions must carry an `id`.
 */
function linkChains(flat: readonly Directive[], errors: SecLangError[]): Directive[] {
  const out: Directive[] = [];
  let head: RuleAst | null = null;
  let tail: RuleAst | null = null;
  const unterminated = (h: RuleAst, what: string): void => {
    errors.push(new SecLangError('chain_unterminated', h.file, h.line, h.id, `chain ends ${what} without a next SecRule`));
  };
  for (const d of flat) {
    if (tail !== null && head !== null) {
      if (d.kind === 'SecRule') {
        tail.chained = d;
        tail = hasChain(d.actions) ? d : null;
        continue;
      }
      unterminated(head, `at ${d.kind} (line ${d.line})`);
      tail = null;
    }
    if (d.kind === 'SecRule') {
      if (d.id === null) errors.push(new SecLangError('missing_rule_id', d.file, d.line, null, 'SecRule has no id action'));
      head = d;
      tail = hasChain(d.actions) ? d : null;
    } else if (d.kind === 'SecAction') {
      if (d.id === null) errors.push(new SecLangError('missing_rule_id', d.file, d.line, null, 'SecAction has no id action'));
      if (hasChain(d.actions)) errors.push(new SecLangError('syntax', d.file, d.line, d.id, 'chain is only valid on SecRule'));
    }
    out.push(d);
  }
  if (tail !== null && head !== null) unterminated(head, 'at end of file');
  return out;
}

/** ModSecurity and Coraza refuse a second rule with an id already loaded. */
function checkDuplicateIds(directives: readonly Directive[], errors: SecLangError[]): void {
  const seen = new Map<string, { file: string; line: number }>();
  for (const d of directives) {
    if ((d.kind !== 'SecRule' && d.kind !== 'SecAction') || d.id === null) continue;
    const first = seen.get(d.id);
    if (first === undefined) {
      seen.set(d.id, { file: d.file, line: d.line });
    } else {
      errors.push(new SecLangError('duplicate_rule_id', d.file, d.line, d.id, `duplicate rule id, first defined at ${first.file}:${first.line}`));
    }
  }
}
