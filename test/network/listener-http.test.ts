import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ListenerHandle } from '../../src/network/listener.js';
import { clientErrorReason } from '../../src/network/listener.js';
import { eventually, get, handshake, makePki, parseRawResponse, rawExchange, rawTlsExchange, start, TempDir, type TestPki } from './helpers.js';

const TLS = { tls: { cert: 'server.pem', key: 'server-key.pem' } };

/** Answers once the whole body has arrived, so body framing errors reach the parser first. */
function afterBody(req: IncomingMessage, res: ServerResponse): void {
  let n = 0;
  req.on('data', (c: Buffer) => (n += c.length));
  req.on('end', () => res.end(`got ${n} bytes`));
  req.on('error', () => undefined);
}

describe('HTTP framing, limits and shutdown', { timeout: 30_000 }, () => {
  let dir: TempDir;
  let pki: TestPki;
  const handles: ListenerHandle[] = [];

  before(async () => {
    dir = new TempDir();
    pki = await makePki();
    dir.write('server.pem', pki.server.certPem);
    dir.write('server-key.pem', pki.server.keyPem);
  });
  after(async () => {
    await Promise.all(handles.map((h) => h.close(0)));
    dir.remove();
  });

  describe("requests Node's parser rejects get our error bodies", () => {
    let port: number;
    let handle: ListenerHandle;

    before(async () => {
      ({ handle, port } = await start({ dir, listener: TLS, onRequest: afterBody }));
      handles.push(handle);
    });

    it('20 KB of headers: 431 headers_too_large', async () => {
      const raw = await rawTlsExchange(port, pki.ca.certPem, `GET / HTTP/1.1\r\nHost: localhost\r\nx-filler: ${'a'.repeat(20_000)}\r\n\r\n`);
      const r = parseRawResponse(raw);
      assert.equal(r.status, 431);
      assert.match(r.headers, /content-type: application\/json/);
      assert.match(r.headers, /connection: close/);
      assert.deepEqual(r.body, { error: { code: 'headers_too_large', message: 'The request headers are too large.' } });
    });

    it('Content-Length together with Transfer-Encoding: 400 bad_request (request smuggling, RFC 9112 §6.1)', async () => {
      const raw = await rawTlsExchange(port, pki.ca.certPem, 'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
      const r = parseRawResponse(raw);
      assert.equal(r.status, 400);
      assert.deepEqual((r.body as { error: { code: string } }).error.code, 'bad_request');
    });

    it('an invalid chunk and a control character in a header: 400 bad_request, nothing echoed', async () => {
      const chunk = parseRawResponse(await rawTlsExchange(port, pki.ca.certPem, 'POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz<script>\r\n'));
      assert.equal(chunk.status, 400);
      assert.equal((chunk.body as { error: { code: string } }).error.code, 'bad_request');
      const header = await rawTlsExchange(port, pki.ca.certPem, 'GET / HTTP/1.1\r\nHost: localhost\r\nx-bad: a\x01<script>\r\n\r\n');
      assert.equal(parseRawResponse(header).status, 400);
      assert.doesNotMatch(header, /script|HPE_/);
    });

    it('an HTTP/1.1 request without Host: 400 bad_request (RFC 9112 §3.2)', async () => {
      const r = parseRawResponse(await rawTlsExchange(port, pki.ca.certPem, 'GET / HTTP/1.1\r\n\r\n'));
      assert.equal(r.status, 400);
      assert.match(r.headers, /connection: close/);
      assert.equal((r.body as { error: { code: string } }).error.code, 'bad_request');
    });

    it('keeps serving afterwards, and counts what it refused', async () => {
      const r = await get(port, { ca: pki.ca.certPem });
      assert.equal(r.status, 200);
      assert.equal(handle.counters.clientErrors.headers_too_large, 1);
      assert.equal(handle.counters.clientErrors.bad_request, 3);
    });
  });

  it('maps parser error codes to reasons', () => {
    assert.equal(clientErrorReason('HPE_HEADER_OVERFLOW'), 'headers_too_large');
    assert.equal(clientErrorReason('ERR_HTTP_REQUEST_TIMEOUT'), 'request_timeout');
    assert.equal(clientErrorReason('HPE_UNEXPECTED_CONTENT_LENGTH'), 'bad_request');
    assert.equal(clientErrorReason('HPE_INVALID_CHUNK_SIZE'), 'bad_request');
    assert.equal(clientErrorReason('ECONNRESET'), null);
    assert.equal(clientErrorReason('EPIPE'), null);
    assert.equal(clientErrorReason('ERR_SSL_WRONG_VERSION_NUMBER'), null);
    assert.equal(clientErrorReason(undefined), null);
  });

  it('slow headers and a slow body get 408 request_timeout', async () => {
    const { handle, port } = await start({ dir, listener: TLS, limits: { headersTimeoutMs: 200, requestTimeoutMs: 400 }, onRequest: afterBody });
    handles.push(handle);
    const t0 = Date.now();
    const slowHeaders = parseRawResponse(await rawTlsExchange(port, pki.ca.certPem, 'GET / HTTP/1.1\r\nHost: localhost\r\nx-partial: 1\r\n'));
    assert.equal(slowHeaders.status, 408);
    assert.equal((slowHeaders.body as { error: { code: string } }).error.code, 'request_timeout');
    assert.ok(Date.now() - t0 < 3000, `took ${Date.now() - t0} ms`);
    const slowBody = parseRawResponse(await rawTlsExchange(port, pki.ca.certPem, 'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\nab'));
    assert.equal(slowBody.status, 408);
  });

  it('a TLS handshake that never starts is closed after tlsHandshakeTimeoutMs', async () => {
    const { handle, port } = await start({ dir, listener: TLS, limits: { tlsHandshakeTimeoutMs: 200 } });
    handles.push(handle);
    const t0 = Date.now();
    const r = await rawExchange(port, '', { waitMs: 5000 });
    assert.equal(r.received.length, 0);
    assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
    await eventually(() => handle.counters.tlsHandshakeFailed === 1, 'the timeout to be counted');
  });

  it('plaintext listener: plain HTTP with the same limits', async () => {
    const { handle, port } = await start({ dir, listener: { plaintext: true } });
    handles.push(handle);
    const body = await new Promise<string>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: '/' }, (res) => {
        let b = '';
        res.on('data', (c: Buffer) => (b += c.toString()));
        res.on('end', () => resolve(b));
      })
        .on('error', reject)
        .end();
    });
    assert.equal(body, 'hello 127.0.0.1');
    const raw = await rawExchange(port, `GET / HTTP/1.1\r\nHost: localhost\r\nx-filler: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.equal(parseRawResponse(raw.received.toString('latin1')).status, 431);
  });

  it('a port in use is a start-up error naming the listener', async () => {
    const { handle, port } = await start({ dir, listener: TLS });
    handles.push(handle);
    await assert.rejects(start({ dir, listener: { ...TLS, port } }), (err: Error) => {
      assert.equal(err.message, `listeners[0].port: cannot listen on 127.0.0.1:${port}: EADDRINUSE`);
      return true;
    });
  });

  it('close(grace): in-flight requests finish with connection: close, new connections are refused', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { handle, port } = await start({
      dir,
      listener: TLS,
      onRequest: (_req, res) => {
        void gate.then(() => res.end('finished'));
      },
    });
    const inflight = get(port, { ca: pki.ca.certPem });
    await eventually(() => handle.counters.accepted === 1, 'the request to arrive');
    await new Promise((r) => setTimeout(r, 50));
    const closing = handle.close(5000);
    await assert.rejects(handshake(port, { ca: pki.ca.certPem }), { code: 'ECONNREFUSED' });
    release();
    const r = await inflight;
    assert.equal(r.status, 200);
    assert.equal(r.body, 'finished');
    assert.equal(r.headers.connection, 'close');
    await closing;
  });

  it('close(grace): what is still running after the grace period is cut', async () => {
    const { handle, port } = await start({ dir, listener: TLS, onRequest: () => undefined });
    const hanging = get(port, { ca: pki.ca.certPem });
    await eventually(() => handle.counters.accepted === 1, 'the request to arrive');
    const t0 = Date.now();
    await handle.close(200);
    assert.ok(Date.now() - t0 < 2000, `close took ${Date.now() - t0} ms`);
    await assert.rejects(hanging);
  });
});
