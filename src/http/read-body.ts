import type { IncomingMessage } from 'node:http';

/** The request declares a body (any Transfer-Encoding, or a non-zero Content-Length). */
export function hasBody(req: IncomingMessage): boolean {
  const h = req.headers;
  return h['transfer-encoding'] !== undefined || (h['content-length'] !== undefined && h['content-length'] !== '0');
}

/**
 * Reads a whole request body, refusing past `maxBytes` as soon as the count crosses it
 * (not after buffering it). Used only where a decision needs the body (v1 model routing, the WAF);
 * the total time is bounded by the server's requestTimeout.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'body_too_large' | 'client_closed'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        req.pause();
        resolve('body_too_large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    // The client went away mid-body (reset, abort): not a gateway failure.
    const onError = (): void => {
      cleanup();
      resolve('client_closed');
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
}
