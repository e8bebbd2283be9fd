import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Dispatcher } from 'undici';
import type { ServerResponse } from 'node:http';
import { proxy } from '../../src/pipeline/proxy.js';
import { fakeContext } from '../helpers/fake-context.js';
import type { RequestContext } from '../../src/pipeline/context.js';

/** A ServerResponse stand-in whose socket is full for the first `fullWrites` writes. */
class FakeResponse extends EventEmitter {
  head: { status: number; headers: unknown } | null = null;
  written: string[] = [];
  ended = false;
  statusCode = 200;
  destroyed = false;
  fullWrites: number;
  constructor(fullWrites: number) {
    super();
    this.fullWrites = fullWrites;
  }
  writeHead(status: number, headers: unknown): this {
    this.head = { status, headers };
    return this;
  }
  write(chunk: Buffer): boolean {
    this.written.push(chunk.toString());
    return this.fullWrites-- <= 0;
  }
  end(): void {
    this.ended = true;
  }
}

function setup(fullWrites: number): { ctx: RequestContext; res: FakeResponse; handler: () => Dispatcher.DispatchHandler; done: RequestContext[] } {
  const base = fakeContext({ url: '/openai/deployments/gpt-4o/chat/completions', headers: [['content-type', 'application/json']] });
  const res = new FakeResponse(fullWrites);
  const ctx = Object.assign(Object.create(Object.getPrototypeOf(base) as object) as RequestContext, base, { res: res as unknown as ServerResponse });
  let captured: Dispatcher.DispatchHandler | null = null;
  ctx.routeKind = 'deployment';
  ctx.routeRest = '/chat/completions';
  ctx.deployment = { upstreamName: 'gpt-4o' } as RequestContext['deployment'];
  ctx.body = Buffer.from('{}');
  ctx.backend = {
    hostHeader: 'backend.test',
    auth: { headerName: null, header: () => null },
    dispatcher: { dispatch: (_o: unknown, h: Dispatcher.DispatchHandler) => void (captured = h) },
  } as unknown as RequestContext['backend'];
  const done: RequestContext[] = [];
  proxy(ctx, { maxBodyBytes: 1 << 20, bufferBodyBytes: 1 << 20, onDone: (c) => void done.push(c) });
  return { ctx, res, handler: () => captured!, done };
}

type FakeController = Dispatcher.DispatchController & { pauses: number; resumes: number };

function controller(): FakeController {
  const c = { pauses: 0, resumes: 0, paused: false, aborted: false, reason: null, abort: (): void => undefined, pause: (): void => void c.pauses++, resume: (): void => void c.resumes++ };
  return c as unknown as FakeController;
}

test('response headers: hop-by-hop and the backend x-request-id dropped, repeated ones kept, ours added', () => {
  const { res, handler, ctx } = setup(0);
  const c = controller();
  handler().onRequestStart!(c, {});
  handler().onResponseStart!(c, 200, {
    connection: 'keep-alive', 'keep-alive': 'timeout=5', 'transfer-encoding': 'chunked', 'x-request-id': 'from-backend',
    'set-cookie': ['a=1', 'b=2'], 'x-ms-region': 'East US', 'retry-after': '3',
  }, 'OK');
  assert.deepEqual(res.head, {
    status: 200,
    headers: ['set-cookie', 'a=1', 'set-cookie', 'b=2', 'x-ms-region', 'East US', 'retry-after', '3', 'x-request-id', ctx.id],
  });
});

test('a full client socket pauses the backend until it drains, with one drain listener however often it fills', () => {
  const { res, handler, done } = setup(2);
  const c = controller();
  const h = handler();
  h.onRequestStart!(c, {});
  h.onResponseStart!(c, 200, {}, 'OK');
  assert.equal(res.listenerCount('drain'), 0, 'no listener while the socket keeps up');
  h.onResponseData!(c, Buffer.from('data: 1\n\n'));
  h.onResponseData!(c, Buffer.from('data: 2\n\n'));
  assert.equal(c.pauses, 2);
  assert.equal(res.listenerCount('drain'), 1);
  res.emit('drain');
  assert.equal(c.resumes, 1);
  h.onResponseData!(c, Buffer.from('data: 3\n\n'));
  assert.equal(c.pauses, 2, 'a write that fits does not pause');
  h.onResponseEnd!(c, {});
  assert.deepEqual(res.written, ['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n']);
  assert.ok(res.ended);
  assert.equal(done.length, 1);
  assert.equal(done[0]!.bytesOut, 27);
});
