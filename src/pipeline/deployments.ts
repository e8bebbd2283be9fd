import type { BackendPool } from '../upstream/pool.js';

/** A deployment as the gateway serves it: compiled from `deployments[]` at load. */
export interface Deployment {
  /** The name clients use. */
  readonly name: string;
  /** The deployment name at the backend (Azure deployment), path-safe. */
  readonly upstreamName: string;
  readonly pool: BackendPool;
}
