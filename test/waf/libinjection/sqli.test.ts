/**
 * @detectSQLi tables. ATTACKS must be detected; BENIGN must not — the benign table is the
 * one that matters most for an LLM gateway, whose traffic is prose that freely uses
 * "select", "union", "or", "drop", apostrophes and numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectSqli } from '../../../src/waf/libinjection/sqli.js';
import { fold } from '../../../src/waf/libinjection/sqli-fold.js';
import { FINGERPRINTS } from '../../../src/waf/libinjection/sqli-fingerprints.js';
import { tokenize } from '../../../src/waf/libinjection/sqli-tokenizer.js';
import { createOperator, type OperatorContext } from '../../../src/waf/operators/index.js';

/** [input, expected fingerprint] */
export const SQLI_ATTACKS: readonly (readonly [string, string])[] = [
  ["1' OR '1'='1", 's&sos'],
  ["' OR '1'='1' --", 's&sos'],
  ['" OR ""="', 's&sos'],
  ["' OR 1=1--", 's&1o1'],
  ["x' or 1=1#", 's&1o1'],
  ["1' AND 1=1 --", 's&1o1'],
  ['1 AND 1=1', '1&1o1'],
  ['1 OR 1=1', '1&1o1'],
  ['-1 OR 1=1', '1&1o1'],
  ['1) OR (1=1', '1)&(1'],
  ['1 UNION SELECT username, password FROM users', '1UEn,'],
  ['1 UNION ALL SELECT NULL,NULL,NULL', '1UE1,'],
  ["' UNION SELECT NULL--", 'sUE1c'],
  ["' UNION SELECT @@version --", 'sUEvc'],
  ['1 UN/**/ION SEL/**/ECT 1,2,3', '1UE1,'],
  ['1/**/UNION/**/SELECT/**/1', '1UE1'],
  ['1 /*!UNION*/ /*!50000SELECT*/ 1', '1UE1'],
  ["'; DROP TABLE x;--", 's;Ekn'],
  ['1; DROP TABLE users', '1;Ekn'],
  ["1; SELECT pg_sleep(5)--", '1;Ef('],
  ["1;WAITFOR DELAY '0:0:5'", '1;Eks'],
  ["'; EXEC xp_cmdshell 'dir'--", 's;Ens'],
  ["admin'--", 'sc'],
  ['admin\' #', 'sc'],
  ["admin'/*", 'sc'],
  ["admin') --", 's)c'],
  ["' OR username=0x61646d696e --", 's&no1'],
  ['1 UNION SELECT 0x61646d696e', '1UE1'],
  ['1 AND 0x1=0x1', '1&1o1'],
  ['1 OR SLEEP(5)', '1&f(1'],
  ["1' AND SLEEP(5) AND '1'='1", 's&f(1'],
  ["1' ORDER BY 3--", 'sB1c'],
  ["admin' AND SUBSTRING(password,1,1)='a", 's&f(n'],
  ["1' AND (SELECT COUNT(*) FROM users) > 0 --", 's&(Ef'],
  ['1 AND ASCII(SUBSTRING((SELECT database()),1,1))>64', '1&f(f'],
  ["' OR 'a'='a", 's&sos'],
  ["x' AND email IS NULL; --", 's&no1'],
  ["1' oR '1'='1", 's&sos'],
  ["' || 1=1 --", 's&1o1'],
  ["1 or benchmark(10000000,MD5(1))#", '1&f(1'],
  ['1 --\nUNION SELECT 1', '1UE1'],
  ["1' waitfor delay '0:0:10'--", 'sEksc'],
  ["' GROUP BY password HAVING 1=1--", 'sBnB1'],
  ["') or ('1'='1", 's)&(s'],
  ["'||(SELECT version())||'", 's&(Ef'],
  ['1 AND (SELECT 1 FROM (SELECT SLEEP(5))a)', '1&(E1'],
];

export const SQLI_BENIGN: readonly string[] = [
  'Please select one or two options from the list',
  'The union of two sets contains every element of either',
  "It's Bob's book",
  "Don't drop the ball; select a better strategy and go",
  "I can't -- really, I can't",
  'The price is $5 or 10 = cheap',
  '5 or 10 = cheap',
  '1 and 2 are both odd? No, 2 is even',
  'Contact john.doe@example.com or jane@example.org',
  '{"name": "O\'Brien", "count": 3, "tags": ["a", "b"]}',
  '{"model": "gpt-4o", "temperature": 0.2, "max_tokens": 512}',
  "Reviewer: this function should select the right index; don't drop the null check",
  "'Hello' or 'Hi' -- which one?",
  '"yes" or "no"',
  "Rock 'n' roll and the students' and teachers' rooms",
  '3 + 4 = 7, and 10 - 2 = 8',
  'Step 1; select the file, then step 2; drop it into the folder',
  "We're going to union the results and order by date",
  'Update the README; delete the old file; create a new one',
  '50% off; 1 item per customer',
  "x' is a prime in math (x' = dx/dt)",
  'Version 2.0 (beta) or later; see notes',
  "The O'Reilly book, 2nd ed., costs $39.99 -- a bargain",
  "He said 'or else' and left",
  'Call me at 555-1234 or 555-9876',
  'Use the -- flag or the # symbol',
  "What's the difference between a LEFT JOIN and an INNER JOIN?",
  "LGTM, but I'd rename `fetchAll` and drop the unused import.",
  'Translate into French: "Where is the station?"',
  "I'm 25 and my sister's 30 -- or is she 31?",
  'Order by Friday or the price goes up by 10%',
  "The team's score was 3-1 and the fans' mood = great",
  'Summarize: Q3 revenue rose 12% to $4.5M; costs fell 3%.',
  '#1 priority: fix the login bug, then #2: docs',
  "user's choice: either 'dark' or 'light' theme",
  'She asked, "Can I drop by at 5?" and I said yes',
  "Why does WHERE id = '1' OR '1'='1' return all rows?",
  'Can you explain what 1 UNION SELECT does in an injection?',
  "Students' and parents' feedback = positive",
  "O'Neil or O'Brien; whoever's free",
  '10 or 20; select whichever',
  "I'd say 'yes' and 'no' = maybe",
  'Great work -- thanks!\nSee you; select a time',
];

test('SQLi attacks are detected with the expected fingerprint', () => {
  for (const [input, fp] of SQLI_ATTACKS) {
    const r = detectSqli(input);
    assert.equal(r.injection, true, `missed: ${input} (${r.fingerprint})`);
    assert.equal(r.fingerprint, fp, `fingerprint of ${input}`);
  }
});

test('benign prose is not flagged as SQLi', () => {
  for (const input of SQLI_BENIGN) {
    const r = detectSqli(input);
    assert.equal(r.injection, false, `false positive: ${input} (${r.fingerprint})`);
  }
});

test('tokenizer types and quote contexts', () => {
  const types = (s: string, ctx: "none" | "'" | '"' = 'none'): string => tokenize(s, ctx).map((t) => t.type).join('');
  assert.equal(types("1' OR '1'='1", "'"), 's&sos');
  assert.equal(types('SELECT @@version, 0x1F, 1.5e3 FROM t -- x'), 'Ev,1,1knc');
  assert.equal(types('a /* c */ b'), 'ncn');
  assert.equal(types('count (x) foo(y) bar (z)'), 'f(n)f(n)n(n)');
  assert.equal(types("'it''s'"), 's');
  assert.equal(fold(tokenize('1 UNION ALL SELECT', 'none')).map((t) => t.type).join(''), '1UE');
  assert.equal(fold(tokenize('x ORDER BY 1', 'none')).map((t) => t.type).join(''), 'nB1');
});

test('padding with comments does not hide the payload', () => {
  assert.equal(detectSqli('1' + '/*x*/'.repeat(200) + ' UNION SELECT 1').injection, true);
  assert.equal(detectSqli('1' + ' --x\n'.repeat(200) + ' UNION SELECT 1').injection, true);
});

test('fingerprint set is built from templates and holds only ≤5-token entries', () => {
  assert.ok(FINGERPRINTS.size > 100);
  for (const fp of FINGERPRINTS) assert.ok(fp.length >= 2 && fp.length <= 5, fp);
  assert.ok(!FINGERPRINTS.has('nEn&n'));
});

test('@detectSQLi captures the fingerprint into TX:0 only with capture', () => {
  const op = createOperator('detectSQLi', '', { rulesDir: '.', ruleId: '942100' });
  const tx: OperatorContext = { captures: [], expand: (s) => s };
  assert.equal(op.evaluate(tx, "1' OR '1'='1"), true);
  assert.deepEqual(tx.captures, ['s&sos']);
  const noCap: OperatorContext = { captures: null, expand: (s) => s };
  assert.equal(op.evaluate(noCap, '1 UNION SELECT 1'), true);
  assert.equal(noCap.captures, null);
  assert.equal(op.evaluate(tx, 'hello world'), false);
});

test('SQLi table counts', (t) => {
  const detected = SQLI_ATTACKS.filter(([s]) => detectSqli(s).injection).length;
  const fps = SQLI_BENIGN.filter((s) => detectSqli(s).injection).length;
  t.diagnostic(`sqli detected ${detected}/${SQLI_ATTACKS.length}, false positives ${fps}/${SQLI_BENIGN.length}`);
  assert.equal(detected, SQLI_ATTACKS.length);
  assert.equal(fps, 0);
});
