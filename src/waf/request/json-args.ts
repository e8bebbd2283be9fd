/**
 * ARGS of a JSON body, named the way libmodsecurity v3's JSON body processor names them
 * (owasp-modsecurity/ModSecurity `src/request_body_processor/json.cc`, `JSON::addArgument`
 * and `getCurrentKey` in json.h; unchanged from the yajl processor to the 2025
 * simdjson/jsoncons backends, and pinned by test/test-cases/regression/
 * request-body-parser-json.json: `ARGS:json.foo`, `ARGS:json.first_level.first_key`):
 *
 *   {"a":"x","b":{"c":1},"d":[true,{"e":null},[3]],"":"k"}
 *   json.a=x  json.b.c=1  json.d.array_0=true  json.d.array_1.e=  json.d.array_2.array_0=3
 *   json.empty-key=k
 *
 * - the root container is named `json` (a bare top-level scalar is the ARG `json`);
 * - an object member appends `.` + key; an empty key is written `empty-key`;
 * - an array element appends `.array_` + its index;
 * - values: strings as their UTF-8 bytes, numbers as text, `true`/`false`, null as ''
 *   (yajl_null adds an empty value); empty objects and arrays add nothing.
 *
 * Why v3 and not the alternatives:
 * - ModSecurity v2.9 (apache2/msc_json.c) has no root prefix and repeats the parent key
 *   for every array element (`messages.messages.content` for each message), so one name
 *   covers every element and an exclusion cannot single out a field; it is end-of-life.
 * - Coraza (internal/bodyprocessors/json.go) writes `json.messages.0.content` and adds
 *   an extra ARG per array holding its length, which CRS exclusions written for
 *   ModSecurity do not expect.
 * v3 names are unique per value, and rules or exclusions written for ModSecurity v3
 * (nginx/App Gateway users' CRS tuning, `ARGS:json.…`) carry over unchanged.
 *
 * We walk the value JSON.parse produced, so two deviations from a streaming parser:
 * a duplicated key keeps only its last value, and integer-like keys come first in
 * ascending order (JS property order). Numbers are re-printed by JS (`1.0` → `1`).
 */
import { toByteString } from '../transforms/byte-string.js';
import type { PromptField, WafArg } from './types.js';
import type { PromptFieldMatcher, PromptMatchState } from './prompt-fields.js';

/** Name of the root container (json.h `getCurrentKey` with no container open). */
export const JSON_ROOT_NAME = 'json';

/** ModSecurity v3 name of object member `key` of the value named `parent`. */
export function jsonMemberName(parent: string, key: string): string {
  return `${parent}.${key === '' ? 'empty-key' : key}`;
}

/** ModSecurity v3 name of array element `index` of the value named `parent`. */
export function jsonElementName(parent: string, index: number): string {
  return `${parent}.array_${index}`;
}

export interface FlattenJsonOptions {
  readonly matcher: PromptFieldMatcher;
  /** Most ARGS to produce; one more stops the walk with error 'too_many_arguments'. */
  readonly maxArgs: number;
  /** Most nested containers (the root object or array is depth 1), as v3 counts them. */
  readonly maxDepth: number;
}

export type FlattenJsonError = 'too_many_arguments' | 'depth_exceeded';

export interface FlattenJsonResult {
  /** ARGS (source 'body') in document order; those before the error when there is one. */
  readonly args: WafArg[];
  /** The prompt-bearing string values among them, in document order. */
  readonly promptFields: PromptField[];
  /** The walk stopped early, as ModSecurity aborts the parse on these. */
  readonly error: FlattenJsonError | null;
}

/** Flattens a parsed JSON value into ARGS and prompt fields in one walk. */
export function flattenJson(json: unknown, opts: FlattenJsonOptions): FlattenJsonResult {
  const walker = new JsonWalker(opts);
  walker.visit(json, JSON_ROOT_NAME, opts.matcher.root, undefined, 0);
  return { args: walker.args, promptFields: walker.promptFields, error: walker.error };
}

/** A prompt ARG whose byte-string value is made on first read (a class: one getter on the prototype, no closure per field). */
class PromptArg implements WafArg {
  readonly name: string;
  readonly source = 'body';
  readonly prompt = true;
  private readonly text: string;
  private bytes: string | null = null;

  constructor(name: string, text: string) {
    this.name = name;
    this.text = text;
  }

  get value(): string {
    return (this.bytes ??= toByteString(this.text));
  }
}

/** One walk's state; a class so the recursion shares it without closures. */
class JsonWalker {
  readonly args: WafArg[] = [];
  readonly promptFields: PromptField[] = [];
  error: FlattenJsonError | null = null;
  /** JSON path of the value being visited (copied into each PromptField). */
  private readonly path: (string | number)[] = [];
  private readonly matcher: PromptFieldMatcher;
  private readonly maxArgs: number;
  private readonly maxDepth: number;

  constructor(opts: FlattenJsonOptions) {
    this.matcher = opts.matcher;
    this.maxArgs = opts.maxArgs;
    this.maxDepth = opts.maxDepth;
  }

  /**
   * `name` is the Unicode ARG name (keys are JS strings); `role` is the nearest
   * enclosing object's string `role` member; `depth` counts enclosing containers.
   */
  visit(value: unknown, name: string, state: PromptMatchState, role: string | undefined, depth: number): void {
    if (this.error !== null) return;
    if (typeof value === 'string') {
      const kind = this.matcher.isDead(state) ? null : this.matcher.kindOf(state, role, value);
      if (!(kind === null ? this.add(name, toByteString(value), false) : this.addPrompt(name, value))) return;
      if (kind !== null) {
        this.promptFields.push({ path: this.path.slice(), argName: name, kind, text: value });
      }
      return;
    }
    if (value === null) { this.add(name, '', false); return; }
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
      this.add(name, String(value), false);
      return;
    }
    if (typeof value !== 'object') return; // undefined/functions: not JSON, nothing to inspect
    if (depth + 1 > this.maxDepth) { this.error = 'depth_exceeded'; return; }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && this.error === null; i++) {
        this.path.push(i);
        this.visit(value[i], jsonElementName(name, i), this.matcher.step(state, i), role, depth + 1);
        this.path.pop();
      }
      return;
    }
    const obj = value as Record<string, unknown>;
    const ownRole = obj['role'];
    const innerRole = typeof ownRole === 'string' ? ownRole : role;
    for (const key of Object.keys(obj)) {
      if (this.error !== null) return;
      this.path.push(key);
      this.visit(obj[key], jsonMemberName(name, key), this.matcher.step(state, key), innerRole, depth + 1);
      this.path.pop();
    }
  }

  /**
   * A prompt value becomes a byte string only if a rule reads it: the CRS web-attack
   * groups skip prompts, and converting a 200 KB document costs milliseconds.
   */
  private addPrompt(name: string, text: string): boolean {
    if (this.args.length >= this.maxArgs) {
      this.error = 'too_many_arguments';
      return false;
    }
    this.args.push(new PromptArg(toByteString(name), text));
    return true;
  }

  /** Adds one ARG; false (and the error set) once `maxArgs` is exceeded. */
  private add(name: string, value: string, prompt: boolean): boolean {
    if (this.args.length >= this.maxArgs) {
      this.error = 'too_many_arguments';
      return false;
    }
    this.args.push({ name: toByteString(name), value, source: 'body', prompt });
    return true;
  }
}
