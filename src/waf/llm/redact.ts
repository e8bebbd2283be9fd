/**
 * Replace spans of a text with `[REDACTED:<type>]` markers. The marker names the type so
 * the model (and whoever reads the transcript) still knows what was there, without the
 * value; it is the same for every occurrence, so nothing about the value leaks through
 * its length.
 */

export interface RedactSpan {
  readonly type: string;
  /** Index of the first character (UTF-16 code units). */
  readonly start: number;
  /** Index just past the last character. */
  readonly end: number;
}

export function redactionMarker(type: string): string {
  return `[REDACTED:${type}]`;
}

/**
 * The text with every span replaced. Overlapping spans are merged into one marker, named
 * for the span that starts first (the longest, when two start together): a JWT inside a
 * connection string becomes one `[REDACTED:connection_string]`, not two markers with
 * text between them. Spans are clamped to the text; empty ones are ignored.
 */
export function redact(text: string, spans: readonly RedactSpan[]): string {
  const sorted = spans
    .map((s) => ({ type: s.type, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (sorted.length === 0) return text;
  const parts: string[] = [];
  let pos = 0;
  let cur = sorted[0]!;
  let curEnd = cur.end;
  for (let i = 1; i <= sorted.length; i++) {
    const next = sorted[i];
    if (next !== undefined && next.start < curEnd) {
      if (next.end > curEnd) curEnd = next.end;
      continue;
    }
    parts.push(text.slice(pos, cur.start), redactionMarker(cur.type));
    pos = curEnd;
    if (next !== undefined) {
      cur = next;
      curEnd = next.end;
    }
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
