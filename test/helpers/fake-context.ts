import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestContext } from '../../src/pipeline/context.js';

/** A RequestContext over a fake request, for unit tests of single stages. */
export function fakeContext(init: { url: string; method?: string; headers?: [string, string][] }): RequestContext {
  const raw = (init.headers ?? []).flat();
  const headers: Record<string, string> = {};
  for (const [k, v] of init.headers ?? []) headers[k.toLowerCase()] = v;
  const req = { url: init.url, method: init.method ?? 'POST', headers, rawHeaders: raw, socket: {} } as unknown as IncomingMessage;
  return new RequestContext(req, {} as ServerResponse, 'test-id', '127.0.0.1');
}
