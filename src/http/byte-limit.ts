import { Transform, type TransformCallback } from 'node:stream';

/** Thrown into the body stream when a chunked body crosses the limit. */
export class BodyTooLargeError extends Error {
  readonly code = 'PCS_ERR_BODY_TOO_LARGE';
  constructor() {
    super('request body exceeds the configured limit');
  }
}

/**
 * Counts a streamed body and fails it the moment it crosses `max`. Used only for bodies
 * without Content-Length (chunked); a declared length is checked before any byte moves
 * and Node's parser holds the sender to it.
 */
export class ByteLimit extends Transform {
  readonly #max: number;
  bytes = 0;
  constructor(max: number) {
    super();
    this.#max = max;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.#max) done(new BodyTooLargeError());
    else done(null, chunk);
  }
}
