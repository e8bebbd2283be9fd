import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reason } from '../errors/reasons.js';
import type { Identity } from '../identity/identity.js';
import type { Backend } from '../upstream/backend.js';
import type { Deployment } from './deployments.js';
import type { WafOutcome } from '../waf/waf.js';

/** Which part of the Azure OpenAI data-plane tree a request addresses. */
export type RouteKind = 'deployment' | 'v1';

/**
 * Everything the stages share about one request. Fixed shape: every field is set in the
 * constructor (null when not known yet) so V8 keeps one hidden class for all requests.
 */
export class RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Returned to the client as `x-request-id` and written in the access log. */
  readonly id: string;
  /** process.hrtime.bigint() at the start, for latency. */
  readonly startedAt: bigint;
  /** The TCP peer. */
  readonly peerAddress: string;
  /** The client: the peer, or the address a trusted proxy reported in x-forwarded-for. */
  clientAddress: string;
  /** Path and query as received. */
  readonly target: string;

  routeKind: RouteKind | null = null;
  /** Deployment name as the client wrote it (deployment routes) or the body's model (v1). */
  deploymentName: string | null = null;
  deployment: Deployment | null = null;
  /** Path after `/openai/deployments/{name}` or after `/openai/v1`, validated. */
  routeRest: string | null = null;
  /** The normalised query string (with leading '?', or ''). */
  query: string = '';
  /** Body read ahead by a stage that needed it (v1 model routing); null when streamed. */
  body: Buffer | null = null;
  /** `body` already parsed as JSON (v1 model routing), so the WAF does not parse it again; undefined when not parsed. */
  json: unknown = undefined;

  identity: Identity | null = null;
  /** What the WAF decided, when it ran (audit record). */
  waf: WafOutcome | null = null;
  backend: Backend | null = null;

  /** The deny reason, when the gateway refused or failed the request. */
  reason: Reason | null = null;
  /** Reasons that shadow-mode stages would have denied with, not enforced. */
  shadowReasons: Reason[] | null = null;
  /** Time to upstream response headers, ms. */
  upstreamMs: number | null = null;
  bytesIn = 0;
  bytesOut = 0;

  constructor(req: IncomingMessage, res: ServerResponse, id: string, peerAddress: string) {
    this.req = req;
    this.res = res;
    this.id = id;
    this.startedAt = process.hrtime.bigint();
    this.peerAddress = peerAddress;
    this.clientAddress = peerAddress;
    this.target = req.url ?? '';
  }
}
