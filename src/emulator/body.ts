import type { IncomingMessage } from 'node:http';

/** Default request body cap. Azure's own limit for chat requests is of this order. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' | 'aborted' };

/**
 * Reads the whole request body, up to `limit` bytes. A declared Content-Length over the limit
 * is refused before any byte is read; a chunked body is refused as soon as it crosses it. The
 * rest of an oversized body is drained, not buffered, so the client can still read the 413.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false, reason: 'too_large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        req.resume();
        resolve({ ok: false, reason: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve({ ok: true, body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size) });
    };
    const onAborted = (): void => {
      cleanup();
      resolve({ ok: false, reason: 'aborted' });
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onAborted);
    };
    req.on('data', onData);
    req.once('end', onEnd);
    // 'close' before 'end' means the client went away mid-body.
    req.once('close', onAborted);
  });
}
