import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errors } from 'undici';
import { BackendAuthError, NotPrivateAddressError, classifyUpstreamError } from '../../src/upstream/upstream-errors.js';

function coded(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

test('classifyUpstreamError: undici timeouts', () => {
  assert.equal(classifyUpstreamError(new errors.ConnectTimeoutError()), 'upstream_timeout');
  assert.equal(classifyUpstreamError(new errors.HeadersTimeoutError()), 'upstream_timeout');
  assert.equal(classifyUpstreamError(new errors.BodyTimeoutError()), 'upstream_timeout');
  assert.equal(classifyUpstreamError(coded('ETIMEDOUT')), 'upstream_timeout');
  assert.equal(classifyUpstreamError(new DOMException('signal timed out', 'TimeoutError')), 'upstream_timeout');
});

test('classifyUpstreamError: certificate and handshake errors', () => {
  for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'ERR_SSL_WRONG_VERSION_NUMBER']) {
    assert.equal(classifyUpstreamError(coded(code)), 'upstream_tls_error', code);
  }
});

test('classifyUpstreamError: our own codes', () => {
  assert.equal(classifyUpstreamError(new NotPrivateAddressError('b', 'h.example', '8.8.8.8')), 'upstream_not_private');
  assert.equal(classifyUpstreamError(new BackendAuthError('b', 'no token')), 'upstream_auth_error');
  assert.equal(new NotPrivateAddressError('b', 'h', '1.1.1.1').code, 'PCS_ERR_NOT_PRIVATE');
  assert.equal(new BackendAuthError('b', 'x').code, 'PCS_ERR_BACKEND_AUTH');
});

test('classifyUpstreamError: looks through causes and AggregateErrors', () => {
  const wrapped = new errors.SocketError('other side closed');
  (wrapped as { cause?: unknown }).cause = coded('CERT_HAS_EXPIRED');
  assert.equal(classifyUpstreamError(wrapped), 'upstream_tls_error');
  assert.equal(classifyUpstreamError(new Error('outer', { cause: new Error('mid', { cause: new NotPrivateAddressError('b', 'h', '8.8.8.8') }) })), 'upstream_not_private');
  assert.equal(classifyUpstreamError(new AggregateError([coded('ECONNREFUSED'), coded('ETIMEDOUT')])), 'upstream_timeout');
});

test('classifyUpstreamError: everything else is upstream_error', () => {
  for (const e of [coded('ECONNREFUSED'), coded('ECONNRESET'), coded('ENOTFOUND'), new errors.SocketError('closed'), new Error('x'), 'string', null, undefined, 42, {}]) {
    assert.equal(classifyUpstreamError(e), 'upstream_error');
  }
  // A cause cycle must not loop.
  const a = new Error('a') as Error & { cause?: unknown };
  const b = new Error('b', { cause: a });
  a.cause = b;
  assert.equal(classifyUpstreamError(a), 'upstream_error');
});
