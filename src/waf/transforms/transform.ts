import type { ByteString } from './byte-string.js';

/**
 * A transformation: a pure function from one byte string to another.
 * Returns the output and whether it differs from the input (`changed`); the rule
 * engine uses `changed` for `multiMatch` and the chain cache stores both.
 */
export type Transform = (input: ByteString) => [output: ByteString, changed: boolean];
