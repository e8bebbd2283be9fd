/**
 * `%{collection.key}` macros (setvar names and values, msg, operator arguments), split at
 * load into literal text and lookups so the request path only concatenates.
 */

export interface MacroRef {
  /** Upper-case collection or variable name (`TX`, `MATCHED_VAR`, `REQUEST_HEADERS`, `RULE`). */
  readonly collection: string;
  /** Lower-case key, or null for a plain variable (`%{MATCHED_VAR}`). */
  readonly key: string | null;
}

export interface Macro {
  readonly parts: readonly (string | MacroRef)[];
  /** The text when it holds no macro at all (the common case), else null. */
  readonly constant: string | null;
}

export interface MacroScope {
  lookup(collection: string, key: string | null): string;
}

const MACRO = /%\{([^}]+)\}/g;

export function compileMacro(text: string): Macro {
  if (!text.includes('%{')) return { parts: [text], constant: text };
  const parts: (string | MacroRef)[] = [];
  let last = 0;
  for (const m of text.matchAll(MACRO)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const ref = m[1]!;
    const dot = ref.indexOf('.');
    parts.push(dot < 0
      ? { collection: ref.toUpperCase(), key: null }
      : { collection: ref.slice(0, dot).toUpperCase(), key: ref.slice(dot + 1).toLowerCase() });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return { parts, constant: null };
}

export function expandMacro(m: Macro, scope: MacroScope): string {
  if (m.constant !== null) return m.constant;
  let out = '';
  const parts = m.parts;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    out += typeof p === 'string' ? p : scope.lookup(p.collection, p.key);
  }
  return out;
}
