/**
 * @detectXSS tables. ATTACKS must be detected; BENIGN (prose, code-review text, harmless
 * markup) must not be.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html5Events } from '../../../src/waf/libinjection/html5-tokenizer.js';
import { detectXss } from '../../../src/waf/libinjection/xss.js';
import { createOperator, type OperatorContext } from '../../../src/waf/operators/index.js';

export const XSS_ATTACKS: readonly string[] = [
  '<script>alert(1)</script>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=x ONERROR=alert(1)>',
  '<img src=x oNeRrOr="alert(1)">',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href=JaVaScRiPt:alert(1)>x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<iframe src="https://evil.example">',
  '<IFRAME SRCDOC="&lt;script&gt;alert(1)&lt;/script&gt;">',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onfocus="alert(1)" autofocus="',
  "' onmouseover='alert(1)",
  'x onmouseover=alert(1)',
  'javascript:alert(1)',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">',
  '<object data="data:text/html;base64,PHNjcmlwdD4=">',
  '<embed src=x.swf>',
  '<svg><animate attributeName=href values=javascript:alert(1) />',
  '<!--[if gte IE 4]><SCRIPT>alert(1)</SCRIPT><![endif]-->',
  '<details open ontoggle=alert(1)>',
  '<form><button formaction=javascript:alert(1)>x</button></form>',
  '<math><mtext><a href=javascript:alert(1)>x',
  '<link rel=stylesheet href=//evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror="alert(1)">',
];

export const XSS_BENIGN: readonly string[] = [
  'Explain what the script tag does in HTML',
  'Why is the script tag placed at the end of the body?',
  'Use a <b>bold</b> font and <i>italics</i>',
  'if x < 3 && y > 2 then',
  'I love you <3',
  'Contact <john@example.com>',
  "It's Bob's book",
  'JavaScript: The Good Parts is a book',
  'I like your style and I want only one',
  'He said "hello" onto the stage',
  'Data: 1, 2, 3',
  '{"html": "<p>hi</p>", "onload": true}',
  'Please review: the onclick handler should be debounced',
  'a<b and c>d',
  'See <https://example.com/page?x=1>',
  'Use <img src="cat.png" alt="a cat"> for the logo',
  'The <p> and <div> tags are block elements',
  'Select one or two options; the price is $5 or 10 = cheap',
  'Online or offline, the data: is the same',
  'The error handler logs onerror events to Sentry',
  'Set the href to https://example.com and the src to /img/logo.png',
  '<a href="https://example.com/docs">docs</a>',
  'Summarize: Q3 revenue rose 12% to $4.5M; costs fell 3%.',
  "user's choice: either 'dark' or 'light' theme",
  'x => x * 2; // arrow function, 1 < 2 > 0',
  '<img src="data:image/png;base64,iVBORw0KGgo=">',
];

/**
 * Benign to a human but flagged by design: markup-shaped code with an event-handler
 * attribute. `onclick={…}` cannot be exempted — in HTML `{alert(1)}` is a block statement
 * that runs. Real libinjection flags these too. Kept here so a change in behaviour is seen.
 */
export const XSS_KNOWN_FALSE_POSITIVES: readonly string[] = [
  'In JSX write <Button onClick={handle}> (a React prop, not HTML)',
  'Remove the inline <button onclick="save()"> handler, use addEventListener',
];

test('known false positives stay flagged (documented)', () => {
  for (const s of XSS_KNOWN_FALSE_POSITIVES) assert.equal(detectXss(s), true, s);
});

test('XSS attacks are detected', () => {
  for (const s of XSS_ATTACKS) assert.equal(detectXss(s), true, `missed: ${s}`);
});

test('benign text is not flagged as XSS', () => {
  for (const s of XSS_BENIGN) assert.equal(detectXss(s), false, `false positive: ${s}`);
});

test('html5 tokenizer events', () => {
  assert.deepEqual(html5Events('<img src="a b" alt=x>t</img>', 'data'), [
    { kind: 'tagOpen', name: 'img' },
    { kind: 'attrName', name: 'src' },
    { kind: 'attrValue', name: 'src', value: 'a b' },
    { kind: 'attrName', name: 'alt' },
    { kind: 'attrValue', name: 'alt', value: 'x' },
    { kind: 'tagClose', name: 'img' },
  ]);
  assert.deepEqual(html5Events('x" onclick="y', 'value"'), [
    { kind: 'attrValue', name: '', value: 'x' },
    { kind: 'attrName', name: 'onclick' },
    { kind: 'attrValue', name: 'onclick', value: 'y' },
  ]);
  assert.deepEqual(html5Events('a <!-- c --> <? p >', 'data'), [
    { kind: 'comment', value: ' c ' },
    { kind: 'comment', value: '? p ' },
  ]);
});

test('a payload after many harmless attributes is still seen', () => {
  assert.equal(detectXss('<a ' + 'x=1 '.repeat(5000) + 'onerror=alert(1)>'), true);
});

test('@detectXSS operator', () => {
  const op = createOperator('detectXSS', '', { rulesDir: '.', ruleId: '941100' });
  const tx: OperatorContext = { captures: [], expand: (s) => s };
  assert.equal(op.evaluate(tx, '<script>alert(1)</script>'), true);
  assert.equal(op.evaluate(tx, 'the script tag'), false);
});

test('XSS table counts', (t) => {
  const detected = XSS_ATTACKS.filter((s) => detectXss(s)).length;
  const fps = XSS_BENIGN.filter((s) => detectXss(s)).length;
  t.diagnostic(`xss detected ${detected}/${XSS_ATTACKS.length}, false positives ${fps}/${XSS_BENIGN.length}`);
  assert.equal(detected, XSS_ATTACKS.length);
  assert.equal(fps, 0);
});
