import type { Stage, Verdict } from '../stage.js';
import { CONTINUE } from '../stage.js';
import type { RequestContext } from '../context.js';
import { HeaderTable } from '../../http/header-table.js';

export interface RequestShapeOptions {
  readonly maxUrlBytes: number;
  readonly maxBodyBytes: number;
}

/**
 * Headers that must appear at most once. Node keeps the first `authorization` or `host`
 * and silently drops the rest, and joins repeated unknown headers such as `api-key`
 * with ", ": either way it would guess, so we refuse (RFC 9110 §5.3 allows repeating
 * only list-valued fields). Credentials come first so their indexes are 0 and 1.
 */
const SINGLETONS = new HeaderTable([
  'api-key',
  'authorization',
  'host',
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'x-request-id',
]);
const CREDENTIAL_COUNT = 2;

/** Refuses requests whose size or framing we will not guess about, before any routing. */
export function createRequestShapeStage(opts: RequestShapeOptions): Stage {
  const { maxUrlBytes, maxBodyBytes } = opts;
  return {
    name: 'request_shape',
    run(ctx: RequestContext): Verdict {
      const req = ctx.req;
      if (ctx.target.length > maxUrlBytes) return 'uri_too_long';

      const raw = req.rawHeaders;
      let seen = 0; // one bit per SINGLETONS index
      for (let i = 0; i < raw.length; i += 2) {
        const idx = SINGLETONS.indexOf(raw[i]!);
        if (idx === -1) continue;
        const bit = 1 << idx;
        if ((seen & bit) !== 0) return idx < CREDENTIAL_COUNT ? 'credential_ambiguous' : 'ambiguous_header';
        seen |= bit;
      }

      const encoding = req.headers['content-encoding'];
      if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return 'unsupported_content_encoding';

      const length = req.headers['content-length'];
      if (length !== undefined && Number(length) > maxBodyBytes) return 'body_too_large';
      return CONTINUE;
    },
  };
}
