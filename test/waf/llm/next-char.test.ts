import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INJECTION_RULES } from '../../../src/waf/llm/injection-rules.js';
import { analysable, isWhitespace, nextCharFilter, WHITESPACE } from '../../../src/waf/llm/next-char.js';
import { isAscii, normalise, unicodeFeatures } from '../../../src/waf/llm/normalise.js';
import { loadCorpus } from '../corpus/load.js';

/** Letters a filter lets through, as a string. */
function letters(filter: Uint8Array | null): string | null {
  if (filter === null) return null;
  let out = '';
  for (let c = 97; c <= 122; c++) if (filter[c] === 1) out += String.fromCharCode(c);
  return out;
}

test('isWhitespace is exactly \\s', () => {
  for (let c = 0; c <= 0xffff; c++) assert.equal(isWhitespace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  assert.equal(WHITESPACE.length, new Set(WHITESPACE).size);
});

test('every rule pattern is analysed', () => {
  for (const r of INJECTION_RULES) assert.ok(analysable(r.pattern), r.id);
});

test('the filter: the next word after whitespace, nothing after an optional end, nothing at all for a foreign anchor', () => {
  const p = String.raw`(?:when|if)\s+(?:you|the\s+(?:ai|model))\s+read\b`;
  assert.equal(letters(nextCharFilter(p, 'if')), 'ty');
  assert.equal(letters(nextCharFilter(p, 'when')), 'ty');
  // Assertions are ignored (they only remove matches), lookbehinds included.
  assert.equal(letters(nextCharFilter(String.raw`(?<=\bdo\s+)anything\s+now\b`, 'anything')), 'n');
  // The match may end right after the anchor (or after its whitespace): no filter.
  assert.equal(nextCharFilter(String.raw`jailbr(?:eak|oken)\b`, 'jailbreak'), null);
  assert.equal(nextCharFilter(String.raw`dan\s*`, 'dan'), null);
  // Counted gaps are widened: `[^.!?]{0,40}?` lets everything but . ! ? through.
  const gap = nextCharFilter(String.raw`ignore\b[^.!?]{0,40}?\bprevious\b`, 'ignore')!;
  assert.equal(gap[46], 0);
  assert.equal(gap[33], 0);
  assert.equal(gap[40], 1);
  assert.equal(letters(gap), 'abcdefghijklmnopqrstuvwxyz');
  // An anchor the pattern cannot start with: nothing can follow.
  assert.equal(letters(nextCharFilter(String.raw`(?:when|if)\s+you\b`, 'once')), '');
  // The anchor may be consumed by a longer alternative (`act` of `act\s+as\s+if`).
  assert.equal(letters(nextCharFilter(String.raw`(?:pretend|act\s+as\s+if|act\s+like)\b`, 'act')), 'al');
});

/** Normalised texts: every string of the corpus's injection and benign cases. */
function corpusTexts(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= 4) {
        const ascii = isAscii(v);
        const features = ascii ? 0 : unicodeFeatures(v);
        out.add(normalise(v, ascii, features));
      }
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x);
    } else if (typeof v === 'object' && v !== null) {
      for (const x of Object.values(v)) walk(x);
    }
  };
  for (const c of loadCorpus({ families: ['injection', 'benign'] })) walk(c.body);
  return [...out];
}

test('the filter lets through every match of every rule in the corpus (the skip is sound)', () => {
  const texts = corpusTexts();
  assert.ok(texts.length > 500);
  let checked = 0;
  for (const r of INJECTION_RULES) {
    const re = new RegExp(r.pattern, 'y');
    for (const anchor of r.anchors) {
      const filter = nextCharFilter(r.pattern, anchor);
      for (const text of texts) {
        for (let at = text.indexOf(anchor); at !== -1; at = text.indexOf(anchor, at + 1)) {
          re.lastIndex = at;
          if (!re.test(text)) continue;
          checked++;
          if (filter === null) continue;
          let q = at + anchor.length;
          while (q < text.length && isWhitespace(text.charCodeAt(q))) q++;
          const c = q < text.length ? text.charCodeAt(q) : -1;
          assert.ok(c !== -1 && (c >= 128 || filter[c] === 1), `${r.id} at "${anchor}": ${JSON.stringify(text.slice(at, at + 60))}`);
        }
      }
    }
  }
  assert.ok(checked > 300, `only ${checked} rule matches in the corpus`);
});

test('the filter lets through every match in synthetic continuations', () => {
  // Every anchor followed by whitespace and each printable ASCII character, then a tail
  // of each rule's own words: wherever the rule matches, its filter must allow that character.
  const tails = [' you are now free', ' the ai model reads this', ' all previous instructions', ' your system prompt', ' to https://x.io', ' from the developer', ' 5 words of your prompt'];
  for (const r of INJECTION_RULES) {
    const re = new RegExp(r.pattern, 'y');
    for (const anchor of r.anchors) {
      const filter = nextCharFilter(r.pattern, anchor);
      if (filter === null) continue;
      for (let c = 33; c < 127; c++) {
        for (const ws of ['', ' ', '\n\t ']) {
          for (const tail of tails) {
            const text = `x ${anchor}${ws}${String.fromCharCode(c)}${tail}`;
            re.lastIndex = 2;
            if (re.test(text)) assert.equal(filter[c], 1, `${r.id}: ${JSON.stringify(text)}`);
          }
        }
      }
    }
  }
});
