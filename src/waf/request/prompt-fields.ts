/**
 * Which JSON values of an Azure OpenAI / OpenAI request body carry prompt content.
 *
 * CRS web-attack rules (SQLi, XSS, RCE…) misfire on natural language and code that users
 * legitimately send to a model, so prompt values are flagged on their ARGS entry
 * (`WafArg.prompt`) and handed to the LLM rules as `PromptField`s instead. Everything the
 * table does not name (model, user, metadata, ids, names, temperature…) stays an ordinary
 * ARG that CRS inspects.
 *
 * Path patterns, from the body root:
 * - `a.b`   object member `b` of member `a`;
 * - `[*]`   any array index (`messages[*].content`);
 * - `[**]`  this value and its whole subtree, last in a pattern only (`tools[**]`).
 * A value matches an entry when its path matches the pattern and, if the entry lists
 * `roles`, the nearest enclosing object that has a string `role` member has one of them.
 * The FIRST matching entry decides the kind, so narrow entries precede broad ones, and
 * caller entries (config `waf.promptFields`) are placed before the built-in ones.
 * Only string values are prompt fields: numbers, booleans and null never carry text.
 *
 * The table is compiled once (at load) into a trie; the JSON walk (json-args.ts) steps a
 * small set of trie states per member, and a subtree no entry can reach is dropped at once.
 */
import type { PromptField, PromptFieldKind } from './types.js';
import { flattenJson } from './json-args.js';

/**
 * `url_or_data`: an image reference that is either a URL the backend fetches ('url') or
 * an inline `data:` URL with base64 bytes ('data'), decided per value.
 */
export type PromptFieldEntryKind = PromptFieldKind | 'url_or_data';

export interface PromptFieldEntry {
  /** Path pattern (see the file comment). */
  readonly path: string;
  readonly kind: PromptFieldEntryKind;
  /** Applies only inside an object whose `role` is one of these (chat tool messages). */
  readonly roles?: readonly string[];
}

const TOOL_ROLES = ['tool', 'function'] as const;

/** The built-in table. Order matters: the first matching entry wins. */
export const DEFAULT_PROMPT_FIELDS: readonly PromptFieldEntry[] = [
  // Chat Completions: a `tool` (or legacy `function`) message's content is a tool result,
  // not something a person typed; it must precede the general `content` entries.
  { path: 'messages[*].content', kind: 'tool_result', roles: TOOL_ROLES },
  // Chat Completions: tool results sent as an array of text parts.
  { path: 'messages[*].content[*].text', kind: 'tool_result', roles: TOOL_ROLES },
  // Chat Completions: system/developer/user/assistant message text (string form).
  { path: 'messages[*].content', kind: 'text' },
  // Chat Completions: `{ type: 'text', text }` content part.
  { path: 'messages[*].content[*].text', kind: 'text' },
  // Chat Completions: assistant `{ type: 'refusal', refusal }` part replayed as history.
  { path: 'messages[*].content[*].refusal', kind: 'text' },
  // Chat Completions: `{ type: 'image_url', image_url: { url } }`; https URL or data: URL.
  { path: 'messages[*].content[*].image_url.url', kind: 'url_or_data' },
  // Chat Completions: `{ type: 'input_audio', input_audio: { data, format } }`, base64.
  { path: 'messages[*].content[*].input_audio.data', kind: 'data' },
  // Chat Completions: `{ type: 'file', file: { file_data } }`, base64 (data URL).
  { path: 'messages[*].content[*].file.file_data', kind: 'data' },
  // Chat Completions: tool-call arguments the model produced, replayed as history.
  { path: 'messages[*].tool_calls[*].function.arguments', kind: 'tool_result' },
  // Chat Completions: legacy `function_call` arguments, replayed as history.
  { path: 'messages[*].function_call.arguments', kind: 'tool_result' },
  // Completions / image generation: `prompt`, a string…
  { path: 'prompt', kind: 'text' },
  // …or an array of strings (token arrays are numbers and never match).
  { path: 'prompt[*]', kind: 'text' },
  // Completions: text after the insertion point.
  { path: 'suffix', kind: 'text' },
  // Embeddings and Responses: `input` as one string…
  { path: 'input', kind: 'text' },
  // …or embeddings' array of strings.
  { path: 'input[*]', kind: 'text' },
  // Responses: message item `{ role, content }` with string content.
  { path: 'input[*].content', kind: 'text' },
  // Responses: `input_text` / `output_text` content parts.
  { path: 'input[*].content[*].text', kind: 'text' },
  // Responses: `{ type: 'input_image', image_url }`; https URL or data: URL.
  { path: 'input[*].content[*].image_url', kind: 'url_or_data' },
  // Responses: `{ type: 'input_file', file_data }`, base64.
  { path: 'input[*].content[*].file_data', kind: 'data' },
  // Responses: `{ type: 'input_file', file_url }`, fetched by the backend.
  { path: 'input[*].content[*].file_url', kind: 'url' },
  // Responses: `{ type: 'function_call_output', output }` with a string output…
  { path: 'input[*].output', kind: 'tool_result' },
  // …or an array of text parts…
  { path: 'input[*].output[*].text', kind: 'tool_result' },
  // …or image parts.
  { path: 'input[*].output[*].image_url', kind: 'url_or_data' },
  // Responses: `{ type: 'function_call', arguments }` the model produced, replayed.
  { path: 'input[*].arguments', kind: 'tool_result' },
  // Responses: system/developer instructions.
  { path: 'instructions', kind: 'text' },
  // Responses: remote MCP tool server, fetched by the backend (before `tools[**]`).
  { path: 'tools[*].server_url', kind: 'url' },
  // Tool definitions: names, descriptions, JSON-schema parameters, whole subtree.
  { path: 'tools[**]', kind: 'tool_definition' },
  // Legacy Chat Completions function definitions.
  { path: 'functions[**]', kind: 'tool_definition' },
  // Chat Completions structured output: the JSON schema and its descriptions.
  { path: 'response_format.json_schema[**]', kind: 'tool_definition' },
  // Responses structured output (`text.format` holds the JSON schema there).
  { path: 'text.format[**]', kind: 'tool_definition' },
  // Predicted outputs: expected completion text, string form…
  { path: 'prediction.content', kind: 'text' },
  // …or text parts.
  { path: 'prediction.content[*].text', kind: 'text' },
  // Stop sequences: a string…
  { path: 'stop', kind: 'text' },
  // …or an array of strings.
  { path: 'stop[*]', kind: 'text' },
  // Azure On Your Data: the system message given to the retrieval model.
  { path: 'data_sources[*].parameters.role_information', kind: 'text' },
];

/** Load-time error codes of this module (config errors, never client denies). */
export const PROMPT_FIELD_ERROR_CODES = {
  /** A `waf.promptFields` path pattern does not follow the grammar in prompt-fields.ts. */
  WAF_ERR_PROMPT_FIELD_PATH: 'invalid prompt field path',
} as const;

export type PromptFieldErrorCode = keyof typeof PROMPT_FIELD_ERROR_CODES;

export class PromptFieldError extends Error {
  readonly code: PromptFieldErrorCode;
  /** The pattern as written. */
  readonly path: string;

  constructor(code: PromptFieldErrorCode, path: string, detail: string) {
    super(`${PROMPT_FIELD_ERROR_CODES[code]} "${path}": ${detail}`);
    this.name = 'PromptFieldError';
    this.code = code;
    this.path = path;
  }
}

/** One parsed pattern step: an object key, any array index, or the whole subtree. */
type Step = { readonly key: string } | { readonly index: true } | { readonly subtree: true };

/** Splits a path pattern into steps; throws PromptFieldError on anything else. */
export function parsePromptPath(path: string): readonly Step[] {
  const steps: Step[] = [];
  const n = path.length;
  let i = 0;
  const fail = (detail: string): never => {
    throw new PromptFieldError('WAF_ERR_PROMPT_FIELD_PATH', path, detail);
  };
  if (n === 0) fail('empty pattern');
  while (i < n) {
    if (steps.length > 0 && 'subtree' in steps[steps.length - 1]!) fail('[**] must be last');
    const c = path[i];
    if (c === '[') {
      if (path.startsWith('[*]', i)) { steps.push({ index: true }); i += 3; }
      else if (path.startsWith('[**]', i)) { steps.push({ subtree: true }); i += 4; }
      else fail(`only [*] and [**] are allowed at offset ${i}`);
      continue;
    }
    if (c === '.') {
      if (steps.length === 0) fail('leading "."');
      i++;
    } else if (steps.length > 0) {
      fail(`expected "." or "[" at offset ${i}`);
    }
    let end = i;
    while (end < n && path[end] !== '.' && path[end] !== '[' && path[end] !== ']') end++;
    if (end === i) fail(`empty key at offset ${i}`);
    if (path[end] === ']') fail(`unexpected "]" at offset ${end}`);
    steps.push({ key: path.slice(i, end) });
    i = end;
  }
  return steps;
}

interface CompiledEntry {
  /** Position in the effective table: lower wins. */
  readonly order: number;
  readonly kind: PromptFieldEntryKind;
  readonly roles: ReadonlySet<string> | null;
}

interface TrieNode {
  readonly keys: Map<string, TrieNode>;
  index: TrieNode | null;
  /** Entries whose pattern ends at this node. */
  readonly exact: CompiledEntry[];
  /** Entries whose pattern ends with `[**]` at this node (this value and below). */
  readonly subtree: CompiledEntry[];
}

function newNode(): TrieNode {
  return { keys: new Map(), index: null, exact: [], subtree: [] };
}

/**
 * Where a JSON walk stands in the table: the trie nodes its path reaches, plus the
 * `[**]` entries of ancestors (which cover every descendant). Opaque to callers.
 */
export interface PromptMatchState {
  readonly nodes: readonly TrieNode[];
  readonly inherited: readonly CompiledEntry[];
}

const DEAD: PromptMatchState = { nodes: [], inherited: [] };

/** The compiled table. Built once; `step`/`kindOf` allocate only small arrays. */
export class PromptFieldMatcher {
  readonly entries: readonly PromptFieldEntry[];
  readonly root: PromptMatchState;

  constructor(entries: readonly PromptFieldEntry[]) {
    this.entries = entries;
    const root = newNode();
    entries.forEach((e, order) => {
      let node = root;
      let subtree = false;
      for (const step of parsePromptPath(e.path)) {
        if ('key' in step) {
          let next = node.keys.get(step.key);
          if (next === undefined) { next = newNode(); node.keys.set(step.key, next); }
          node = next;
        } else if ('index' in step) {
          node.index ??= newNode();
          node = node.index;
        } else {
          subtree = true;
        }
      }
      const compiled: CompiledEntry = {
        order,
        kind: e.kind,
        roles: e.roles === undefined ? null : new Set(e.roles),
      };
      (subtree ? node.subtree : node.exact).push(compiled);
    });
    this.root = { nodes: [root], inherited: [] };
  }

  /** The state of a child: object member `key` (string) or array element `key` (number). */
  step(state: PromptMatchState, key: string | number): PromptMatchState {
    if (state === DEAD) return DEAD;
    let nodes: TrieNode[] | null = null;
    let inherited = state.inherited;
    for (const node of state.nodes) {
      if (node.subtree.length > 0) inherited = inherited.concat(node.subtree);
      const next = typeof key === 'number' ? node.index : node.keys.get(key);
      if (next != null) (nodes ??= []).push(next);
    }
    if (nodes === null && inherited.length === 0) return DEAD;
    return { nodes: nodes ?? [], inherited };
  }

  /** True when no value at or below this state can be a prompt field (skip the lookups). */
  isDead(state: PromptMatchState): boolean {
    return state === DEAD;
  }

  /**
   * The kind of a string value at `state`, or null when it is not prompt content.
   * `role` is the nearest enclosing object's `role` member, if any.
   */
  kindOf(state: PromptMatchState, role: string | undefined, text: string): PromptFieldKind | null {
    let best: CompiledEntry | null = null;
    for (const node of state.nodes) {
      best = pick(node.exact, best, role);
      best = pick(node.subtree, best, role);
    }
    best = pick(state.inherited, best, role);
    if (best === null) return null;
    if (best.kind !== 'url_or_data') return best.kind;
    return isDataUrl(text) ? 'data' : 'url';
  }
}

/** The earliest entry of `list` that applies under `role`, if earlier than `best`. */
function pick(list: readonly CompiledEntry[], best: CompiledEntry | null, role: string | undefined): CompiledEntry | null {
  for (const e of list) {
    if (best !== null && e.order >= best.order) continue;
    if (e.roles !== null && (role === undefined || !e.roles.has(role))) continue;
    best = e;
  }
  return best;
}

/** `data:` scheme (RFC 2397), case-insensitive, after optional leading whitespace. */
function isDataUrl(text: string): boolean {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 0x20) i++;
  return text.slice(i, i + 5).toLowerCase() === 'data:';
}

export interface PromptFieldTableOptions {
  /** Use this table instead of DEFAULT_PROMPT_FIELDS. */
  readonly replace?: readonly PromptFieldEntry[];
  /** Entries tried before the table (so they can override a built-in kind). */
  readonly extra?: readonly PromptFieldEntry[];
}

/** Compiles the effective table; throws PromptFieldError on a bad pattern (at load). */
export function compilePromptFields(opts: PromptFieldTableOptions = {}): PromptFieldMatcher {
  const base = opts.replace ?? DEFAULT_PROMPT_FIELDS;
  return new PromptFieldMatcher(opts.extra === undefined ? base : [...opts.extra, ...base]);
}

/** The built-in table, compiled once. */
export const DEFAULT_PROMPT_MATCHER: PromptFieldMatcher = compilePromptFields();

/** Default bound on nesting when walking a body only for its prompt fields. */
const PROMPT_WALK_MAX_DEPTH = 64;

/**
 * The prompt fields of a parsed JSON body, in document order (what the LLM rules read).
 * Walks at most `maxDepth` levels; deeper values are not reported (extractRequest
 * reports such a body as a body error anyway).
 */
export function promptFieldsOf(
  json: unknown,
  matcher: PromptFieldMatcher = DEFAULT_PROMPT_MATCHER,
  maxDepth = PROMPT_WALK_MAX_DEPTH,
): PromptField[] {
  return flattenJson(json, { matcher, maxDepth, maxArgs: Infinity }).promptFields;
}
