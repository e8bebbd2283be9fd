/**
 * Fits a check's input to Prompt Shields' input limits, as documented under "Input
 * requirements" of the Content Safety overview
 * (learn.microsoft.com/azure/ai-services/content-safety/overview#input-requirements):
 * a user prompt of at most 10K characters, and at most five documents with 10K characters
 * in all. The service answers 400 to anything larger.
 *
 * Over-long input is SPLIT, not truncated: truncation would leave the cut-off part
 * unchecked, and an attacker would put the injection after the cut. Each piece goes in
 * its own call, and the calls run in parallel. Consecutive pieces of one text overlap by
 * OVERLAP_CHARS so that an instruction straddling a cut is still seen whole in one piece.
 * The number of calls is capped by the caller (`maxCallsPerCheck`); input that needs more
 * returns null and is not checked at all (the verdict is then `input_too_large`).
 *
 * Lengths are counted in UTF-16 code units (JavaScript's `length`), which is never less
 * than the count in code points or grapheme clusters, whatever unit the service counts:
 * a piece that fits here fits there. A cut never falls inside a surrogate pair, so every
 * piece is valid UTF-16.
 */

/** Longest `userPrompt` of one call. */
export const MAX_PROMPT_CHARS = 10_000;
/** Most entries in `documents` of one call. */
export const MAX_DOCUMENTS = 5;
/** Most characters in all `documents` of one call together. */
export const MAX_DOCUMENT_CHARS = 10_000;
/** Characters repeated at the start of the next piece of a split text (5% of a piece). */
export const OVERLAP_CHARS = 500;

/** The body of one shieldPrompt call. */
export interface ShieldCall {
  readonly userPrompt: string;
  readonly documents: readonly string[];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Cuts `text` into pieces of at most `max` code units, each overlapping the previous by
 * `overlap`, and appends them to `out`. Returns false, having appended only part, once
 * `out` would exceed `limit` pieces: a huge text is never cut up in full only to be refused.
 */
export function splitText(text: string, max: number, overlap: number, out: string[], limit: number): boolean {
  if (text.length <= max) {
    if (out.length >= limit) return false;
    out.push(text);
    return true;
  }
  let start = 0;
  for (;;) {
    if (out.length >= limit) return false;
    let end = Math.min(start + max, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    out.push(text.slice(start, end));
    if (end >= text.length) return true;
    let next = end - overlap;
    if (isLowSurrogate(text.charCodeAt(next))) next--;
    start = next;
  }
}

/**
 * The calls that together check `userPrompt` and `documents` within the service limits,
 * or null when more than `maxCalls` would be needed. Empty texts are skipped: there is
 * nothing in them to check. An empty result means there is nothing to check at all.
 *
 * Prompt pieces and document batches are paired up call by call, so the call count is
 * the larger of the two counts, not their sum.
 */
export function planCalls(userPrompt: string, documents: readonly string[], maxCalls: number): ShieldCall[] | null {
  const prompts: string[] = [];
  if (userPrompt.length > 0 && !splitText(userPrompt, MAX_PROMPT_CHARS, OVERLAP_CHARS, prompts, maxCalls)) return null;

  // Pieces of every document, then packed greedily, in order, into batches that respect
  // both the count and the total-length limit.
  const pieces: string[] = [];
  const pieceLimit = maxCalls * MAX_DOCUMENTS;
  for (const doc of documents) {
    if (doc.length > 0 && !splitText(doc, MAX_DOCUMENT_CHARS, OVERLAP_CHARS, pieces, pieceLimit)) return null;
  }
  const batches: string[][] = [];
  let batch: string[] = [];
  let chars = 0;
  for (const piece of pieces) {
    if (batch.length === MAX_DOCUMENTS || chars + piece.length > MAX_DOCUMENT_CHARS) {
      batches.push(batch);
      if (batches.length >= maxCalls) return null;
      batch = [];
      chars = 0;
    }
    batch.push(piece);
    chars += piece.length;
  }
  if (batch.length > 0) batches.push(batch);

  const n = Math.max(prompts.length, batches.length);
  const calls: ShieldCall[] = new Array<ShieldCall>(n);
  for (let i = 0; i < n; i++) calls[i] = { userPrompt: prompts[i] ?? '', documents: batches[i] ?? [] };
  return calls;
}
