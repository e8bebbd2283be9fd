import { chatCompletion } from './chat.js';
import { completion } from './completions.js';
import { embeddings } from './embeddings.js';
import type { JsonObject } from './fields.js';
import type { HandlerReply } from './reply.js';
import { createResponse } from './responses.js';

export type Operation = (body: JsonObject, model: string) => HandlerReply;

/** A matched data-plane route. */
export interface Route {
  operation: Operation;
  /** The deployment named in the path; null on v1 routes, where the body names the model. */
  deployment: string | null;
}

/** Operations under `/openai/deployments/{deployment}/…` (Azure's classic data plane). */
const DEPLOYMENT_OPERATIONS: ReadonlyMap<string, Operation> = new Map([
  ['chat/completions', chatCompletion],
  ['completions', completion],
  ['embeddings', embeddings],
]);

/** Operations under `/openai/v1/…` (Azure's OpenAI-compatible v1 data plane). */
const V1_OPERATIONS: ReadonlyMap<string, Operation> = new Map([
  ['chat/completions', chatCompletion],
  ['completions', completion],
  ['embeddings', embeddings],
  ['responses', createResponse],
]);

const DEPLOYMENTS_PREFIX = '/openai/deployments/';
const V1_PREFIX = '/openai/v1/';

/**
 * Finds the operation for a POST path, or null (the caller answers 404 without asking for
 * credentials, as Azure does). Every deployment name is accepted.
 */
export function matchRoute(method: string | undefined, path: string): Route | null {
  if (method !== 'POST') return null;
  if (path.startsWith(V1_PREFIX)) {
    const operation = V1_OPERATIONS.get(path.slice(V1_PREFIX.length));
    return operation === undefined ? null : { operation, deployment: null };
  }
  if (!path.startsWith(DEPLOYMENTS_PREFIX)) return null;
  const rest = path.slice(DEPLOYMENTS_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  const operation = DEPLOYMENT_OPERATIONS.get(rest.slice(slash + 1));
  if (operation === undefined) return null;
  let deployment: string;
  try {
    deployment = decodeURIComponent(rest.slice(0, slash));
  } catch {
    return null;
  }
  return { operation, deployment };
}
