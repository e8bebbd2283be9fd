/**
 * A rule's actions compiled at load: metadata, flow, the disruptive action, and the
 * ordered list of actions that run each time the rule matches (setvar, ctl, capture…).
 */
import type { ActionSpec, IdRange, VariableSpec } from '../seclang/ast.js';
import { parseVariables } from '../seclang/rule-parts.js';
import { compileMacro, type Macro } from './macro.js';
import { compileSelector, type Exclusion } from './targets.js';
import type { LoadIssue } from './load-issues.js';

export type Disruptive = 'pass' | 'block' | 'deny' | 'drop' | 'allow' | 'allow_phase' | 'allow_request';

export type BodyProcessorName = 'JSON' | 'URLENCODED' | 'MULTIPART' | 'XML';

export type MatchAction =
  | { readonly kind: 'setvar'; readonly op: 'set' | 'add' | 'sub' | 'delete'; readonly collection: string; readonly name: Macro; readonly value: Macro }
  | { readonly kind: 'remove_ids'; readonly ranges: readonly IdRange[] }
  | { readonly kind: 'remove_tag'; readonly tag: string }
  /** `affected`: ordinals of the rules it names, filled in once the whole set is compiled. */
  | { readonly kind: 'remove_target_ids'; readonly ranges: readonly IdRange[]; readonly target: Exclusion; readonly affected: number[] }
  | { readonly kind: 'remove_target_tag'; readonly tag: string; readonly target: Exclusion; readonly affected: number[] }
  | { readonly kind: 'rule_engine'; readonly mode: 'On' | 'Off' | 'DetectionOnly' }
  | { readonly kind: 'body_processor'; readonly processor: BodyProcessorName }
  | { readonly kind: 'force_body_variable'; readonly on: boolean };

export interface CompiledActions {
  readonly id: string | null;
  readonly phase: number | null;
  readonly chain: boolean;
  readonly disruptive: Disruptive | null;
  readonly status: number | null;
  readonly msg: Macro | null;
  readonly tags: readonly string[];
  readonly severity: number | null;
  /** `log`/`nolog`; null when the rule says neither (the phase default decides). */
  readonly log: boolean | null;
  readonly capture: boolean;
  readonly multiMatch: boolean;
  /** `t:` names in order; `none` marks a reset of the inherited ones. */
  readonly transforms: readonly string[];
  readonly matchActions: readonly MatchAction[];
  readonly skip: number;
  readonly skipAfter: string | null;
}

const SEVERITIES: Record<string, number> = {
  emergency: 0, alert: 1, critical: 2, error: 3, warning: 4, notice: 5, info: 6, debug: 7,
};

/** Actions that only describe the rule (kept for audit or ignored because they describe, not act). */
const METADATA = new Set(['rev', 'ver', 'maturity', 'accuracy', 'logdata', 'auditlog', 'noauditlog', 'append', 'prepend', 'xmlns']);

export interface ActionsSite {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string | null;
}

/**
 * Compiles one rule's actions. Anything the engine cannot do is pushed to `issues`; when
 * the rule cannot be run faithfully at all, `disable` is set and the caller drops it.
 */
export function compileActions(actions: readonly ActionSpec[], site: ActionsSite, issues: LoadIssue[]): { actions: CompiledActions; disable: boolean } {
  let id: string | null = null;
  let phase: number | null = null;
  let chain = false;
  let disruptive: Disruptive | null = null;
  let status: number | null = null;
  let msg: Macro | null = null;
  const tags: string[] = [];
  let severity: number | null = null;
  let log: boolean | null = null;
  let capture = false;
  let multiMatch = false;
  const transforms: string[] = [];
  const matchActions: MatchAction[] = [];
  let skip = 0;
  let skipAfter: string | null = null;
  let disable = false;

  const issue = (kind: LoadIssue['kind'], name: string, effect: LoadIssue['effect'], message: string): void => {
    issues.push({ ruleId: site.ruleId, file: site.file, line: site.line, kind, name, effect, message });
    if (effect === 'rule_disabled') disable = true;
  };

  for (const a of actions) {
    const v = a.value ?? '';
    switch (a.name) {
      case 'id': id = v; break;
      case 'phase': phase = parsePhase(v); if (phase === null) issue('action', 'phase', 'rule_disabled', `phase:${v} is not a phase`); break;
      case 'chain': chain = true; break;
      case 'pass': case 'block': case 'deny': case 'drop': disruptive = a.name; break;
      case 'allow': disruptive = v === '' ? 'allow' : v === 'phase' ? 'allow_phase' : 'allow_request'; break;
      case 'redirect':
        disruptive = 'deny';
        issue('action', 'redirect', 'partial', 'redirect is applied as deny: the gateway answers 403 and never redirects an API client');
        break;
      case 'status': status = Number(v); break;
      case 'msg': msg = compileMacro(v); break;
      case 'tag': tags.push(v); break;
      case 'severity': severity = /^\d$/.test(v) ? Number(v) : (SEVERITIES[v.toLowerCase()] ?? null); break;
      case 'log': log = true; break;
      case 'nolog': log = false; break;
      case 'capture': capture = true; break;
      case 'multiMatch': multiMatch = true; break;
      case 't': transforms.push(v); break;
      case 'skip': skip = Number(v); break;
      case 'skipAfter': skipAfter = v; break;
      case 'setvar': {
        const sv = compileSetvar(v);
        if (sv === null) issue('action', 'setvar', 'rule_disabled', `setvar:${v} is not a valid assignment`);
        else matchActions.push(sv);
        break;
      }
      case 'ctl': {
        const c = compileCtl(v, site.ruleId);
        if (typeof c === 'string') issue('ctl', v.split('=')[0] ?? v, c.startsWith('!') ? 'rule_disabled' : 'partial', c.replace(/^!/, ''));
        else if (c !== null) matchActions.push(c);
        break;
      }
      case 'initcol':
        issue('action', 'initcol', 'partial', `initcol:${v}: persistent collections (IP, GLOBAL, SESSION) live for one request in Portcullis; counters across requests (CRS 910/912) do not accumulate`);
        break;
      case 'expirevar': case 'deprecatevar':
        issue('action', a.name, 'partial', `${a.name} has no effect: collections are not persisted between requests`);
        break;
      case 'setenv':
        issue('action', 'setenv', 'partial', 'setenv has no effect: rules cannot write the gateway process environment');
        break;
      case 'sanitiseArg': case 'sanitiseMatched': case 'sanitiseMatchedBytes': case 'sanitiseRequestHeader': case 'sanitiseResponseHeader':
        // Portcullis audit records never contain request values, so there is nothing to sanitise.
        break;
      default:
        if (METADATA.has(a.name)) break;
        issue('action', a.name, 'rule_disabled', `action ${a.name} is not supported`);
    }
  }
  return {
    actions: { id, phase, chain, disruptive, status, msg, tags, severity, log, capture, multiMatch, transforms, matchActions, skip, skipAfter },
    disable,
  };
}

function parsePhase(v: string): number | null {
  const p = v.toLowerCase();
  if (p === 'request') return 2;
  if (p === 'response') return 4;
  if (p === 'logging') return 5;
  const n = Number(p);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

const SETVAR = /^(!)?([A-Za-z_]+)\.([^=]+?)(?:=([+-])?(.*))?$/s;

function compileSetvar(text: string): MatchAction | null {
  const m = SETVAR.exec(text.trim());
  if (m === null) return null;
  const [, del, coll, name, sign, value] = m;
  const collection = coll!.toUpperCase();
  if (del === '!') return { kind: 'setvar', op: 'delete', collection, name: compileMacro(name!.toLowerCase()), value: compileMacro('') };
  // `setvar:tx.x` with no value sets it to 1 (ModSecurity v2).
  const op = sign === '+' ? 'add' : sign === '-' ? 'sub' : 'set';
  return { kind: 'setvar', op, collection, name: compileMacro(name!.toLowerCase()), value: compileMacro(value === undefined ? '1' : value) };
}

/** A MatchAction, null for an accepted no-op, or a message (`!` prefix: the rule must be disabled). */
function compileCtl(text: string, ruleId: string | null): MatchAction | null | string {
  const eq = text.indexOf('=');
  const option = (eq < 0 ? text : text.slice(0, eq)).trim();
  const value = eq < 0 ? '' : text.slice(eq + 1).trim();
  switch (option.toLowerCase()) {
    case 'ruleremovebyid': {
      const ranges = parseRanges(value);
      return ranges === null ? `!ctl:ruleRemoveById=${value} is not an id or range` : { kind: 'remove_ids', ranges };
    }
    case 'ruleremovebytag': return { kind: 'remove_tag', tag: value };
    case 'ruleremovetargetbyid': case 'ruleremovetargetbytag': {
      const semi = value.indexOf(';');
      if (semi < 0) return `!ctl:${option}=${value} names no target`;
      const target = compileTarget(value.slice(semi + 1), ruleId);
      if (target === null) return `!ctl:${option}: target ${value.slice(semi + 1)} is not a variable`;
      const head = value.slice(0, semi);
      if (option.toLowerCase() === 'ruleremovetargetbytag') return { kind: 'remove_target_tag', tag: head.toLowerCase(), target, affected: [] };
      const ranges = parseRanges(head);
      return ranges === null ? `!ctl:${option}=${value}: ${head} is not an id or range` : { kind: 'remove_target_ids', ranges, target, affected: [] };
    }
    case 'ruleengine': {
      const mode = value.toLowerCase() === 'on' ? 'On' : value.toLowerCase() === 'off' ? 'Off' : value.toLowerCase() === 'detectiononly' ? 'DetectionOnly' : null;
      return mode === null ? `!ctl:ruleEngine=${value} is not On, Off or DetectionOnly` : { kind: 'rule_engine', mode };
    }
    case 'requestbodyprocessor': {
      const p = value.toUpperCase();
      if (p === 'JSON' || p === 'URLENCODED' || p === 'MULTIPART') return { kind: 'body_processor', processor: p };
      if (p === 'XML') return 'ctl:requestBodyProcessor=XML: Portcullis has no XML processor; the body stays in REQUEST_BODY';
      return `!ctl:requestBodyProcessor=${value} is not a body processor`;
    }
    case 'forcerequestbodyvariable': return { kind: 'force_body_variable', on: value.toLowerCase() === 'on' };
    case 'auditengine': case 'auditlogparts': case 'debugloglevel':
      // ModSecurity's audit/debug logs do not exist here: the gateway writes its own audit record.
      return null;
    case 'requestbodyaccess': case 'requestbodylimit':
      return `ctl:${option} has no effect: the gateway's own body limit applies and bodies within it are always inspected`;
    default:
      return `!ctl:${option} is not supported`;
  }
}

function compileTarget(text: string, ruleId: string | null): Exclusion | null {
  const parsed = parseVariables(text.trim());
  const spec: VariableSpec | undefined = parsed.value[0];
  if (parsed.problems.length > 0 || spec === undefined || parsed.value.length !== 1) return null;
  return { collection: spec.collection, selector: compileSelector(spec, ruleId) };
}

export function parseRanges(text: string): IdRange[] | null {
  const out: IdRange[] = [];
  for (const part of text.split(/[\s,]+/)) {
    if (part === '') continue;
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (m === null) return null;
    const from = Number(m[1]);
    out.push({ from, to: m[2] === undefined ? from : Number(m[2]) });
  }
  return out.length === 0 ? null : out;
}

export function inRanges(ranges: readonly IdRange[], id: number): boolean {
  for (const r of ranges) if (id >= r.from && id <= r.to) return true;
  return false;
}
