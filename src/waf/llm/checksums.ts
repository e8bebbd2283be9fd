/**
 * Check digits and structural rules that turn "looks like a number" into "is one".
 * Every secret detector for personal data validates with one of these, which is what keeps
 * false positives on order ids, versions and dates down. All take ASCII strings already
 * stripped of separators.
 */

/** Luhn mod-10 (ISO/IEC 7812-1 annex B), used by every payment card scheme. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * Issuer identification number ranges with their valid lengths. A Luhn-valid run of
 * digits is only a card when some scheme issues that prefix at that length; this drops
 * nine in ten Luhn-valid order ids (which rarely start with a scheme prefix and length).
 * Ranges: ISO/IEC 7812 registrations as published by the schemes (Visa, Mastercard incl.
 * the 2-series, Amex, Discover, Diners, JCB, UnionPay, Maestro, Mir).
 */
export function cardSchemeKnown(digits: string): boolean {
  const n = digits.length;
  const p1 = digits.charCodeAt(0) - 48;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (p1 === 4) return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 >= 2200 && p4 <= 2204) return n === 16; // Mir
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) return n >= 16 && n <= 19; // Discover
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  if ((p3 >= 300 && p3 <= 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19; // Diners Club
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p4 === 5018 || p4 === 5020 || p4 === 5038 || p4 === 5893 || p4 === 6304 || p4 === 6759 || (p4 >= 6761 && p4 <= 6763)) return n >= 13 && n <= 19; // Maestro
  return false;
}

/**
 * IBAN length per country (ISO 13616 registry, SWIFT IBAN Registry release 2024).
 * A country not listed here has no IBAN.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.freeze({
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20,
});

/**
 * ISO 13616 / ISO 7064 MOD 97-10 check over a compact upper-case IBAN: move the first four
 * characters to the end, letters become 10..35, the number mod 97 must be 1. Computed
 * digit by digit so no big integers are needed.
 */
export function ibanValid(iban: string): boolean {
  const len = IBAN_LENGTHS[iban.slice(0, 2)];
  if (len === undefined || iban.length !== len) return false;
  let rem = 0;
  for (let k = 0; k < iban.length; k++) {
    const c = iban.charCodeAt((k + 4) % iban.length);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return false;
  }
  return rem === 1;
}

/**
 * US Social Security Number structure (SSA, "SSN randomization", 2011): area 000, 666
 * and 900–999 are never issued, nor group 00 or serial 0000. Two numbers that were
 * published and are known not to belong to anyone are excluded too.
 */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  const whole = area + group + serial;
  return whole !== '078051120' && whole !== '219099999';
}

/** Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter): letter = table[n mod 23]. */
export function spanishIdValid(id: string): boolean {
  const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
  let body = id.slice(0, -1);
  const letter = id.charAt(id.length - 1);
  const lead = body.charAt(0);
  if (lead === 'X' || lead === 'Y' || lead === 'Z') body = String('XYZ'.indexOf(lead)) + body.slice(1);
  if (!/^[0-9]{8}$/.test(body)) return false;
  return LETTERS.charAt(Number(body) % 23) === letter;
}

/**
 * Dutch BSN "11-proef": 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). One in eleven random
 * 9-digit numbers pass, so callers also require a label next to it.
 */
export function bsnValid(nine: string): boolean {
  if (!/^[0-9]{9}$/.test(nine) || nine === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (nine.charCodeAt(i) - 48);
  sum -= nine.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/**
 * UK National Insurance number prefix rules (HMRC NIM39110): first letter not D F I Q U V,
 * second not D F I O Q U V, and the pairs BG GB KN NK NT TN ZZ are never allocated.
 */
export function ninoValid(compact: string): boolean {
  const p = compact.slice(0, 2);
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$/.test(compact)) return false;
  return p !== 'BG' && p !== 'GB' && p !== 'KN' && p !== 'NK' && p !== 'NT' && p !== 'TN' && p !== 'ZZ';
}

/** Shannon entropy in bits per character: random keys score 4–6, words and placeholders ≤ 3.5. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}
