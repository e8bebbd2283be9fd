import type { TLSSocket } from 'node:tls';
import type { Stage, Verdict } from '../stage.js';
import { CONTINUE } from '../stage.js';
import type { RequestContext } from '../context.js';
import type { KeyStore } from '../../identity/key-store.js';
import type { Identity } from '../../identity/identity.js';

export interface IdentityStageOptions {
  readonly keys: KeyStore;
  /** Clients known by the CN of a verified client certificate. */
  readonly certClients: ReadonlyMap<string, Identity>;
  readonly now: () => number;
}

const BEARER = /^Bearer ([\x21-\x7e]+)$/i;

/**
 * Establishes who is calling. A presented API key (in `api-key`, or as
 * `Authorization: Bearer`, the two ways Azure OpenAI clients send it) is authoritative;
 * presenting both is ambiguous and refused. Without a key, a client certificate that
 * the listener verified against its client CA identifies a configured client.
 */
export function createIdentityStage(opts: IdentityStageOptions): Stage {
  const { keys, certClients, now } = opts;
  return {
    name: 'identity',
    run(ctx: RequestContext): Verdict {
      const headers = ctx.req.headers;
      const apiKey = headers['api-key'];
      const authorization = headers.authorization;
      let presented: string;
      if (apiKey !== undefined) {
        if (authorization !== undefined) return 'credential_ambiguous';
        // Repeated api-key headers were refused by request_shape already.
        presented = apiKey as string;
      } else if (authorization !== undefined) {
        const m = BEARER.exec(authorization);
        if (m === null) return 'credential_invalid';
        presented = m[1]!;
      } else {
        return identifyByCertificate(ctx, certClients);
      }
      const result = keys.check(presented, now());
      if (!result.ok) return result.reason;
      ctx.identity = result.identity;
      return CONTINUE;
    },
  };
}

function identifyByCertificate(ctx: RequestContext, certClients: ReadonlyMap<string, Identity>): Verdict {
  if (certClients.size === 0) return 'credential_missing';
  const socket = ctx.req.socket as TLSSocket;
  // `authorized` is true only when the chain verified against the listener's clientCa.
  if (socket.encrypted !== true || !socket.authorized) return 'credential_missing';
  const cn = socket.getPeerCertificate().subject?.CN;
  const identity = typeof cn === 'string' ? certClients.get(cn) : undefined;
  if (identity === undefined) return 'credential_invalid';
  ctx.identity = identity;
  return CONTINUE;
}
