import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex, tokenize } from '../../../src/waf/seclang/lexer.js';

test('comments and blank lines are skipped; each directive keeps its first line', () => {
  const r = lex('# a comment\n\n  # indented comment\nSecMarker A\n\nSecMarker "B"\n', 'f.conf');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.directives.map((d) => [d.name, d.args, d.file, d.line]), [
    ['SecMarker', ['A'], 'f.conf', 4],
    ['SecMarker', ['B'], 'f.conf', 6],
  ]);
});

test('backslash-newline joins lines; the directive keeps the first line number', () => {
  const text = 'SecMarker X\nSecRule ARGS "@rx a" \\\n    "id:1,\\\n    phase:2,\\\n    pass"\nSecMarker Y\n';
  const r = lex(text, 'f.conf');
  assert.deepEqual(r.errors, []);
  assert.equal(r.directives.length, 3);
  const rule = r.directives[1]!;
  assert.equal(rule.line, 2);
  // Apache keeps the next line's indentation; the action parser trims it.
  assert.deepEqual(rule.args, ['ARGS', '@rx a', 'id:1,    phase:2,    pass']);
  assert.equal(r.directives[2]!.line, 6);
});

test('trailing blanks after the continuation backslash and CRLF line ends are tolerated', () => {
  const r = lex('SecMarker \\  \r\n  A\r\nSecMarker B\r\n', 'f.conf');
  assert.deepEqual(r.directives.map((d) => d.args), [['A'], ['B']]);
});

test('a comment ending in a backslash swallows the next line, as in Apache and Coraza', () => {
  const r = lex('# SecRule ARGS "@rx a" \\\n#   "id:1"\nSecMarker A\n', 'f.conf');
  assert.deepEqual(r.directives.map((d) => d.name), ['SecMarker']);
});

test('double-quoted arguments: \\" is a quote, other backslashes stay', () => {
  assert.deepEqual(tokenize(String.raw`SecRule ARGS "!@rx [^\"';=\x5c]\d+" "id:1"`), [
    'SecRule', 'ARGS', String.raw`!@rx [^"';=\x5c]\d+`, 'id:1',
  ]);
});

test('single-quoted top-level arguments and unquoted arguments', () => {
  assert.deepEqual(tokenize(`SecRuleRemoveByTag 'attack sqli' 123 a\\b`), ['SecRuleRemoveByTag', 'attack sqli', '123', 'a\\b']);
});

test('an unterminated quote is a syntax error at the directive line', () => {
  const r = lex('SecMarker A\nSecRule ARGS "@rx a \\\n  more\n', 'f.conf');
  assert.equal(r.directives.length, 1);
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0]!.reason, 'syntax');
  assert.equal(r.errors[0]!.line, 2);
  assert.equal(r.errors[0]!.code, 'PCS_ERR_SECLANG');
});

test('text glued to a closing quote is an error, not a silent new argument', () => {
  assert.equal(typeof tokenize('SecMarker "a"b'), 'string');
});
