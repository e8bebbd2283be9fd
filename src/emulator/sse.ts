import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { drained, pause } from './timing.js';

const DONE = 'data: [DONE]\n\n';

/**
 * Streams events the way Azure OpenAI does: one `data: <json>` event per chunk, then
 * `data: [DONE]`. Each chunk is written as soon as it exists; with Nagle's algorithm off it
 * leaves in its own TCP segment, which is what lets a test see the first chunk early.
 */
export async function writeSse(
  res: ServerResponse,
  headers: OutgoingHttpHeaders,
  events: readonly unknown[],
  chunkDelayMs: number,
): Promise<void> {
  headers['cache-control'] = 'no-cache';
  res.writeHead(200, headers);
  res.socket?.setNoDelay(true);
  res.flushHeaders();
  for (let i = 0; i <= events.length; i++) {
    if (i > 0 && chunkDelayMs > 0 && !(await pause(chunkDelayMs, res))) return;
    if (res.destroyed) return;
    if (i === events.length) {
      res.end(DONE);
      return;
    }
    if (!res.write(`data: ${JSON.stringify(events[i])}\n\n`) && !(await drained(res))) return;
  }
}
