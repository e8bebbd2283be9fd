/**
 * A small HTML5 tokenizer for @detectXSS, following the state names of the WHATWG
 * tokenizer (https://html.spec.whatwg.org/multipage/parsing.html#tokenization) but only as
 * far as XSS detection needs: tag names, attribute names and values, comments. Character
 * references are not decoded here (xss.ts decodes attribute values it inspects).
 *
 * Like libinjection's html5 scanner it can start in the middle of a document: inside text,
 * or inside an unquoted / '…' / "…" / `…` attribute value, which is where a reflected
 * parameter lands when an application echoes it into a tag.
 */

export type Html5Start = 'data' | 'valueUnquoted' | "value'" | 'value"' | 'value`';

export type Html5Event =
  | { kind: 'tagOpen'; name: string }
  | { kind: 'tagClose'; name: string }
  | { kind: 'attrName'; name: string }
  /** `name` is '' for the value the input started inside. */
  | { kind: 'attrValue'; name: string; value: string }
  | { kind: 'comment'; value: string };

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r' || c === '\v';
const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);

/** Tokenizes `s` from the given start state into a list (for tests and diagnostics). */
export function html5Events(s: string, start: Html5Start): Html5Event[] {
  const ev: Html5Event[] = [];
  scanHtml5(s, start, (e) => { ev.push(e); return false; });
  return ev;
}

/**
 * Streams events to `visit`; stops as soon as it returns true (and returns true). One pass,
 * linear in the input, no cap on the number of events — a payload after a thousand harmless
 * attributes is still seen.
 */
export function scanHtml5(s: string, start: Html5Start, visit: (e: Html5Event) => boolean): boolean {
  let stopped = false;
  const ev = { push(e: Html5Event): void { if (!stopped && visit(e)) stopped = true; } };
  let i = 0;
  let attr = '';

  // Reads an attribute value from i in the given quoting; returns the index after it.
  const readValue = (q: string, name: string): void => {
    let j = i;
    if (q === '') {
      while (j < s.length && !isWs(s[j]) && s[j] !== '>') j++;
      ev.push({ kind: 'attrValue', name, value: s.slice(i, j) });
      i = j;
    } else {
      const end = s.indexOf(q, j);
      j = end < 0 ? s.length : end;
      ev.push({ kind: 'attrValue', name, value: s.slice(i, j) });
      i = end < 0 ? s.length : end + 1;
    }
  };

  // Inside a tag after its name (or after a value): "before attribute name" and what follows.
  // Returns when the tag ends ('>') or input ends.
  const inTag = (): void => {
    while (i < s.length && !stopped) {
      const c = s[i];
      if (isWs(c) || c === '/') { i++; continue; }
      if (c === '>') { i++; return; }
      // attribute name (a leading '=' is part of the name, per the spec)
      let j = i + 1;
      while (j < s.length && !isWs(s[j]) && s[j] !== '/' && s[j] !== '>' && s[j] !== '=') j++;
      attr = s.slice(i, j).toLowerCase();
      ev.push({ kind: 'attrName', name: attr });
      if (stopped) return;
      i = j;
      while (isWs(s[i])) i++;
      if (s[i] !== '=') continue;
      i++;
      while (isWs(s[i])) i++;
      const q = s[i];
      if (q === '"' || q === "'" || q === '`') { i++; readValue(q, attr); } else if (q === '>') { i++; return; } else readValue('', attr);
    }
  };

  if (start !== 'data') {
    const q = start === 'valueUnquoted' ? '' : start.slice(5);
    readValue(q, '');
    if (!stopped) inTag();
  }

  while (i < s.length && !stopped) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    i = lt + 1;
    const c = s[i];
    if (isAlpha(c)) {
      let j = i;
      while (j < s.length && !isWs(s[j]) && s[j] !== '/' && s[j] !== '>') j++;
      ev.push({ kind: 'tagOpen', name: s.slice(i, j).toLowerCase() });
      i = j;
      inTag();
    } else if (c === '/' && isAlpha(s[i + 1])) {
      let j = i + 1;
      while (j < s.length && !isWs(s[j]) && s[j] !== '>') j++;
      ev.push({ kind: 'tagClose', name: s.slice(i + 1, j).toLowerCase() });
      const end = s.indexOf('>', j);
      i = end < 0 ? s.length : end + 1;
    } else if (c === '!' || c === '?' || c === '/') {
      // Markup declaration, processing instruction or bogus comment.
      if (s.startsWith('!--', i)) {
        const end = s.indexOf('-->', i + 3);
        ev.push({ kind: 'comment', value: s.slice(i + 3, end < 0 ? s.length : end) });
        i = end < 0 ? s.length : end + 3;
      } else {
        const end = s.indexOf('>', i);
        ev.push({ kind: 'comment', value: s.slice(i, end < 0 ? s.length : end) });
        i = end < 0 ? s.length : end + 1;
      }
    }
    // any other byte after '<' is text ("x < 3", "<3")
  }
  return stopped;
}
