import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { REASONS, type Reason } from '../errors/reasons.js';

/**
 * Azure OpenAI shaped error bodies, prepared once per reason at load: the request path
 * only looks them up. The body carries the reason code, never internals.
 */
const BODIES: ReadonlyMap<Reason, Buffer> = new Map(
  (Object.keys(REASONS) as Reason[]).map((reason) => [
    reason,
    Buffer.from(JSON.stringify({ error: { code: reason, message: REASONS[reason].message } })),
  ]),
);

export function errorBody(reason: Reason): Buffer {
  return BODIES.get(reason)!;
}

/** Sends the reason's error on a response that has not started yet. */
export function sendError(res: ServerResponse, reason: Reason, requestId: string | null, extraHeaders?: Record<string, string>): void {
  if (res.headersSent) {
    // Too late for a status: the only honest signal left is to cut the stream.
    res.destroy();
    return;
  }
  const body = BODIES.get(reason)!;
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': body.length,
    ...extraHeaders,
  };
  if (requestId !== null) headers['x-request-id'] = requestId;
  // After a refused body the rest of it may still be in flight: close rather than read it.
  if (reason === 'body_too_large') headers.connection = 'close';
  res.writeHead(REASONS[reason].status, headers);
  res.end(body);
}

/**
 * Writes a complete HTTP/1.1 error response on a raw socket: used where Node's parser
 * rejected the request before a ServerResponse exists ('clientError'). The connection
 * is closed afterwards because the framing can no longer be trusted.
 */
export function writeRawError(socket: Socket, reason: Reason, requestId: string | null): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = BODIES.get(reason)!;
  const status = REASONS[reason].status;
  const head =
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
    'content-type: application/json\r\n' +
    `content-length: ${body.length}\r\n` +
    (requestId !== null ? `x-request-id: ${requestId}\r\n` : '') +
    'connection: close\r\n\r\n';
  socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
}
