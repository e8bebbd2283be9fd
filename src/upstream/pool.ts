import type { Backend } from './backend.js';

/**
 * The backends of one deployment, chosen round-robin among the healthy ones.
 *
 * `pick()` runs on every request: no allocation, one pass over a short array, skipping
 * backends whose probe says unhealthy (or has not decided yet). With a single healthy
 * backend out of n, a pick costs at most n status reads.
 */
export class BackendPool {
  readonly backends: readonly Backend[];
  #next = 0;

  constructor(backends: readonly Backend[]) {
    this.backends = Object.freeze([...backends]);
  }

  /** The next healthy backend after the last one picked, or null when none is healthy. */
  pick(): Backend | null {
    const list = this.backends;
    const n = list.length;
    let i = this.#next;
    for (let tried = 0; tried < n; tried++) {
      if (i >= n) i = 0;
      const b = list[i]!;
      i++;
      if (b.health.status === 'healthy') {
        this.#next = i;
        return b;
      }
    }
    return null;
  }

  /** How many backends are healthy now (for readiness and metrics, not the hot path). */
  healthyCount(): number {
    let n = 0;
    for (const b of this.backends) if (b.health.status === 'healthy') n++;
    return n;
  }
}
