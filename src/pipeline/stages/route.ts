import type { Stage, Verdict } from '../stage.js';
import { CONTINUE } from '../stage.js';
import type { RequestContext } from '../context.js';

/**
 * The only request targets we forward: the Azure OpenAI data-plane tree. Every segment is
 * plain unreserved characters (RFC 3986 §2.3) plus ':'; no percent-encoding, no empty,
 * '.' or '..' segment, no backslash. A target outside this grammar is refused rather than
 * normalised: whatever we forward is byte-for-byte what we checked, so neither `..` nor an
 * encoded slash can reach another path upstream.
 */
const SEGMENT = '[A-Za-z0-9_~:-][A-Za-z0-9._~:-]*|\\.[A-Za-z0-9_~:-][A-Za-z0-9._~:-]*';
const DEPLOYMENT_PATH = new RegExp(`^/openai/deployments/([A-Za-z0-9][A-Za-z0-9._-]{0,63})((?:/(?:${SEGMENT}))+)$`);
const V1_PATH = new RegExp(`^/openai/v1((?:/(?:${SEGMENT}))+)$`);

/** Azure's dated versions (`2024-10-21`, `2025-04-01-preview`); v1 also takes `preview`, `latest`, `v1`. */
const DATED_VERSION = /^\d{4}-\d{2}-\d{2}(?:-preview)?$/;
const V1_VERSION = /^(?:v1|preview|latest|\d{4}-\d{2}-\d{2}(?:-preview)?)$/;

/** Methods the data plane uses: reads, creates and deletes (files, responses, batches). */
const METHODS = new Set(['GET', 'POST', 'DELETE']);

const QUERY_LIMIT = 32;

/**
 * Matches the request target against the data-plane tree and normalises the query.
 * Deployment existence is checked after identity, so an unauthenticated caller cannot
 * probe which deployments exist.
 */
export function createRouteStage(): Stage {
  return {
    name: 'route',
    run(ctx: RequestContext): Verdict {
      const target = ctx.target;
      const q = target.indexOf('?');
      const path = q === -1 ? target : target.slice(0, q);

      let versionRequired: boolean;
      const dep = DEPLOYMENT_PATH.exec(path);
      if (dep !== null) {
        ctx.routeKind = 'deployment';
        ctx.deploymentName = dep[1]!;
        ctx.routeRest = dep[2]!;
        versionRequired = true;
      } else {
        const v1 = V1_PATH.exec(path);
        if (v1 === null) return 'route_not_found';
        ctx.routeKind = 'v1';
        ctx.routeRest = v1[1]!;
        versionRequired = false;
      }
      if (!METHODS.has(ctx.req.method!)) return 'method_not_allowed';

      if (q === -1) return versionRequired ? 'missing_api_version' : CONTINUE;
      // Re-serialising the parsed query means upstream sees exactly the parameters we
      // checked, in one canonical encoding.
      const params = new URLSearchParams(target.slice(q + 1));
      if (params.size > QUERY_LIMIT) return 'bad_request';
      const versions = params.getAll('api-version');
      if (versions.length > 1) return 'invalid_api_version';
      const version = versions[0];
      if (version === undefined) {
        if (versionRequired) return 'missing_api_version';
      } else if (!(versionRequired ? DATED_VERSION : V1_VERSION).test(version)) {
        return 'invalid_api_version';
      }
      const normalised = params.toString();
      ctx.query = normalised === '' ? '' : `?${normalised}`;
      return CONTINUE;
    },
  };
}
