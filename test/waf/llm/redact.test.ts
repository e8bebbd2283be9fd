import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redact, redactionMarker } from '../../../src/waf/llm/redact.js';

test('replaces each span with a typed marker', () => {
  assert.equal(redactionMarker('credit_card'), '[REDACTED:credit_card]');
  const text = 'card 4111 1111 1111 1111, iban DE89370400440532013000.';
  const out = redact(text, [
    { type: 'iban', start: 31, end: 53 },
    { type: 'credit_card', start: 5, end: 24 },
  ]);
  assert.equal(out, 'card [REDACTED:credit_card], iban [REDACTED:iban].');
});

test('merges overlapping spans into one marker named for the first', () => {
  const text = '0123456789';
  assert.equal(redact(text, [{ type: 'a', start: 2, end: 6 }, { type: 'b', start: 4, end: 8 }]), '01[REDACTED:a]89');
  assert.equal(redact(text, [{ type: 'inner', start: 3, end: 5 }, { type: 'outer', start: 3, end: 7 }]), '012[REDACTED:outer]789');
  assert.equal(redact(text, [{ type: 'x', start: 1, end: 9 }, { type: 'y', start: 2, end: 3 }, { type: 'z', start: 8, end: 10 }]), '0[REDACTED:x]');
});

test('adjacent spans stay separate; empty and out-of-range spans are harmless', () => {
  assert.equal(redact('abcdef', [{ type: 'a', start: 0, end: 2 }, { type: 'b', start: 2, end: 4 }]), '[REDACTED:a][REDACTED:b]ef');
  assert.equal(redact('abcdef', [{ type: 'e', start: 3, end: 3 }]), 'abcdef');
  assert.equal(redact('abcdef', [{ type: 'x', start: -5, end: 2 }, { type: 'y', start: 5, end: 99 }]), '[REDACTED:x]cde[REDACTED:y]');
  assert.equal(redact('abcdef', []), 'abcdef');
  assert.equal(redact('', [{ type: 'x', start: 0, end: 1 }]), '');
});
