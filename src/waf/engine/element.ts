import { ROW_NONE, ROW_NOT_LOOKED_UP } from './value-memo.js';

/**
 * One member of a SecLang collection as the engine iterates it. Keys keep their case for
 * MATCHED_VAR_NAME; `keyLower` is what selectors compare against (ModSecurity v2 matches
 * collection keys case-insensitively).
 */
export interface Element {
  readonly key: string;
  readonly keyLower: string;
  readonly value: string;
  /** A prompt-bearing value (src/waf/request/prompt-fields.ts): skipped by prompt-exempt rules. */
  readonly prompt: boolean;
  /**
   * Row number of remembered rule results for this value (value-memo.ts): ROW_NOT_LOOKED_UP
   * until first looked up, ROW_NONE when the value is not remembered (dynamic, too long).
   */
  memo: number;
  /** A credential: remembered only under a hash of its value. */
  readonly secret: boolean;
}

/** An element of request data: its rule results may be remembered across requests. */
export function element(key: string, value: string, prompt = false): Element {
  return { key, keyLower: key.toLowerCase(), value, prompt, memo: ROW_NOT_LOOKED_UP, secret: false };
}

/**
 * A prompt value: read only by rules that inspect prompts (none of the web-attack groups),
 * so it is not converted or looked up until then, and never remembered (long, rarely repeated).
 * A class, so the lazy `value` is one getter on the prototype, not a closure per element.
 */
class PromptElement implements Element {
  readonly key: string;
  readonly keyLower: string;
  readonly prompt = true;
  memo = ROW_NONE;
  readonly secret = false;
  private readonly source: { readonly value: string };

  constructor(key: string, source: { readonly value: string }) {
    this.key = key;
    this.keyLower = key.toLowerCase();
    this.source = source;
  }

  get value(): string {
    return this.source.value;
  }
}

export function promptElement(key: string, source: { readonly value: string }): Element {
  return new PromptElement(key, source);
}

/** An element whose value changes while rules run (TX, MATCHED_VARS): never remembered. */
export function dynamicElement(key: string, value: string): Element {
  return { key, keyLower: key.toLowerCase(), value, prompt: false, memo: ROW_NONE, secret: false };
}

/** An element holding a secret (credential header, cookie): remembered under a hash only. */
export function secretElement(key: string, value: string): Element {
  return { key, keyLower: key.toLowerCase(), value, prompt: false, memo: ROW_NOT_LOOKED_UP, secret: true };
}

const NO_KEY = '';

export function scalar(value: string): readonly Element[] {
  return [{ key: NO_KEY, keyLower: NO_KEY, value, prompt: false, memo: ROW_NOT_LOOKED_UP, secret: false }];
}

export const EMPTY: readonly Element[] = Object.freeze([]);
