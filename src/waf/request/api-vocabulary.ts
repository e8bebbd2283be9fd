/**
 * Fields whose values the Azure OpenAI / OpenAI API itself defines as a short list of
 * words. When a value is one of them it is the API's vocabulary, not user data, and the
 * CRS web-attack groups skip it as they skip prompts: `encoding_format: "base64"` is the
 * embeddings API asking for base64 vectors, not the `base64` command CRS 932260 sees.
 * A value outside the list is scored like any other field.
 *
 * Keys are ModSecurity JSON arg names with array indexes written `*`.
 */
import type { WafArg } from './types.js';

const VOCABULARY: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries({
  'json.encoding_format': ['float', 'base64'],
  'json.messages.*.role': ['system', 'developer', 'user', 'assistant', 'tool', 'function'],
  'json.input.*.role': ['system', 'developer', 'user', 'assistant'],
  'json.input.*.type': ['message', 'function_call', 'function_call_output', 'reasoning', 'item_reference'],
  'json.messages.*.content.*.type': ['text', 'image_url', 'input_audio', 'file', 'refusal'],
  'json.input.*.content.*.type': ['input_text', 'input_image', 'input_file', 'output_text', 'refusal'],
  'json.response_format.type': ['text', 'json_object', 'json_schema', 'url', 'b64_json'],
  'json.response_format': ['url', 'b64_json', 'json', 'text', 'srt', 'verbose_json', 'vtt'],
  'json.tool_choice': ['none', 'auto', 'required'],
  'json.tools.*.type': ['function', 'file_search', 'code_interpreter', 'web_search_preview', 'mcp', 'image_generation'],
  'json.reasoning_effort': ['minimal', 'low', 'medium', 'high'],
  'json.reasoning.effort': ['minimal', 'low', 'medium', 'high'],
  'json.service_tier': ['auto', 'default', 'flex', 'priority'],
  'json.modalities.*': ['text', 'audio'],
  'json.truncation': ['auto', 'disabled'],
  'json.quality': ['standard', 'hd', 'low', 'medium', 'high', 'auto'],
  'json.style': ['vivid', 'natural'],
  'json.size': ['256x256', '512x512', '1024x1024', '1792x1024', '1024x1792', '1536x1024', '1024x1536', 'auto'],
  'json.messages.*.content.*.image_url.detail': ['auto', 'low', 'high'],
}).map(([k, v]) => [k, new Set(v)]));

const ARRAY = '.array_';

/** `json.messages.array_2.role` → `json.messages.*.role`, by hand: a regex replace per candidate showed in profiles. */
function wildcardIndexes(name: string): string {
  let at = name.indexOf(ARRAY);
  if (at < 0) return name;
  let out = '';
  let from = 0;
  while (at >= 0) {
    let end = at + ARRAY.length;
    while (end < name.length && name.charCodeAt(end) >= 0x30 && name.charCodeAt(end) <= 0x39) end++;
    if (end === at + ARRAY.length) {
      // `.array_` without digits is a member name, not an index.
      at = name.indexOf(ARRAY, at + 1);
      continue;
    }
    out += `${name.slice(from, at)}.*`;
    from = end;
    at = name.indexOf(ARRAY, end);
  }
  return out + name.slice(from);
}

/** Every value of every list: a value outside this set needs no name lookup at all. */
const ANY_VALUE: ReadonlySet<string> = new Set([...VOCABULARY.values()].flatMap((v) => [...v]));

/** True when the arg is an API enum field holding one of its defined values. */
export function isApiVocabulary(a: WafArg): boolean {
  if (a.source !== 'body' || a.prompt || !ANY_VALUE.has(a.value)) return false;
  const allowed = VOCABULARY.get(wildcardIndexes(a.name));
  return allowed !== undefined && allowed.has(a.value);
}

/** The args with API vocabulary marked like prompt values (exempt from the web-attack groups); the same array when none is. */
export function markApiVocabulary(args: readonly WafArg[]): readonly WafArg[] {
  let out: WafArg[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.prompt || !isApiVocabulary(a)) continue;
    out ??= args.slice();
    out[i] = { ...a, prompt: true };
  }
  return out ?? args;
}
