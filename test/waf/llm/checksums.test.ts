import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bsnValid, cardSchemeKnown, IBAN_LENGTHS, ibanValid, luhnValid, ninoValid, shannonEntropy, spanishIdValid, ssnValid,
} from '../../../src/waf/llm/checksums.js';

test('luhnValid', () => {
  for (const n of ['4111111111111111', '5555555555554444', '378282246310005', '79927398713', '0']) assert.ok(luhnValid(n), n);
  for (const n of ['4111111111111112', '79927398710', '', '12a4']) assert.ok(!luhnValid(n), n);
});

test('cardSchemeKnown: prefix and length', () => {
  assert.ok(cardSchemeKnown('4111111111111111'));
  assert.ok(cardSchemeKnown('4222222222222')); // 13-digit Visa
  assert.ok(!cardSchemeKnown('411111111111111')); // Visa has no 15-digit numbers
  assert.ok(cardSchemeKnown('2223003122003222'));
  assert.ok(cardSchemeKnown('378282246310005'));
  assert.ok(!cardSchemeKnown('3782822463100050'));
  assert.ok(!cardSchemeKnown('1000000000000008'));
  assert.ok(!cardSchemeKnown('9000000000000000'));
});

test('ibanValid: registry length and MOD 97-10', () => {
  for (const i of ['GB82WEST12345698765432', 'DE89370400440532013000', 'NL91ABNA0417164300', 'FR1420041010050500013M02606', 'NO9386011117947', 'MT84MALT011000012345MTLCAST001S']) assert.ok(ibanValid(i), i);
  assert.ok(!ibanValid('GB82WEST12345698765433'));
  assert.ok(!ibanValid('GB82WEST1234569876543')); // one short
  assert.ok(!ibanValid('US12345678901234567890'));
  assert.ok(!ibanValid('gb82west12345698765432'));
  assert.equal(IBAN_LENGTHS['DE'], 22);
});

test('ssnValid: never-issued areas, groups and serials', () => {
  assert.ok(ssnValid('536', '22', '1234'));
  for (const [a, g, s] of [['000', '12', '3456'], ['666', '12', '3456'], ['900', '12', '3456'], ['999', '12', '3456'], ['536', '00', '1234'], ['536', '22', '0000'], ['078', '05', '1120']]) {
    assert.ok(!ssnValid(a!, g!, s!), `${a}-${g}-${s}`);
  }
});

test('spanishIdValid: DNI and NIE check letters', () => {
  for (const id of ['12345678Z', '00000000T', 'X1234567L', 'Y1234567X', 'Z1234567R']) assert.ok(spanishIdValid(id), id);
  for (const id of ['12345678A', 'X1234567A', '1234567Z', 'W1234567L']) assert.ok(!spanishIdValid(id), id);
});

test('bsnValid: 11-test', () => {
  assert.ok(bsnValid('111222333'));
  assert.ok(bsnValid('123456782'));
  assert.ok(!bsnValid('123456789'));
  assert.ok(!bsnValid('000000000'));
  assert.ok(!bsnValid('12345678'));
});

test('ninoValid: HMRC prefix rules', () => {
  assert.ok(ninoValid('AB123456C'));
  for (const n of ['BG123456A', 'GB123456A', 'NK123456A', 'TN123456A', 'ZZ123456A', 'DA123456A', 'AD123456A', 'AO123456A', 'AB123456E', 'QQ123456C']) assert.ok(!ninoValid(n), n);
});

test('shannonEntropy', () => {
  assert.equal(shannonEntropy(''), 0);
  assert.equal(shannonEntropy('aaaa'), 0);
  assert.equal(shannonEntropy('abcd'), 2);
  assert.ok(shannonEntropy('f8Jd93kLq0Zx7Yt2Wv5Bn1Mc') > 4);
});
