/** Failure modes the emulator can inject into data-plane requests. */
export const FAULT_MODES = [
  /** 429 with `retry-after` and `retry-after-ms`, as Azure sends when a deployment's quota is spent. */
  'status429',
  /** 500 with Azure's JSON error. */
  'status500',
  /** Read the request, then never answer; close() still ends the socket. */
  'hang',
  /** Destroy the connection without an answer (a TCP RST where the socket type allows it). */
  'reset',
] as const;

export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultSpec {
  mode: FaultMode;
  /** Fault every Nth data-plane request, counted from when the spec was set. Default 1 (every request). */
  every?: number;
  /** Seconds sent in `retry-after` with status429. Default 1. */
  retryAfterSeconds?: number;
}

const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** A validated spec, frozen so that a caller keeping a reference cannot change it mid-run. */
interface ActiveFault {
  readonly mode: FaultMode;
  readonly every: number;
  readonly retryAfterSeconds: number;
}

export function validateFaultSpec(spec: FaultSpec): ActiveFault {
  if (!FAULT_MODES.includes(spec.mode)) {
    throw new TypeError(`faults.mode must be one of ${FAULT_MODES.join(', ')}; got ${JSON.stringify(spec.mode)}`);
  }
  const every = spec.every ?? 1;
  if (!Number.isInteger(every) || every < 1) throw new TypeError(`faults.every must be a positive integer; got ${every}`);
  const retryAfterSeconds = spec.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  if (!Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 0) {
    throw new TypeError(`faults.retryAfterSeconds must be a non-negative number; got ${retryAfterSeconds}`);
  }
  return Object.freeze({ mode: spec.mode, every, retryAfterSeconds });
}

/** Decides, request by request, whether to inject the configured fault. */
export class FaultInjector {
  #active: ActiveFault | null = null;
  #count = 0;

  constructor(spec: FaultSpec | null | undefined) {
    this.set(spec ?? null);
  }

  /** Replaces the spec and restarts the count, so "every Nth" is relative to this call. */
  set(spec: FaultSpec | null): void {
    this.#active = spec === null ? null : validateFaultSpec(spec);
    this.#count = 0;
  }

  /** Counts one data-plane request and returns the fault to inject into it, or null. */
  next(): ActiveFault | null {
    const active = this.#active;
    if (active === null) return null;
    this.#count++;
    return this.#count % active.every === 0 ? active : null;
  }
}

/**
 * Parses the CLI form `mode[:every[:retryAfterSeconds]]`, e.g. `status429`, `status429:3:2`, `reset:10`.
 */
export function parseFaultSpec(text: string): FaultSpec {
  const [mode = '', every, retryAfter] = text.split(':');
  const spec: FaultSpec = { mode: mode as FaultMode };
  if (every !== undefined && every !== '') spec.every = Number(every);
  if (retryAfter !== undefined && retryAfter !== '') spec.retryAfterSeconds = Number(retryAfter);
  validateFaultSpec(spec);
  return spec;
}
